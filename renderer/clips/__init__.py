"""The clip-type registry: every clip type, one line each.

Each module declares one :class:`~renderer.clips.spec.ClipType` (``CLIP``): its name, its schema
fragment, field groups, asset slots, checks and factories.  The timeline's checks, the engine, the
contract's composition schemas (``make composition``), the docs check and the API's asset checks all
read :data:`CLIP_TYPES`.  Adding a clip type = one module + one line below (see docs/dev/patterns.md).
"""

from __future__ import annotations

from . import audio, avatar, captions, color, gradient, image, shape, speech, text, tone, video
from .spec import ClipType, ContentFactory, SoundFactory

CLIP_TYPES: tuple[ClipType, ...] = (
    color.CLIP,
    gradient.CLIP,
    image.CLIP,
    video.CLIP,
    text.CLIP,
    captions.CLIP,
    shape.CLIP,
    avatar.CLIP,
    audio.CLIP,
    tone.CLIP,
    speech.CLIP,
)

BY_NAME: dict[str, ClipType] = {c.name: c for c in CLIP_TYPES}
VISUALS: dict[str, ContentFactory] = {c.name: c.visual for c in CLIP_TYPES if c.visual is not None}
SOUNDS: dict[str, SoundFactory] = {c.name: c.sound for c in CLIP_TYPES if c.sound is not None}

__all__ = ["BY_NAME", "CLIP_TYPES", "SOUNDS", "VISUALS", "ClipType"]
