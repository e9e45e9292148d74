"""Contact sheets: every mouth shape and the closed eyes of a puppet side by side, labelled (for looking)."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from ..visemes import SHAPES
from .puppet import Puppet


def contact_sheet(
    puppet: Puppet, *, columns: int = 5, background: tuple[int, int, int] = (236, 240, 246)
) -> Image.Image:
    """One cell per mouth shape (eyes open) plus one with the eyes closed; labels under each cell."""
    w, h = puppet.parts.canvas
    h -= puppet.parts.bleed
    cells = [(s, puppet.sprite(s)) for s in SHAPES] + [("X, eyes closed", puppet.sprite("X", True))]
    rows = -(-len(cells) // columns)
    label_h = max(18, h // 20)
    font = ImageFont.load_default(label_h * 3 // 4)
    sheet = Image.new("RGB", (columns * w, rows * (h + label_h)), background)
    draw = ImageDraw.Draw(sheet)
    for i, (label, sprite) in enumerate(cells):
        x, y = (i % columns) * w, (i // columns) * (h + label_h)
        sheet.paste(sprite.crop((0, 0, w, h)), (x, y), sprite.crop((0, 0, w, h)))
        draw.text((x + 8, y + h), label, fill=(40, 40, 40), font=font)
    return sheet


def mouth_strip(puppet: Puppet, *, scale: float = 2.0) -> Image.Image:
    """The mouth region of every shape, enlarged, in one row (to compare shapes closely)."""
    mx, my = puppet.parts.mouth_anchor
    half_w, half_h = puppet.parts.canvas[0] * 0.13, puppet.parts.canvas[1] * 0.07
    box = (round(mx - half_w), round(my - half_h), round(mx + half_w), round(my + half_h))
    cw, ch = round((box[2] - box[0]) * scale), round((box[3] - box[1]) * scale)
    strip = Image.new("RGB", (cw * len(SHAPES), ch + 16), (255, 255, 255))
    draw = ImageDraw.Draw(strip)
    font = ImageFont.load_default(12)
    for i, shape in enumerate(SHAPES):
        crop = puppet.sprite(shape).crop(box).resize((cw, ch), Image.Resampling.LANCZOS)
        strip.paste(crop, (i * cw, 0), crop)
        draw.text((i * cw + 4, ch + 1), shape, fill=(0, 0, 0), font=font)
    return strip
