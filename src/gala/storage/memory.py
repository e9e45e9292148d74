"""``memory``: objects in a dict. A fake for fast service tests (GUIDE §2.2), not a deployment choice.

It passes the same contract suite as the real providers (tests/storage/test_contract.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from gala.storage.base import CHUNK_SIZE, ObjectNotFound, ObjectStat, Storage, StorageError, check_key


class MemoryStorage(Storage):
    provider = "memory"

    def __init__(self) -> None:
        self.objects: dict[str, tuple[bytes, str]] = {}
        self._lock = threading.Lock()

    def put_file(self, source: Path, key: str, *, mime: str) -> str:
        check_key(key)
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise StorageError(f"could not read {source}: {exc.strerror or exc}") from exc
        with self._lock:
            self.objects[key] = (data, mime)
        return key

    def _get(self, key: str) -> bytes:
        with self._lock:
            try:
                return self.objects[check_key(key)][0]
            except KeyError:
                raise ObjectNotFound(key) from None

    def open_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        data = self._get(key)
        stop = len(data) if end is None else min(len(data), end + 1)
        return (data[i : min(i + CHUNK_SIZE, stop)] for i in range(start, stop, CHUNK_SIZE))

    def stat(self, key: str) -> ObjectStat:
        return ObjectStat(size=len(self._get(key)))

    def delete(self, key: str) -> None:
        with self._lock:
            self.objects.pop(check_key(key), None)

    def local_path(self, key: str) -> Path | None:
        return None  # not plain local files

    def forget(self, key: str) -> None:
        self.delete(key)

    def check(self) -> None:
        return None
