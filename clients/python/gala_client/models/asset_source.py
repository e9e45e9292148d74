from enum import StrEnum

class AssetSource(StrEnum):
    RENDER = "render"
    SPEECH = "speech"
    UPLOAD = "upload"

    def __str__(self) -> str:
        return str(self.value)
