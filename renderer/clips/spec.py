"""What a clip type declares: :class:`ClipType`, and the shared parts it is built from.

A clip type is one module under ``renderer/clips/`` holding one :class:`ClipType`: its ``type``
name, the JSON Schema of its own fields, the field groups it takes (visual placement, text style),
its asset slots, its semantic checks (with human messages), which properties keyframes animate,
and its visual and/or sound factories.  :mod:`renderer.clips` lists them; the timeline, the
contract (``openapi/gala.yaml``), the docs check and the API's asset checks all read that list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..checks import Checker
from ..schema import PARAM, Schema, plain, ref

if TYPE_CHECKING:
    from ..audio import Sound
    from .base import Content, Context

ContentFactory = Callable[[dict[str, Any], "Context"], "Content"]
SoundFactory = Callable[[dict[str, Any], "Context"], "list[Sound]"]
# A clip's own checks: (checker, where, the raw clip, the normalised clip to fill).
ClipCheck = Callable[[Checker, str, Mapping[str, Any], dict[str, Any]], None]
# A clip's "auto" length: (checker, where, the normalised clip) -> seconds, None when unknown yet.
NaturalLength = Callable[[Checker, str, dict[str, Any]], "float | None"]

MAX_KEYFRAMES = 100


@dataclass(frozen=True)
class AssetSlot:
    """A field of a clip that names an asset: its path inside the clip and the kinds it accepts."""

    path: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class AnimatedProp:
    """A property keyframes may animate: its range and the schema component of its keyframe list."""

    name: str
    lo: float
    hi: float
    component: str
    meaning: str  # what `value` is, for the schema's description
    exclusive_lo: bool = False

    def schema(self) -> Schema:
        value: Schema = {"type": "number", "exclusiveMinimum" if self.exclusive_lo else "minimum": plain(self.lo)}
        value["maximum"] = plain(self.hi)
        return {
            "type": "array",
            "description": f"1..{MAX_KEYFRAMES} keyframes, `t` strictly increasing; `value`: {self.meaning}.",
            "minItems": 1,
            "maxItems": MAX_KEYFRAMES,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["t", "value"],
                "properties": {
                    "t": {"type": "number", "minimum": 0, "description": "Seconds from the clip start."},
                    "value": {"anyOf": [value, PARAM]},
                    "easing": {"anyOf": [ref("Easing"), {"type": "null"}]},
                },
            },
        }


OPACITY = AnimatedProp("opacity", 0.0, 1.0, "OpacityKeyframes", "0..1")
SCALE = AnimatedProp("scale", 0.0, 10.0, "ScaleKeyframes", "> 0, at most 10", exclusive_lo=True)
ROTATION = AnimatedProp("rotation", -3600.0, 3600.0, "RotationKeyframes", "degrees, -3600..3600")
OFFSET_X = AnimatedProp("offset_x", -1.0, 1.0, "OffsetKeyframes", "a fraction of the frame, -1..1")
OFFSET_Y = AnimatedProp("offset_y", -1.0, 1.0, "OffsetKeyframes", "a fraction of the frame, -1..1")
VOLUME = AnimatedProp("volume", 0.0, 2.0, "VolumeKeyframes", "a gain, 0..2")


@dataclass(frozen=True)
class Keyframes:
    """The set of properties a clip type's keyframes animate (one schema component per set)."""

    component: str
    props: tuple[AnimatedProp, ...]
    description: str | None = None

    def schema(self) -> Schema:
        out: Schema = {"type": "object"}
        if self.description is not None:
            out["description"] = self.description
        out["additionalProperties"] = False
        out["properties"] = {p.name: ref(p.component) for p in self.props}
        return out


VISUAL_KEYFRAMES = Keyframes(
    "VisualKeyframes",
    (OPACITY, SCALE, ROTATION, OFFSET_X, OFFSET_Y),
    "Animated values of a visual clip; a keyframed property replaces the static field.",
)
VIDEO_KEYFRAMES = Keyframes(
    "VideoKeyframes", (*VISUAL_KEYFRAMES.props, VOLUME), "`VisualKeyframes` plus the sound's `volume`."
)
SOUND_KEYFRAMES = Keyframes("SoundKeyframes", (VOLUME,))


@dataclass(frozen=True)
class FieldGroup:
    """Fields several clip types share (one schema component, mixed in with ``allOf``) and their checks."""

    component: str
    schema: Schema
    check: Callable[[Checker, str, Mapping[str, Any], dict[str, Any], ClipType], None]
    components: Mapping[str, Schema] = field(default_factory=dict)  # schemas it names
    slots: tuple[AssetSlot, ...] = ()

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self.schema["properties"])


@dataclass(frozen=True)
class ClipType:
    """Everything about one clip type; see the module docstring."""

    name: str
    component: str  # its schema's name in the contract, e.g. "ColorClip"
    fields: Schema  # JSON Schema of its own fields: {"properties": {...}, "required"?: [...], "description"?: ...}
    check: ClipCheck
    keyframes: Keyframes
    groups: tuple[FieldGroup, ...] = ()
    slots: tuple[AssetSlot, ...] = ()  # its own; the groups' are added (see all_slots)
    components: Mapping[str, Schema] = field(default_factory=dict)  # further schemas its fields name
    visual: ContentFactory | None = None
    sound: SoundFactory | None = None
    natural_length: NaturalLength | None = None  # set when `length: "auto"` means something
    default_position: str = "center"

    @property
    def sound_only(self) -> bool:
        """Clips without pixels take only `fade` transitions (on their sound)."""
        return self.visual is None

    @property
    def all_slots(self) -> tuple[AssetSlot, ...]:
        return (*self.slots, *(s for g in self.groups for s in g.slots))

    @property
    def own_fields(self) -> frozenset[str]:
        return frozenset(self.fields["properties"])
