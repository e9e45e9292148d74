from enum import StrEnum

class EventKind(StrEnum):
    BATCH_CANCELED = "batch.canceled"
    BATCH_CREATED = "batch.created"
    BATCH_DONE = "batch.done"
    BATCH_FAILED = "batch.failed"
    BATCH_RETRIED = "batch.retried"
    CANCELED = "canceled"
    CLAIMED = "claimed"
    CREATED = "created"
    DISPATCHED = "dispatched"
    DONE = "done"
    FAILED = "failed"
    PROGRESS = "progress"
    RETRIED = "retried"
    STAGE = "stage"

    def __str__(self) -> str:
        return str(self.value)
