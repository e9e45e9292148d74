"""The output-format table: what a render leaves, as the assets a job records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


class RenderOutput(Protocol):
    """What this module reads of ``renderer.RenderOutput``, named here rather than imported:
    the API imports this package, and the renderer's module imports PyAV."""

    @property
    def video_path(self) -> Path: ...

    @property
    def thumbnail_path(self) -> Path: ...

    @property
    def duration(self) -> float: ...

    @property
    def width(self) -> int: ...

    @property
    def height(self) -> int: ...

    @property
    def fps(self) -> float: ...

    @property
    def format(self) -> str: ...

    @property
    def video_codec(self) -> str | None: ...

    @property
    def audio_codec(self) -> str | None: ...


# output.format -> (MIME type, asset kind) of the main output. A `jpg` render *is* its poster.
OUTPUT_TYPES: dict[str, tuple[str, str]] = {
    "mp4": ("video/mp4", "video"),
    "webm": ("video/webm", "video"),
    "gif": ("image/gif", "image"),
    "jpg": ("image/jpeg", "image"),
}


@dataclass(frozen=True)
class Output:
    role: str
    path: Path
    mime: str
    kind: str
    media: dict[str, Any] | None = None


def outputs_of(out: RenderOutput) -> list[Output]:
    """The assets a render leaves: the video (``video``) and its JPEG ``thumbnail``, or one ``poster``."""
    size: dict[str, Any] = {"width": out.width, "height": out.height}
    mime, kind = OUTPUT_TYPES[out.format]
    if out.format == "jpg":
        return [Output("poster", out.video_path, mime, kind, size)]
    media: dict[str, Any] = {
        **size,
        "duration": out.duration,
        "fps": out.fps,
        "video_codec": out.video_codec,
        "audio_codec": out.audio_codec,
    }
    if out.audio_codec is not None:  # the renderer always mixes 48 kHz stereo
        media |= {"channels": 2, "sample_rate": 48000}
    return [
        Output("video", out.video_path, mime, kind, media),
        Output("thumbnail", out.thumbnail_path, "image/jpeg", "image", size),
    ]
