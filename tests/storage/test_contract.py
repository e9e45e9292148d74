"""The one contract every storage provider passes: localfs, memory, gdrive (local Drive v3 server), s3 (moto)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gala.storage.base import ObjectNotFound, Storage, StorageError


def _file(tmp_path: Path, size: int, name: str = "src.bin") -> tuple[Path, bytes]:
    data = os.urandom(size)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def test_satisfies_the_protocol(any_storage: Storage) -> None:
    assert isinstance(any_storage, Storage)
    assert any_storage.provider in {"localfs", "memory", "gdrive", "s3"}


def test_put_then_read_stat_delete(any_storage: Storage, tmp_path: Path) -> None:
    source, data = _file(tmp_path, 300_000)
    key = any_storage.put_file(source, "jobs/j1/a1/hello.mp4", mime="video/mp4")
    assert key
    assert any_storage.stat(key).size == len(data)
    assert b"".join(any_storage.open_range(key)) == data
    any_storage.delete(key)
    with pytest.raises(ObjectNotFound):
        any_storage.stat(key)
    with pytest.raises(ObjectNotFound):
        b"".join(any_storage.open_range(key))
    any_storage.delete(key)  # deleting a missing object is not an error


@pytest.mark.parametrize(
    ("start", "end"),
    [(0, 0), (0, 99), (1, 1), (65_535, 65_537), (100_000, 299_999), (299_999, None), (123_456, None), (0, None)],
)
def test_byte_ranges(any_storage: Storage, tmp_path: Path, start: int, end: int | None) -> None:
    source, data = _file(tmp_path, 300_000)
    key = any_storage.put_file(source, "uploads/ab/range-test", mime="application/octet-stream")
    got = b"".join(any_storage.open_range(key, start, end))
    assert got == data[start : None if end is None else end + 1]


def test_reads_stream_in_chunks(any_storage: Storage, tmp_path: Path) -> None:
    source, data = _file(tmp_path, 1_000_000)
    key = any_storage.put_file(source, "uploads/cd/chunks", mime="application/octet-stream")
    chunks = list(any_storage.open_range(key))
    assert len(chunks) > 1, "a whole file in one piece is not streaming"
    assert max(map(len, chunks)) <= 1024 * 1024
    assert b"".join(chunks) == data


def test_empty_file(any_storage: Storage, tmp_path: Path) -> None:
    source, _ = _file(tmp_path, 0)
    key = any_storage.put_file(source, "uploads/ef/empty", mime="application/octet-stream")
    assert any_storage.stat(key).size == 0
    assert b"".join(any_storage.open_range(key)) == b""


def test_missing_object_is_object_not_found(any_storage: Storage) -> None:
    missing = "1missingFileIdxxxxxxxxxxxx" if any_storage.provider == "gdrive" else "jobs/none/a1/none.mp4"
    with pytest.raises(ObjectNotFound) as info:
        any_storage.stat(missing)
    assert info.value.permanent
    with pytest.raises(ObjectNotFound):
        any_storage.open_range(missing)


def test_overwriting_a_key_or_storing_twice_keeps_one_readable_object(any_storage: Storage, tmp_path: Path) -> None:
    first, _ = _file(tmp_path, 1000, "a.bin")
    second, data = _file(tmp_path, 2000, "b.bin")
    key1 = any_storage.put_file(first, "jobs/j2/a1/out.mp4", mime="video/mp4")
    any_storage.forget("jobs/j2/a1/out.mp4")  # what a later attempt does to an earlier one's objects
    with pytest.raises(ObjectNotFound):
        any_storage.stat(key1)
    key2 = any_storage.put_file(second, "jobs/j2/a1/out.mp4", mime="video/mp4")
    assert b"".join(any_storage.open_range(key2)) == data


def test_traversal_keys_are_refused(any_storage: Storage, tmp_path: Path) -> None:
    source, _ = _file(tmp_path, 10)
    for bad in ("../escape", "/abs", "a/../../b", ""):
        with pytest.raises(StorageError) as info:
            any_storage.put_file(source, bad, mime="text/plain")
        assert info.value.permanent


def test_vendor_errors_are_raised_from_the_original(any_storage: Storage) -> None:
    if any_storage.provider == "memory":
        pytest.skip("no vendor underneath")
    missing = "1missingFileIdxxxxxxxxxxxx" if any_storage.provider == "gdrive" else "jobs/none/a1/none.mp4"
    with pytest.raises(ObjectNotFound) as info:
        any_storage.stat(missing)
    assert info.value.__cause__ is not None


def test_check_passes(any_storage: Storage) -> None:
    any_storage.check()


def test_local_path_is_the_object_itself_or_none(any_storage: Storage, tmp_path: Path) -> None:
    source, data = _file(tmp_path, 1000)
    key = any_storage.put_file(source, "uploads/ef/local", mime="application/octet-stream")
    path = any_storage.local_path(key)
    if any_storage.provider == "localfs":
        assert path is not None
        assert path.read_bytes() == data
        any_storage.delete(key)
        assert any_storage.local_path(key) is None  # a missing object has no file
    else:
        assert path is None  # nothing kept as a plain file here: callers download a copy
