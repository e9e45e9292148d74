"""Make the top-level ``renderer`` package importable, and generate media fixtures at test time."""

from __future__ import annotations

import math
import sys
import wave
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import av  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from renderer.assets import AssetFile  # noqa: E402

RATE = 48000


def write_wav(path: Path, seconds: float, freq: float = 440.0, amplitude: float = 0.5) -> Path:
    n = round(seconds * RATE)
    mono = amplitude * np.sin(2 * math.pi * freq * np.arange(n) / RATE)
    pcm = (np.stack([mono, mono], axis=1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())
    return path


def write_video(
    path: Path,
    seconds: float,
    colors: list[tuple[int, int, int]],
    size: tuple[int, int] = (64, 48),
    fps: int = 10,
    audio: bool = True,
) -> Path:
    """An MP4 whose frames cycle through ``colors`` (one colour per second) with a 440 Hz tone."""
    w, h = size
    with av.open(str(path), "w", format="mp4") as container:
        video = container.add_stream("libx264", rate=fps, options={"preset": "ultrafast", "crf": "10"})
        video.width, video.height, video.pix_fmt = w, h, "yuv420p"
        stream = None
        if audio:
            stream = container.add_stream("aac", rate=RATE)
            stream.codec_context.layout = "stereo"
        for i in range(round(seconds * fps)):
            rgb = np.empty((h, w, 3), np.uint8)
            rgb[:, :] = colors[int(i / fps) % len(colors)]
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            container.mux(video.encode(frame))
        container.mux(video.encode(None))
        if stream is not None:
            total = round(seconds * RATE)
            for first in range(0, total, 1024):
                n = min(1024, total - first)
                wave_ = (0.5 * np.sin(2 * math.pi * 440 * np.arange(first, first + n) / RATE)).astype(np.float32)
                frame = av.AudioFrame.from_ndarray(np.stack([wave_, wave_]), format="fltp", layout="stereo")
                frame.sample_rate = RATE
                frame.pts = first
                container.mux(stream.encode(frame))
            container.mux(stream.encode(None))
    return path


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Small generated assets: images, a video, sounds, a font."""
    folder = tmp_path_factory.mktemp("media")
    red = Image.new("RGBA", (40, 20), (255, 0, 0, 255))
    red.save(folder / "red.png")
    half = Image.new("RGBA", (16, 16), (0, 255, 0, 128))
    half.save(folder / "half.png")
    # Left half white, right half black: shows fit and Ken Burns framing.
    split = Image.new("RGB", (200, 100), (0, 0, 0))
    split.paste((255, 255, 255), (0, 0, 100, 100))
    split.save(folder / "split.jpg", quality=95)
    write_video(folder / "clip.mp4", 2.0, [(255, 0, 0), (0, 0, 255)])
    write_wav(folder / "music.wav", 4.0, 220.0)
    write_wav(folder / "voice.wav", 1.0, 880.0)
    font = ROOT / "renderer" / "fonts" / "DejaVuSans-Bold.ttf"
    assets = {
        "red": AssetFile(folder / "red.png", "image"),
        "half": AssetFile(folder / "half.png", "image"),
        "split": AssetFile(folder / "split.jpg", "image"),
        "clip": AssetFile(folder / "clip.mp4", "video"),
        "music": AssetFile(folder / "music.wav", "audio"),
        "voice": AssetFile(folder / "voice.wav", "audio"),
        "font": AssetFile(font, "font"),
    }
    return {"folder": folder, "assets": assets}
