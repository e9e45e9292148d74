"""Hostile uploads get a clear 4xx, read no other file, open no connection and do not exhaust memory.

Every fixture is made here, at test time. Each payload that names a URL points at two
tripwires: a named pipe (opening it for reading is seen by the writer waiting on it) and a TCP
listener on 127.0.0.1 (a connection is seen by its accept loop). Neither may fire.
"""

from __future__ import annotations

import os
import resource
import socket
import struct
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.api import media

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")


@dataclass
class Tripwire:
    fifo: Path
    url: str
    fired: list[str] = field(default_factory=list)
    _closing: threading.Event = field(default_factory=threading.Event)

    def check(self) -> None:
        assert not self.fired, f"the upload reached outside itself: {self.fired}"


@pytest.fixture
def tripwire(tmp_path: Path) -> Iterator[Tripwire]:
    fifo = tmp_path / "secret.ts"  # an extension FFmpeg's HLS demuxer accepts for segments
    os.mkfifo(fifo)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    wire = Tripwire(fifo, f"http://127.0.0.1:{listener.getsockname()[1]}/secret.ts")

    def watch_fifo() -> None:
        fd = os.open(fifo, os.O_WRONLY)  # blocks until someone opens the pipe for reading
        if not wire._closing.is_set():
            wire.fired.append(f"opened {fifo}")
        os.close(fd)

    def watch_socket() -> None:
        conn, peer = listener.accept()
        if not wire._closing.is_set():
            wire.fired.append(f"connection from {peer}")
        conn.close()

    threads = [threading.Thread(target=t, daemon=True) for t in (watch_fifo, watch_socket)]
    for t in threads:
        t.start()
    try:
        yield wire
    finally:
        wire._closing.set()
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # lets the pipe watcher finish
        socket.create_connection(listener.getsockname(), timeout=5).close()  # and the socket watcher
        for t in threads:
            t.join(timeout=5)
        os.close(reader)
        listener.close()
    wire.check()


def playlist(wire: Tripwire) -> bytes:
    return (
        "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-TARGETDURATION:10\n"
        f"#EXTINF:10.0,\nconcat:file:{wire.fifo}|subfile,,start,0,end,0,,:{wire.fifo}\n"
        f"#EXTINF:10.0,\n{wire.url}\n#EXTINF:10.0,\nfile://{wire.fifo}\n#EXT-X-ENDLIST\n"
    ).encode()


def avi_with_playlist(wire: Tripwire) -> bytes:
    """The classic trick: an AVI whose GAB2 subtitle stream carries an HLS playlist."""
    body = b"GAB2\x00\x02\x00" + struct.pack("<I", 0) + b"\x04\x00" + playlist(wire)
    chunk = b"00tx" + struct.pack("<I", len(body)) + body
    hdrl = b"LIST" + struct.pack("<I", 4 + 64) + b"hdrl" + b"avih" + struct.pack("<I", 56) + b"\x00" * 56
    movi = b"LIST" + struct.pack("<I", 4 + len(chunk)) + b"movi" + chunk
    riff = b"AVI " + hdrl + movi
    return b"RIFF" + struct.pack("<I", len(riff)) + riff


def ffconcat(wire: Tripwire) -> bytes:
    return f"ffconcat version 1.0\nfile 'subfile,,start,0,end,4096,,:{wire.fifo}'\nfile '{wire.url}'\n".encode()


