"""Text and colour helpers shared by the clip types: the bundled fonts, word wrap, text layout."""

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
