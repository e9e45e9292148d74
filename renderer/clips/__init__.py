"""Clip types, registered by their ``type`` string.

Each module registers a factory for the clip's pixels (:class:`Content`, wrapped by
:class:`~renderer.clips.base.VisualClip`) and/or for its sound
(:class:`~renderer.audio.Sound`).  Adding a clip type = one module + one import here
(+ its fields in :mod:`renderer.timeline` and docs/composition.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..audio import Sound
from .base import Content, Context

ContentFactory = Callable[[dict[str, Any], Context], Content]
SoundFactory = Callable[[dict[str, Any], Context], list[Sound]]

VISUALS: dict[str, ContentFactory] = {}
SOUNDS: dict[str, SoundFactory] = {}


def register(name: str, *, content: ContentFactory | None = None, sound: SoundFactory | None = None) -> None:
    if content is not None:
        VISUALS[name] = content
    if sound is not None:
        SOUNDS[name] = sound


# Importing the modules fills the registries.
from . import audio, captions, color, gradient, image, text, tone, video  # noqa: E402

__all__ = [
    "SOUNDS",
    "VISUALS",
    "Content",
    "Context",
    "audio",
    "captions",
    "color",
    "gradient",
    "image",
    "register",
    "text",
    "tone",
    "video",
]
