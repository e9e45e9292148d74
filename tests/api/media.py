"""Media files made at test time, small and deterministic: what uploads are made of in these tests."""

from __future__ import annotations

import hashlib
import io
import math
import struct
import uuid
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from PIL import Image

from gala.db import transaction, uuid7
from gala.orm import Asset


def wav_header(data_bytes: int, *, rate: int = 8000, channels: int = 1, bits: int = 8) -> bytes:
    """A canonical 44-byte RIFF/WAVE header for ``data_bytes`` of PCM."""
    block = channels * bits // 8
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block, block, bits)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def wav(payload: bytes | None = None, *, seconds: float = 0.25, rate: int = 8000) -> bytes:
    """8-bit mono PCM: any bytes are valid samples, so ``payload`` can be anything."""
    if payload is None:
        n = int(seconds * rate)
        payload = bytes(128 + int(60 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(n))
    return wav_header(len(payload), rate=rate) + payload


def image(fmt: str = "PNG", size: tuple[int, int] = (8, 8), color: tuple[int, int, int] = (200, 10, 10)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, fmt)
    return buf.getvalue()


def png(size: tuple[int, int] = (8, 8)) -> bytes:
    return image("PNG", size)


def encode(
    path: Path,
    *,
    container: str | None = None,
    video: str | None = "libx264",
    audio: str | None = "aac",
    seconds: float = 0.5,
    size: tuple[int, int] = (64, 48),
    fps: int = 10,
    rate: int = 48000,
) -> Path:
    """A tiny real media file made with PyAV (colour frames and/or a tone)."""
    with av.open(str(path), "w", format=container) as out:
        vstream = astream = None
        if video:
            vstream = out.add_stream(video, rate=fps)
            vstream.width, vstream.height = size
            vstream.pix_fmt = "yuv420p"
        if audio:
            astream = out.add_stream(audio, rate=rate)
            astream.layout = "mono" if audio == "libopus" else "stereo"
        if vstream is not None:
            for i in range(int(seconds * fps)):
                rgb = np.full((size[1], size[0], 3), (i * 20) % 255, dtype=np.uint8)
                frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
                frame.pts = i
                frame.time_base = Fraction(1, fps)
                for packet in vstream.encode(frame):
                    out.mux(packet)
            for packet in vstream.encode(None):
                out.mux(packet)
        if astream is not None:
            layout = astream.layout.name
            channels = 1 if layout == "mono" else 2
            total = int(seconds * rate)
            t = np.arange(total, dtype=np.float32) / rate
            tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
            samples = np.tile(tone, (channels, 1))
            chunk = 1024
            for start in range(0, total, chunk):
                part = np.ascontiguousarray(samples[:, start : start + chunk])
                frame = av.AudioFrame.from_ndarray(part, format="fltp", layout=layout)
                frame.sample_rate = rate
                frame.pts = start
                frame.time_base = Fraction(1, rate)
                for packet in astream.encode(frame):
                    out.mux(packet)
            for packet in astream.encode(None):
                out.mux(packet)
    return path


def store(app: Any, data: bytes, *, name: str = "stored.bin") -> dict[str, Any]:
    """An asset row with arbitrary bytes, as a pre-0.2 upload (kind ``other``) was stored.

    For tests of byte-level HTTP behaviour (ranges, empty bodies) that uploads can no longer
    carry, since uploads must be media now.
    """
    rt = app.app.extensions["gala"]
    asset_id = uuid7()
    source = rt.tmp_dir / f"store-{uuid.uuid4().hex}"
    source.write_bytes(data)
    try:
        storage = rt.storage.default
        key = storage.put_file(source, f"uploads/{asset_id.hex[:2]}/{asset_id}", mime="application/octet-stream")
    finally:
        source.unlink()
    with transaction(rt.sessions) as session:
        session.add(
            Asset(
                id=asset_id,
                kind="other",
                name=name,
                mime="application/octet-stream",
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                provider=storage.provider,
                object_key=key,
                source="upload",
                labels={},
                media=None,
            )
        )
    client = app.test_client()
    body: dict[str, Any] = client.get(f"/assets/{asset_id}").json()
    return body
