from enum import StrEnum

class StorageProvider(StrEnum):
    GDRIVE = "gdrive"
    LOCALFS = "localfs"
    S3 = "s3"

    def __str__(self) -> str:
        return str(self.value)
