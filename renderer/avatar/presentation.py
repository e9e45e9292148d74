"""How a puppet is shown: its framing (full, bust, circle badge, corner picture-in-picture), background and
where the sprite goes in the frame. Pure functions of Pillow images; the clip adds position and scale.

Framing boxes are derived from the face (the eyes and mouth anchors), so they work for any puppet: `u`,
the distance from the eyes to the mouth, is the face's unit of size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from PIL import Image, ImageChops, ImageDraw

from .puppet import Box, ByteArray, ColorMap, Pose, Puppet, posed_point, render_posed

Framing = Literal["full", "bust", "circle", "pip"]
FRAMINGS: tuple[Framing, ...] = ("full", "bust", "circle", "pip")
Corner = Literal["bottom-center", "bottom-left", "bottom-right", "top-left", "top-right", "center"]
RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Presentation:
    """A framing, a background (None keeps the scene behind the puppet) and the sprite's height in pixels.

    `border` (pixels, in `border_color`) rings the circle badge and the picture-in-picture.
    """

    framing: Framing = "bust"
    background: RGB | None = None
    height: int = 640
    border: int = 0
    border_color: RGB = (255, 255, 255)


def framing_box(puppet: Puppet, framing: Framing) -> Box:
    """The part of the puppet's canvas a framing shows (it may reach past the canvas: that is transparent)."""
    parts = puppet.parts
    w, h = parts.canvas
    visible_h = h - parts.bleed
    ex, ey = parts.eyes_anchor
    u = max(1.0, parts.mouth_anchor[1] - ey)
    if framing == "full":
        return (0.0, 0.0, float(w), float(visible_h))
    if framing == "circle":
        side = 4.8 * u
        cx, cy = ex, ey + 0.75 * u
        return (cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2)
    # bust and pip: head and shoulders at 4:5, never past the bottom of what the puppet shows.
    top = ey - 2.4 * u
    bottom = min(float(visible_h), parts.mouth_anchor[1] + 2.6 * u)
    width = (bottom - top) * (0.8 if framing == "bust" else 1.0)
    return (ex - width / 2, top, ex + width / 2, bottom)


def output_size(box: Box, height: int) -> tuple[int, int]:
    return max(1, round(height * (box[2] - box[0]) / (box[3] - box[1]))), max(1, height)


@lru_cache(maxsize=16)
def _mask(framing: Framing, size: tuple[int, int]) -> Image.Image | None:
    """Antialiased alpha mask of a framing (None: rectangular, nothing to cut)."""
    if framing not in ("circle", "pip"):
        return None
    ss = 4
    big = Image.new("L", (size[0] * ss, size[1] * ss), 0)
    draw = ImageDraw.Draw(big)
    box = (0, 0, size[0] * ss - 1, size[1] * ss - 1)
    if framing == "circle":
        draw.ellipse(box, fill=255)
    else:
        draw.rounded_rectangle(box, radius=min(size) * ss // 10, fill=255)
    return big.resize(size, Image.Resampling.LANCZOS)


@lru_cache(maxsize=16)
def _ring(framing: Framing, size: tuple[int, int], border: int, color: RGB) -> Image.Image:
    """The border drawn over a circle or picture-in-picture (RGBA, transparent inside)."""
    ss = 4
    big = Image.new("RGBA", (size[0] * ss, size[1] * ss), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    box = (border * ss // 2, border * ss // 2, size[0] * ss - 1 - border * ss // 2, size[1] * ss - 1 - border * ss // 2)
    if framing == "circle":
        draw.ellipse(box, outline=(*color, 255), width=border * ss)
    else:
        draw.rounded_rectangle(box, radius=min(size) * ss // 10, outline=(*color, 255), width=border * ss)
    return big.resize(size, Image.Resampling.LANCZOS)


@lru_cache(maxsize=16)
def _solid(size: tuple[int, int], color: RGB) -> Image.Image:
    return Image.new("RGBA", size, (*color, 255))


def present(puppet: Puppet, pose: Pose, presentation: Presentation) -> Image.Image:
    """The sprite to place for one frame (RGBA, `output_size` of the framing box at the given height)."""
    box = framing_box(puppet, presentation.framing)
    size = output_size(box, presentation.height)
    sprite = render_posed(puppet, pose, box, size)
    if presentation.background is not None:
        backed = _solid(size, presentation.background).copy()
        backed.alpha_composite(sprite)
        sprite = backed
    mask = _mask(presentation.framing, size)
    if mask is not None:
        sprite.putalpha(ImageChops.multiply(sprite.getchannel("A"), mask))
        if presentation.border > 0:
            sprite.alpha_composite(_ring(presentation.framing, size, presentation.border, presentation.border_color))
    return sprite


def present_placed(puppet: Puppet, pose: Pose, presentation: Presentation, colors: ColorMap) -> ByteArray | None:
    """`present`'s sprite as premultiplied bytes with its colours mapped by `colors` (`Puppet.placed`), to
    draw it straight in the encoder's colour space. None where the framing cuts a mask or fills a
    background (circle, pip, a background colour), and for a puppet that places itself (a subclass with
    its own `posed`): those take `present`."""
    if presentation.background is not None or _mask(presentation.framing, (1, 1)) is not None:
        return None
    if type(puppet).posed is not Puppet.posed:
        return None
    box = framing_box(puppet, presentation.framing)
    return puppet.placed(pose, box, output_size(box, presentation.height), colors)


def placement(
    frame_size: tuple[int, int], sprite_size: tuple[int, int], corner: Corner = "bottom-center", margin: int = 0
) -> tuple[int, int]:
    """Top-left of a sprite put at a corner of the frame (`margin` pixels in from the edges it touches)."""
    fw, fh = frame_size
    sw, sh = sprite_size
    x = {"left": margin, "right": fw - sw - margin}.get(corner.rsplit("-", 1)[-1], (fw - sw) // 2)
    if corner.startswith("bottom"):
        y = fh - sh - (0 if corner == "bottom-center" else margin)
    elif corner.startswith("top"):
        y = margin
    else:
        y = (fh - sh) // 2
    return x, y


def mouth_box(
    puppet: Puppet, presentation: Presentation, origin: tuple[int, int], pose: Pose | None = None
) -> tuple[int, int, int, int]:
    """The frame pixels where the mouth is drawn (the mouth patch's extent, at `pose` or at rest).

    For measuring lip-sync from the rendered frames: a box at rest, widened by a few pixels, holds the
    mouth through the small sway and nods of the default movement.
    """
    parts = puppet.parts
    box = framing_box(puppet, presentation.framing)
    size = output_size(box, presentation.height)
    kx, ky = size[0] / (box[2] - box[0]), size[1] / (box[3] - box[1])
    at = pose if pose is not None else Pose("X", False)
    mx, my = posed_point(at, parts.sway_pivot, parts.mouth_anchor)
    patch = parts.mouths["X"]
    half_w, half_h = patch.width / 2 * kx, patch.height / 2 * ky
    cx, cy = origin[0] + (mx - box[0]) * kx, origin[1] + (my - box[1]) * ky
    return round(cx - half_w), round(cy - half_h), round(cx + half_w), round(cy + half_h)
