"""Field groups and fields that several clip types share: visual placement, text style, media framing, sound.

A :class:`~renderer.clips.spec.FieldGroup` is one schema component mixed into a clip's schema with
``allOf`` plus the checks of its fields; the smaller pieces (``fit``/``effect``, the sound role,
media ``trim``) are written here once and used in the clip modules' own fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..checks import ALIGNS, POSITIONS, Checker, is_number, show
from ..schema import NULL, PARAM, Schema, described, number, optional, param, ref
from .spec import AssetSlot, ClipType, FieldGroup

# ------------------------------------------------------------------ visual placement (every visual clip)


def _check_visual(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any], clip: ClipType) -> None:
    out["position"] = c.choice(where, obj, "position", clip.default_position, POSITIONS)
    offset = c.sub(where, obj, "offset", frozenset({"x", "y"})) or {}
    out["offset"] = {
        "x": c.number(f"{where}.offset", offset, "x", 0.0, -1.0, 1.0),
        "y": c.number(f"{where}.offset", offset, "y", 0.0, -1.0, 1.0),
    }
    out["scale"] = c.positive(where, obj, "scale", 1.0, 10.0)
    out["opacity"] = c.number(where, obj, "opacity", 1.0, 0.0, 1.0)
    out["rotation"] = c.number(where, obj, "rotation", 0.0, -3600.0, 3600.0)


_OFFSET_AXIS = param(number(-1, 1))

VISUAL = FieldGroup(
    "ClipVisual",
    {
        "type": "object",
        "properties": {
            "position": optional(
                "Position",
                description="Where the clip's box is anchored. Default `center` (`bottom` for captions).",
                placeholder=True,
            ),
            "offset": optional("Offset"),
            "scale": param(number(0, 10, exclusive_lo=True), description="Size multiplier, default 1."),
            "opacity": described("OptionalUnit", "Default 1."),
            "rotation": param(number(-3600, 3600), description="Degrees clockwise, default 0."),
            "transition": optional("Transition"),
        },
    },
    _check_visual,
    components={
        "Position": {"type": "string", "enum": list(POSITIONS)},
        "Offset": {
            "type": "object",
            "description": "Fractions of the frame width/height; `y` grows downwards.",
            "additionalProperties": False,
            "properties": {"x": _OFFSET_AXIS, "y": _OFFSET_AXIS},
        },
    },
)

# ------------------------------------------------------------------ text style (text, captions)

TEXT_STYLE_SCHEMA: Schema = {
    "type": "object",
    "properties": {
        "font": optional("FontRef", description="`null` (default): the bundled DejaVu Sans (covers Latin-1)."),
        "size": param(number(4, 1000), description="Pixels at the output height; default 64 (48 for captions)."),
        "color": described("OptionalColor", 'Default `"#ffffff"`.'),
        "bold": ref("OptionalBoolean"),
        "stroke": optional(
            "TextStroke",
            description='Outline; `null` for none (captions default to `{"color": "#000000", "width": 3}`).',
        ),
        "box": optional("TextBox"),
        "align": {"description": "Default `center`.", "anyOf": [{"type": "string", "enum": list(ALIGNS)}, NULL, PARAM]},
        "max_width": param(
            number(0, 1, exclusive_lo=True),
            description="Wrap width as a fraction of the frame width; default 0.9 (0.8 for captions).",
        ),
        "line_height": param(number(0.5, 5), description="Multiple of `size`, default 1.2."),
    },
}
TEXT_STYLE_COMPONENTS: dict[str, Schema] = {
    "FontRef": {
        "type": "object",
        "additionalProperties": False,
        "required": ["asset"],
        "properties": {"asset": described("AssetRef", "A `font` asset (TrueType/OpenType).")},
    },
    "TextStroke": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "color": ref("OptionalColor"),
            "width": param(number(0, 50), description="Pixels at the output height, 0..50."),
        },
    },
    "TextBox": {
        "type": "object",
        "description": 'A rectangle behind the text: `color` default `"#000000"`, `opacity` default 0.6, '
        "`padding` pixels default 16.",
        "additionalProperties": False,
        "properties": {
            "color": ref("OptionalColor"),
            "opacity": ref("OptionalUnit"),
            "padding": param(number(0, 500)),
        },
    },
}
FONT_KINDS = ("font",)


def text_style(*, size: float, max_width: float, stroke: dict[str, Any] | None) -> FieldGroup:
    """The text style group with a clip type's own defaults (captions read differently from titles)."""

    def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any], clip: ClipType) -> None:
        font = c.sub(where, obj, "font", frozenset({"asset"}))
        out["font"] = {"asset": c.asset(f"{where}.font", font, "asset", FONT_KINDS, "a text clip")} if font else None
        out["size"] = c.number(where, obj, "size", size, 4.0, 1000.0)
        out["color"] = c.color(where, obj, "color", "#ffffff")
        out["bold"] = c.boolean(where, obj, "bold", False)
        if "stroke" in obj and obj["stroke"] is None:
            stroke_raw = None
        else:
            stroke_raw = c.sub(where, obj, "stroke", frozenset({"color", "width"}))
            if stroke_raw is None and stroke is not None:
                stroke_raw = dict(stroke)
        out["stroke"] = (
            {
                "color": c.color(f"{where}.stroke", stroke_raw, "color", "#000000"),
                "width": c.number(f"{where}.stroke", stroke_raw, "width", 2.0, 0.0, 50.0),
            }
            if stroke_raw is not None
            else None
        )
        box = c.sub(where, obj, "box", frozenset({"color", "opacity", "padding"}))
        out["box"] = (
            {
                "color": c.color(f"{where}.box", box, "color", "#000000"),
                "opacity": c.number(f"{where}.box", box, "opacity", 0.6, 0.0, 1.0),
                "padding": c.number(f"{where}.box", box, "padding", 16.0, 0.0, 500.0),
            }
            if box is not None
            else None
        )
        out["align"] = c.choice(where, obj, "align", "center", ALIGNS)
        out["max_width"] = c.number(
            where,
            obj,
            "max_width",
            max_width,
            0.0,
            1.0,
            lo_inclusive=False,
            describe="a fraction of the frame width greater than 0 and at most 1",
        )
        out["line_height"] = c.number(where, obj, "line_height", 1.2, 0.5, 5.0)

    return FieldGroup(
        "TextStyle",
        TEXT_STYLE_SCHEMA,
        check,
        components=TEXT_STYLE_COMPONENTS,
        slots=(AssetSlot(("font", "asset"), FONT_KINDS),),
    )


