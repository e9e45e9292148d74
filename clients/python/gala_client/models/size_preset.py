from enum import StrEnum

class SizePreset(StrEnum):
    VALUE_0 = "240p"
    VALUE_1 = "360p"
    VALUE_2 = "480p"
    VALUE_3 = "720p"
    VALUE_4 = "1080p"
    VALUE_5 = "1440p"
    VALUE_6 = "2160p"

    def __str__(self) -> str:
        return str(self.value)
