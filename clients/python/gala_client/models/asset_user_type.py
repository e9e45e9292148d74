from enum import StrEnum

class AssetUserType(StrEnum):
    JOB = "job"
    MODEL = "model"
    TEMPLATE = "template"

    def __str__(self) -> str:
        return str(self.value)