def mp4_box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_then_playlist(wire: Tripwire) -> bytes:
    """An MP4 signature followed by a playlist: the sniffer says mp4, FFmpeg must not guess again."""
    return mp4_box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + playlist(wire)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width: int, height: int) -> bytes:
    """A valid 1-bit greyscale PNG of ``width`` x ``height`` zeros: kilobytes that decode to gigabytes."""
    row = b"\x00" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    parts = [packer.compress(row) for _ in range(height)]
    data = b"".join(parts) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def truncated_mp4(tmp_path: Path) -> bytes:
    whole = media.encode(tmp_path / "whole.mp4", container="mp4", seconds=1.0).read_bytes()
    return whole[: len(whole) // 2]


def lying_wav() -> bytes:
    """A WAV whose header claims 2 GiB of samples (74 hours at 8 kHz) over 1 KiB of data."""
    return media.wav_header(2**31) + b"\x80" * 1024


def long_wav() -> bytes:
    """Over an hour of real (silent) sound, kept small by a 1 kHz sample rate."""
    return media.wav(b"\x80" * 3700 * 1000, rate=1000)


def max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def upload(client: Any, data: bytes, filename: str) -> Any:
    return client.post("/assets", files={"file": (filename, data, "application/octet-stream")})


@dataclass(frozen=True)
class Case:
    make: Callable[[Tripwire, Path], bytes]
    filename: str
    status: int
    needle: str  # in the problem's detail or errors


CASES: dict[str, Case] = {
    "hls playlist named .avi": Case(lambda w, p: playlist(w), "movie.avi", 415, "not of a supported type"),
    "hls playlist named .mp4": Case(lambda w, p: playlist(w), "movie.mp4", 415, "not of a supported type"),
    "avi with an hls playlist inside": Case(lambda w, p: avi_with_playlist(w), "movie.avi", 415, "supported type"),
    "ffconcat list with subfile": Case(lambda w, p: ffconcat(w), "list.mp4", 415, "not of a supported type"),
    "mp4 signature then a playlist": Case(lambda w, p: mp4_then_playlist(w), "movie.mp4", 422, "corrupt"),
    "png bomb 30000x30000": Case(lambda w, p: png_bomb(30000, 30000), "bomb.png", 422, "too large"),
    "png over the pixel cap 8000x8000": Case(lambda w, p: png_bomb(8000, 8000), "big.png", 422, "megapixels"),
    "png signature then garbage": Case(lambda w, p: b"\x89PNG\r\n\x1a\n" + os.urandom(512), "a.png", 422, "corrupt"),
    "jpeg signature then garbage": Case(lambda w, p: b"\xff\xd8\xff\xe0" + os.urandom(512), "a.jpg", 422, "corrupt"),
    "mp4 cut in half": Case(lambda w, p: truncated_mp4(p), "cut.mp4", 422, "corrupt"),
    "wav 62 minutes long": Case(lambda w, p: long_wav(), "long.wav", 422, "too long"),
    "mp3 tag then garbage": Case(lambda w, p: b"ID3\x04\x00\x00\x00\x00\x00\x00" + os.urandom(512), "a.mp3", 422, ""),
    "font that is not a font": Case(lambda w, p: b"\x00\x01\x00\x00" + os.urandom(2048), "a.ttf", 422, "font"),
    "otf tag that is not a font": Case(lambda w, p: b"OTTO" + os.urandom(2048), "a.otf", 422, "font"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_upload_is_refused(client: Any, tripwire: Tripwire, tmp_path: Path, name: str) -> None:
    case = CASES[name]
    data = case.make(tripwire, tmp_path)
    before = max_rss()
    r = upload(client, data, case.filename)
    grown = max_rss() - before
    assert r.status_code == case.status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    problem = r.json()
    words = (problem["detail"] + " ".join(e["detail"] for e in problem.get("errors", []))).lower()
    assert case.needle.lower() in words, problem
    assert all(e.get("pointer") == "/file" for e in problem.get("errors", []))
    assert "upload-" not in words, "the server's staging name leaked into the message"
    assert grown < 200 * 2**20, f"peak memory grew {grown / 2**20:.0f} MiB"
    assert client.get("/assets").json()["items"] == []
    tripwire.check()


def test_the_tripwire_catches_an_unguarded_ffmpeg(tripwire: Tripwire, tmp_path: Path) -> None:
    """Not vacuous: FFmpeg left to guess opens the playlist's segments, and the tripwire sees it."""
    import time

    import av

    path = tmp_path / "movie.m3u8"
    path.write_bytes(f"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\n{tripwire.fifo}\n#EXT-X-ENDLIST\n".encode())
    with pytest.raises(av.FFmpegError):
        av.open(str(path)).close()
    deadline = time.monotonic() + 5
    while not tripwire.fired and time.monotonic() < deadline:
        time.sleep(0.01)
    assert tripwire.fired
    tripwire.fired.clear()


def test_a_header_that_lies_about_length_is_not_believed(client: Any) -> None:
    r = upload(client, lying_wav(), "short.wav")
    assert r.status_code == 201, r.text
    assert r.json()["media"]["duration"] == pytest.approx(1024 / 8000)


def test_duration_cap_is_a_setting(app: Any, client: Any) -> None:
    rt = app.app.extensions["gala"]
    rt.settings = rt.settings.replace(asset_max_duration_seconds=2)
    assert upload(client, media.wav(seconds=1.5), "ok.wav").status_code == 201
    r = upload(client, media.wav(seconds=3), "long.wav")
    assert r.status_code == 422, r.text
    assert "too long" in r.json()["errors"][0]["detail"]
    assert "at most 2 s" in r.json()["errors"][0]["detail"]


def test_pixel_cap_is_a_setting(app: Any, client: Any) -> None:
    rt = app.app.extensions["gala"]
    rt.settings = rt.settings.replace(asset_max_pixels=1000)
    assert upload(client, media.png((40, 25)), "ok.png").status_code == 201
    r = upload(client, media.png((40, 30)), "big.png")
    assert r.status_code == 422, r.text
    assert "40x30" in r.json()["errors"][0]["detail"]


def test_the_uploaded_name_is_only_a_label(client: Any, tmp_path: Path) -> None:
    """A client's file name never becomes a path: the asset is stored under a server-made key."""
    r = upload(client, media.wav(), "../../../../etc/passwd")
    assert r.status_code == 201, r.text
    asset = r.json()
    assert asset["name"] == "../../../../etc/passwd"
    assert asset["object_key"].startswith("uploads/")
    assert ".." not in asset["object_key"]
