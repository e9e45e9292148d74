"""Rasterising layers and compositing frames with numpy.

Every layer is drawn once, up front, into a small "sprite" covering only the
pixels it can touch.  A frame is then the background plus each visible sprite
blended at its current opacity; only the sprite's rectangle is touched, so the
cost is proportional to the area of the layers, not to the frame size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw, ImageFont

from .errors import RenderError

FloatArray = npt.NDArray[np.float32]
ByteArray = npt.NDArray[np.uint8]

FONT_REGULAR = "DejaVuSans.ttf"
FONT_BOLD = "DejaVuSans-Bold.ttf"

# Opacities are quantised to 1/255 steps: frames whose quantised state is equal
# are pixel-identical, which lets the encoder loop reuse the previous frame.
OPACITY_STEPS = 255


def parse_color(value: str) -> tuple[int, int, int]:
    """``"#RRGGBB"`` -> ``(r, g, b)``."""
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


@lru_cache(maxsize=64)
def load_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """The bundled DejaVu Sans at ``size`` pixels (covers Latin incl. ñ ¿ ¡ á é …)."""
    name = FONT_BOLD if bold else FONT_REGULAR
    resource = resources.files(__package__).joinpath("fonts", name)
    try:
        with resources.as_file(resource) as path:
            return ImageFont.truetype(str(path), size)
    except OSError as exc:  # pragma: no cover - broken installation
        raise RenderError(f"the bundled font {name} could not be loaded: {exc}") from exc


def wrap_text(text: str, font: ImageFont.FreeTypeFont, max_px: float) -> list[str]:
    """Greedy word wrap; explicit newlines are kept, over-long words are split."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if font.getlength(candidate) <= max_px:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            # The word alone is too wide: cut it wherever it overflows.
            piece = ""
            for char in word:
                if piece and font.getlength(piece + char) > max_px:
                    lines.append(piece)
                    piece = ""
                piece += char
            if font.getlength(f"{current} {piece}" if current else piece) <= max_px:
                current = piece
            else:  # pragma: no cover - a single glyph wider than max_px
                lines.append(piece)
        if current:
            lines.append(current)
    return lines


@dataclass(frozen=True)
class Sprite:
    """A pre-rendered layer clipped to the frame.

    ``x``/``y``/``width``/``height`` is its rectangle in frame coordinates.
    For text, ``premul`` holds the colour multiplied by the glyph coverage
    (float32, HxWx3) and ``alpha`` the coverage (HxWx1).  A solid rectangle has
    neither: it is just ``color`` at full coverage.
    """

    x: int
    y: int
    width: int
    height: int
    color: tuple[float, float, float]
    premul: FloatArray | None = None
    alpha: FloatArray | None = None


@dataclass(frozen=True)
class Layer:
    """A layer ready to composite: its sprite and its timing."""

    sprite: Sprite | None  # None when entirely outside the frame
    opacity: float
    start: float
    end: float
    fade_in: float
    fade_out: float

    def level(self, t: float) -> int:
        """Opacity at time ``t`` quantised to 0..OPACITY_STEPS (0 = invisible)."""
        if self.sprite is None or t < self.start or t >= self.end:
            return 0
        factor = self.opacity
        if self.fade_in > 0:
            factor *= min(1.0, (t - self.start) / self.fade_in)
        if self.fade_out > 0:
            factor *= min(1.0, (self.end - t) / self.fade_out)
        return max(0, min(OPACITY_STEPS, round(factor * OPACITY_STEPS)))


def _anchor(position: str, frame_w: int, frame_h: int, box_w: int, box_h: int) -> tuple[int, int]:
    """Top-left corner of a ``box_w``x``box_h`` box placed at ``position``."""
    margin = round(0.05 * min(frame_w, frame_h))
    if position in ("left", "top_left", "bottom_left"):
        x = margin
    elif position in ("right", "top_right", "bottom_right"):
        x = frame_w - margin - box_w
    else:
        x = (frame_w - box_w) // 2
    if position in ("top", "top_left", "top_right"):
        y = margin
    elif position in ("bottom", "bottom_left", "bottom_right"):
        y = frame_h - margin - box_h
    else:
        y = (frame_h - box_h) // 2
    return x, y


