"""The Drive provider against a local Drive v3 server, driven by the real google-api-python-client."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from gala.storage.base import ObjectNotFound, StorageError
from gala.storage.gdrive.drive import KEY_PROPERTY, drive_document
from gala.storage.retry import Backoff
from tests.storage.conftest import make_drive
from tests.storage.fake_drive import FakeDrive

MIB = 1024 * 1024


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "hello.mp4"
    path.write_bytes(os.urandom(3 * MIB + 12_345))
    return path


def _one_file(drive: FakeDrive, source: Path, file_id: str) -> None:
    assert list(drive.files) == [file_id], "exactly one file, no duplicates"
    assert drive.files[file_id].data == source.read_bytes()


def test_static_discovery_document_is_rerooted() -> None:
    doc = drive_document("http://127.0.0.1:1/")
    assert doc["rootUrl"] == "http://127.0.0.1:1/"
    assert doc["baseUrl"] == "http://127.0.0.1:1/drive/v3/"
    assert drive_document()["rootUrl"] == "https://www.googleapis.com/"


def test_upload_records_name_key_mime_and_generated_id(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive, folder_id="")
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert file_id in fake_drive.generated, "the id comes from files.generateIds"
    stored = fake_drive.files[file_id]
    assert (stored.name, stored.mime) == ("hello.mp4", "video/mp4")
    assert stored.app_properties == {KEY_PROPERTY: "jobs/j1/a1/hello.mp4"}
    _one_file(fake_drive, source, file_id)
    # Chunked: 256 KiB chunks, each confirmed with 308 + Range, the last one 200.
    assert fake_drive.ops("chunk").count(308) == 12
    assert fake_drive.ops("token") == [200]


def test_folder_id_becomes_the_parent(fake_drive: FakeDrive, source: Path) -> None:
    folder = fake_drive.add_file(b"", name="GALA", mime="application/vnd.google-apps.folder")
    storage = make_drive(fake_drive, folder_id=folder)
    storage.check()
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert fake_drive.files[file_id].parents == [folder]


def test_503_three_times_then_success(fake_drive: FakeDrive, source: Path) -> None:
    retried: list[str] = []
    storage = make_drive(fake_drive, on_upload_retry=retried.append)
    fake_drive.fail("chunk", 3, status=503, reason="backendError")
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    _one_file(fake_drive, source, file_id)
    assert fake_drive.ops("chunk").count(503) == 3
    assert retried == ["gdrive"] * 3  # each retried upload reported through the callback


def test_429_honours_retry_after(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive)
    fake_drive.fail("chunk", 1, status=429, reason="rateLimitExceeded", retry_after="1")
    started = time.monotonic()
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert time.monotonic() - started >= 1.0, "Retry-After: 1 was not honoured"
    _one_file(fake_drive, source, file_id)


def test_403_rate_limit_reasons_are_retried(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive)
    fake_drive.fail("initiate", 1, status=403, reason="userRateLimitExceeded")
    fake_drive.fail("chunk", 1, status=403, reason="rateLimitExceeded")
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    _one_file(fake_drive, source, file_id)


@pytest.mark.parametrize(
    ("status", "reason"), [(403, "storageQuotaExceeded"), (403, "insufficientFilePermissions"), (400, "invalid")]
)
def test_other_4xx_are_not_retried(fake_drive: FakeDrive, source: Path, status: int, reason: str) -> None:
    storage = make_drive(fake_drive)
    fake_drive.fail("initiate", 5, status=status, reason=reason)
    with pytest.raises(StorageError) as info:
        storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert info.value.permanent
    assert reason in str(info.value)
    assert fake_drive.ops("initiate") == [status], "a permanent error is tried once"
    assert fake_drive.files == {}


def test_retries_give_up_after_the_limit(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive, backoff=Backoff(max_retries=2, base_seconds=0.01))
    fake_drive.fail("chunk", 10, status=500)
    with pytest.raises(StorageError) as info:
        storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert not info.value.permanent, "a transient failure: the job may try again later"
    assert fake_drive.ops("chunk") == [500, 500, 500]


def test_dropped_connection_resumes_from_the_offset_the_server_confirms(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive, upload_chunk_bytes=MIB)
    # httplib2 re-sends once by itself when a connection closes unanswered; the second cut surfaces.
    fake_drive.fail("chunk", 2, drop=True)
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    _one_file(fake_drive, source, file_id)
    assert fake_drive.ops("chunk").count(-1) == 2
    assert fake_drive.ops("status") == [308], "the client asked the session how much it holds"
    # The server kept 512 KiB of the cut 1 MiB chunk; the client went on from there, so the
    # bytes sent add up to less than resending every chunk from the start would.
    assert all(status in (308, 200, -1) for status in fake_drive.ops("chunk"))


def test_expired_upload_session_restarts(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive, upload_chunk_bytes=MIB)
    fake_drive.fail("chunk", 1, expire=True)
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    _one_file(fake_drive, source, file_id)
    assert fake_drive.ops("initiate") == [200, 200], "a new session for the same file id"


def test_a_lost_reply_after_the_file_was_created_makes_no_duplicate(fake_drive: FakeDrive, tmp_path: Path) -> None:
    small = tmp_path / "thumb.jpg"
    small.write_bytes(os.urandom(100_000))  # one chunk: the reply to the only PUT is the one lost
    storage = make_drive(fake_drive)
    fake_drive.fail("chunk", 1, drop_reply=True, expire=True)
    file_id = storage.put_file(small, "jobs/j1/a1/hello.jpg", mime="image/jpeg")
    _one_file(fake_drive, small, file_id)
    assert 409 in fake_drive.ops("initiate"), "the retried create was refused as a duplicate id"


def test_invalid_grant_is_permanent_and_says_to_reauthorise(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive)
    fake_drive.revoke()
    with pytest.raises(StorageError) as info:
        storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert info.value.permanent
    assert "re-authorisation needed: run `gala gdrive auth`" in str(info.value)
    assert fake_drive.ops("token") == [400], "invalid_grant is not retried"


def test_token_endpoint_outage_is_retried(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive)
    fake_drive.fail("token", 1)
    file_id = storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    _one_file(fake_drive, source, file_id)


def test_downloads_pass_ranges_and_stream_in_bounded_requests(fake_drive: FakeDrive) -> None:
    data = os.urandom(2 * MIB)
    file_id = fake_drive.add_file(data)
    storage = make_drive(fake_drive, download_chunk_bytes=256 * 1024)
    stream = storage.open_range(file_id, 1000, 1_500_999)
    assert fake_drive.ops("media") == [206], "the first range is fetched before the first byte is yielded"
    assert b"".join(stream) == data[1000:1_501_000]
    assert fake_drive.ops("media") == [206] * 6  # 1,500,000 bytes in 256 KiB requests


def test_download_retries_a_503_mid_stream(fake_drive: FakeDrive) -> None:
    data = os.urandom(MIB)
    file_id = fake_drive.add_file(data)
    storage = make_drive(fake_drive, download_chunk_bytes=256 * 1024)
    stream = storage.open_range(file_id)
    fake_drive.fail("media", 2, status=503)
    assert b"".join(stream) == data


def test_delete_is_idempotent_and_forget_finds_by_key(fake_drive: FakeDrive, source: Path) -> None:
    storage = make_drive(fake_drive)
    file_id = storage.put_file(source, "jobs/j9/a1/hello.mp4", mime="video/mp4")
    other = storage.put_file(source, "jobs/j9/a2/hello.mp4", mime="video/mp4")
    assert storage.find("jobs/j9/a1/hello.mp4") == [file_id]
    storage.forget("jobs/j9/a1/hello.mp4")
    assert list(fake_drive.files) == [other]
    storage.delete(other)
    storage.delete(other)
    with pytest.raises(ObjectNotFound):
        storage.stat(other)
