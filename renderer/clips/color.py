"""``color``: a solid colour filling the frame, or a rectangle (``width``/``height`` fractions)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from ..raster import parse_color
from . import register
from .base import Context, Sprite


class ColorContent:
    static = True
    fits = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.color = parse_color(str(clip["color"]))
        pixels = clip.get("_pixels")  # exact boxes of version-1 documents
        if pixels is not None:
            self.size = (float(pixels[0]) * ctx.pixel_scale, float(pixels[1]) * ctx.pixel_scale)
        else:
            self.size = (float(clip["width"]) * ctx.width, float(clip["height"]) * ctx.height)
        self.margin = self.size[0] < ctx.width or self.size[1] < ctx.height

    def natural_size(self, local_t: float) -> tuple[float, float]:
        return self.size

    def key(self, local_t: float) -> Hashable:
        return None

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite:
        return Sprite(size[0], size[1], solid=self.color)

    def close(self) -> None:
        pass


register("color", content=ColorContent)
