"""What the gallery tests render, and how the golden frames are made and compared.

Each example is rendered through ``renderer.render`` with its own defaults (1280x720) at quality
``draft``, which renders at half size (640x360) with every pixel size in the composition (text, strokes,
padding) halved too, so the picture is the full-size one in miniature. (A 160x90 custom size would not
be: text sizes are pixels, not fractions of the frame.) The renders run at 10 fps, shortened by the
example's own parameters to 2-4 s, with the sample assets generated at half their full size.

The frames at ``times`` are decoded from the MP4, reduced to 160x90 by averaging 4x4 blocks and compared
with ``golden/<example>_<t>s.png``. Tolerance: each compared frame must have a PSNR of at least
``MIN_PSNR_DB`` (30 dB) against its golden frame, over all RGB channels. Renders are deterministic on one
machine (identical frames, PSNR = inf); the margin absorbs what other x264/FFmpeg/Pillow/FreeType builds
change (encoder noise, glyph anti-aliasing), while a moved, missing or recoloured element costs far more.

To regenerate the golden frames after an intended change to an example or to the renderer::

    .venv/bin/python -m tests.examples.regenerate            # all examples
    .venv/bin/python -m tests.examples.regenerate promo      # one
    GALA_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/examples   # the same, through pytest

and look at the new PNGs before committing them.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
MIN_PSNR_DB = 30.0
ASSET_SCALE = 0.5
REGENERATE_ENV = "GALA_REGENERATE_GOLDEN"
TEST_PARAMS = {"fps": 10}
TEST_OUTPUT = {"quality": "draft"}
RENDER_SIZE = (640, 360)  # 1280x720 at quality draft
GOLDEN_SIZE = (160, 90)


@dataclass(frozen=True)
class Case:
    name: str
    times: tuple[float, ...]  # seconds: the frames compared with golden ones
    params: dict[str, Any] = field(default_factory=dict)
    has_sound: bool = True

    @property
    def all_params(self) -> dict[str, Any]:
        return {**TEST_PARAMS, **self.params}

    def golden(self, t: float) -> Path:
        return GOLDEN_DIR / f"{self.name}_{t:g}s.png"


CASES = (
    Case("promo", times=(0.5, 1.2, 1.8), params={"duration": 2.4}),
    Case("quote_card", times=(0.4, 1.2, 1.9), params={"duration": 2}, has_sound=False),
    # 4 slides of 1 s overlapping by 0.3 s: 3.1 s; 0.85 s is inside the first cross-fade.
    Case("slideshow", times=(0.3, 0.85, 2.5), params={"slide_seconds": 1.0, "crossfade": 0.3}),
    # The clip is 4 s long; the three times fall in the three captions.
    Case("captioned_clip", times=(0.8, 2.0, 3.5)),
    # A short script (about 3.5 s of speech) over 1 s slides: mouth shapes, the slide change, captions.
    Case(
        "presenter",
        times=(0.3, 1.4, 2.6),
        params={"script": "Hello, and welcome to GALA. The music steps back while I speak.", "slide_seconds": 1.0},
    ),
    Case(
        "presentador",
        times=(0.3, 1.4, 2.6),
        params={"script": "Hola, y bienvenidos a GALA. La música baja mientras hablo.", "slide_seconds": 1.0},
    ),
)


def regenerating() -> bool:
    return os.environ.get(REGENERATE_ENV, "") not in ("", "0")


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    if a.shape != b.shape:
        return -math.inf
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10.0 * math.log10(255.0**2 / mse)


def shrink(frame: np.ndarray, size: tuple[int, int] = GOLDEN_SIZE) -> np.ndarray:
    """``frame`` reduced to ``size`` (width, height) by averaging blocks (the sides must divide evenly)."""
    height, width = frame.shape[:2]
    fx, fy = width // size[0], height // size[1]
    if (fx * size[0], fy * size[1]) != (width, height):
        raise ValueError(f"{width}x{height} does not reduce evenly to {size[0]}x{size[1]}")
    blocks = frame.reshape(size[1], fy, size[0], fx, -1).astype(np.float64)
    return blocks.mean(axis=(1, 3)).round().astype(np.uint8)


def decode_frames(path: Path, fps: float, times: tuple[float, ...]) -> dict[float, np.ndarray]:
    """RGB frames of an MP4 at the given times (frame ``round(t * fps)``), reduced with :func:`shrink`."""
    import av

    wanted = {round(t * fps): t for t in times}
    frames: dict[float, np.ndarray] = {}
    with av.open(str(path)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index in wanted:
                frames[wanted[index]] = shrink(frame.to_ndarray(format="rgb24"))
            if len(frames) == len(wanted):
                break
    missing = sorted(set(times) - set(frames))
    if missing:
        raise AssertionError(f"{path.name}: no frames at {missing} s")
    return frames


def audio_peak(path: Path) -> float:
    """The largest absolute sample of the MP4's first audio stream (0 when it has none)."""
    import av

    peak = 0.0
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return 0.0
        for frame in container.decode(audio=0):
            peak = max(peak, float(np.abs(frame.to_ndarray()).max(initial=0.0)))
    return peak


def render_case(case: Case, work: Path) -> tuple[Any, dict[float, np.ndarray]]:
    """Render one example at the test size; return the render result and the frames at ``case.times``."""
    from examples import gallery

    result = gallery.render(
        case.name,
        work / "out",
        params=case.all_params,
        assets_dir=work / "assets",
        scale=ASSET_SCALE,
        output=TEST_OUTPUT,
    )
    return result, decode_frames(result.video_path, result.fps, case.times)


def write_golden(case: Case, frames: dict[float, np.ndarray]) -> list[Path]:
    from PIL import Image

    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for t, frame in sorted(frames.items()):
        path = case.golden(t)
        Image.fromarray(frame).save(path, format="PNG", optimize=True)
        written.append(path)
    return written


def read_golden(path: Path) -> np.ndarray:
    from PIL import Image

    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"))
