from enum import StrEnum

class ResolvedRigKind(StrEnum):
    PHOTO = "photo"
    PUPPET = "puppet"

    def __str__(self) -> str:
        return str(self.value)
