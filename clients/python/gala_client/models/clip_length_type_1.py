from enum import StrEnum

class ClipLengthType1(StrEnum):
    AUTO = "auto"
    END = "end"

    def __str__(self) -> str:
        return str(self.value)
