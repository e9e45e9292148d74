"""``text``: a block of wrapped text with optional outline and background box, drawn once."""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from functools import lru_cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from ..assets import load_font_file
from ..checks import MAX_TEXT_LENGTH, Checker
from ..raster import load_font, parse_color, wrap_text
from ..schema import param
from .base import Context, Sprite, image_region
from .groups import VISUAL, text_style
from .spec import VISUAL_KEYFRAMES, ClipType

MAX_BLOCK_FRAMES = 4  # text blocks are cut at this many frame heights


@lru_cache(maxsize=32)
def _asset_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    import pathlib

    return load_font_file(pathlib.Path(path), size)


def font_for(style: dict[str, Any], ctx: Context, size: int) -> ImageFont.FreeTypeFont:
    font = style.get("font")
    if font is not None:
        return _asset_font(str(ctx.asset_path(str(font["asset"]))), size)
    return load_font(size, bool(style.get("bold", False)))


Highlight = tuple[int, int, str]  # characters [start, end) of the text drawn in this colour


def render_text(text: str, style: dict[str, Any], ctx: Context, highlight: Highlight | None = None) -> Image.Image:
    """The text block as a straight-alpha RGBA image, sized to the layout plus outline/box room.

    ``highlight`` redraws part of the text in another colour (captions' word-by-word style) at the
    place the whole line puts it, so the layout never moves from one word to the next."""
    k = ctx.pixel_scale
    size = max(1, round(float(style["size"]) * k))
    font = font_for(style, ctx, size)
    stroke = style.get("stroke")
    stroke_w = round(float(stroke["width"]) * k) if stroke else 0
    lines = wrap_text(text, font, float(style["max_width"]) * ctx.width - 2 * stroke_w)
    ascent, descent = font.getmetrics()
    line_px = max(1, round(size * float(style["line_height"])))
    # A block taller than a few frames can never be fully on screen: cut it (and its memory) there.
    lines = lines[: max(1, (MAX_BLOCK_FRAMES * ctx.height) // line_px)]
    block_w = max(1, math.ceil(max(font.getlength(line) for line in lines)))
    block_h = (len(lines) - 1) * line_px + ascent + descent
    box = style.get("box")
    pad_box = round(float(box["padding"]) * k) if box else 0
    pad = max(pad_box, math.ceil(size * 0.15) + stroke_w + 1)
    width, height = block_w + 2 * pad, block_h + 2 * pad
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    if box is not None:
        alpha = round(float(box["opacity"]) * 255)
        inset = pad - pad_box
        box_rect = Image.new(
            "RGBA", (block_w + 2 * pad_box, block_h + 2 * pad_box), (*parse_color(box["color"]), alpha)
        )
        image.paste(box_rect, (inset, inset))
    ink = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(ink)
    align = str(style.get("align", "center"))
    anchor, x = {"left": ("ls", pad), "right": ("rs", pad + block_w)}.get(align, ("ms", pad + block_w // 2))
    fill = (*parse_color(str(style["color"])), 255)
    stroke_fill = (*parse_color(str(stroke["color"])), 255) if stroke else None
    at = 0  # where the line starts in `text` (wrapping drops the spaces it breaks at)
    for i, line in enumerate(lines):
        if not line:
            continue
        baseline = pad + ascent + i * line_px
        draw.text(
            (x, baseline), line, font=font, fill=fill, anchor=anchor, stroke_width=stroke_w, stroke_fill=stroke_fill
        )
        found = text.find(line, at)
        start = found if found >= 0 else at
        at = start + len(line)
        if highlight is not None and highlight[0] < at and highlight[1] > start:
            h0, h1 = max(highlight[0], start) - start, min(highlight[1], at) - start
            left = {"ls": x, "rs": x - font.getlength(line)}.get(anchor, x - font.getlength(line) / 2)
            draw.text(
                (left + font.getlength(line[:h0]), baseline),
                line[h0:h1],
                font=font,
                fill=(*parse_color(highlight[2]), 255),
                anchor="ls",
                stroke_width=stroke_w,
                stroke_fill=stroke_fill,
            )
    return Image.alpha_composite(image, ink)


class TextContent:
    static = True
    fits = False
    margin = True

    def __init__(
        self, clip: dict[str, Any], ctx: Context, text: str | None = None, highlight: Highlight | None = None
    ) -> None:
        self.clip = clip
        self.ctx = ctx
        self.text = str(clip["text"]) if text is None else text
        self.highlight = highlight
        self._image: Image.Image | None = None

    @property
    def image(self) -> Image.Image:
        if self._image is None:
            self._image = render_text(self.text, self.clip, self.ctx, self.highlight)
        return self._image

    def natural_size(self, local_t: float) -> tuple[float, float]:
        return float(self.image.width), float(self.image.height)

    def key(self, local_t: float) -> Hashable:
        return None

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite:
        return Sprite.from_image(image_region(self.image, src, size))

    def close(self) -> None:
        self._image = None


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["text"] = c.text_value(where, obj, "text")


CLIP = ClipType(
    name="text",
    component="TextClip",
    fields={
        "required": ["text"],
        "properties": {
            "text": param(
                {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_LENGTH},
                description="`\\n` breaks lines; long lines wrap at word boundaries.",
            )
        },
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL, text_style(size=64.0, max_width=0.9, stroke=None)),
    visual=TextContent,
)