def _clip(x: int, y: int, w: int, h: int, frame_w: int, frame_h: int) -> tuple[int, int, int, int] | None:
    """Intersection of a rectangle with the frame as (x0, y0, x1, y1), or None."""
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + w, frame_w), min(y + h, frame_h)
    if x0 >= x1 or y0 >= y1:
        return None
    return x0, y0, x1, y1


@dataclass(frozen=True)
class TextLayout:
    """Where the lines of a text layer go, before anything is drawn."""

    font: ImageFont.FreeTypeFont
    lines: list[str]
    width: int  # the layout box, used for positioning
    height: int
    line_px: int
    ascent: int
    pad: int  # room around the box for glyph overhangs
    align: str


def layout_text(layer: dict[str, Any], frame_w: int) -> TextLayout:
    """Wrap a text layer to its ``max_width`` and measure the resulting block."""
    size = int(layer["size"])
    font = load_font(size, bool(layer.get("bold", False)))
    lines = wrap_text(str(layer["text"]), font, float(layer["max_width"]) * frame_w)
    ascent, descent = font.getmetrics()
    line_px = max(1, round(size * float(layer["line_height"])))
    width = max(1, math.ceil(max(font.getlength(line) for line in lines)))
    height = (len(lines) - 1) * line_px + ascent + descent
    pad = math.ceil(size * 0.25) + 2
    return TextLayout(font, lines, width, height, line_px, ascent, pad, str(layer.get("align", "center")))


def draw_text(layout: TextLayout, window: tuple[int, int, int, int]) -> Image.Image:
    """Draw the glyph coverage (8-bit) of the part of the block inside ``window``.

    ``window`` is ``(x0, y0, x1, y1)`` relative to the layout box's top-left
    corner; lines entirely outside it are skipped, so a long text placed
    mostly off-screen costs no more than what is visible.
    """
    x0, y0, x1, y1 = window
    mask = Image.new("L", (x1 - x0, y1 - y0), 0)
    draw = ImageDraw.Draw(mask)
    if layout.align == "left":
        anchor, x = "ls", 0
    elif layout.align == "right":
        anchor, x = "rs", layout.width
    else:
        anchor, x = "ms", layout.width // 2
    for i, line in enumerate(layout.lines):
        baseline = layout.ascent + i * layout.line_px
        top, bottom = baseline - layout.ascent - layout.pad, baseline + layout.line_px + layout.pad
        if line and bottom > y0 and top < y1:
            draw.text((x - x0, baseline - y0), line, font=layout.font, fill=255, anchor=anchor)
    return mask


def _text_sprite(layer: dict[str, Any], frame_w: int, frame_h: int) -> Sprite | None:
    layout = layout_text(layer, frame_w)
    bx, by = _anchor(str(layer["position"]), frame_w, frame_h, layout.width, layout.height)
    bx += int(layer["offset"]["x"])
    by += int(layer["offset"]["y"])
    # The padded block, clipped to the frame, in frame coordinates.
    pad = layout.pad
    clipped = _clip(bx - pad, by - pad, layout.width + 2 * pad, layout.height + 2 * pad, frame_w, frame_h)
    if clipped is None:
        return None
    fx0, fy0, fx1, fy1 = clipped
    mask = draw_text(layout, (fx0 - bx, fy0 - by, fx1 - bx, fy1 - by))
    ink = mask.getbbox()
    if ink is None:
        return None
    ix0, iy0, ix1, iy1 = ink
    coverage = np.asarray(mask, dtype=np.uint8)[iy0:iy1, ix0:ix1]
    alpha = (coverage.astype(np.float32) / np.float32(255.0))[:, :, None]
    color = np.asarray(parse_color(str(layer["color"])), dtype=np.float32)
    premul = (alpha * color).astype(np.float32)
    rgb = (float(color[0]), float(color[1]), float(color[2]))
    return Sprite(fx0 + ix0, fy0 + iy0, ix1 - ix0, iy1 - iy0, rgb, premul, alpha)


