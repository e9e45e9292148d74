"""The assets a composition names, as local files the renderer can open.

A provider that keeps plain local files (``Storage.local_path``) gives its path as it is; other
providers' objects are streamed into a directory the caller owns.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gala.orm import Asset
from gala.parameters import asset_slots
from gala.runtime import Runtime
from gala.storage import StorageError
from renderer.assets import AssetFile


@dataclass(frozen=True)
class StoredAsset:
    """Where an asset a composition names lives, and what the renderer needs to know of it."""

    id: uuid.UUID
    kind: str
    provider: str
    object_key: str
    size_bytes: int
    duration: float | None

    @classmethod
    def of(cls, asset: Asset) -> StoredAsset:
        duration = (asset.media or {}).get("duration")
        return cls(
            asset.id,
            asset.kind,
            asset.provider,
            asset.object_key,
            asset.size_bytes,
            float(duration) if isinstance(duration, int | float) and not isinstance(duration, bool) else None,
        )


def asset_file(asset: Asset | StoredAsset, path: Path) -> AssetFile:
    stored = asset if isinstance(asset, StoredAsset) else StoredAsset.of(asset)
    return AssetFile(path=path, kind=stored.kind, duration=stored.duration)


def assets_of(session: Session, composition: dict[str, Any]) -> list[StoredAsset]:
    """The assets a concrete composition names (their ids were checked when the job was created)."""
    ids = set()
    for slot in asset_slots(composition):
        try:
            ids.add(uuid.UUID(str(slot.value)))
        except ValueError:
            continue  # the renderer's normaliser names it
    if not ids:
        return []
    return [StoredAsset.of(a) for a in session.scalars(select(Asset).where(Asset.id.in_(ids))).all()]


class Abandoned(Exception):
    """The job stopped being ours (canceled, or reaped) while its assets were being copied."""


def localize(
    rt: Runtime, assets: list[StoredAsset], into: Path, *, should_stop: Callable[[], bool] | None = None
) -> tuple[dict[str, AssetFile], list[Path]]:
    """Local files for ``assets``: a provider's own local file as it is, others downloaded into ``into``.

    Downloads stream chunk by chunk (never whole in memory) to a temporary name, are checked
    against the recorded size, then renamed. ``should_stop`` is called between chunks (the job's
    heartbeat: it keeps the lease while a large file arrives); when it returns True the copy
    stops with :class:`Abandoned`. Returns the renderer's ``assets`` mapping and the files
    downloaded (the caller deletes them when done). Raises StorageError.
    """
    files: dict[str, AssetFile] = {}
    downloaded: list[Path] = []
    for asset in assets:
        path = rt.storage.get(asset.provider).local_path(asset.object_key)
        if path is None:
            into.mkdir(parents=True, exist_ok=True)
            path = into / f"asset-{asset.id}"
            downloaded.append(path)
            try:
                _download(rt, asset, path, should_stop)
            except BaseException:
                for done in downloaded:
                    done.unlink(missing_ok=True)
                raise
        files[str(asset.id)] = asset_file(asset, path)
    return files, downloaded


def _download(rt: Runtime, asset: StoredAsset, target: Path, should_stop: Callable[[], bool] | None) -> None:
    part = target.with_name(target.name + ".part")
    size = 0
    try:
        with part.open("wb") as out:
            for chunk in rt.storage.get(asset.provider).open_range(asset.object_key):
                if should_stop is not None and should_stop():
                    raise Abandoned(f"stopped while copying asset {asset.id}")
                size += len(chunk)
                out.write(chunk)
        if size != asset.size_bytes:
            raise StorageError(f"asset {asset.id}: got {size} bytes from storage, expected {asset.size_bytes}")
        part.replace(target)
    except OSError as exc:
        raise StorageError(f"asset {asset.id} could not be copied locally: {exc.strerror or exc}") from exc
    finally:
        part.unlink(missing_ok=True)
