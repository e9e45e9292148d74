"""Assets: uploads and rendered outputs, their rows and their bytes."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gala.db import transaction, uuid7
from gala.errors import (
    Conflict,
    FieldError,
    NotFound,
    PayloadTooLarge,
    ServiceUnavailable,
    TooManyRequests,
    Unprocessable,
    UnsupportedMediaType,
)
from gala.orm import Asset, AssetUse, ModelReference
from gala.runtime import Runtime
from gala.sandbox import Busy, Crashed, TaskFailed, Timeout
from gala.services.pagination import page
from gala.services.sniff import SUPPORTED_IN_WORDS, SUPPORTED_TYPES, classify
from gala.storage import ObjectNotFound, StorageError
from renderer.assets import Limits

log = logging.getLogger(__name__)
COPY_CHUNK = 1024 * 1024
# Probing reads headers and decodes at most one frame: seconds are plenty; past this the decoder
# is stuck on the bytes and its process is killed. An upload waits this long for a free process.
PROBE_TIMEOUT_SECONDS = 30.0
PROBE_WAIT_SECONDS = 30.0


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


def sandbox_caps(rt: Runtime) -> tuple[int, float]:
    """The media caps as the sandbox's tasks take them: (max pixels, max seconds)."""
    return rt.settings.asset_max_pixels, float(rt.settings.asset_max_duration_seconds)


def limits(rt: Runtime) -> Limits:
    """The same caps as the renderer's ``Limits``, for the worker (which renders in-process)."""
    max_pixels, max_duration = sandbox_caps(rt)
    return Limits(max_pixels=max_pixels, max_duration=max_duration)


def _unsupported(detail: str) -> UnsupportedMediaType:
    return UnsupportedMediaType(
        f"{detail} Supported: {SUPPORTED_IN_WORDS}.",
        errors=[FieldError(detail, pointer="/file")],
        extra={"supported": list(SUPPORTED_TYPES)},
    )


def inspect(rt: Runtime, path: Path) -> tuple[str, str, dict[str, Any]]:
    """``(mime, kind, media)`` of an uploaded file, or a 415/422 problem saying why it cannot be used.

    The bytes are sniffed, then probed by the renderer with its forced demuxers and our caps:
    nothing else is read, no protocol but ``file`` is used, at most one frame is decoded. Both
    run in the API's sandbox processes (:mod:`gala.sandbox`): a decoder that hangs or crashes on
    hostile bytes is killed there, and the upload is refused as undecodable.
    """
    try:
        with rt.sandbox.slot(wait=PROBE_WAIT_SECONDS) as call:
            return _inspect(rt, call, path)
    except Busy:
        raise TooManyRequests(
            "The server is busy checking other media; retry in a moment.", headers={"Retry-After": "1"}
        ) from None


Inspected = tuple[str, str, dict[str, Any]]  # (mime, kind, media)


@dataclass(frozen=True)
class _Refusal:
    """The renderer's words for why a file cannot be used, and its reason (``MediaError.reason``)."""

    message: str
    reason: str


def _sniff_and_probe(rt: Runtime, call: Callable[..., Any], path: Path) -> Inspected | _Refusal:
    """What the file is, or why it cannot be used."""
    answer = call("sniff", str(path), timeout=PROBE_TIMEOUT_SECONDS)
    if answer[0] != "ok":
        return _Refusal(answer[1], answer[2])
    sniffed = classify(answer[1], path)
    if sniffed is None:
        raise _unsupported("The file is not of a supported type.")
    for kind in sniffed.kinds:
        answer = call("probe", str(path), kind, sandbox_caps(rt), timeout=PROBE_TIMEOUT_SECONDS)
        if answer[0] == "ok":
            found = dict(answer[1])
            found.pop("kind", None)
            found.pop("format", None)
            return sniffed.mime(kind), kind, found
        if answer[2] != "unsupported":
            break  # e.g. an MP4 without a video stream is tried as audio; anything else is final
    return _Refusal(answer[1], answer[2])


def _inspect(rt: Runtime, call: Callable[..., Any], path: Path) -> Inspected:
    try:
        problem = _sniff_and_probe(rt, call, path)
    except (Timeout, Crashed, TaskFailed) as exc:  # the decoders met something their checks did not
        log.error("probing an upload failed unexpectedly file=%s: %s", path.name, exc)
        problem = _Refusal(f"{path.name} could not be decoded: it looks corrupt", "corrupt")
    if not isinstance(problem, _Refusal):
        return problem
    # The renderer names the file; ours is a server-side staging name, meaningless to the client.
    detail = problem.message.replace(path.name, "The file", 1)
    if problem.reason == "unsupported":
        raise _unsupported(detail if detail.endswith(".") else detail + ".")
    raise Unprocessable(
        {
            "corrupt": "The file cannot be decoded.",
            "too_large": "The picture has too many pixels.",
            "too_long": "The media is too long.",
        }[problem.reason],
        errors=[FieldError(detail, pointer="/file")],
    )


