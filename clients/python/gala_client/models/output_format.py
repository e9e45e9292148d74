from enum import StrEnum

class OutputFormat(StrEnum):
    GIF = "gif"
    JPG = "jpg"
    MP4 = "mp4"
    WEBM = "webm"

    def __str__(self) -> str:
        return str(self.value)
