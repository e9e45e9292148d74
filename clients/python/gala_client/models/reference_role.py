from enum import StrEnum

class ReferenceRole(StrEnum):
    BASE = "base"
    EYES_CLOSED = "eyes_closed"
    EYES_OPEN = "eyes_open"
    MOUTH_A = "mouth_A"
    MOUTH_B = "mouth_B"
    MOUTH_C = "mouth_C"
    MOUTH_D = "mouth_D"
    MOUTH_E = "mouth_E"
    MOUTH_F = "mouth_F"
    MOUTH_G = "mouth_G"
    MOUTH_H = "mouth_H"
    MOUTH_X = "mouth_X"
    PHOTO = "photo"

    def __str__(self) -> str:
        return str(self.value)
