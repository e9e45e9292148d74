"""``image``: a PNG/JPEG/WebP asset, decoded once (alpha kept)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PIL import Image

from ..media import load_image
from . import register
from .base import Context, Sprite, image_region


class ImageContent:
    static = True
    fits = True
    margin = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.ctx = ctx
        self.asset = str(clip["asset"])
        self._image: Image.Image | None = None

    @property
    def image(self) -> Image.Image:
        if self._image is None:
            rgba = load_image(self.ctx.asset_path(self.asset), self.ctx.limits)
            alpha_range: Any = rgba.getchannel("A").getextrema()
            opaque = alpha_range[0] == 255
            self._image = rgba.convert("RGB") if opaque else rgba
        return self._image

    def natural_size(self, local_t: float) -> tuple[float, float]:
        k = self.ctx.pixel_scale
        return self.image.width * k, self.image.height * k

    def key(self, local_t: float) -> Hashable:
        return None

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite:
        k = self.ctx.pixel_scale
        x, y, w, h = src
        return Sprite.from_image(image_region(self.image, (x / k, y / k, w / k, h / k), size))

    def close(self) -> None:
        self._image = None


register("image", content=ImageContent)
