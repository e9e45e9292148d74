"""``image``: a PNG/JPEG/WebP asset, decoded once (alpha kept)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from PIL import Image

from ..assets import load_image
from ..checks import Checker
from ..schema import described
from .base import Context, Sprite, image_region
from .groups import FRAMING_COMPONENTS, FRAMING_FIELDS, VISUAL, check_framing
from .spec import VISUAL_KEYFRAMES, AssetSlot, ClipType


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


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    check_framing(c, where, obj, out)
    out["asset"] = c.asset(where, obj, "asset", KINDS, "an image clip")


KINDS = ("image",)
CLIP = ClipType(
    name="image",
    component="ImageClip",
    fields={
        "required": ["asset"],
        "properties": {"asset": described("AssetRef", "An `image` asset (PNG, JPEG or WebP)."), **FRAMING_FIELDS},
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL,),
    slots=(AssetSlot(("asset",), KINDS),),
    components=FRAMING_COMPONENTS,
    visual=ImageContent,
)
