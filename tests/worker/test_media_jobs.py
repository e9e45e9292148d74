"""Jobs that render uploaded media, in every output format, through real workers.

Uses the pipeline's stack (API in this process, Celery workers as children, every broker and
database backend).
"""

from __future__ import annotations

import hashlib
import io
import uuid
from pathlib import Path
from typing import Any

import av
import pytest
from PIL import Image

from gala.config import Settings
from gala.jobs import fetch
from gala.orm import Asset
from gala.runtime import Runtime
from gala.storage import StorageError, StorageRegistry
from gala.storage.local import LocalStorage
from gala.storage.memory import MemoryStorage
from tests.api import media
from tests.worker.conftest import Stack

COMPOSITION = {
    "version": 2,
    "output": {"size": {"width": 96, "height": 64}, "duration": 1, "fps": 10, "format": {"$param": "format"}},
    "background": "#000000",
    "tracks": [
        {"clips": [{"type": "image", "asset": {"$param": "picture"}, "fit": "contain"}]},
        {"clips": [{"type": "audio", "asset": {"$param": "music"}, "length": "end"}]},
        {"clips": [{"type": "text", "text": "Hola", "size": 16}]},
    ],
}
PARAMETERS = {
    "type": "object",
    "required": ["picture", "music"],
    "properties": {
        "format": {"enum": ["mp4", "webm", "gif", "jpg"], "default": "mp4"},
        "picture": {"type": "string", "format": "uuid", "x-gala-asset": "image"},
        "music": {"type": "string", "format": "uuid", "x-gala-asset": "audio"},
    },
}
EXPECTED = {
    "mp4": [("video", "video/mp4", "clip.mp4"), ("thumbnail", "image/jpeg", "clip.jpg")],
    "webm": [("video", "video/webm", "clip.webm"), ("thumbnail", "image/jpeg", "clip.jpg")],
    "gif": [("video", "image/gif", "clip.gif"), ("thumbnail", "image/jpeg", "clip.jpg")],
    "jpg": [("poster", "image/jpeg", "clip.jpg")],
}


def _upload(on: Stack, data: bytes) -> str:
    r = on.client.post("/assets", files={"file": ("f", data, "application/octet-stream")})
    assert r.status_code == 201, r.text
    asset_id: str = r.json()["id"]
    return asset_id


@pytest.fixture
def template(stack: Stack) -> dict[str, Any]:
    r = stack.client.post("/templates", json={"name": "media", "composition": COMPOSITION, "parameters": PARAMETERS})
    assert r.status_code == 201, r.text
    body: dict[str, Any] = r.json()
    return body


def test_every_output_format_renders_uploaded_media(stack: Stack, template: dict[str, Any]) -> None:
    picture = _upload(stack, media.image("PNG", (64, 48), (250, 200, 0)))
    music = _upload(stack, media.wav(seconds=2.0))
    stack.worker()
    jobs = {
        fmt: stack.client.post(
            "/jobs",
            json={
                "template_id": template["id"],
                "params": {"format": fmt, "picture": picture, "music": music},
                "options": {"basename": "clip"},
            },
        ).json()
        for fmt in EXPECTED
    }
    for fmt, job in jobs.items():
        done = stack.wait_done(job["id"], timeout=90)
        assert done["status"] == "done", (fmt, done, stack.logs())
        outputs = [stack.client.get(f"/assets/{a}").json() for a in done["output_asset_ids"]]
        assert [(a["role"], a["mime"], a["name"]) for a in outputs] == EXPECTED[fmt]
        main = outputs[0]
        data = stack.client.get(main["content_url"]).content
        assert hashlib.sha256(data).hexdigest() == main["sha256"]
        assert (main["media"]["width"], main["media"]["height"]) == (96, 64)
        if fmt == "jpg":
            assert Image.open(io.BytesIO(data)).size == (96, 64)
            continue
        path = stack.settings.data_dir / f"check.{fmt}"
        path.write_bytes(data)
        with av.open(str(path)) as container:
            video = container.streams.video[0]
            assert (video.codec_context.width, video.codec_context.height) == (96, 64)
            assert [s.codec_context.name for s in container.streams.audio] == (
                {"mp4": ["aac"], "webm": ["opus"], "gif": []}[fmt]
            )
        if fmt in ("mp4", "webm"):
            assert main["media"]["audio_codec"] in ("aac", "opus")
            assert (main["media"]["channels"], main["media"]["sample_rate"]) == (2, 48000)
        # The image clip shows the uploaded picture: the poster's centre is its yellow.
        poster = Image.open(io.BytesIO(stack.client.get(outputs[1]["content_url"]).content)).convert("RGB")
        red, green, blue = poster.getpixel((48, 20))
        assert red > 200, (red, green, blue)
        assert green > 150, (red, green, blue)
        assert blue < 80, (red, green, blue)
    # The local copies of the media are gone with the staging directories.
    assert not any((stack.settings.staging_dir).rglob("asset-*"))
    # Outputs can be inputs (the MP4, the JPEG poster), except a GIF, which no clip can show.
    gif = stack.job(jobs["gif"]["id"])["output_asset_ids"][0]
    comp = {"version": 2, "output": {"duration": 1}, "tracks": [{"clips": [{"type": "image", "asset": gif}]}]}
    r = stack.client.post("/templates", json={"name": "reuse", "composition": comp})
    assert r.status_code == 422, r.text
    assert "(image/gif) cannot be used as media" in r.json()["errors"][0]["detail"]
    mp4 = stack.job(jobs["mp4"]["id"])["output_asset_ids"][0]
    comp["tracks"][0]["clips"][0] = {"type": "video", "asset": mp4}
    assert stack.client.post("/templates", json={"name": "reuse", "composition": comp}).status_code == 201


