from enum import StrEnum

class BatchStatus(StrEnum):
    CANCELED = "canceled"
    DONE = "done"
    FAILED = "failed"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
