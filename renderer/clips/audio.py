"""``audio``: an audio asset (or a video asset's sound) on the timeline."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..audio import MediaSound, Sound
from ..checks import DUCK_DEFAULT, Checker
from ..schema import described, optional, ref
from .base import Context
from .groups import ROLE_FIELD, ROLES, SOUND_COMPONENTS, TRIM_COMPONENTS, TRIM_FIELD, trimmed_media_length
from .spec import SOUND_KEYFRAMES, AssetSlot, ClipType


def media_length(ctx: Context, asset_id: str, trim: dict[str, Any]) -> float | None:
    duration = ctx.assets[asset_id].duration
    end = trim.get("end")
    if duration is None:
        return None if end is None else float(end) - float(trim["start"])
    end = duration if end is None else min(float(end), duration)
    return max(0.0, end - float(trim["start"]))


def audio_sounds(clip: dict[str, Any], ctx: Context) -> list[Sound]:
    asset = str(clip["asset"])
    trim = clip["trim"]
    return [
        MediaSound(
            clip,
            float(clip["start"]),
            float(clip["end"]),
            path=ctx.asset_path(asset),
            kind=ctx.assets[asset].kind,
            trim_start=float(trim["start"]),
            media_length=media_length(ctx, asset, trim),
            loop=bool(clip.get("loop", False)),
        )
    ]


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["asset"] = c.asset(where, obj, "asset", KINDS, "an audio clip")
    out["volume"] = c.number(where, obj, "volume", 1.0, 0.0, 2.0)
    out["fade_in"] = c.seconds(where, obj, "fade_in", 0.0)
    out["fade_out"] = c.seconds(where, obj, "fade_out", 0.0)
    out["trim"] = c.trim(where, obj)
    out["role"] = c.choice(where, obj, "role", "effect", ROLES)
    out["duck"] = c.duck(where, obj, DUCK_DEFAULT)
    out["loop"] = c.boolean(where, obj, "loop", False)


KINDS = ("audio", "video")
CLIP = ClipType(
    name="audio",
    component="AudioClip",
    fields={
        "required": ["asset"],
        "properties": {
            "asset": described("AssetRef", "An `audio` asset, or a `video` asset's sound."),
            "volume": ref("OptionalVolume"),
            "fade_in": ref("OptionalSeconds"),
            "fade_out": ref("OptionalSeconds"),
            "trim": TRIM_FIELD,
            "role": ROLE_FIELD,
            "duck": optional("Duck", description="For `music` clips; default the soundtrack's."),
            "loop": described("OptionalBoolean", "Repeat the (trimmed) media to fill the clip. Default false."),
        },
    },
    check=check,
    keyframes=SOUND_KEYFRAMES,
    slots=(AssetSlot(("asset",), KINDS),),
    components={**SOUND_COMPONENTS, **TRIM_COMPONENTS},
    sound=audio_sounds,
    natural_length=trimmed_media_length,
)
