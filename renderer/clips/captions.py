"""``captions``: timed lines (or SRT), each drawn like a text clip while its window is open."""

from __future__ import annotations

import bisect
from collections.abc import Hashable
from typing import Any

from . import register
from .base import Context, Sprite
from .text import TextContent


class CaptionsContent:
    static = False
    fits = False
    margin = True

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.clip = clip
        self.ctx = ctx
        self.lines: list[dict[str, Any]] = sorted(clip["lines"], key=lambda line: float(line["start"]))
        self._starts = [float(line["start"]) for line in self.lines]
        self._drawn: dict[int, TextContent] = {}

    def line_at(self, local_t: float) -> int | None:
        """Index of the caption shown at ``local_t`` (the latest started one still open)."""
        latest = bisect.bisect_right(self._starts, local_t) - 1
        # Overlapping cues are rare: look at the few latest-started ones only.
        for i in range(latest, max(-1, latest - 4), -1):
            line = self.lines[i]
            if float(line["start"]) <= local_t < float(line["end"]):
                return i
        return None

    def _text(self, index: int) -> TextContent:
        if index not in self._drawn:
            if len(self._drawn) > 2:
                self._drawn.clear()
            self._drawn[index] = TextContent(self.clip, self.ctx, str(self.lines[index]["text"]))
        return self._drawn[index]

    def natural_size(self, local_t: float) -> tuple[float, float]:
        index = self.line_at(local_t)
        return (0.0, 0.0) if index is None else self._text(index).natural_size(local_t)

    def key(self, local_t: float) -> Hashable:
        return self.line_at(local_t)

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite | None:
        index = self.line_at(local_t)
        return None if index is None else self._text(index).render(local_t, src, size)

    def close(self) -> None:
        self._drawn.clear()


register("captions", content=CaptionsContent)
