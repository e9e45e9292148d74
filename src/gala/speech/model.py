"""What a speech engine is asked for and what it gives back.

All timing is kept as integer sample positions at the result's sample rate; seconds exist only in the
timing document, computed from samples each time, so a long script cannot accumulate rounding drift.
"""

from __future__ import annotations

import hashlib
import json
import wave
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

# Limits, one place. A 10-minute script is about 9 000 characters; the cap leaves room for 20 minutes.
MAX_SCRIPT_CHARS = 20_000
MAX_AUDIO_SECONDS = 30 * 60
MAX_BREAK_SECONDS = 10.0
MIN_RATE, MAX_RATE = 0.5, 2.5
MIN_PITCH, MAX_PITCH = 0, 100

# Bumped whenever the audio or the timing document an engine produces for the same input changes,
# so cached assets made by older code are not reused.
TIMING_FORMAT = "gala.speech.timing/1"

Timing = Literal["synthesized", "aligned", "envelope"]


class SpeechError(Exception):
    """Synthesis or alignment failed (engine crashed, hung, or the input cannot be spoken)."""


class SpeechInputError(SpeechError):
    """The request itself is wrong; `field` names the offending part, `allowed` lists valid values if any."""

    def __init__(self, message: str, *, field: str, allowed: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.field = field
        self.allowed = allowed


@dataclass(frozen=True)
class VoiceSettings:
    """Engine-neutral voice settings.

    `language` is a BCP 47-like code the engine knows ("en", "es", "en-us"); `voice` an engine voice or
    variant name (None: the engine's default); `rate` a speed multiplier (1.0 normal); `pitch` 0-100, 50
    being the voice's normal base pitch.
    """

    language: str = "en"
    voice: str | None = None
    rate: float = 1.0
    pitch: int = 50

    def check(self) -> None:
        if not MIN_RATE <= self.rate <= MAX_RATE:
            raise SpeechInputError(f"rate must be between {MIN_RATE} and {MAX_RATE}", field="rate")
        if not MIN_PITCH <= self.pitch <= MAX_PITCH:
            raise SpeechInputError(f"pitch must be between {MIN_PITCH} and {MAX_PITCH}", field="pitch")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SpeechRequest:
    """Text (plain or the markup of gala.speech.markup) to speak with a voice; `recording` is the audio
    file of a recorded voice, whose transcript is `text`."""

    text: str
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    recording: Path | None = None


@dataclass(frozen=True)
class Word:
    text: str
    offset: int  # position in the request's plain text (markup removed), in characters
    length: int
    start: int  # samples
    end: int


@dataclass(frozen=True)
class Phoneme:
    ipa: str
    word: int  # index into Speech.words, -1 if none
    start: int  # samples
    end: int


@dataclass(frozen=True)
class Envelope:
    """Loudness per frame (RMS of s16 samples / 32768), when no phoneme timing is known."""

    frame_samples: int
    rms: tuple[float, ...]


@dataclass(frozen=True)
class Speech:
    """Mono signed 16-bit little-endian PCM plus its timing."""

    pcm: bytes
    sample_rate: int
    words: tuple[Word, ...]
    phonemes: tuple[Phoneme, ...]
    engine: str
    voice: str
    timing: Timing = "synthesized"
    envelope: Envelope | None = None

    @property
    def samples(self) -> int:
        return len(self.pcm) // 2

    @property
    def duration(self) -> float:
        return self.samples / self.sample_rate

    def seconds(self, sample: int) -> float:
        return round(sample / self.sample_rate, 6)

    def write_wav(self, path: Path) -> None:
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(self.pcm)

    def timing_document(self) -> dict[str, Any]:
        """The JSON document stored next to the audio (format in docs/speech.md)."""
        s = self.seconds
        return {
            "format": TIMING_FORMAT,
            "engine": self.engine,
            "voice": self.voice,
            "timing": self.timing,
            "sample_rate": self.sample_rate,
            "samples": self.samples,
            "duration": s(self.samples),
            "words": [
                {
                    "text": w.text,
                    "offset": w.offset,
                    "length": w.length,
                    "start": s(w.start),
                    "end": s(w.end),
                    "start_sample": w.start,
                    "end_sample": w.end,
                }
                for w in self.words
            ],
            "phonemes": [
                {
                    "ipa": p.ipa,
                    "word": p.word,
                    "start": s(p.start),
                    "end": s(p.end),
                    "start_sample": p.start,
                    "end_sample": p.end,
                }
                for p in self.phonemes
            ],
            "envelope": (
                None
                if self.envelope is None
                else {"frame_samples": self.envelope.frame_samples, "rms": list(self.envelope.rms)}
            ),
        }


class SpeechEngine(Protocol):
    """One text-to-speech (or alignment) engine."""

    name: str

    def synthesize(self, request: SpeechRequest) -> Speech: ...

    def voices(self) -> dict[str, tuple[str, ...]]:
        """{"languages": (...), "voices": (...)}: the values VoiceSettings may take with this engine."""
        ...

    def close(self) -> None: ...


def cache_key(engine: str, voice: str | None, settings: dict[str, Any], text: str) -> str:
    """A stable hash of everything that decides an engine's output, to cache it as an asset."""
    canonical = json.dumps(
        {"format": TIMING_FORMAT, "engine": engine, "voice": voice, "settings": settings, "text": text},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def request_cache_key(engine: str, request: SpeechRequest, recording_digest: str | None = None) -> str:
    """cache_key for a request; a recorded voice adds the digest of its audio file."""
    settings = request.voice.as_dict()
    if recording_digest is not None:
        settings["recording"] = recording_digest
    return cache_key(engine, request.voice.voice, settings, request.text)


def check_text(plain_text: str) -> None:
    if not plain_text.strip():
        raise SpeechInputError("the script has no text to speak", field="text")
    if len(plain_text) > MAX_SCRIPT_CHARS:
        raise SpeechInputError(
            f"the script is {len(plain_text)} characters; the limit is {MAX_SCRIPT_CHARS}. "
            "Split it into several clips.",
            field="text",
        )


def check_duration(samples: int, sample_rate: int) -> None:
    if samples > MAX_AUDIO_SECONDS * sample_rate:
        raise SpeechInputError(
            f"the speech lasts {samples / sample_rate:.0f} s; the limit is {MAX_AUDIO_SECONDS} s. Shorten the script.",
            field="text",
        )