def _color_sprite(layer: dict[str, Any], frame_w: int, frame_h: int) -> Sprite | None:
    w = int(layer["width"]) if layer.get("width") is not None else frame_w
    h = int(layer["height"]) if layer.get("height") is not None else frame_h
    if layer.get("width") is None and layer.get("height") is None:
        x, y = 0, 0
    else:
        x, y = _anchor(str(layer["position"]), frame_w, frame_h, w, h)
    x += int(layer["offset"]["x"])
    y += int(layer["offset"]["y"])
    clipped = _clip(x, y, w, h, frame_w, frame_h)
    if clipped is None:
        return None
    x0, y0, x1, y1 = clipped
    r, g, b = parse_color(str(layer["color"]))
    return Sprite(x0, y0, x1 - x0, y1 - y0, (float(r), float(g), float(b)))


def build_layers(composition: dict[str, Any]) -> list[Layer]:
    """Rasterise every layer of a *normalised* composition once."""
    out = composition["output"]
    frame_w, frame_h = int(out["width"]), int(out["height"])
    duration = float(out["duration"])
    layers: list[Layer] = []
    for layer in composition["layers"]:
        if layer["type"] == "text":
            sprite = _text_sprite(layer, frame_w, frame_h)
        else:
            sprite = _color_sprite(layer, frame_w, frame_h)
        end = layer.get("end")
        layers.append(
            Layer(
                sprite=sprite,
                opacity=float(layer["opacity"]),
                start=float(layer["start"]),
                end=min(float(end), duration) if end is not None else duration,
                fade_in=float(layer["fade_in"]),
                fade_out=float(layer["fade_out"]),
            )
        )
    return layers


class Compositor:
    """Produces RGB frames (HxWx3 uint8) for a normalised composition."""

    def __init__(self, composition: dict[str, Any]) -> None:
        out = composition["output"]
        self.width = int(out["width"])
        self.height = int(out["height"])
        self.layers = build_layers(composition)
        background = np.asarray(parse_color(str(composition["background"])), dtype=np.uint8)
        self._background: ByteArray = np.empty((self.height, self.width, 3), dtype=np.uint8)
        self._background[:, :] = background

    def state(self, t: float) -> tuple[int, ...]:
        """A key that is equal for two times exactly when their frames are equal."""
        return tuple(layer.level(t) for layer in self.layers)

    def frame(self, state: tuple[int, ...]) -> ByteArray:
        """Composite the frame described by ``state`` (see :meth:`state`)."""
        canvas = self._background.copy()
        for layer, level in zip(self.layers, state, strict=True):
            sprite = layer.sprite
            if level == 0 or sprite is None:
                continue
            amount = np.float32(level / OPACITY_STEPS)
            y0, x0 = sprite.y, sprite.x
            region = canvas[y0 : y0 + sprite.height, x0 : x0 + sprite.width]
            if sprite.alpha is None or sprite.premul is None:
                if level == OPACITY_STEPS:
                    region[:, :] = np.asarray(sprite.color, dtype=np.float32).round().astype(np.uint8)
                    continue
                keep = np.float32(1.0) - amount
                add = np.asarray(sprite.color, dtype=np.float32) * amount
                blended = region.astype(np.float32)
                blended *= keep
                blended += add
            else:
                blended = region.astype(np.float32)
                blended *= np.float32(1.0) - sprite.alpha * amount
                if level == OPACITY_STEPS:
                    blended += sprite.premul
                else:
                    blended += sprite.premul * amount
            blended += np.float32(0.5)
            np.clip(blended, 0, 255, out=blended)
            region[:, :] = blended.astype(np.uint8)
        return canvas

    def frame_at(self, t: float) -> ByteArray:
        return self.frame(self.state(t))
