"""``tone``: a generated sine tone (no asset needed; handy for tests and placeholders)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..audio import Sound, ToneSound
from ..checks import Checker
from ..schema import described, number, param
from .base import Context
from .groups import ROLE_FIELD, ROLES, SOUND_COMPONENTS
from .spec import SOUND_KEYFRAMES, ClipType


def tone_sounds(clip: dict[str, Any], ctx: Context) -> list[Sound]:
    return [ToneSound(clip, float(clip["start"]), float(clip["end"]))]


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["frequency"] = c.number(where, obj, "frequency", 440.0, 20.0, 20000.0)
    out["volume"] = c.number(where, obj, "volume", 0.1, 0.0, 2.0)
    out["fade_in"] = c.seconds(where, obj, "fade_in", 0.01)
    out["fade_out"] = c.seconds(where, obj, "fade_out", 0.01)
    out["role"] = c.choice(where, obj, "role", "effect", ROLES)


CLIP = ClipType(
    name="tone",
    component="ToneClip",
    fields={
        "description": "A generated sine tone (no asset).",
        "properties": {
            "frequency": param(number(20, 20000), description="Hz, default 440."),
            "volume": described("OptionalVolume", "Peak amplitude, default 0.1."),
            "fade_in": described("OptionalSeconds", "Default 0.01."),
            "fade_out": described("OptionalSeconds", "Default 0.01."),
            "role": ROLE_FIELD,
        },
    },
    check=check,
    keyframes=SOUND_KEYFRAMES,
    components=SOUND_COMPONENTS,
    sound=tone_sounds,
)
