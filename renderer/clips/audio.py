"""``audio``: an audio asset (or a video asset's sound) on the timeline."""

from __future__ import annotations

from typing import Any

from ..audio import MediaSound, Sound
from . import register
from .base import Context


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


register("audio", sound=audio_sounds)
