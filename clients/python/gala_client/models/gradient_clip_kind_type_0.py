from enum import StrEnum

class GradientClipKindType0(StrEnum):
    LINEAR = "linear"
    RADIAL = "radial"

    def __str__(self) -> str:
        return str(self.value)
