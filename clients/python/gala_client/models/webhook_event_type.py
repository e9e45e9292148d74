from enum import StrEnum

class WebhookEventType(StrEnum):
    BATCH_CANCELED = "batch.canceled"
    BATCH_CREATED = "batch.created"
    BATCH_DONE = "batch.done"
    BATCH_FAILED = "batch.failed"
    JOB_CANCELED = "job.canceled"
    JOB_CREATED = "job.created"
    JOB_DONE = "job.done"
    JOB_FAILED = "job.failed"
    JOB_STAGE_CHANGED = "job.stage_changed"

    def __str__(self) -> str:
        return str(self.value)
