from enum import StrEnum

class JobStatus(StrEnum):
    CANCELED = "canceled"
    DONE = "done"
    FAILED = "failed"
    QUEUED = "queued"
    RENDERING = "rendering"
    UPLOADING = "uploading"

    def __str__(self) -> str:
        return str(self.value)
