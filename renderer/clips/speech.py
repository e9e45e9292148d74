"""``speech``: a voice-over from text. GALA synthesizes it before the render (see spoken.py); it plays
as a `voice` sound, so the soundtrack and `music` clips duck under it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..checks import Checker
from ..schema import ref
from .spec import SOUND_KEYFRAMES, ClipType
from .spoken import SPOKEN, spoken_length, spoken_sounds


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["fade_in"] = c.seconds(where, obj, "fade_in", 0.0)
    out["fade_out"] = c.seconds(where, obj, "fade_out", 0.0)


CLIP = ClipType(
    name="speech",
    component="SpeechClip",
    fields={
        "description": "A voice-over: `script` spoken by a text-to-speech engine (or a `recording`). "
        'Its `"auto"` length (the default) is the speech\'s; music ducks under it.',
        "properties": {"fade_in": ref("OptionalSeconds"), "fade_out": ref("OptionalSeconds")},
    },
    check=check,
    keyframes=SOUND_KEYFRAMES,
    groups=(SPOKEN,),
    sound=spoken_sounds,
    natural_length=spoken_length,
)
