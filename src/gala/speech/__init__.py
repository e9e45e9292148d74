"""Text to speech with word and phoneme timings (docs/speech.md).

Imports nothing of GALA outside this package and nothing of the renderer: it runs under the jobs stage.
GPL-licensed engines run in helper processes (espeak_helper.py, piper_helper.py), never in this one.
"""

from gala.speech.espeak import EspeakEngine
from gala.speech.model import (
    MAX_AUDIO_SECONDS,
    MAX_BREAK_SECONDS,
    MAX_SCRIPT_CHARS,
    Envelope,
    Phoneme,
    Speech,
    SpeechEngine,
    SpeechError,
    SpeechInputError,
    SpeechRequest,
    VoiceSettings,
    Word,
    cache_key,
    request_cache_key,
)

__all__ = [
    "MAX_AUDIO_SECONDS",
    "MAX_BREAK_SECONDS",
    "MAX_SCRIPT_CHARS",
    "Envelope",
    "EspeakEngine",
    "Phoneme",
    "Speech",
    "SpeechEngine",
    "SpeechError",
    "SpeechInputError",
    "SpeechRequest",
    "VoiceSettings",
    "Word",
    "cache_key",
    "request_cache_key",
]