# ------------------------------------------------------------------ media framing (image, video)

FITS = ("cover", "contain", "crop", "none")
FRAMING_FIELDS: dict[str, Schema] = {
    "fit": optional("Fit", placeholder=True),
    "effect": optional("KenBurns"),
}
FRAMING_COMPONENTS: dict[str, Schema] = {
    "Fit": {"type": "string", "description": "How media fills the frame. Default `cover`.", "enum": list(FITS)},
    "KenBurns": {
        "type": "object",
        "additionalProperties": False,
        "required": ["type"],
        "properties": {
            "type": {"const": "ken_burns"},
            "zoom": {
                "description": "Magnification from, to (each 1..5). Default `[1, 1.2]`.",
                "type": ["array", "null"],
                "minItems": 2,
                "maxItems": 2,
                "items": {"type": "number", "minimum": 1, "maximum": 5},
            },
            "pan": optional("KenBurnsPan"),
        },
    },
    "KenBurnsPan": {
        "type": "object",
        "description": "`[x, y]`, each -1..1, a fraction of the room the zoom leaves. Default `[0, 0]` → `[0, 0]`.",
        "additionalProperties": False,
        "properties": {"from": ref("PanPoint"), "to": ref("PanPoint")},
    },
    "PanPoint": {
        "type": ["array", "null"],
        "minItems": 2,
        "maxItems": 2,
        "items": {"type": "number", "minimum": -1, "maximum": 1},
    },
}