def test_a_version_2_draft_renders_at_half_size(stack: Stack, template: dict[str, Any]) -> None:
    picture = _upload(stack, media.png((32, 32)))
    music = _upload(stack, media.wav())
    stack.worker()
    job = stack.client.post(
        "/jobs",
        json={
            "template_id": template["id"],
            "params": {"picture": picture, "music": music},
            "options": {"draft": True},
        },
    ).json()
    done = stack.wait_done(job["id"], timeout=60)
    assert done["status"] == "done", stack.logs()
    video = stack.client.get(f"/assets/{done['output_asset_ids'][0]}").json()
    assert (video["media"]["width"], video["media"]["height"]) == (48, 32)


def _runtime(settings: Settings, memory: MemoryStorage) -> Runtime:
    rt = Runtime.from_settings(settings)
    local = LocalStorage(settings.storage_local_root)
    rt.storage = StorageRegistry("localfs", {"localfs": lambda: local, "memory": lambda: memory})
    return rt


def test_localize_uses_local_files_and_streams_others(settings: Settings, tmp_path: Path) -> None:
    memory = MemoryStorage()
    rt = _runtime(settings, memory)
    try:
        data = media.wav(seconds=1.0)
        source = tmp_path / "song.wav"
        source.write_bytes(data)
        rt.storage.get("localfs").put_file(source, "uploads/aa/local", mime="audio/wav")
        memory.put_file(source, "uploads/aa/remote", mime="audio/wav")
        local = fetch.StoredAsset(uuid.uuid4(), "audio", "localfs", "uploads/aa/local", len(data), 1.0)
        remote = fetch.StoredAsset(uuid.uuid4(), "audio", "memory", "uploads/aa/remote", len(data), 1.0)
        files, downloaded = fetch.localize(rt, [local, remote], tmp_path / "assets")
        assert files[str(local.id)].path == (settings.storage_local_root / "uploads/aa/local").resolve()
        assert files[str(remote.id)].path == tmp_path / "assets" / f"asset-{remote.id}"
        assert downloaded == [files[str(remote.id)].path]
        assert files[str(remote.id)].path.read_bytes() == data
        assert (files[str(remote.id)].kind, files[str(remote.id)].duration) == ("audio", 1.0)

        short = fetch.StoredAsset(uuid.uuid4(), "audio", "memory", "uploads/aa/remote", len(data) + 1, None)
        with pytest.raises(StorageError, match="expected"):
            fetch.localize(rt, [short], tmp_path / "assets")
        assert not list((tmp_path / "assets").glob(f"asset-{short.id}*"))

        # A job that stops being ours (canceled, reaped) stops copying and leaves nothing behind.
        other = fetch.StoredAsset(uuid.uuid4(), "audio", "memory", "uploads/aa/remote", len(data), 1.0)
        with pytest.raises(fetch.Abandoned):
            fetch.localize(rt, [remote, other], tmp_path / "stopped", should_stop=lambda: True)
        assert not any((tmp_path / "stopped").iterdir())
    finally:
        rt.close()


def test_stored_asset_reads_the_probed_duration() -> None:
    row = Asset(id=uuid.uuid4(), kind="video", provider="localfs", object_key="k", size_bytes=1, media={"duration": 2})
    assert fetch.StoredAsset.of(row).duration == 2.0
    row.media = None
    assert fetch.StoredAsset.of(row).duration is None
