"""Uploads: every supported type is sniffed from its bytes and probed; the rest is refused with 415."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.api import media

FONT = Path(__file__).resolve().parents[2] / "renderer" / "fonts" / "DejaVuSans.ttf"

# name -> how to make it with PyAV (see media.encode)
ENCODED: dict[str, dict[str, Any]] = {
    "clip.mp4": {"container": "mp4"},
    "clip.mov": {"container": "mov"},
    "clip.webm": {"container": "webm", "video": "libvpx-vp9", "audio": "libopus"},
    "clip.mkv": {"container": "matroska", "audio": "mp3"},
    "song.m4a": {"container": "ipod", "video": None},
    "song-only.mp4": {"container": "mp4", "video": None},
    "song.mp3": {"container": "mp3", "video": None, "audio": "libmp3lame"},
    "song.aac": {"container": "adts", "video": None},
    "song.opus": {"container": "ogg", "video": None, "audio": "libopus"},
    "song.flac": {"container": "flac", "video": None, "audio": "flac"},
}
EXPECTED = {
    "clip.mp4": ("video/mp4", "video"),
    "clip.mov": ("video/quicktime", "video"),
    "clip.webm": ("video/webm", "video"),
    "clip.mkv": ("video/x-matroska", "video"),
    "song.m4a": ("audio/mp4", "audio"),
    "song-only.mp4": ("audio/mp4", "audio"),
    "song.mp3": ("audio/mpeg", "audio"),
    "song.aac": ("audio/aac", "audio"),
    "song.opus": ("audio/ogg", "audio"),
    "song.flac": ("audio/flac", "audio"),
}


def upload(client: Any, data: bytes, filename: str = "upload.bin", content_type: str = "text/plain") -> Any:
    # A misleading file name and declared type: neither is trusted.
    return client.post("/assets", files={"file": (filename, data, content_type)})


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_audio_and_video_are_probed(client: Any, tmp_path: Path, name: str) -> None:
    data = media.encode(tmp_path / name, **ENCODED[name]).read_bytes()
    r = upload(client, data)
    assert r.status_code == 201, r.text
    asset = r.json()
    assert (asset["mime"], asset["kind"]) == EXPECTED[name]
    info = asset["media"]
    assert 0.4 <= info["duration"] <= 0.6
    assert info["sample_rate"] == 48000
    assert info["channels"] in (1, 2)
    assert info["audio_codec"]
    if asset["kind"] == "video":
        assert (info["width"], info["height"], info["fps"]) == (64, 48, 10.0)
        assert info["video_codec"] in ("h264", "vp9")
    else:
        assert "width" not in info
    # The stored bytes are served with the sniffed type.
    content = client.get(asset["content_url"])
    assert content.content == data
    assert content.headers["content-type"].startswith(EXPECTED[name][0])


@pytest.mark.parametrize(("fmt", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")])
def test_images_are_probed(client: Any, fmt: str, mime: str) -> None:
    r = upload(client, media.image(fmt, (40, 30)), filename="photo.gif", content_type="image/gif")
    assert r.status_code == 201, r.text
    asset = r.json()
    assert (asset["mime"], asset["kind"]) == (mime, "image")
    assert asset["media"] == {"width": 40, "height": 30}


def test_wav_is_probed(client: Any) -> None:
    r = upload(client, media.wav(seconds=1.0))
    assert r.status_code == 201, r.text
    asset = r.json()
    assert (asset["mime"], asset["kind"]) == ("audio/wav", "audio")
    assert asset["media"]["duration"] == pytest.approx(1.0, abs=0.01)
    assert (asset["media"]["channels"], asset["media"]["sample_rate"]) == (1, 8000)


def test_truetype_font(client: Any) -> None:
    r = upload(client, FONT.read_bytes(), filename="font.png", content_type="image/png")
    assert r.status_code == 201, r.text
    asset = r.json()
    assert (asset["mime"], asset["kind"], asset["media"]) == ("font/ttf", "font", {})


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"just some text\n", id="text"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", id="pdf"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 60, id="zip"),
        pytest.param(b"GIF89a" + b"\x01\x00\x01\x00" + b"\x00" * 30, id="gif"),
        pytest.param(b"<svg xmlns='http://www.w3.org/2000/svg'/>", id="svg"),
        pytest.param(b"RIFF\x24\x00\x00\x00AVI LIST" + b"\x00" * 40, id="avi"),
    ],
)
def test_other_types_are_415_naming_what_is_supported(client: Any, data: bytes) -> None:
    r = upload(client, data, filename="photo.png", content_type="image/png")
    assert r.status_code == 415, r.text
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    assert "image/png" in problem["supported"]
    assert "video/mp4" in problem["supported"]
    assert "font/ttf" in problem["supported"]
    assert "PNG" in problem["detail"]
    assert "MP4" in problem["detail"]
    assert problem["errors"][0]["pointer"] == "/file"
    assert client.get("/assets").json()["items"] == []


def test_nothing_is_left_behind_after_a_refusal(app: Any, client: Any) -> None:
    assert upload(client, b"not media").status_code == 415
    rt = app.app.extensions["gala"]
    assert not any(p.is_file() for p in rt.tmp_dir.rglob("*"))
    root = rt.settings.storage_local_root
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))
