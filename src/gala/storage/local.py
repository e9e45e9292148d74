"""``localfs``: objects are files under ``STORAGE_LOCAL_ROOT``; the key is the relative path.

Always served (older assets may live on it, whatever ``STORAGE_PROVIDER`` says). Its root is one
of GALA's core settings (the data directory layout), handed to it in the provider context.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from gala.storage.base import CHUNK_SIZE, ObjectNotFound, ObjectStat, Storage, StorageError, check_key
from gala.storage.provider import Context, Provider


class LocalStorage(Storage):
    provider = "localfs"

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        if not path.is_relative_to(self.root):
            raise StorageError(f"object key {key!r} escapes the storage root", permanent=True)
        return path

    def put_file(self, source: Path, key: str, *, mime: str) -> str:
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Copy to a temporary sibling, fsync, then rename: readers never see a partial object.
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".put-")
            try:
                with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                    shutil.copyfileobj(src, out, CHUNK_SIZE)
                    out.flush()
                    os.fsync(out.fileno())
                Path(tmp).replace(target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StorageError(f"could not store {key!r}: {exc.strerror or exc}") from exc
        return key

    def open_range(self, key: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
        path = self._path(key)
        try:
            fh = path.open("rb")
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc
        except OSError as exc:
            raise StorageError(f"could not read {key!r}: {exc.strerror or exc}") from exc
        return _chunks(fh, start, end)

    def stat(self, key: str) -> ObjectStat:
        try:
            return ObjectStat(size=self._path(key).stat().st_size)
        except FileNotFoundError as exc:
            raise ObjectNotFound(key) from exc

    def delete(self, key: str) -> None:
        path = self._path(key)
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(f"could not delete {key!r}: {exc.strerror or exc}") from exc
        # Tidy empty parent directories up to the root.
        for parent in path.parents:
            if parent == self.root or not parent.is_relative_to(self.root):
                break
            try:
                parent.rmdir()
            except OSError:
                break

    def forget(self, key: str) -> None:
        self.delete(key)  # the object key is the key given

    def local_path(self, key: str) -> Path | None:
        path = self._path(key)
        return path if path.is_file() else None

    def check(self) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root, prefix=".ready-"):
                pass
        except OSError as exc:
            raise StorageError(f"storage root {self.root} is not writable: {exc.strerror or exc}") from exc


def _read(env: Mapping[str, str], is_default: bool) -> bool:
    del env, is_default
    return True  # nothing of its own to read: always on


def _build(options: bool, context: Context) -> Storage:
    del options
    return LocalStorage(context.local_root)


PROVIDER = Provider(name="localfs", env_names=(), needs="STORAGE_LOCAL_ROOT", read=_read, build=_build)


def _chunks(fh: BinaryIO, start: int, end: int | None) -> Iterator[bytes]:
    with fh:
        fh.seek(start)
        remaining = None if end is None else end - start + 1
        while remaining is None or remaining > 0:
            size = CHUNK_SIZE if remaining is None else min(CHUNK_SIZE, remaining)
            chunk = fh.read(size)
            if not chunk:
                return
            if remaining is not None:
                remaining -= len(chunk)
            yield chunk
