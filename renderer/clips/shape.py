"""``shape``: a vector rectangle, rounded rectangle, ellipse or line, with a fill and/or a stroke.

The box is ``width`` x ``height`` fractions of the frame, placed like every visual clip
(``position``, ``offset``, ``scale``, ``rotation``, keyframes, transitions).  The stroke is drawn
inside the box, so a shape never grows past it.  A ``line`` is a horizontal segment ``width`` long
and ``stroke.width`` thick (turn it with ``rotation``).  Edges are antialiased by drawing at up to
4x and reducing; the pixels are drawn once per output size (the clip is static).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from PIL import Image, ImageDraw

from ..checks import Checker
from ..raster import parse_color
from ..schema import NULL, PARAM, choice, described, number, optional, param, ref
from .base import Context, Sprite
from .groups import VISUAL
from .spec import VISUAL_KEYFRAMES, ClipType

SHAPES = ("rectangle", "rounded_rectangle", "ellipse", "line")
MAX_STROKE = 200.0  # pixels at the output height
MAX_RADIUS = 2000.0
LINE_STROKE = {"color": "#ffffff", "width": 4.0}
SUPERSAMPLE = (4, 2)  # drawn this many times larger, then reduced: antialiased edges
SUPERSAMPLED_PIXELS = 16_000_000  # the largest drawing (bounded memory); bigger shapes use less, down to 1x


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    shape = c.choice(where, obj, "shape", "rectangle", SHAPES)
    out["shape"] = shape
    for key, default in (("width", 0.5), ("height", 0.5)):
        out[key] = c.number(
            where,
            obj,
            key,
            default,
            0.0,
            1.0,
            lo_inclusive=False,
            describe="a fraction of the frame, > 0 and at most 1",
        )
    if shape == "line":
        if obj.get("fill") is not None:
            c.fail(f"{where}.fill does not apply to a line (a line is drawn with its stroke)")
        if obj.get("height") is not None:
            c.fail(f"{where}.height does not apply to a line (its thickness is stroke.width)")
        out["fill"] = None
    else:
        out["fill"] = c.color(where, obj, "fill", "#ffffff") if "fill" not in obj or obj["fill"] is not None else None
    stroke_raw = c.sub(where, obj, "stroke", frozenset({"color", "width"}))
    if stroke_raw is None and shape == "line":
        stroke_raw = dict(LINE_STROKE)
    out["stroke"] = (
        {
            "color": c.color(f"{where}.stroke", stroke_raw, "color", "#ffffff"),
            "width": c.number(f"{where}.stroke", stroke_raw, "width", 4.0, 0.0, MAX_STROKE),
        }
        if stroke_raw is not None
        else None
    )
    if shape == "line" and out["stroke"]["width"] <= 0:
        c.fail(f"{where}.stroke.width must be greater than 0 for a line, or nothing would be drawn")
    if out["fill"] is None and out["stroke"] is None and shape != "line":
        c.fail(f"{where} has neither a fill nor a stroke, so nothing would be drawn")
    radius = obj.get("radius")
    if radius is not None and shape != "rounded_rectangle":
        c.fail(f"{where}.radius only applies to a rounded_rectangle (the shape is {shape})")
    out["radius"] = c.number(where, obj, "radius", 16.0, 0.0, MAX_RADIUS) if shape == "rounded_rectangle" else 0.0


class ShapeContent:
    static = True
    fits = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.shape = str(clip["shape"])
        self.fill = parse_color(clip["fill"]) if clip["fill"] is not None else None
        stroke = clip["stroke"]
        self.stroke = (parse_color(stroke["color"]), float(stroke["width"]) * ctx.pixel_scale) if stroke else None
        self.radius = float(clip["radius"]) * ctx.pixel_scale
        width = float(clip["width"]) * ctx.width
        if self.shape == "line":
            height = max(1.0, self.stroke[1] if self.stroke else 1.0)
        else:
            height = float(clip["height"]) * ctx.height
        self.size = (width, height)
        self.margin = width < ctx.width or height < ctx.height

    def natural_size(self, local_t: float) -> tuple[float, float]:
        return self.size

    def key(self, local_t: float) -> Hashable:
        return None

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite:
        sx, sy, sw, sh = src
        kx, ky = size[0] / sw, size[1] / sh  # output pixels per natural pixel
        full = (max(1, round(self.size[0] * kx)), max(1, round(self.size[1] * ky)))
        image = self._draw(full, min(kx, ky))
        if full != size or sx or sy:
            box = (round(sx * kx), round(sy * ky), round(sx * kx) + size[0], round(sy * ky) + size[1])
            image = image.crop(box)
        return Sprite.from_image(image)

    def _draw(self, size: tuple[int, int], k: float) -> Image.Image:
        """The shape at ``size`` pixels, ``k`` output pixels per natural pixel (for stroke and radius)."""
        ss = next((s for s in SUPERSAMPLE if size[0] * size[1] * s * s <= SUPERSAMPLED_PIXELS), 1)
        big = (size[0] * ss, size[1] * ss)
        box = (0, 0, big[0] - 1, big[1] - 1)
        layers: list[tuple[tuple[int, int, int], Image.Image]] = []
        stroke_w = round(self.stroke[1] * k * ss) if self.stroke else 0
        if self.shape == "line":
            assert self.stroke is not None
            layers.append((self.stroke[0], Image.new("L", big, 255)))
        else:
            if self.fill is not None:
                layers.append((self.fill, self._mask(big, box, fill=True, width=1, radius=self.radius * k * ss)))
            if self.stroke is not None and stroke_w > 0:
                mask = self._mask(big, box, fill=False, width=stroke_w, radius=self.radius * k * ss)
                layers.append((self.stroke[0], mask))
        out = Image.new("RGBA", size, (0, 0, 0, 0))
        for color, mask in layers:
            coverage = mask.resize(size, Image.Resampling.BOX) if ss > 1 else mask
            out.alpha_composite(Image.merge("RGBA", (*Image.new("RGB", size, color).split(), coverage)))
        return out

    def _mask(
        self, big: tuple[int, int], box: tuple[int, int, int, int], *, fill: bool, width: int, radius: float
    ) -> Image.Image:
        mask = Image.new("L", big, 0)
        draw = ImageDraw.Draw(mask)
        inside, outline = (255, None) if fill else (None, 255)
        if self.shape == "ellipse":
            draw.ellipse(box, fill=inside, outline=outline, width=width)
        elif self.shape == "rounded_rectangle":
            r = min(radius, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)
            draw.rounded_rectangle(box, radius=r, fill=inside, outline=outline, width=width)
        else:
            draw.rectangle(box, fill=inside, outline=outline, width=width)
        return mask

    def close(self) -> None:
        pass


_FRACTION = number(0, 1, exclusive_lo=True)

CLIP = ClipType(
    name="shape",
    component="ShapeClip",
    fields={
        "description": "A rectangle, rounded rectangle, ellipse or line, filled and/or stroked.",
        "properties": {
            "shape": {"description": "Default `rectangle`.", "anyOf": [choice(SHAPES), NULL, PARAM]},
            "width": param(_FRACTION, description="Fraction of the frame width, default 0.5 (a line's length)."),
            "height": param(_FRACTION, description="Fraction of the frame height, default 0.5 (not for lines)."),
            "fill": {
                "description": 'Default `"#ffffff"`; `null` for none (not for lines).',
                "anyOf": [ref("Color"), NULL, PARAM],
            },
            "stroke": optional("ShapeStroke", description="Outline inside the box; `null` (default) for none."),
            "radius": param(
                number(0, MAX_RADIUS),
                description="Corner radius of a `rounded_rectangle`, pixels at the output height; default 16.",
            ),
        },
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL,),
    components={
        "ShapeStroke": {
            "type": "object",
            "description": 'A line\'s stroke defaults to `{"color": "#ffffff", "width": 4}`.',
            "additionalProperties": False,
            "properties": {
                "color": described("OptionalColor", 'Default `"#ffffff"`.'),
                "width": param(number(0, MAX_STROKE), description="Pixels at the output height, default 4."),
            },
        }
    },
    visual=ShapeContent,
)
