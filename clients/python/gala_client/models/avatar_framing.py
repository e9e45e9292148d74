from enum import StrEnum

class AvatarFraming(StrEnum):
    BUST = "bust"
    CIRCLE = "circle"
    FULL = "full"
    PIP = "pip"

    def __str__(self) -> str:
        return str(self.value)
