"""Example compositions, and the generated assets they use.

``reference.json`` is the benchmark composition (10 s, 1280x720, 30 fps): a background colour, a
320x320 PNG with alpha moving across the frame (keyframed ``offset_x`` from -0.4 to 0.4, linear),
a title fading in over 0-1 s and out over 9-10 s, and music (WAV) fading in over 2 s.
:func:`make_reference_assets` writes its two assets; an equivalent ffmpeg command line is in
:data:`FFMPEG_REFERENCE` (libx264 ``-preset veryfast -crf 23``, AAC 128k, faststart: the same
settings as ``quality: medium``).
"""

from __future__ import annotations

import json
import math
import pathlib
import wave
from importlib import resources
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

from ..assets import AssetFile

LOGO_SIZE = 320
SAMPLE_RATE = 48000

# The same picture with ffmpeg alone (drawtext is left out: PyAV's FFmpeg has none, so the title is
# a pre-rendered PNG there, title.png, if the baseline wants it).  {logo}, {music}, {out}, {seconds}.
FFMPEG_REFERENCE = (
    "ffmpeg -y -f lavfi -i color=c=0x1e293b:s=1280x720:r=30:d={seconds} -loop 1 -framerate 30 -i {logo} -i {music} "
    "-filter_complex \"[0][1]overlay=x='(W-w)/2+W*(-0.4+0.8*t/{seconds})':y=(H-h)/2:shortest=1[v];"
    '[2]volume=0.8,afade=t=in:d=2,aresample=48000[a]" '
    "-map [v] -map [a] -t {seconds} -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p "
    "-c:a aac -b:a 128k -ac 2 -movflags +faststart {out}"
)


def hello_composition(
    title: str = "¡Hola, GALA!",
    duration: float = 3.0,
    width: int = 1280,
    height: int = 720,
    fps: float = 30,
    background: str = "#1e293b",
    subtitle: str | None = None,
) -> dict[str, Any]:
    """A small ready-to-render composition: a fading title (and optional subtitle) over a quiet tone."""
    fade = {"type": "fade", "duration": min(0.5, duration / 4)}
    title_clip: dict[str, Any] = {
        "type": "text",
        "name": "title",
        "text": title,
        "size": max(4, round(height / 10)),
        "bold": True,
        "offset": {"x": 0, "y": -0.06 if subtitle else 0},
        "transition": {"in": fade, "out": fade},
    }
    tracks: list[dict[str, Any]] = [{"clips": [title_clip]}]
    if subtitle:
        tracks.append(
            {
                "type": "text",
                "text": subtitle,
                "color": "#cbd5e1",
                "size": max(4, round(height / 20)),
                "offset": {"x": 0, "y": 0.08},
                "transition": {"in": fade, "out": fade},
            }
        )
        tracks[-1] = {"clips": [tracks[-1]]}
    return {
        "version": 2,
        "output": {
            "size": {"width": width, "height": height},
            "fps": fps,
            "duration": duration,
            "poster": {"at": min(1.0, duration / 2)},
        },
        "background": background,
        "tracks": [*tracks, {"clips": [{"type": "tone", "frequency": 440, "volume": 0.05}]}],
    }


def reference_composition(seconds: float = 10.0) -> dict[str, Any]:
    """The benchmark composition; ``seconds`` stretches it (the logo still crosses the frame once)."""
    text = resources.files(__package__).joinpath("reference.json").read_text(encoding="utf-8")
    comp: dict[str, Any] = json.loads(text)
    comp["output"]["duration"] = seconds
    logo = comp["tracks"][0]["clips"][0]
    logo["keyframes"]["offset_x"][1]["t"] = seconds
    title = comp["tracks"][1]["clips"][0]
    title["length"] = seconds
    return comp


def write_logo(path: pathlib.Path, size: int = LOGO_SIZE) -> None:
    """A round, half-transparent-edged badge (RGBA PNG)."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=(250, 204, 21, 255), outline=(255, 255, 255, 160), width=12)
    draw.rectangle((size // 3, size // 3, 2 * size // 3, 2 * size // 3), fill=(220, 38, 38, 200))
    image.save(path, "PNG")


def write_music(path: pathlib.Path, seconds: float = 10.0) -> None:
    """A soft A-minor chord with a slow pulse, 48 kHz stereo 16-bit WAV."""
    total = round(seconds * SAMPLE_RATE)
    chords = (220.0, 261.63, 329.63)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        for first in range(0, total, SAMPLE_RATE):  # one second at a time: memory stays small
            t = np.arange(first, min(total, first + SAMPLE_RATE), dtype=np.float64) / SAMPLE_RATE
            left = sum(np.sin(2 * math.pi * f * t) for f in chords) / 3
            right = sum(np.sin(2 * math.pi * f * t + 0.3) for f in chords) / 3
            pulse = 0.6 + 0.4 * np.sin(2 * math.pi * 0.5 * t)
            stereo = np.stack([left * pulse, right * pulse], axis=1) * 0.5
            out.writeframes((np.clip(stereo, -1, 1) * 32767).astype("<i2").tobytes())


def make_reference_assets(folder: pathlib.Path, seconds: float = 10.0) -> dict[str, AssetFile]:
    """Write ``logo.png`` and ``music.wav`` into ``folder``; the ``assets`` mapping for :func:`render`."""
    folder.mkdir(parents=True, exist_ok=True)
    logo, music = folder / "logo.png", folder / "music.wav"
    write_logo(logo)
    write_music(music, seconds)
    return {"logo": AssetFile(logo, "image"), "music": AssetFile(music, "audio", duration=seconds)}
