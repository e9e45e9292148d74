"""The composition's JSON Schemas for the contract (``openapi/gala.yaml``), built from the clip-type registry.

:func:`components` returns every schema component of the composition, in a stable order: the
common parts written here (document, output, soundtrack, tracks, timing, keyframes, transitions),
then, for each clip type of :data:`renderer.clips.CLIP_TYPES`, the components of its field groups,
its own components and its clip schema, and the ``Clip`` union with its discriminator.  The enums
and limits come from the same constants the normaliser checks with, so the two cannot drift.
``make composition`` writes the result into the contract; a test fails when they differ.
"""

from __future__ import annotations

from .clips import CLIP_TYPES, ClipType
from .clips.spec import Keyframes
from .schema import NULL, PARAM, Schema, choice, described, number, optional, param, ref
from .timeline import (
    ASPECTS,
    AUTO_LENGTH,
    EASINGS,
    FORMATS,
    MAX_CLIPS,
    MAX_DURATION,
    MAX_SIZE,
    MAX_TRACKS,
    MIN_SIZE,
    QUALITIES,
    SIZES,
    TRANSITIONS,
    VERSION,
)

_SIDE = param({"type": "integer", "minimum": MIN_SIZE, "maximum": MAX_SIZE, "multipleOf": 2})


def _document() -> dict[str, Schema]:
    return {
        "Composition": {
            "type": "object",
            "description": (
                "What a template renders (composition format version 2, see docs/composition.md): output\n"
                "settings, a background, an optional soundtrack and tracks of clips. Later tracks paint on\n"
                "top of earlier ones. Clips name media by asset id (`asset`); an id written in the template\n"
                "must exist and be of the right kind when the template is saved. The schema checks shapes\n"
                "and ranges; submitting a job also checks meaning (times that fit, asset kinds, SRT that\n"
                "parses) and names every problem.\n"
            ),
            "additionalProperties": False,
            "required": ["version"],
            "properties": {
                "version": {"const": VERSION},
                "output": ref("OutputV2"),
                "background": described("OptionalColor", 'Colour under everything. Default `"#000000"`.'),
                "soundtrack": {
                    "description": "Background music for the whole video; `null` for none.",
                    "anyOf": [ref("Soundtrack"), NULL],
                },
                "tracks": {"type": ["array", "null"], "maxItems": MAX_TRACKS, "items": ref("Track")},
            },
        },
        "OptionalColor": param(
            {"type": ["string", "null"], "pattern": "^#[0-9A-Fa-f]{6}$", "description": "`#RRGGBB`."}
        ),
        "OptionalSeconds": param(number(0)),
        "OptionalPositiveSeconds": param(number(0, exclusive_lo=True)),
        "OptionalVolume": param({**number(0, 2), "description": "Gain; 1 = as recorded."}),
        "OptionalUnit": param(number(0, 1)),
        "OptionalBoolean": param({"type": ["boolean", "null"]}),
        "AssetRef": {
            "description": "An asset id (`GET /assets`), or a placeholder for an asset parameter (`x-gala-asset`).",
            "anyOf": [{"type": "string", "format": "uuid"}, PARAM],
        },
    }


def _output() -> dict[str, Schema]:
    return {
        "SizePreset": {
            "type": "string",
            "description": "Names the short side; `aspect` gives the other.",
            "enum": list(SIZES),
        },
        "CustomSize": {
            "type": "object",
            "additionalProperties": False,
            "required": ["width", "height"],
            "properties": {"width": _SIDE, "height": _SIDE},
        },
        "AspectRatio": choice(tuple(ASPECTS)),
        "OutputFormat": {
            "type": "string",
            "description": (
                "`mp4` (H.264 + AAC), `webm` (VP9 + Opus), `gif` (no sound; at most 25 fps), `jpg` (one frame,\n"
                "at `poster.at`: the output is the poster).\n"
            ),
            "enum": list(FORMATS),
        },
        "OutputQuality": {
            "type": "string",
            "description": "`draft` renders at half size with fast settings; see docs/composition.md for the "
            "encoder settings.",
            "enum": list(QUALITIES),
        },
        "OutputV2": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "size": {
                    "description": 'A preset (default `"720p"`) or `{"width", "height"}`.',
                    "anyOf": [ref("SizePreset"), ref("CustomSize"), NULL, PARAM],
                },
                "aspect": optional(
                    "AspectRatio", description='Only with a preset size. Default `"16:9"`.', placeholder=True
                ),
                "fps": param(number(1, 60), description="Frames per second, default 30."),
                "format": optional("OutputFormat", description="Default `mp4`.", placeholder=True),
                "quality": optional("OutputQuality", description="Default `medium`.", placeholder=True),
                "duration": param(
                    number(0, MAX_DURATION, exclusive_lo=True),
                    description="Seconds; `null` (default) = the end of the last clip with a definite end.",
                ),
                "range": optional("TimeRange", description="Render only this part of the timeline."),
                "poster": optional(
                    "Poster", description="When the JPEG poster is taken (default: `range.start + min(1, length / 2)`)."
                ),
            },
        },
        "TimeRange": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "start": ref("OptionalSeconds"),
                "end": described("OptionalPositiveSeconds", "After `start`; `null` = the end of the video."),
            },
        },
        "Poster": {"type": "object", "additionalProperties": False, "properties": {"at": ref("OptionalSeconds")}},
    }


