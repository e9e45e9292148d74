"""Assets: uploads and rendered outputs, their rows and their bytes."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from gala.db import transaction, uuid7
from gala.errors import Conflict, NotFound, PayloadTooLarge
from gala.orm import Asset, ModelReference
from gala.services.pagination import page
from gala.services.runtime import Runtime
from gala.services.sniff import sniff
from gala.storage import ObjectNotFound

log = logging.getLogger(__name__)
COPY_CHUNK = 1024 * 1024


def get(rt: Runtime, asset_id: uuid.UUID) -> Asset:
    with rt.sessions() as session:
        asset = session.get(Asset, asset_id)
    if asset is None:
        raise NotFound(f"There is no asset {asset_id}.")
    return asset


def list_(rt: Runtime, *, limit: int, cursor: str | None, **filters: Any) -> tuple[list[Asset], str | None]:
    query = select(Asset)
    for column in ("kind", "source", "job_id"):
        if filters.get(column) is not None:
            query = query.where(getattr(Asset, column) == filters[column])
    with rt.sessions() as session:
        rows, nxt = page(session, query, Asset.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def spool(rt: Runtime, stream: IO[bytes], *, limit: int) -> tuple[Path, int, str]:
    """Copy an upload to a staging file in chunks; return (path, size, sha256). Enforces ``limit``."""
    digest = hashlib.sha256()
    size = 0
    fd_path = rt.tmp_dir / f"upload-{uuid.uuid4().hex}"
    try:
        with fd_path.open("wb") as out:
            while chunk := stream.read(COPY_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise PayloadTooLarge(f"The file is larger than the limit of {limit} bytes.")
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        fd_path.unlink(missing_ok=True)
        raise
    return fd_path, size, digest.hexdigest()


def upload(rt: Runtime, stream: IO[bytes], *, name: str) -> Asset:
    staged, size, sha256 = spool(rt, stream, limit=rt.settings.asset_max_upload_bytes)
    try:
        mime, kind = sniff(staged)
        asset_id = uuid7()
        storage = rt.storage.default
        key = storage.put_file(staged, f"uploads/{asset_id.hex[:2]}/{asset_id}", mime=mime)
        try:
            with transaction(rt.sessions) as session:
                asset = Asset(
                    id=asset_id,
                    kind=kind,
                    name=name,
                    mime=mime,
                    size_bytes=size,
                    sha256=sha256,
                    provider=storage.provider,
                    object_key=key,
                    source="upload",
                    labels={},
                    media=None,
                )
                session.add(asset)
        except BaseException:
            storage.delete(key)  # no stored bytes without a row
            raise
        return asset
    finally:
        staged.unlink(missing_ok=True)


def update(rt: Runtime, asset_id: uuid.UUID, changes: dict[str, Any]) -> Asset:
    with transaction(rt.sessions) as session:
        asset = session.get(Asset, asset_id, with_for_update=True)
        if asset is None:
            raise NotFound(f"There is no asset {asset_id}.")
        for key in ("name", "labels"):
            if key in changes:
                setattr(asset, key, changes[key])
    return asset


def delete(rt: Runtime, asset_id: uuid.UUID) -> None:
    with transaction(rt.sessions) as session:
        asset = session.get(Asset, asset_id, with_for_update=True)
        if asset is None:
            raise NotFound(f"There is no asset {asset_id}.")
        users = session.scalars(
            select(ModelReference.model_id).where(ModelReference.asset_id == asset_id).limit(5)
        ).all()
        if users:
            raise Conflict(
                f"Asset {asset_id} is a reference of model(s) {', '.join(map(str, users))}; remove it from them first.",
            )
        provider, key = asset.provider, asset.object_key
        session.delete(asset)
    # The row is gone first: a failure here leaves unreferenced bytes, never a row without bytes.
    try:
        rt.storage.get(provider).delete(key)
    except Exception:
        log.exception("could not delete stored bytes provider=%s key=%s", provider, key)


def read(rt: Runtime, asset: Asset, start: int, end: int | None) -> Iterator[bytes]:
    try:
        return rt.storage.get(asset.provider).open_range(asset.object_key, start, end)
    except ObjectNotFound:
        raise NotFound(f"The bytes of asset {asset.id} are missing from storage.") from None
