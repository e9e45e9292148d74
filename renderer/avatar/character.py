"""GALA's built-in presenter, drawn from code with Pillow (no image files ship with GALA).

A flat-style head-and-shoulders character: hair, ears, eyebrows, nose, blush, a blazer over an open
shirt, eyes with irises, pupils and lids, and the nine mouth shapes of the Preston Blair / Rhubarb set.
Everything is laid out on a 512 x 640 unit grid and drawn at `height` pixels (any size, so a 1080p
render gets a sharp character), supersampled 3x and downsampled for antialiasing.

`default_character(height)` returns the `PuppetParts`; it is cached, so the drawing (~0.3 s at 640 px)
happens once per process and size.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from .puppet import PuppetParts

GRID_W, GRID_H = 512, 640
SUPERSAMPLE = 3
MOUTH_ANCHOR = (256.0, 322.0)
EYES_ANCHOR = (256.0, 240.0)
MOUTH_PATCH = (150, 105)  # grid units
MOUTH_SCALE = 1.25
EYES_PATCH = (196, 76)
EYE_DX = 50.0  # each eye's centre from the eyes anchor
BLEED = 24  # rows of blazer below what any framing shows

RGBA = tuple[int, int, int, int]
Pts = list[tuple[float, float]]

SKIN: RGBA = (242, 196, 164, 255)
SKIN_SHADE: RGBA = (224, 168, 136, 255)
BLUSH: RGBA = (238, 134, 126, 80)
HAIR: RGBA = (66, 42, 34, 255)
HAIR_LIGHT: RGBA = (98, 64, 50, 255)
BROW: RGBA = (70, 46, 36, 255)
BLAZER: RGBA = (42, 86, 140, 255)
BLAZER_DARK: RGBA = (31, 66, 112, 255)
SHIRT: RGBA = (246, 246, 242, 255)
SHIRT_SHADE: RGBA = (214, 218, 224, 255)
TIE: RGBA = (226, 92, 78, 255)
TIE_DARK: RGBA = (190, 70, 60, 255)
EYE_WHITE: RGBA = (255, 255, 255, 255)
IRIS: RGBA = (74, 112, 150, 255)
PUPIL: RGBA = (28, 30, 38, 255)
LASH: RGBA = (44, 30, 28, 255)
LIP: RGBA = (200, 96, 98, 255)
LIP_LINE: RGBA = (150, 66, 70, 255)
MOUTH_IN: RGBA = (78, 22, 34, 255)
TEETH: RGBA = (252, 252, 246, 255)
TONGUE: RGBA = (226, 112, 122, 255)


class _Pen:
    """Draws on a supersampled RGBA layer in grid units, with its origin at `origin` (grid units)."""

    def __init__(self, size_units: tuple[float, float], px_per_unit: float, origin: tuple[float, float]) -> None:
        self.f = px_per_unit * SUPERSAMPLE
        self.origin = origin
        self.size = (max(1, round(size_units[0] * self.f)), max(1, round(size_units[1] * self.f)))
        self.image = Image.new("RGBA", self.size, (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.image)

    def p(self, pts: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        ox, oy = self.origin
        return [((x - ox) * self.f, (y - oy) * self.f) for x, y in pts]

    def polygon(self, pts: Sequence[tuple[float, float]], fill: RGBA) -> None:
        self.draw.polygon(self.p(pts), fill=fill)

    def line(self, pts: Sequence[tuple[float, float]], fill: RGBA, width: float, round_caps: bool = True) -> None:
        scaled = self.p(pts)
        w = max(1, round(width * self.f))
        self.draw.line(scaled, fill=fill, width=w, joint="curve")
        if round_caps:
            r = w / 2
            for x, y in (scaled[0], scaled[-1]):
                self.draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: RGBA) -> None:
        (x0, y0), (x1, y1) = self.p([(cx - rx, cy - ry), (cx + rx, cy + ry)])
        self.draw.ellipse((x0, y0, x1, y1), fill=fill)

    def clipped(self, shape: Pts, paint: _Pen) -> None:
        """Composite `paint` (same geometry) onto this layer, only inside polygon `shape`."""
        mask = Image.new("L", self.size, 0)
        ImageDraw.Draw(mask).polygon(self.p(shape), fill=255)
        clipped_alpha = Image.new("L", self.size, 0)
        clipped_alpha.paste(paint.image.getchannel("A"), (0, 0), mask)
        layer = paint.image.copy()
        layer.putalpha(clipped_alpha)
        self.image.alpha_composite(layer)

    def over(self, other: _Pen) -> None:
        self.image.alpha_composite(other.image)

    def finish(self) -> Image.Image:
        w, h = (round(s / SUPERSAMPLE) for s in self.size)
        # Resize with premultiplied alpha, so transparent pixels do not bleed their colour into edges.
        return self.image.convert("RGBa").resize((w, h), Image.Resampling.LANCZOS).convert("RGBA")


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 48) -> Pts:
    """Points on an ellipse from angle a0 to a1 (degrees; 0 = right, 90 = down on screen)."""
    return [
        (
            cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
            cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n)),
        )
        for i in range(n + 1)
    ]


def _bezier(p0: tuple[float, float], p1: tuple[float, float], p2: tuple[float, float], n: int = 24) -> Pts:
    return [
        (
            (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t**2 * p2[0],
            (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t**2 * p2[1],
        )
        for t in (i / n for i in range(n + 1))
    ]


# ------------------------------------------------------------------------------------------------ base

HEAD_C = (256.0, 238.0)
HEAD_RX, HEAD_RY = 116.0, 136.0


def _head_outline(grow: float = 0.0, n: int = 96) -> Pts:
    """The face: an ellipse whose lower half narrows towards the chin."""
    pts: Pts = []
    for i in range(n):
        phi = 2 * math.pi * i / n
        s = math.sin(phi)
        taper = 1 - 0.2 * s * s if s > 0 else 1.0
        pts.append((HEAD_C[0] + (HEAD_RX + grow) * math.cos(phi) * taper, HEAD_C[1] + (HEAD_RY + grow) * s))
    return pts


def _superellipse(cx: float, cy: float, rx: float, ry: float, n: float, a0: float, a1: float, k: int = 64) -> Pts:
    pts: Pts = []
    for i in range(k + 1):
        a = math.radians(a0 + (a1 - a0) * i / k)
        c, s = math.cos(a), math.sin(a)
        pts.append((cx + rx * math.copysign(abs(c) ** (2 / n), c), cy + ry * math.copysign(abs(s) ** (2 / n), s)))
    return pts


def _base(pen: _Pen) -> None:
    # Hair behind the head, for volume at the sides.
    pen.polygon(_arc(256, 228, 136, 142, 155, 385), HAIR)
    # Body: blazer shoulders, squarer than an ellipse; it runs off the canvas, into the bleed rows.
    up = -18.0  # the torso sits this much higher than the numbers below (a shorter neck)

    def body(pts: Sequence[tuple[float, float]], fill: RGBA) -> None:
        pen.polygon([(x, y + up) for x, y in pts], fill)

    body(_superellipse(256, 700, 238, 262, 3.2, 180, 360), BLAZER)
    # Neck, with the shadow the chin casts.
    pen.polygon([(212, 330), (300, 330), (304, 462 + up), (256, 492 + up), (208, 462 + up)], SKIN)
    pen.polygon([*_arc(256, 360, 48, 34, 0, 180), (212, 330), (300, 330)], SKIN_SHADE)
    # Shirt in the V of the blazer, its collar, a tie, then the lapels over the shirt's edges.
    body([(200, 446), (312, 446), (256, 600)], SHIRT)
    body([(208, 452), (256, 492), (240, 470)], SHIRT_SHADE)
    body([(304, 452), (256, 492), (272, 470)], SHIRT_SHADE)
    body([(244, 494), (268, 494), (262, 510), (250, 510)], TIE_DARK)
    body([(250, 508), (262, 508), (272, 580), (256, 600), (240, 580)], TIE)
    body([(186, 440), (208, 452), (256, 600), (226, 660), (180, 660), (200, 540)], BLAZER_DARK)
    body([(326, 440), (304, 452), (256, 600), (286, 660), (332, 660), (312, 540)], BLAZER_DARK)
    body([(206, 444), (246, 488), (222, 500)], SHIRT)
    body([(306, 444), (266, 488), (290, 500)], SHIRT)
    # Ears.
    for cx in (HEAD_C[0] - HEAD_RX + 4, HEAD_C[0] + HEAD_RX - 4):
        pen.ellipse(cx, 258, 17, 28, SKIN)
        pen.ellipse(cx, 258, 8, 16, SKIN_SHADE)
    # Face.
    pen.polygon(_head_outline(), SKIN)
    # Front hair: the top of the head down to a side-swept fringe.
    top = _head_outline(grow=8)
    cap = [pt for pt in top if pt[1] < 230]
    cap.sort(key=lambda pt: math.atan2(pt[1] - HEAD_C[1], pt[0] - HEAD_C[0]))
    fringe = _bezier((372, 222), (350, 150), (280, 152)) + _bezier((280, 152), (200, 170), (142, 232))[1:]
    # `cap` runs from the left temple over the top to the right temple; the fringe returns.
    pen.polygon(cap + fringe, HAIR)
    pen.line(_bezier((300, 116), (246, 110), (190, 140)), HAIR_LIGHT, 7)
    # Eyebrows.
    for side in (-1, 1):
        cx = EYES_ANCHOR[0] + side * EYE_DX
        brow = _bezier((cx - 24 * side, 210), (cx - 2 * side, 196), (cx + 24 * side, 205))
        pen.line(brow, BROW, 8)
    # Nose and blush.
    pen.line(_bezier((258, 262), (266, 284), (252, 292)), SKIN_SHADE, 5)
    blush = _Pen((GRID_W, GRID_H), pen.f / SUPERSAMPLE, (0, 0))
    for cx in (182.0, 330.0):
        blush.ellipse(cx, 300, 24, 14, BLUSH)
    pen.over(blush)


# ------------------------------------------------------------------------------------------------ eyes


def _eye_shape(cx: float, cy: float) -> Pts:
    # Almond: a rounder upper lid than lower lid.
    upper = [(cx + 23 * math.cos(a), cy - 16 * math.sin(a)) for a in (math.pi * i / 32 for i in range(33))]
    lower = [(cx - 23 * math.cos(a), cy + 11 * math.sin(a)) for a in (math.pi * i / 32 for i in range(1, 32))]
    return upper + lower


def _eyes(pen: _Pen, closed: bool) -> None:
    for side in (-1, 1):
        cx, cy = EYES_ANCHOR[0] + side * EYE_DX, EYES_ANCHOR[1]
        if closed:
            pen.polygon(_eye_shape(cx, cy), SKIN)
            pen.line(_bezier((cx - 22, cy + 1), (cx, cy + 13), (cx + 22, cy + 1)), LASH, 4)
            pen.line([(cx + 21 * side, cy + 2), (cx + 27 * side, cy - 2)], LASH, 3)
            continue
        shape = _eye_shape(cx, cy)
        pen.polygon(shape, EYE_WHITE)
        iris = _Pen(pen_size(pen), pen.f / SUPERSAMPLE, pen.origin)
        iris.ellipse(cx, cy + 1, 12, 12, IRIS)
        iris.ellipse(cx, cy + 1, 6, 6, PUPIL)
        iris.ellipse(cx - 4, cy - 4, 3, 3, EYE_WHITE)
        pen.clipped(shape, iris)
        pen.line(shape[:33], LASH, 4)
        pen.line([(cx + 22 * side, cy - 2), (cx + 28 * side, cy - 7)], LASH, 3)


def pen_size(pen: _Pen) -> tuple[float, float]:
    return pen.size[0] / pen.f, pen.size[1] / pen.f


# ----------------------------------------------------------------------------------------------- mouths


@dataclass(frozen=True)
class MouthShape:
    """An open mouth: half-width, how far the upper and lower edges open, roundness, and what shows."""

    half_w: float
    top: float
    bottom: float
    round_exp: float = 0.8  # 0.5 = an ellipse; higher = flatter sides
    smile: float = 2.0  # how much the corners lift
    lip: float = 4.0
    upper_teeth: float = 0.0
    lower_teeth: float = 0.0
    tongue: float = 0.0  # tongue height at the bottom
    tongue_up: bool = False  # the tip raised to the upper teeth (L)


SHAPE_DRAWINGS: dict[str, MouthShape] = {
    "B": MouthShape(28, 5, 5, upper_teeth=5, lower_teeth=4, smile=3),
    "C": MouthShape(28, 8, 14, upper_teeth=5, tongue=4),
    "D": MouthShape(30, 11, 27, round_exp=0.7, upper_teeth=5, tongue=8),
    "E": MouthShape(19, 13, 18, round_exp=0.5, smile=0, lip=5, upper_teeth=3),
    "F": MouthShape(11, 7, 8, round_exp=0.5, smile=0, lip=7),
    "H": MouthShape(26, 9, 17, upper_teeth=5, tongue=6, tongue_up=True),
}


def _opening(shape: MouthShape, cx: float, cy: float, n: int = 40) -> tuple[Pts, Pts]:
    def edge(height: float, sign: float) -> Pts:
        pts: Pts = []
        for i in range(n + 1):
            x = -1 + 2 * i / n
            lift = shape.smile * x * x
            pts.append((cx + shape.half_w * x, cy + sign * height * (1 - x * x) ** shape.round_exp - lift))
        return pts

    return edge(shape.top, -1), edge(shape.bottom, 1)


def _open_mouth(pen: _Pen, shape: MouthShape, cx: float, cy: float) -> None:
    upper, lower = _opening(shape, cx, cy)
    hole = upper + lower[::-1]
    lip = shape.lip
    outer = MouthShape(
        shape.half_w + lip * 0.6, shape.top + lip, shape.bottom + lip * 1.5, shape.round_exp, shape.smile
    )
    outer_upper, outer_lower = _opening(outer, cx, cy)
    pen.polygon(outer_upper + outer_lower[::-1], LIP)
    pen.polygon(hole, MOUTH_IN)
    inside = _Pen(pen_size(pen), pen.f / SUPERSAMPLE, pen.origin)
    top_y = cy - shape.top - shape.smile
    bottom_y = cy + shape.bottom
    w = shape.half_w
    if shape.tongue:
        if shape.tongue_up:
            tip_y = top_y + shape.upper_teeth + 1
            inside.polygon(
                _bezier((cx - w * 0.55, bottom_y + 2), (cx, tip_y - 10), (cx + w * 0.55, bottom_y + 2)), TONGUE
            )
        else:
            inside.ellipse(cx, bottom_y + 2, w * 0.6, shape.tongue + 2, TONGUE)
    if shape.upper_teeth:
        inside.polygon(
            [
                (cx - w, top_y - 4),
                (cx + w, top_y - 4),
                (cx + w, top_y + shape.upper_teeth + 1),
                (cx - w, top_y + shape.upper_teeth + 1),
            ][::1],
            TEETH,
        )
    if shape.lower_teeth:
        inside.polygon(
            [
                (cx - w, bottom_y + 4),
                (cx + w, bottom_y + 4),
                (cx + w, bottom_y - shape.lower_teeth),
                (cx - w, bottom_y - shape.lower_teeth),
            ],
            TEETH,
        )
    pen.clipped(hole, inside)


def _mouth(pen: _Pen, name: str, cx: float, cy: float) -> None:
    if name in SHAPE_DRAWINGS:
        _open_mouth(pen, SHAPE_DRAWINGS[name], cx, cy)
    elif name == "X":  # rest: a relaxed, closed smile
        line = _bezier((cx - 26, cy - 3), (cx, cy + 6), (cx + 26, cy - 3))
        pen.line(_bezier((cx - 14, cy + 9), (cx, cy + 13), (cx + 14, cy + 9)), SKIN_SHADE, 3)
        pen.line(line, LIP_LINE, 3.5)
    elif name == "A":  # M B P: lips pressed together, a little pursed
        upper = _bezier((cx - 22, cy + 1), (cx, cy - 12), (cx + 22, cy + 1))
        lower = _bezier((cx - 22, cy + 1), (cx, cy + 14), (cx + 22, cy + 1))
        pen.polygon(upper + lower[::-1], LIP)
        pen.line([(cx - 22, cy + 1), (cx, cy + 2), (cx + 22, cy + 1)], LIP_LINE, 2.5)
    elif name == "G":  # F V: upper teeth resting on the tucked-in lower lip
        upper = _bezier((cx - 26, cy - 2), (cx, cy - 16), (cx + 26, cy - 2))
        pen.polygon(upper + _bezier((cx + 22, cy + 3), (cx, cy + 5), (cx - 22, cy + 3)), TEETH)
        pen.line(upper, LIP, 4.5)
        lower = _bezier((cx - 22, cy + 4), (cx, cy + 8), (cx + 22, cy + 4))
        pen.polygon(lower + _bezier((cx + 22, cy + 4), (cx, cy + 18), (cx - 22, cy + 4)), LIP)
        pen.line(_bezier((cx - 20, cy + 4), (cx, cy + 7), (cx + 20, cy + 4)), LIP_LINE, 1.5)
    else:
        raise ValueError(f"unknown mouth shape {name!r}")


# ------------------------------------------------------------------------------------------------ parts


def _patch(size_units: tuple[float, float], anchor: tuple[float, float], px_per_unit: float) -> _Pen:
    return _Pen(size_units, px_per_unit, (anchor[0] - size_units[0] / 2, anchor[1] - size_units[1] / 2))


def _mouth_patch(name: str, k: float) -> Image.Image:
    # Mouths are drawn on their own grid, enlarged by MOUTH_SCALE around the anchor: a cartoon mouth reads
    # better a little larger than life, and lip-sync has to be seen at small sizes too.
    size = (MOUTH_PATCH[0] / MOUTH_SCALE, MOUTH_PATCH[1] / MOUTH_SCALE)
    pen = _patch(size, MOUTH_ANCHOR, k * MOUTH_SCALE)
    _mouth(pen, name, *MOUTH_ANCHOR)
    return pen.finish()


@lru_cache(maxsize=4)
def default_character(height: int = GRID_H) -> PuppetParts:
    """The built-in presenter at `height` pixels (width = height * 0.8)."""
    k = height / GRID_H
    base = _Pen((GRID_W, GRID_H), k, (0, 0))
    _base(base)
    mouths = {}
    for name in ("A", "B", "C", "D", "E", "F", "G", "H", "X"):
        mouths[name] = _mouth_patch(name, k)
    eyes = {}
    for closed in (False, True):
        pen = _patch(EYES_PATCH, EYES_ANCHOR, k)
        _eyes(pen, closed)
        eyes[closed] = pen.finish()
    return PuppetParts(
        base=base.finish(),
        mouths=mouths,
        eyes_open=eyes[False],
        eyes_closed=eyes[True],
        mouth_anchor=(MOUTH_ANCHOR[0] * k, MOUTH_ANCHOR[1] * k),
        eyes_anchor=(EYES_ANCHOR[0] * k, EYES_ANCHOR[1] * k),
        pivot=(GRID_W / 2 * k, (GRID_H - BLEED) * k),
        bleed=round(BLEED * k),
    )
