from enum import StrEnum

class SoundRole(StrEnum):
    EFFECT = "effect"
    MUSIC = "music"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)