def _sound() -> dict[str, Schema]:
    return {
        "Duck": {
            "type": "object",
            "description": "While a `voice` clip plays, music is multiplied by `level`, ramping over "
            "`attack`/`release` seconds.",
            "additionalProperties": False,
            "properties": {
                "level": described("OptionalUnit", "Default 0.3; 1 = no ducking."),
                "attack": described("OptionalSeconds", "Default 0.2."),
                "release": described("OptionalSeconds", "Default 0.4."),
            },
        },
        "Soundtrack": {
            "type": "object",
            "additionalProperties": False,
            "required": ["asset"],
            "properties": {
                "asset": described("AssetRef", "An `audio` asset (a `video` asset's sound also works)."),
                "volume": ref("OptionalVolume"),
                "fade_in": ref("OptionalSeconds"),
                "fade_out": ref("OptionalSeconds"),
                "trim": optional("SoundtrackTrim"),
                "loop": ref("OptionalBoolean"),
                "duck": optional("Duck"),
            },
        },
        "SoundtrackTrim": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"start": ref("OptionalSeconds")},
        },
    }


def _timing() -> dict[str, Schema]:
    auto = ", ".join(f"`{name}`" for name in AUTO_LENGTH)
    return {
        "Track": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "name": {"type": ["string", "null"], "description": "A label, for people."},
                "crossfade": described(
                    "OptionalSeconds", "Consecutive clips overlap and cross-fade by this many seconds (default 0)."
                ),
                "clips": {"type": ["array", "null"], "maxItems": MAX_CLIPS, "items": ref("Clip")},
            },
        },
        "Clip": {
            "description": "One clip; `type` picks its kind.",
            "oneOf": [ref(c.component) for c in CLIP_TYPES],
            "discriminator": {
                "propertyName": "type",
                "mapping": {c.name: ref(c.component)["$ref"] for c in CLIP_TYPES},
            },
        },
        "ClipLength": {
            "description": (
                'Seconds (> 0), `"end"` (until the video ends) or `"auto"` (the media\'s length after\n'
                f'trimming; {auto}). Default `"auto"` for those, `"end"` otherwise.\n'
            ),
            "anyOf": [number(0, exclusive_lo=True), {"type": "string", "enum": ["end", "auto"]}, PARAM],
        },
        "ClipTiming": {
            "type": "object",
            "properties": {
                "name": {"type": ["string", "null"], "description": "A label, for people."},
                "start": described(
                    "OptionalSeconds", "Seconds on the timeline; default the end of the previous clip in the track."
                ),
                "length": ref("ClipLength"),
            },
        },
        "Easing": {
            "type": "string",
            "description": "Shapes the segment from this keyframe to the next. Default `linear`.",
            "enum": list(EASINGS),
        },
        "TransitionType": choice(TRANSITIONS),
        "TransitionStep": {
            "type": "object",
            "additionalProperties": False,
            "required": ["type"],
            "properties": {
                "type": {"anyOf": [ref("TransitionType"), PARAM]},
                "duration": described("OptionalPositiveSeconds", "Seconds, default 0.5."),
            },
        },
        "Transition": {
            "type": "object",
            "description": "Entrance (`in`) and exit (`out`); `in.duration + out.duration` must fit in the clip.",
            "additionalProperties": False,
            "properties": {"in": optional("TransitionStep"), "out": optional("TransitionStep")},
        },
    }


def clip_schema(clip: ClipType) -> Schema:
    """One clip type's component: the common timing, its groups (``allOf``), then its own fields."""
    out: Schema = {"type": "object"}
    if "description" in clip.fields:
        out["description"] = clip.fields["description"]
    out["unevaluatedProperties"] = False
    out["required"] = ["type", *clip.fields.get("required", [])]
    out["allOf"] = [ref("ClipTiming"), *(ref(g.component) for g in clip.groups)]
    props: Schema = {"type": {"const": clip.name}, **clip.fields["properties"]}
    props["keyframes"] = optional(clip.keyframes.component)
    if clip.sound_only:
        props["transition"] = optional("SoundTransition")
    out["properties"] = props
    return out


def components() -> dict[str, Schema]:
    """Every schema component of the composition, by name."""
    out: dict[str, Schema] = {**_document(), **_output(), **_sound(), **_timing()}
    keyframe_sets: list[Keyframes] = list(dict.fromkeys(c.keyframes for c in CLIP_TYPES))
    for prop in dict.fromkeys(p for k in keyframe_sets for p in k.props):
        _add(out, prop.component, prop.schema())
    for keyframes in keyframe_sets:
        _add(out, keyframes.component, keyframes.schema())
    for clip in CLIP_TYPES:
        for group in clip.groups:
            for name, schema in group.components.items():
                _add(out, name, schema)
            _add(out, group.component, group.schema)
        for name, schema in clip.components.items():
            _add(out, name, schema)
        _add(out, clip.component, clip_schema(clip))
    return out


def _add(out: dict[str, Schema], name: str, schema: Schema) -> None:
    """Add a component once; two different schemas under one name is a mistake in a clip module."""
    if name in out and out[name] != schema:
        raise ValueError(f"two different schemas are named {name!r}")
    out[name] = schema


__all__ = ["clip_schema", "components"]
