"""``gradient``: linear (CSS-style angle) or radial colour ramps over the frame."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np

from ..checks import Checker
from ..raster import parse_color
from ..schema import NULL, choice, number, param, ref
from .base import Context, Sprite
from .groups import VISUAL
from .spec import VISUAL_KEYFRAMES, ClipType


def gradient_rgb(colors: list[str], angle: float, kind: str, width: int, height: int) -> np.ndarray[Any, Any]:
    """HxWx3 uint8 gradient; stops evenly spaced."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    xs = (xs + 0.5) / width - 0.5
    ys = (ys + 0.5) / height - 0.5
    if kind == "radial":
        pos = np.sqrt(xs * xs + ys * ys) / math.sqrt(0.5)
    else:
        # CSS: 0deg points up, 90deg right; the ramp runs across the box along that direction.
        rad = math.radians(angle)
        dx, dy = math.sin(rad), -math.cos(rad)
        proj = xs * dx + ys * dy
        half = abs(0.5 * dx) + abs(0.5 * dy)
        pos = proj / (2 * half) + 0.5 if half > 0 else np.zeros_like(xs)
    pos = np.clip(pos, 0.0, 1.0)
    stops = np.linspace(0.0, 1.0, len(colors), dtype=np.float32)
    table = np.asarray([parse_color(c) for c in colors], dtype=np.float32)
    out = np.empty((height, width, 3), dtype=np.uint8)
    for channel in range(3):
        out[:, :, channel] = np.round(np.interp(pos, stops, table[:, channel])).astype(np.uint8)
    return out


class GradientContent:
    static = True
    fits = False
    margin = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.clip = clip
        self.size = (float(ctx.width), float(ctx.height))

    def natural_size(self, local_t: float) -> tuple[float, float]:
        return self.size

    def key(self, local_t: float) -> Hashable:
        return None

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite:
        rgb = gradient_rgb(list(self.clip["colors"]), float(self.clip["angle"]), str(self.clip["kind"]), *size)
        return Sprite(size[0], size[1], rgb=rgb)

    def close(self) -> None:
        pass


KINDS = ("linear", "radial")


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["colors"] = c.color_list(where, obj, "colors")
    out["angle"] = c.number(where, obj, "angle", 180.0, -3600.0, 3600.0)
    out["kind"] = c.choice(where, obj, "kind", "linear", KINDS)


CLIP = ClipType(
    name="gradient",
    component="GradientClip",
    fields={
        "required": ["colors"],
        "properties": {
            "colors": {
                "description": "Evenly spaced stops.",
                "type": "array",
                "minItems": 2,
                "maxItems": 8,
                "items": param(ref("Color")),
            },
            "angle": param(
                number(-3600, 3600), description="Degrees, CSS-style (0 = bottom→top, 90 = left→right); default 180."
            ),
            "kind": {"description": "Default `linear`.", "anyOf": [choice(KINDS), NULL]},
        },
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL,),
    visual=GradientContent,
)
