from enum import StrEnum

class AssetKind(StrEnum):
    AUDIO = "audio"
    FONT = "font"
    IMAGE = "image"
    OTHER = "other"
    VIDEO = "video"

    def __str__(self) -> str:
        return str(self.value)
