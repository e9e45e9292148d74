"""``color``: a solid colour filling the frame, or a rectangle (``width``/``height`` fractions)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from ..checks import Checker
from ..raster import parse_color
from ..schema import number, param, ref
from .base import Context, Sprite
from .groups import VISUAL
from .spec import VISUAL_KEYFRAMES, ClipType


class ColorContent:
    static = True
    fits = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.color = parse_color(str(clip["color"]))
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


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["color"] = c.color(where, obj, "color", None)
    for key in ("width", "height"):
        out[key] = c.number(
            where, obj, key, 1.0, 0.0, 1.0, lo_inclusive=False, describe="a fraction of the frame, > 0 and at most 1"
        )


CLIP = ClipType(
    name="color",
    component="ColorClip",
    fields={
        "required": ["color"],
        "properties": {
            "color": param(ref("Color")),
            "width": param(number(0, 1, exclusive_lo=True), description="Fraction of the frame width, default 1."),
            "height": param(number(0, 1, exclusive_lo=True), description="Fraction of the frame height, default 1."),
        },
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL,),
    visual=ColorContent,
)
