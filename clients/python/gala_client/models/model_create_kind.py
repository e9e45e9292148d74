from enum import StrEnum

class ModelCreateKind(StrEnum):
    AVATAR = "avatar"

    def __str__(self) -> str:
        return str(self.value)
