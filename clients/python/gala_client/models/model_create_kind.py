from enum import StrEnum

class ModelCreateKind(StrEnum):
    AVATAR = "avatar"
    PHOTO = "photo"
    PUPPET = "puppet"

    def __str__(self) -> str:
        return str(self.value)
