"""Deterministic sample media for the gallery: images, music and a short video, drawn from code.

Nothing here is random at run time: every generator takes a seed or fixed parameters, so the same
call always produces the same pixels and samples (which is what lets the tests keep golden frames).
"""

from __future__ import annotations

import math
import wave
from collections.abc import Callable, Iterable
from fractions import Fraction
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

SAMPLE_RATE = 48_000
Colour = tuple[int, int, int]

# Semitone offsets from A3 (220 Hz) of a I-V-vi-IV progression in A major.
PROGRESSION = ((0, 4, 7), (7, 11, 14), (9, 12, 16), (5, 9, 12))


def hex_rgb(colour: str) -> Colour:
    value = int(colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def vertical_gradient(width: int, height: int, top: Colour, bottom: Colour) -> np.ndarray:
    mix = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    row = np.asarray(top, np.float32) * (1 - mix) + np.asarray(bottom, np.float32) * mix
    return np.broadcast_to(row, (height, width, 3)).copy()


def _ridge(rng: np.random.Generator, width: int, base: float, rough: float) -> np.ndarray:
    """A smooth random skyline (one height per column, as a fraction of the height)."""
    knots = rng.uniform(-1.0, 1.0, size=9)
    xs = np.linspace(0, len(knots) - 1, width)
    smooth = np.interp(xs, np.arange(len(knots)), knots)
    detail = np.interp(xs, np.linspace(0, len(knots) - 1, 40), rng.uniform(-1.0, 1.0, size=40))
    return base + rough * (0.8 * smooth + 0.2 * detail)


def landscape(path: Path, width: int, height: int, *, seed: int, sky: tuple[str, str], land: str, sun: str) -> Path:
    """A stylised landscape "photo": a sky gradient, a sun and three hazy ridges (JPEG)."""
    rng = np.random.default_rng(seed)
    img = vertical_gradient(width, height, hex_rgb(sky[0]), hex_rgb(sky[1]))
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    sx, sy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.4) * height
    dist = np.hypot(xx - sx, yy - sy) / (0.09 * min(width, height) * 1.6)
    glow = np.clip(1.2 - dist, 0.0, 1.0)[..., None]
    img = img * (1 - glow) + np.asarray(hex_rgb(sun), np.float32) * glow
    land_rgb = np.asarray(hex_rgb(land), np.float32)
    haze = np.asarray(hex_rgb(sky[1]), np.float32)
    for layer, (base, rough) in enumerate(((0.55, 0.08), (0.68, 0.07), (0.82, 0.05))):
        top = _ridge(rng, width, base, rough) * height
        mask = (yy >= top[None, :])[..., None]
        depth = (2 - layer) / 3  # far ridges fade into the sky
        colour = land_rgb * (1 - 0.6 * depth) + haze * 0.6 * depth
        shade = 1.0 - 0.25 * np.clip((yy - top[None, :]) / (0.3 * height), 0.0, 1.0)[..., None]
        img = np.where(mask, colour * shade, img)
    grain = rng.normal(0.0, 3.0, size=(height, width, 1)).astype(np.float32)  # a little film grain
    out = Image.fromarray(np.clip(img + grain, 0, 255).round().astype(np.uint8))
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path, format="JPEG", quality=90)
    return path


def badge(path: Path, size: int, *, fill: str, ring: str, label_shape: str = "bolt") -> Path:
    """A round logo with a transparent surround (RGBA PNG), drawn at 4x and downsampled."""
    big = size * 4
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((0, 0, big - 1, big - 1), fill=(*hex_rgb(ring), 255))
    pad = big // 14
    draw.ellipse((pad, pad, big - 1 - pad, big - 1 - pad), fill=(*hex_rgb(fill), 255))
    c = big / 2
    if label_shape == "bolt":
        pts = [(0.10, -0.42), (-0.22, 0.05), (0.0, 0.05), (-0.10, 0.42), (0.24, -0.08), (0.02, -0.08), (0.14, -0.42)]
    else:  # a play triangle
        pts = [(-0.18, -0.30), (0.30, 0.0), (-0.18, 0.30)]
    draw.polygon([(c + x * big, c + y * big) for x, y in pts], fill=(255, 255, 255, 255))
    img = img.resize((size, size), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format="PNG")
    return path


def product(path: Path, width: int, height: int, *, body: str, accent: str) -> Path:
    """A stylised product shot on a transparent background: a speaker with a soft shadow (RGBA PNG)."""
    big_w, big_h = width * 2, height * 2
    img = Image.new("RGBA", (big_w, big_h), (0, 0, 0, 0))
    shadow = Image.new("L", (big_w, big_h), 0)
    ImageDraw.Draw(shadow).ellipse((big_w * 0.18, big_h * 0.86, big_w * 0.82, big_h * 0.97), fill=150)
    shadow = shadow.filter(ImageFilter.GaussianBlur(big_w / 40))
    img.paste((0, 0, 0, 255), (0, 0), shadow)
    draw = ImageDraw.Draw(img)
    box = (big_w * 0.25, big_h * 0.05, big_w * 0.75, big_h * 0.9)
    draw.rounded_rectangle(box, radius=int(big_w * 0.08), fill=(*hex_rgb(body), 255))
    cx = big_w / 2
    for cy, r in ((big_h * 0.30, big_w * 0.13), (big_h * 0.64, big_w * 0.18)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(*hex_rgb(accent), 255))
        inner = r * 0.45
        draw.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), fill=(20, 20, 28, 255))
    highlight = (box[0] + big_w * 0.03, box[1] + big_h * 0.03, box[0] + big_w * 0.06, box[3] - big_h * 0.1)
    draw.rounded_rectangle(highlight, radius=int(big_w * 0.015), fill=(255, 255, 255, 70))
    img = img.resize((width, height), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, format="PNG")
    return path


