"""Untrusted media: sniffed, opened with forced demuxers, capped, and never a way to read other files."""

from __future__ import annotations

import os
import struct
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from renderer import AssetFile, Limits, MediaError
from renderer.assets import load_image, sniff
from renderer.encoder import render
from renderer.media import probe


@pytest.fixture
def sentinel(tmp_path: Path) -> Path:
    """A file hostile media points at; its access time is set in the past to notice any read."""
    path = tmp_path / "secret.txt"
    path.write_text("top secret\n")
    old = time.time() - 3 * 86400
    os.utime(path, (old, old))
    return path


def untouched(path: Path) -> bool:
    return path.stat().st_atime < time.time() - 2 * 86400 and path.read_text() == "top secret\n"


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def test_hls_playlist_named_mp4_is_refused(tmp_path: Path, sentinel: Path) -> None:
    playlist = tmp_path / "video.mp4"
    playlist.write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile://{sentinel}\n#EXT-X-ENDLIST\n")
    before = sentinel.stat().st_atime
    with pytest.raises(MediaError) as info:
        probe(playlist, "video")
    assert info.value.reason == "unsupported"
    assert "not a supported video file" in str(info.value)
    assert sentinel.stat().st_atime == before
    assert untouched(sentinel)


def test_hls_inside_avi_is_refused(tmp_path: Path, sentinel: Path) -> None:
    m3u8 = f"#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:1.0,\nconcat:file://{sentinel}\n#EXT-X-ENDLIST\n".encode()
    body = b"AVI LIST" + struct.pack("<I", len(m3u8) + 4) + b"movi" + m3u8
    avi = tmp_path / "clip.mp4"
    avi.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    for kind in ("video", "audio"):
        with pytest.raises(MediaError) as info:
            probe(avi, kind)
        assert info.value.reason == "unsupported"
    assert untouched(sentinel)


def test_concat_list_is_refused(tmp_path: Path, sentinel: Path) -> None:
    listing = tmp_path / "list.webm"
    listing.write_text(f"ffconcat version 1.0\nfile '{sentinel}'\n")
    with pytest.raises(MediaError, match="not a supported video file"):
        probe(listing, "video")
    assert untouched(sentinel)


def test_renderer_refuses_hostile_asset(tmp_path: Path, sentinel: Path) -> None:
    playlist = tmp_path / "video.mp4"
    playlist.write_text(f"#EXTM3U\n#EXTINF:10,\n{sentinel}\n")
    composition = {
        "version": 2,
        "output": {"size": {"width": 32, "height": 32}},
        "tracks": [{"clips": [{"type": "video", "asset": "v"}]}],
    }
    with pytest.raises(MediaError):
        render(composition, tmp_path / "out", assets={"v": AssetFile(playlist, "video")})
    assert untouched(sentinel)
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def test_png_decompression_bomb(tmp_path: Path) -> None:
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    with pytest.raises(MediaError) as info:
        probe(bomb, "image")
    assert info.value.reason == "too_large"
    assert "bomb.png is too large" in str(info.value)
    # Under Pillow's own threshold, our cap still applies before any pixel is decoded.
    medium = tmp_path / "medium.png"
    header = struct.pack(">IIBBBBB", 9000, 9000, 8, 2, 0, 0, 0)
    medium.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    with pytest.raises(MediaError, match="9000x9000 pixels"):
        probe(medium, "image")


def test_too_long_media(tmp_path: Path, media: dict[str, Any]) -> None:
    with pytest.raises(MediaError) as info:
        probe(media["assets"]["music"].path, "audio", Limits(max_duration=1.0))
    assert info.value.reason == "too_long"


def test_video_pixel_cap(media: dict[str, Any]) -> None:
    with pytest.raises(MediaError) as info:
        probe(media["assets"]["clip"].path, "video", Limits(max_pixels=1000))
    assert info.value.reason == "too_large"


@pytest.mark.parametrize(
    ("name", "data", "kind", "reason"),
    [
        ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 20, "image", "corrupt"),
        ("broken.mp4", b"\x00\x00\x00\x18ftypisom" + os.urandom(300), "video", "corrupt"),
        ("broken.wav", b"RIFF\x00\x01\x00\x00WAVEfmt " + b"\xff" * 64, "audio", "corrupt"),
        ("fake.ttf", b"\x00\x01\x00\x00" + b"not really a font" * 10, "font", "corrupt"),
        ("text.ttf", b"hello, I am text", "font", "unsupported"),
        ("empty.mp4", b"", "video", "unsupported"),
        ("song.png", b"ID3\x03\x00" + b"\x00" * 100, "image", "unsupported"),
    ],
)
def test_bad_files_get_clear_errors(tmp_path: Path, name: str, data: bytes, kind: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(MediaError) as info:
        probe(path, kind)
    assert info.value.reason == reason, str(info.value)
    assert name in str(info.value)


def test_probe_describes_good_media(media: dict[str, Any]) -> None:
    assets = media["assets"]
    video = probe(assets["clip"].path, "video")
    assert (video.format, video.width, video.height, video.video_codec, video.audio_codec) == (
        "mp4",
        64,
        48,
        "h264",
        "aac",
    )
    assert video.duration == pytest.approx(2.0, abs=0.1)
    assert video.fps == pytest.approx(10)
    audio = probe(assets["music"].path, "audio")
    assert (audio.format, audio.channels, audio.sample_rate) == ("wav", 2, 48000)
    assert audio.duration == pytest.approx(4.0, abs=0.01)
    image = probe(assets["red"].path, "image")
    assert (image.width, image.height) == (40, 20)
    assert probe(assets["font"].path, "font").format == "truetype"
    assert sniff(assets["split"].path) == "jpeg"
    assert load_image(assets["half"].path).mode == "RGBA"
