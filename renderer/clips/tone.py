"""``tone``: a generated sine tone (no asset); also what version-1 ``audio`` becomes."""

from __future__ import annotations

from typing import Any

from ..audio import Sound, ToneSound
from . import register
from .base import Context


def tone_sounds(clip: dict[str, Any], ctx: Context) -> list[Sound]:
    return [ToneSound(clip, float(clip["start"]), float(clip["end"]))]


register("tone", sound=tone_sounds)