def _write_wav(path: Path, chunks: Iterable[np.ndarray]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        for chunk in chunks:  # (n, 2) floats in -1..1
            out.writeframes((np.clip(chunk, -1, 1) * 32767).round().astype("<i2").tobytes())
    return path


def music(path: Path, seconds: float, *, bpm: float = 96.0, volume: float = 0.2) -> Path:
    """A soft pad playing the progression, one chord per bar, with a plucked bass note per beat (WAV)."""
    beat = 60.0 / bpm
    total = round(seconds * SAMPLE_RATE)

    def chunks() -> Iterable[np.ndarray]:
        for first in range(0, total, SAMPLE_RATE):
            t = np.arange(first, min(total, first + SAMPLE_RATE), dtype=np.float64) / SAMPLE_RATE
            bar = (t // (4 * beat)).astype(int) % len(PROGRESSION)
            in_beat = np.mod(t, beat)
            pad = np.zeros_like(t)
            bass = np.zeros_like(t)
            for index, chord in enumerate(PROGRESSION):
                on = bar == index
                for semitone in chord:
                    pad += on * np.sin(2 * np.pi * 220.0 * 2 ** (semitone / 12) * t)
                bass += on * np.sin(2 * np.pi * 110.0 * 2 ** (chord[0] / 12) * t)
            pad /= 3
            bass *= np.exp(-in_beat * 6.0)
            mono = volume * (0.6 * pad + 0.8 * bass)
            yield np.stack((mono, np.roll(mono, 30)), axis=1)

    return _write_wav(path, chunks())


FrameFn = Callable[[int, float], np.ndarray]


def video(path: Path, width: int, height: int, seconds: float, fps: int, draw: FrameFn, *, tone_hz: float) -> Path:
    """An H.264 + AAC MP4 of ``draw(index, t)`` RGB frames, with a gently pulsing tone (via PyAV)."""
    import av

    frames = round(seconds * fps)
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps, options={"preset": "veryfast", "crf": "20"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.thread_count = 1  # one thread: the same bytes on every machine with this x264
        audio = container.add_stream("aac", rate=SAMPLE_RATE)
        audio.codec_context.layout = "stereo"
        for index in range(frames):
            frame = av.VideoFrame.from_ndarray(draw(index, index / fps), format="rgb24")
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
        total = round(seconds * SAMPLE_RATE)
        for first in range(0, total, 1024):
            n = min(1024, total - first)
            t = np.arange(first, first + n, dtype=np.float64) / SAMPLE_RATE
            pulse = 0.5 + 0.5 * np.sin(2 * np.pi * 1.5 * t) ** 2
            mono = (0.15 * pulse * np.sin(2 * np.pi * tone_hz * t)).astype(np.float32)
            chunk = av.AudioFrame.from_ndarray(np.stack((mono, mono)), format="fltp", layout="stereo")
            chunk.sample_rate = SAMPLE_RATE
            chunk.pts = first
            chunk.time_base = Fraction(1, SAMPLE_RATE)
            container.mux(audio.encode(chunk))
        container.mux(audio.encode(None))
    return path


def orbit_scene(width: int, height: int, *, background: tuple[str, str], accents: tuple[str, ...]) -> FrameFn:
    """A frame function: dots orbiting the centre over a gradient, with a sweeping light bar."""
    base = vertical_gradient(width, height, hex_rgb(background[0]), hex_rgb(background[1]))
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    colours = [np.asarray(hex_rgb(c), np.float32) for c in accents]
    radius = 0.06 * min(width, height) * 1.6

    def draw(_index: int, t: float) -> np.ndarray:
        img = base.copy()
        sweep = np.exp(-(((xx - (t * 0.35 % 1.4 - 0.2) * width) / (0.08 * width)) ** 2))[..., None]
        img = img + 40.0 * sweep
        for k, colour in enumerate(colours):
            angle = 2 * math.pi * (t / 4.0 + k / len(colours))
            cx = width / 2 + 0.3 * width * math.cos(angle)
            cy = height / 2 + 0.28 * height * math.sin(angle)
            cover = np.clip(radius - np.hypot(xx - cx, yy - cy), 0.0, 1.0)[..., None]
            img = img * (1 - cover) + colour * cover
        return np.clip(img, 0, 255).astype(np.uint8)

    return draw