def check_framing(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    """``fit`` and the Ken Burns ``effect``."""
    out["fit"] = c.choice(where, obj, "fit", "cover", FITS)
    out["effect"] = _effect(c, where, obj)


def _effect(c: Checker, where: str, obj: Mapping[str, Any]) -> dict[str, Any] | None:
    raw = c.sub(where, obj, "effect", frozenset({"type", "zoom", "pan"}))
    if raw is None:
        return None
    label = f"{where}.effect"
    if raw.get("type") != "ken_burns":
        c.fail(f"{label}.type must be ken_burns, got {show(raw.get('type'))}")
    zoom = raw.get("zoom", [1.0, 1.2])
    zoom = [1.0, 1.2] if zoom is None else zoom
    if not (isinstance(zoom, list) and len(zoom) == 2 and all(is_number(z) and 1 <= z <= 5 for z in zoom)):
        c.fail(f"{label}.zoom must be [from, to], each a number from 1 to 5, got {show(zoom)}")
        zoom = [1.0, 1.2]
    pan = c.sub(label, raw, "pan", frozenset({"from", "to"})) or {}
    points: dict[str, list[float]] = {}
    for key in ("from", "to"):
        point = pan.get(key, [0, 0])
        point = [0, 0] if point is None else point
        if not (isinstance(point, list) and len(point) == 2 and all(is_number(p) and -1 <= p <= 1 for p in point)):
            c.fail(f"{label}.pan.{key} must be [x, y], each a number from -1 to 1, got {show(point)}")
            point = [0, 0]
        points[key] = [float(p) for p in point]
    return {"type": "ken_burns", "zoom": [float(z) for z in zoom], "pan": points}


# ------------------------------------------------------------------ media length (video, audio)

TRIM_FIELD: Schema = optional("MediaTrim")
TRIM_COMPONENTS: dict[str, Schema] = {
    "MediaTrim": {
        "type": "object",
        "description": "Use only this part of the media; `end` after `start`, `null` = the media's end.",
        "additionalProperties": False,
        "properties": {"start": ref("OptionalSeconds"), "end": ref("OptionalPositiveSeconds")},
    }
}


def trimmed_media_length(c: Checker, where: str, clip: dict[str, Any]) -> float | None:
    """A media clip's ``"auto"`` length: the asset's duration after ``trim``; None while unknown."""
    media = c.media_duration(clip.get("asset", ""))
    if media is None:
        return None
    trim = clip["trim"]
    end = media if trim["end"] is None else min(trim["end"], media)
    if trim["start"] >= end:
        c.fail(f"{where}.trim.start ({trim['start']:g}) is past the end of the media ({media:g} s)")
        return None
    return float(end) - float(trim["start"])


# ------------------------------------------------------------------ sound (audio, tone)

ROLES = ("voice", "music", "effect")
ROLE_FIELD: Schema = optional("SoundRole", placeholder=True)
SOUND_COMPONENTS: dict[str, Schema] = {
    "SoundRole": {
        "type": "string",
        "description": "`music` clips (and the soundtrack) duck while `voice` clips play. Default `effect`.",
        "enum": list(ROLES),
    },
    "SoundTransition": {
        "type": "object",
        "description": "Sound clips take `fade` transitions only.",
        "additionalProperties": False,
        "properties": {"in": optional("SoundTransitionStep"), "out": optional("SoundTransitionStep")},
    },
    "SoundTransitionStep": {
        "type": "object",
        "additionalProperties": False,
        "required": ["type"],
        "properties": {"type": {"const": "fade"}, "duration": ref("OptionalPositiveSeconds")},
    },
}