def upload(rt: Runtime, stream: IO[bytes], *, name: str) -> Asset:
    staged, size, sha256 = spool(rt, stream, limit=rt.settings.asset_max_upload_bytes)
    try:
        mime, kind, info = inspect(rt, staged)
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
                    media=info,
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
        users = asset_users(session, asset_id)
        if users:
            raise Conflict(
                f"Asset {asset_id} is in use by {'; '.join(u['detail'] for u in users)}. "
                "Remove it from them (or delete them) first.",
                extra={"users": users},
            )
        provider, key = asset.provider, asset.object_key
        session.delete(asset)
    # The row is gone first: a failure here leaves unreferenced bytes, never a row without bytes.
    try:
        rt.storage.get(provider).delete(key)
    except Exception:
        log.exception("could not delete stored bytes provider=%s key=%s", provider, key)


_ARTICLE = {"image": "an image", "audio": "an audio", "video": "a video", "font": "a font"}


def check_references(
    session: Session, refs: list[tuple[str, Any, tuple[str, ...]]]
) -> tuple[list[FieldError], dict[uuid.UUID, Asset]]:
    """Check ``(pointer, value, kinds)`` references: each an existing asset of one of ``kinds``.

    Returns the problems (one per bad reference, at its pointer) and the assets found. The rows
    are read with a key-share lock, so an asset cannot be deleted before the caller records its use.
    """
    errors: list[FieldError] = []
    ids: dict[str, uuid.UUID] = {}
    for where, value, _ in refs:
        try:
            ids[where] = uuid.UUID(value)
        except (TypeError, ValueError, AttributeError):
            errors.append(FieldError(f"{json.dumps(value)[:80]} is not an asset id (a UUID)", pointer=where))
    found: dict[uuid.UUID, Asset] = {}
    if ids:
        query = select(Asset).where(Asset.id.in_(set(ids.values()))).with_for_update(read=True, key_share=True)
        found = {a.id: a for a in session.scalars(query).all()}
    for where, _, kinds in refs:
        if where not in ids:
            continue
        asset = found.get(ids[where])
        if asset is None:
            errors.append(FieldError(f"there is no asset {ids[where]}", pointer=where))
        elif asset.mime not in SUPPORTED_TYPES:  # e.g. a rendered GIF: an output, not an input
            errors.append(FieldError(f"asset {asset.id} ({asset.mime}) cannot be used as media", pointer=where))
        elif asset.kind not in kinds:
            needed = " or ".join(_ARTICLE.get(k, k) for k in kinds)
            errors.append(
                FieldError(
                    f"asset {asset.id} is {_ARTICLE.get(asset.kind, 'an unusable')} asset; {needed} is needed here",
                    pointer=where,
                )
            )
    return errors, found


MAX_NAMED_USERS = 20


def asset_users(session: Session, asset_id: uuid.UUID) -> list[dict[str, Any]]:
    """Who keeps an asset from being deleted: models, template versions and jobs (at most 20)."""
    users: list[dict[str, Any]] = []
    for model_id in session.scalars(
        select(ModelReference.model_id).where(ModelReference.asset_id == asset_id).limit(MAX_NAMED_USERS)
    ).all():
        users.append({"type": "model", "id": str(model_id), "detail": f"model {model_id} (a reference asset)"})
    uses = session.scalars(
        select(AssetUse).where(AssetUse.asset_id == asset_id).order_by(AssetUse.id).limit(MAX_NAMED_USERS)
    ).all()
    for use in uses:
        if use.job_id is not None:
            users.append(
                {
                    "type": "job",
                    "id": str(use.job_id),
                    "pointer": use.pointer,
                    "detail": f"job {use.job_id} (at {use.pointer})",
                }
            )
        else:
            users.append(
                {
                    "type": "template",
                    "id": str(use.template_id),
                    "version": use.template_version,
                    "pointer": use.pointer,
                    "detail": f"template {use.template_id} version {use.template_version} (at {use.pointer})",
                }
            )
    return users[:MAX_NAMED_USERS]


def read(rt: Runtime, asset: Asset, start: int, end: int | None) -> Iterator[bytes]:
    try:
        return rt.storage.get(asset.provider).open_range(asset.object_key, start, end)
    except ObjectNotFound:
        raise NotFound(f"The bytes of asset {asset.id} are missing from storage.") from None
    except StorageError as exc:  # the provider is down, rate-limited or needs re-authorisation
        raise ServiceUnavailable(f"Storage ({asset.provider}) could not serve asset {asset.id}: {exc}") from exc
