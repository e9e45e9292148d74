"""``avatar``: a talking presenter. The built-in puppet (drawn from code, renderer/avatar) says the clip's
script, synthesized by GALA before the render (see spoken.py): the mouth follows the phonemes of the
timing document, the puppet blinks, breathes, sways and nods on stressed words, and the clip is placed,
scaled and transitioned like any visual clip. Its speech plays as a `voice` sound (music ducks under it).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from functools import lru_cache
from typing import Any

from ..assets import load_image_as_given
from ..avatar.character import default_character
from ..avatar.presentation import FRAMINGS, Framing, Presentation, framing_box, output_size, present, present_placed
from ..avatar.puppet import ColorMap, Movement, Performance, Pose, Puppet, PuppetError, WordCue
from ..avatar.rig import KINDS as RIG_KINDS
from ..avatar.rig import ROLES, load
from ..checks import Checker, show
from ..errors import RenderError
from ..schema import NULL, Schema, number, optional, param
from ..visemes import envelope_timeline, viseme_timeline
from ..yuv import MATRIX, OFFSET, Patch, premultiplied_patch
from .base import ByteArray, Context, Sprite
from .groups import VISUAL
from .spec import VISUAL_KEYFRAMES, AssetSlot, ClipType
from .spoken import SPOKEN, resolved, spoken_length, spoken_sounds

BUILTIN = "builtin"
# Default height of the sprite, a fraction of the frame height, per framing.
DEFAULT_SIZE: dict[str, float] = {"full": 0.9, "bust": 0.8, "circle": 0.32, "pip": 0.3}
MOVEMENT_FIELDS = frozenset({"blinks", "breathing", "sway", "nods", "seed"})
REMOVE = "remove"  # `background`: cut the model out of its own background (puppets already are)
RIG_FIELDS = frozenset({"kind", "assets", "anchors"})
_REFERENCE_HEIGHT = 640  # the built-in character is measured at this height to size its drawing
# The video frames' colours (renderer.yuv): the puppet's parts are mapped once, each frame is drawn in them.
_YUV = ColorMap(
    (
        (float(MATRIX[0, 0]), float(MATRIX[0, 1]), float(MATRIX[0, 2])),
        (float(MATRIX[1, 0]), float(MATRIX[1, 1]), float(MATRIX[1, 2])),
        (float(MATRIX[2, 0]), float(MATRIX[2, 1]), float(MATRIX[2, 2])),
    ),
    OFFSET,
)


@lru_cache(maxsize=4)
def builtin_puppet(height: int) -> Puppet:
    return Puppet(default_character(height))


def _drawing_height(framing: Framing, sprite_height: int) -> int:
    """The character's drawing size: its framing box a little over the sprite (the puppet composes at 2x
    from parts resized once, so more would only cost drawing time), in steps so sizes share drawings."""
    reference = builtin_puppet(_REFERENCE_HEIGHT)
    box = framing_box(reference, framing)
    wanted = _REFERENCE_HEIGHT * 1.5 * sprite_height / (box[3] - box[1])
    return int(min(1440, max(320, 64 * math.ceil(wanted / 64))))


def _rgb(color: str | None) -> tuple[int, int, int] | None:
    if color is None:
        return None
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def performance_of(clip: Mapping[str, Any], canvas_height: int) -> Performance:
    """The mouth timeline, nods and idle movement of a clip, from its timing document."""
    timing = resolved(clip)["timing"]
    duration = float(timing["duration"])
    if timing.get("timing") == "envelope" and timing.get("envelope"):
        env = timing["envelope"]
        timeline = envelope_timeline(env["rms"], env["frame_samples"] / float(timing["sample_rate"]))
    else:
        phonemes = [(float(p["start"]), float(p["end"]), str(p["ipa"])) for p in timing.get("phonemes", [])]
        timeline = viseme_timeline(phonemes, duration=duration)
    stressed = {int(p["word"]) for p in timing.get("phonemes", []) if "ˈ" in str(p["ipa"])}
    words = [WordCue(float(w["start"]), i in stressed) for i, w in enumerate(timing.get("words", []))]
    m = clip["movement"]
    defaults = Movement()
    movement = Movement(
        blinks=m["blinks"],
        breathing=defaults.breathing if m["breathing"] else 0.0,
        sway_deg=defaults.sway_deg if m["sway"] else 0.0,
        nods=m["nods"],
        seed=m["seed"],
    )
    length = float(clip["end"]) - float(clip["start"])
    return Performance.plan(timeline, words, movement, canvas_height=canvas_height, duration=max(length, duration))


class _DrawnInYuv:
    """A frame's puppet drawn straight in Y'CbCr (a `SpriteSource`): video frames blend patches made from
    its premultiplied planes with integer work; an RGB frame (a poster, a GIF) gets the exact `present`."""

    __slots__ = ("_look", "_pose", "_puppet", "_yuva")

    def __init__(self, yuva: ByteArray, puppet: Puppet, pose: Pose, look: Presentation) -> None:
        self._yuva, self._puppet, self._pose, self._look = yuva, puppet, pose, look

    def patch(self, px: int, py: int) -> Patch:
        return premultiplied_patch(px, py, self._yuva)

    def pixels(self) -> tuple[ByteArray, ByteArray | None]:
        sprite = Sprite.from_image(present(self._puppet, self._pose, self._look))
        assert sprite.rgb is not None
        return sprite.rgb, sprite.a8


class AvatarContent:
    static = False
    fits = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.framing: Framing = clip["framing"]
        self.margin = self.framing in ("circle", "pip")
        self.height = max(8, round(float(clip["size"]) * ctx.height))
        self.puppet = model_puppet(clip, ctx) or builtin_puppet(_drawing_height(self.framing, self.height))
        self.performance = performance_of(clip, self.puppet.parts.canvas[1])
        self.background = None if clip["background"] == REMOVE else _rgb(clip["background"])
        self.border = round(float(clip["border"]) * ctx.pixel_scale)
        self.size = output_size(framing_box(self.puppet, self.framing), self.height)
        self._pose: tuple[float, Pose] | None = None

    def pose(self, local_t: float) -> Pose:
        """The pose at ``local_t``, its movement rounded to steps under half a pixel of the sprite, so
        frames whose mouth and eyes did not change mostly reuse the last sprite (the clip's cache)."""
        if self._pose is None or self._pose[0] != local_t:
            p = self.performance.pose_at(local_t)
            reach = max(1.0, float(self.height))  # the farthest a point is from the pivot, about
            angle_step = math.degrees(0.45 / reach)
            canvas_px = self.puppet.parts.canvas[1] / reach  # canvas pixels per sprite pixel, about
            quantised = Pose(
                p.mouth,
                p.eyes_closed,
                round(p.angle_deg / angle_step) * angle_step,
                1.0 + round((p.scale - 1.0) * reach / 0.45) * 0.45 / reach,
                round(p.dy / (0.45 * canvas_px)) * 0.45 * canvas_px,
            )
            self._pose = (local_t, quantised)
        return self._pose[1]

    def natural_size(self, local_t: float) -> tuple[float, float]:
        return float(self.size[0]), float(self.size[1])

    def key(self, local_t: float) -> Hashable:
        p = self.pose(local_t)
        return (p.mouth, p.eyes_closed, round(p.angle_deg, 6), round(p.scale, 7), round(p.dy, 4))

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite:
        look = Presentation(self.framing, self.background, size[1], self.border)
        pose = self.pose(local_t)
        yuva = present_placed(self.puppet, pose, look, _YUV)
        if yuva is None:
            return Sprite.from_image(present(self.puppet, pose, look))
        return Sprite(int(yuva.shape[1]), int(yuva.shape[0]), source=_DrawnInYuv(yuva, self.puppet, pose, look))

    def close(self) -> None:
        self._pose = None


def model_puppet(clip: Mapping[str, Any], ctx: Context) -> Puppet | None:
    """The uploaded model GALA resolved into the clip's `rig` (None: the built-in presenter)."""
    rig = clip.get("rig")
    if rig is None:
        if clip["model"] != BUILTIN:
            raise RenderError(f"avatar model {clip['model']!r} was not resolved to a puppet before the render")
        return None
    if rig["kind"] == "photo" and clip["background"] == REMOVE:
        raise RenderError(
            "background: remove needs a segmentation model, and none ships with GALA; "
            "a photo model keeps its own background"
        )
    try:
        return load(rig, lambda asset: load_image_as_given(ctx.asset_path(asset), ctx.limits))
    except PuppetError as exc:
        raise RenderError(f"avatar model {clip['model']!r}: {exc} (role {exc.role})") from exc


def _check_rig(c: Checker, where: str, obj: Mapping[str, Any]) -> dict[str, Any] | None:
    got = c.sub(where, obj, "rig", RIG_FIELDS)
    if got is None:
        return None
    kind = got.get("kind")
    if kind not in RIG_KINDS:
        c.fail(f"{where}.rig.kind must be one of {', '.join(RIG_KINDS)}, got {show(kind)}")
        return None
    raw = c.sub(f"{where}.rig", got, "assets", frozenset(ROLES)) or {}
    assets = {role: c.asset(f"{where}.rig.assets", raw, role, ("image",), "an avatar model") for role in raw}
    anchors = got.get("anchors")
    if not isinstance(anchors, dict):
        c.fail(f"{where}.rig.anchors must be an object (the model's anchor points)")
        return None
    return {"kind": kind, "assets": assets, "anchors": anchors}


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    model = obj.get("model")
    if not isinstance(model, str) or not model:
        c.fail(f'{where}.model is required (a model id, or "{BUILTIN}" for the built-in presenter), got {show(model)}')
        model = BUILTIN
    out["model"] = model
    out["framing"] = c.choice(where, obj, "framing", "bust", FRAMINGS)
    out["size"] = c.positive(where, obj, "size", DEFAULT_SIZE[out["framing"]], 1.0)
    background = obj.get("background")
    out["background"] = (
        None if background is None else REMOVE if background == REMOVE else c.color(where, obj, "background", None)
    )
    out["rig"] = _check_rig(c, where, obj)
    out["border"] = c.number(where, obj, "border", 0.0, 0.0, 50.0)
    raw = c.sub(where, obj, "movement", MOVEMENT_FIELDS) or {}
    label = f"{where}.movement"
    out["movement"] = {
        **{k: c.boolean(label, raw, k, True) for k in ("blinks", "breathing", "sway", "nods")},
        "seed": c.integer(label, raw, "seed", 0, 0, 2**31 - 1),
    }


MOVEMENT_SCHEMA: Schema = {
    "type": "object",
    "description": "Idle movement; each on by default. `seed` draws the blinks (same frames on every render).",
    "additionalProperties": False,
    "properties": {
        "blinks": {"type": ["boolean", "null"]},
        "breathing": {"type": ["boolean", "null"]},
        "sway": {"type": ["boolean", "null"]},
        "nods": {"type": ["boolean", "null"], "description": "A small dip on stressed words."},
        "seed": {"type": ["integer", "null"], "minimum": 0, "maximum": 2**31 - 1},
    },
}

RIG_SCHEMA: Schema = {
    "type": "object",
    "description": "Filled in by GALA before rendering from the clip's `puppet` or `photo` model (its images "
    "by role and its anchors, see the Models API); anything given here is replaced.",
    "properties": {
        "kind": {"type": "string", "enum": list(RIG_KINDS)},
        "assets": {"type": "object", "additionalProperties": {"type": "string"}},
        "anchors": {"type": "object"},
    },
}

CLIP = ClipType(
    name="avatar",
    component="AvatarClip",
    fields={
        "description": "A talking presenter saying `script` (or a `recording`). "
        'Its `"auto"` length (the default) is the speech\'s; music ducks under it.',
        "required": ["model"],
        "properties": {
            "model": {
                "description": "A model id: the built-in presenter's is `01900000-0000-7000-8000-000000000002` "
                f'(`"{BUILTIN}"` also names it).',
                "type": "string",
                "minLength": 1,
            },
            "framing": optional("AvatarFraming"),
            "size": param(
                number(0, 1, exclusive_lo=True),
                description="Height as a fraction of the frame's; "
                "default 0.9 (full), 0.8 (bust), 0.32 (circle), 0.3 (pip).",
            ),
            "background": {
                "description": "A colour behind the puppet inside its framing; null keeps the scene. "
                '`"remove"` cuts the model out of its own background: puppets already are; a photo model '
                "would need a segmentation model, and none ships with GALA, so it is refused for photos.",
                "anyOf": [{"$ref": "#/components/schemas/OptionalColor"}, {"const": REMOVE}],
            },
            "rig": {"anyOf": [{"$ref": "#/components/schemas/ResolvedRig"}, NULL]},
            "border": param(number(0, 50), description="A ring around circle and pip framings, pixels; default 0."),
            "movement": optional("AvatarMovement"),
        },
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL, SPOKEN),
    components={
        "AvatarFraming": {
            "type": "string",
            "description": "`full` (whole figure), `bust` (head and shoulders, default), `circle` (a round badge), "
            "`pip` (a rounded square for a corner picture-in-picture).",
            "enum": list(FRAMINGS),
        },
        "AvatarMovement": MOVEMENT_SCHEMA,
        "ResolvedRig": RIG_SCHEMA,
    },
    slots=tuple(AssetSlot(("rig", "assets", role), ("image",)) for role in ROLES),
    visual=AvatarContent,
    sound=spoken_sounds,
    natural_length=spoken_length,
    default_position="bottom",
)
