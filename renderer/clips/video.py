"""``video``: a video asset's frames (picked by time) and, unless muted, its sound."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from ..audio import MediaSound, Sound
from .audio import media_length
from .base import Context, Sprite, image_region

if TYPE_CHECKING:
    import av

    from ..media import VideoReader
from collections.abc import Mapping

from ..checks import Checker
from ..schema import described, ref
from .groups import (
    FRAMING_COMPONENTS,
    FRAMING_FIELDS,
    TRIM_COMPONENTS,
    TRIM_FIELD,
    VISUAL,
    check_framing,
    trimmed_media_length,
)
from .spec import VIDEO_KEYFRAMES, AssetSlot, ClipType


class VideoContent:
    static = False
    fits = True
    margin = False

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.ctx = ctx
        self.asset = str(clip["asset"])
        self.trim_start = float(clip["trim"]["start"])
        length = media_length(ctx, self.asset, clip["trim"])
        self.last = self.trim_start + length if length is not None else None
        self._reader: VideoReader | None = None
        self._frame: av.VideoFrame | None = None

    @property
    def reader(self) -> VideoReader:
        if self._reader is None:
            from ..media import VideoReader  # (FFmpeg only once a video is rendered)

            self._reader = VideoReader(self.ctx.asset_path(self.asset), self.ctx.limits)
        return self._reader

    def _media_time(self, local_t: float) -> float:
        t = self.trim_start + local_t
        if self.last is not None:
            t = min(t, self.last - 1e-3)
        return t

    def natural_size(self, local_t: float) -> tuple[float, float]:
        k = self.ctx.pixel_scale
        return self.reader.width * k, self.reader.height * k

    def key(self, local_t: float) -> Hashable:
        self._frame = self.reader.frame_at(self._media_time(local_t))
        if self._frame is None:
            return None
        return self._frame.pts if self._frame.pts is not None else id(self._frame)

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite | None:
        frame = self._frame
        if frame is None:
            return None
        k = self.ctx.pixel_scale
        x, y, w, h = (v / k for v in src)
        full = abs(x) < 0.5 and abs(y) < 0.5 and abs(w - frame.width) < 0.5 and abs(h - frame.height) < 0.5
        if full:
            # One swscale call: decode colours and scale at once.
            rgb = frame.reformat(width=size[0], height=size[1], format="rgb24").to_ndarray()
            return Sprite(size[0], size[1], rgb=np.ascontiguousarray(rgb))
        image = Image.fromarray(frame.to_ndarray(format="rgb24"))
        return Sprite.from_image(image_region(image, (x, y, w, h), size))

    def close(self) -> None:
        self._frame = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None


def video_sounds(clip: dict[str, Any], ctx: Context) -> list[Sound]:
    if clip.get("mute"):
        return []
    asset = str(clip["asset"])
    trim = clip["trim"]
    return [
        MediaSound(
            clip,
            float(clip["start"]),
            float(clip["end"]),
            path=ctx.asset_path(asset),
            kind="video",
            trim_start=float(trim["start"]),
            media_length=media_length(ctx, asset, trim),
            loop=False,
        )
    ]


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    check_framing(c, where, obj, out)
    out["asset"] = c.asset(where, obj, "asset", KINDS, "a video clip")
    out["trim"] = c.trim(where, obj)
    out["volume"] = c.number(where, obj, "volume", 1.0, 0.0, 2.0)
    out["mute"] = c.boolean(where, obj, "mute", False)


KINDS = ("video",)
CLIP = ClipType(
    name="video",
    component="VideoClip",
    fields={
        "required": ["asset"],
        "properties": {
            "asset": described("AssetRef", "A `video` asset (MP4/MOV or WebM/MKV)."),
            **FRAMING_FIELDS,
            "trim": TRIM_FIELD,
            "volume": ref("OptionalVolume"),
            "mute": described("OptionalBoolean", "Drop the video's sound. Default false."),
        },
    },
    check=check,
    keyframes=VIDEO_KEYFRAMES,
    groups=(VISUAL,),
    slots=(AssetSlot(("asset",), KINDS),),
    components={**FRAMING_COMPONENTS, **TRIM_COMPONENTS},
    visual=VideoContent,
    sound=video_sounds,
    natural_length=trimmed_media_length,
)
