"""The render pipeline's database side: claim a job, keep its lease, store outputs, finalise.

Delivery is at least once, so every step is guarded by a compare-and-set on the job row:

* **claim** moves a job to ``rendering`` only if it is ``queued`` or its lease expired, and
  bumps ``attempts``; a duplicate message finds nothing to claim and does nothing;
* the **heartbeat** renews the lease and records progress only while the attempt still owns the
  job; a canceled or reaped job makes the render stop;
* **finalise** inserts the output assets and marks the job ``done`` in one transaction, again
  only for the owning attempt. ``(job_id, role)`` is unique, so a job has one set of assets.

Objects are stored under keys unique to the attempt (``jobs/<id>/a<n>/...``): a stale attempt
can only ever delete its own objects, never the ones a later attempt committed.

Local staging follows the design document's golden rule: a job's staging directory is deleted
only once every output was stored (the provider returned its object key) **and** the asset rows
were committed; otherwise it is kept. Each attempt logs exactly one of ``cleanup ok path=...``,
``cleanup skipped reason=...`` or ``cleanup failed err=...`` for its staging directory. Kept
directories of failed jobs are swept by the reaper after ``STAGING_MAX_AGE_HOURS``.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from gala.db import transaction, utcnow
from gala.orm import Asset, Job, TemplateVersion
from gala.services.parameters import asset_slots, substitute
from gala.services.runtime import Runtime
from gala.storage import StorageError
from renderer import RenderOutput
from renderer.media import AssetFile

log = logging.getLogger(__name__)

ACTIVE = ("rendering", "uploading")
HEARTBEAT_SECONDS = 0.25
DRAFT_MAX_HEIGHT = 360
DRAFT_MAX_FPS = 15


@dataclass(frozen=True)
class Output:
    role: str
    path: Path
    mime: str
    kind: str
    media: dict[str, Any] | None = None


@dataclass
class Claim:
    job_id: uuid.UUID
    attempt: int
    composition: dict[str, Any]
    basename: str
    staging_dir: Path
    stored: list[tuple[str, str]] = field(default_factory=list)  # (provider, key) put by this attempt
    assets: list[StoredAsset] = field(default_factory=list)  # the media the composition names
    recorded: bool = False  # every output stored and its asset row committed (the golden rule)

    def key(self, filename: str) -> str:
        return f"jobs/{self.job_id}/a{self.attempt}/{filename}"


def draft(composition: dict[str, Any]) -> dict[str, Any]:
    """A fast low-resolution version of a composition: at most 360p and 15 fps."""
    out = dict(composition)
    output = dict(out.get("output") or {})
    width, height = output.get("width", 1280), output.get("height", 720)
    if isinstance(width, int) and isinstance(height, int) and height > DRAFT_MAX_HEIGHT:
        scale = DRAFT_MAX_HEIGHT / height
        output["width"] = max(16, round(width * scale / 2) * 2)
        output["height"] = DRAFT_MAX_HEIGHT
        for layer in out.get("layers") or []:
            if isinstance(layer, dict) and isinstance(layer.get("size"), int | float):
                layer["size"] = max(4, round(layer["size"] * scale))
    fps = output.get("fps", 30)
    if isinstance(fps, int | float) and fps > DRAFT_MAX_FPS:
        output["fps"] = DRAFT_MAX_FPS
    out["output"] = output
    return out


def resolve(version: TemplateVersion, params: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    """The concrete composition a job renders: placeholders replaced, draft applied.

    A version-2 draft is the renderer's own ``output.quality: "draft"`` (half size, fast encoder
    settings, every pixel size scaled along); version 1 keeps its 360p / 15 fps draft.
    """
    composition: dict[str, Any] = substitute(version.composition, params)
    if options.get("draft"):
        if composition.get("version") == 2:
            output = composition.get("output")
            composition["output"] = {**(output if isinstance(output, dict) else {}), "quality": "draft"}
        else:
            composition = draft(composition)
    return composition


# --------------------------------------------------------------------------- assets to local files


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


def local_path(rt: Runtime, asset: StoredAsset) -> Path | None:
    """The file itself when the asset's provider keeps files on this machine (``localfs``)."""
    return rt.storage.get(asset.provider).local_path(asset.object_key)


class Abandoned(Exception):
    """The job stopped being ours (canceled, or reaped) while its assets were being copied."""


def localize(
    rt: Runtime, assets: list[StoredAsset], into: Path, *, should_stop: Callable[[], bool] | None = None
) -> tuple[dict[str, AssetFile], list[Path]]:
    """Local files for ``assets``: ``localfs`` paths as they are, others downloaded into ``into``.

    Downloads stream chunk by chunk (never whole in memory) to a temporary name, are checked
    against the recorded size, then renamed. ``should_stop`` is called between chunks (the job's
    heartbeat: it keeps the lease while a large file arrives); when it returns True the copy
    stops with :class:`Abandoned`. Returns the renderer's ``assets`` mapping and the files
    downloaded (the caller deletes them when done). Raises StorageError.
    """
    files: dict[str, AssetFile] = {}
    downloaded: list[Path] = []
    for asset in assets:
        path = local_path(rt, asset)
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


# --------------------------------------------------------------------------- output formats

# output.format -> (MIME type, asset kind) of the main output. A `jpg` render *is* its poster.
OUTPUT_TYPES: dict[str, tuple[str, str]] = {
    "mp4": ("video/mp4", "video"),
    "webm": ("video/webm", "video"),
    "gif": ("image/gif", "image"),
    "jpg": ("image/jpeg", "image"),
}


def outputs_of(out: RenderOutput) -> list[Output]:
    """The assets a render leaves: the video (``video``) and its JPEG ``thumbnail``, or one ``poster``."""
    size: dict[str, Any] = {"width": out.width, "height": out.height}
    mime, kind = OUTPUT_TYPES[out.format]
    if out.format == "jpg":
        return [Output("poster", out.video_path, mime, kind, size)]
    media: dict[str, Any] = {
        **size,
        "duration": out.duration,
        "fps": out.fps,
        "video_codec": out.video_codec,
        "audio_codec": out.audio_codec,
    }
    if out.audio_codec is not None:  # the renderer always mixes 48 kHz stereo
        media |= {"channels": 2, "sample_rate": 48000}
    return [
        Output("video", out.video_path, mime, kind, media),
        Output("thumbnail", out.thumbnail_path, "image/jpeg", "image", size),
    ]


def _owned(job_id: uuid.UUID, attempt: int, *statuses: str) -> Any:
    return and_(Job.id == job_id, Job.attempts == attempt, Job.status.in_(statuses))


def _cas(session: Session, *where: Any, **values: Any) -> bool:
    """Compare-and-set on one job row: apply ``values`` only where ``where`` holds. True if it did."""
    result = session.execute(update(Job).where(*where).values(**values).execution_options(synchronize_session=False))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def claim(rt: Runtime, job_id: uuid.UUID) -> Claim | None:
    """Take the job for one attempt, or return None when there is nothing to do."""
    now = utcnow()
    lease = now + timedelta(seconds=rt.settings.job_lease_seconds)
    with transaction(rt.sessions) as session:
        claimed = _cas(
            session,
            Job.id == job_id,
            Job.attempts < rt.settings.job_max_attempts,
            Job.cancel_requested.is_(False),
            or_(Job.status == "queued", and_(Job.status.in_(ACTIVE), Job.lease_expires_at < now)),
            status="rendering",
            stage="rendering",
            progress=0,
            attempts=Job.attempts + 1,
            lease_expires_at=lease,
            error_code=None,
            error_message=None,
            updated_at=now,
        )
        if not claimed:
            return None
        job = session.get(Job, job_id, populate_existing=True)
        assert job is not None
        if job.started_at is None:
            job.started_at = now
        version = session.get(TemplateVersion, (job.template_id, job.template_version))
        assert version is not None
        composition = resolve(version, job.params, job.options)
        assets = assets_of(session, composition)
        basename = str(job.options.get("basename") or "output")
        attempt = job.attempts
    staging = rt.settings.staging_dir / str(job_id)
    _clear(staging)
    staging.mkdir(parents=True, exist_ok=True)
    log.info("job claimed job_id=%s attempt=%s", job_id, attempt)
    return Claim(job_id, attempt, composition, basename, staging, assets=assets)


class Heartbeat:
    """Renews the lease, records progress, and says when the render must stop.

    ``progress`` and ``should_cancel`` are the renderer's callbacks; at most one database write
    every ``HEARTBEAT_SECONDS``.
    """

    def __init__(self, rt: Runtime, claim: Claim) -> None:
        self.rt = rt
        self.claim = claim
        self.percent = 0
        self.lost = False
        self._last = 0.0

    def progress(self, percent: float) -> None:
        self.percent = max(0, min(99, int(percent)))  # 100 is for `done`
        self._beat(force=False)

    def should_cancel(self) -> bool:
        self._beat(force=False)
        return self.lost

    def _beat(self, *, force: bool) -> None:
        now = time.monotonic()
        if self.lost or (not force and now - self._last < HEARTBEAT_SECONDS):
            return
        self._last = now
        stamp = utcnow()
        with transaction(self.rt.sessions) as session:
            ours = _cas(
                session,
                _owned(self.claim.job_id, self.claim.attempt, *ACTIVE),
                Job.cancel_requested.is_(False),
                progress=self.percent,
                lease_expires_at=stamp + timedelta(seconds=self.rt.settings.job_lease_seconds),
                updated_at=stamp,
            )
        if not ours:
            self.lost = True
            log.info("job no longer ours job_id=%s attempt=%s", self.claim.job_id, self.claim.attempt)


def _set_stage(rt: Runtime, claim: Claim, status: str, stage: str) -> bool:
    stamp = utcnow()
    with transaction(rt.sessions) as session:
        return _cas(
            session,
            _owned(claim.job_id, claim.attempt, *ACTIVE),
            Job.cancel_requested.is_(False),
            status=status,
            stage=stage,
            updated_at=stamp,
            lease_expires_at=stamp + timedelta(seconds=rt.settings.job_lease_seconds),
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def store_and_finalise(rt: Runtime, claim: Claim, outputs: list[Output]) -> bool:
    """Upload the outputs, then record them and mark the job done. False if the job was lost.

    Raises StorageError when an upload fails (the caller retries the job); the staging files
    stay in place, and nothing points at bytes that were not stored.
    """
    if not _set_stage(rt, claim, "uploading", "uploading"):
        discard(rt, claim)
        return False
    storage = rt.storage.default
    rows = []
    for out in outputs:
        filename = f"{claim.basename}{out.path.suffix}"
        key = storage.put_file(out.path, claim.key(filename), mime=out.mime)
        claim.stored.append((storage.provider, key))
        rows.append(
            {
                "role": out.role,
                "kind": out.kind,
                "name": filename,
                "mime": out.mime,
                "size_bytes": out.path.stat().st_size,
                "sha256": _sha256(out.path),
                "provider": storage.provider,
                "object_key": key,
                "media": out.media,
            }
        )
    stamp = utcnow()
    try:
        with transaction(rt.sessions) as session:
            owned = _cas(
                session,
                _owned(claim.job_id, claim.attempt, "uploading"),
                Job.cancel_requested.is_(False),
                status="done",
                stage=None,
                progress=100,
                finished_at=stamp,
                lease_expires_at=None,
                updated_at=stamp,
            )
            if owned:
                for row in rows:
                    session.add(Asset(source="render", job_id=claim.job_id, labels={}, **row))
    except Exception as exc:
        # Golden rule: no committed row, so the staging files stay. The stored objects stay too:
        # a commit that failed while being acknowledged may still have happened, and deleting
        # would leave rows without bytes. The job's lease runs out, the reaper re-enqueues it,
        # and the next attempt removes this attempt's objects (forget) once it has stored its own.
        keep_staging(claim, f"database write failed ({type(exc).__name__})")
        raise
    if not owned:
        discard(rt, claim)
        return False
    claim.recorded = True
    log.info("job done job_id=%s attempt=%s outputs=%s", claim.job_id, claim.attempt, len(rows))
    _forget_earlier_attempts(rt, claim, [f"{claim.basename}{o.path.suffix}" for o in outputs])
    return True


def cleanup_staging(rt: Runtime, claim: Claim) -> str:
    """The design document's golden rule: delete local staging only once stored and recorded.

    Logs exactly one ``cleanup ...`` line and returns its word (ok, skipped, failed). A failed
    cleanup changes nothing about the job: it is done, its outputs are stored.
    """
    path = claim.staging_dir
    if not claim.recorded:
        return keep_staging(claim, "outputs not stored and recorded")
    if not rt.settings.worker_cleanup_local:
        log.info("cleanup skipped reason=WORKER_CLEANUP_LOCAL=0 path=%s", path)
        return "skipped"
    files = sorted(p.name for p in path.iterdir()) if path.is_dir() else []
    try:
        shutil.rmtree(path)
    except OSError as exc:
        log.warning("cleanup failed err=%s path=%s", exc, path)
        return "failed"
    log.info("cleanup ok path=%s files=%s", path, ",".join(files) or "-")
    return "ok"


def keep_staging(claim: Claim, reason: str) -> str:
    """Golden rule, the other branch: the staging files stay (for a retry or an operator)."""
    log.warning("cleanup skipped reason=%s path=%s", reason, claim.staging_dir)
    return "skipped"


def sweep_staging(rt: Runtime, *, now: float | None = None) -> list[Path]:
    """Delete staging directories kept longer than ``STAGING_MAX_AGE_HOURS`` for jobs no longer active.

    Directories of jobs that are queued (waiting to retry), rendering or uploading are never
    touched, whatever their age. Returns the directories removed.
    """
    root = rt.settings.staging_dir
    if not root.is_dir():
        return []
    now = time.time() if now is None else now
    limit = rt.settings.staging_max_age_hours * 3600
    old: dict[uuid.UUID, tuple[Path, float]] = {}
    for path in root.iterdir():
        try:
            job_id = uuid.UUID(path.name)
        except ValueError:
            continue  # not a job's directory: not ours to remove
        age = now - _newest_mtime(path)
        if age > limit:
            old[job_id] = (path, age)
    if not old:
        return []
    with rt.sessions() as session:
        active = set(session.scalars(select(Job.id).where(Job.id.in_(old), Job.status.in_(("queued", *ACTIVE)))).all())
    swept = []
    for job_id, (path, age) in old.items():
        if job_id in active:
            continue
        shutil.rmtree(path, ignore_errors=True)
        if not path.exists():
            log.info("staging swept path=%s age_hours=%.1f", path, age / 3600)
            swept.append(path)
    return swept


def _newest_mtime(path: Path) -> float:
    newest = path.stat().st_mtime
    for child in path.rglob("*"):
        try:
            newest = max(newest, child.stat().st_mtime)
        except OSError:
            continue
    return newest


def _forget_earlier_attempts(rt: Runtime, claim: Claim, filenames: list[str]) -> None:
    """Objects an earlier, lost attempt may have stored before it died (found by the key it was given)."""
    storage = rt.storage.default
    for attempt in range(1, claim.attempt):
        for filename in filenames:
            key = f"jobs/{claim.job_id}/a{attempt}/{filename}"
            try:
                storage.forget(key)
            except StorageError as exc:
                log.warning("could not delete a lost attempt's object key=%s err=%s", key, exc)


def discard(rt: Runtime, claim: Claim, *, keep_staging: bool = False) -> None:
    """Delete what this attempt stored (it will not be recorded), and its staging files unless kept."""
    for provider, key in claim.stored:
        try:
            rt.storage.get(provider).delete(key)
        except StorageError as exc:
            log.warning("could not delete an unrecorded object key=%s err=%s", key, exc)
    claim.stored.clear()
    if not keep_staging:
        _clear(claim.staging_dir)


def fail(rt: Runtime, claim: Claim, code: str, message: str) -> None:
    stamp = utcnow()
    with transaction(rt.sessions) as session:
        _cas(
            session,
            _owned(claim.job_id, claim.attempt, *ACTIVE),
            status="failed",
            stage=None,
            error_code=code,
            error_message=message[:2000],
            finished_at=stamp,
            lease_expires_at=None,
            updated_at=stamp,
        )
    log.warning("job failed job_id=%s attempt=%s code=%s message=%s", claim.job_id, claim.attempt, code, message)
    # Staging files of failed jobs are kept (golden rule): an operator can still retry or inspect;
    # the reaper sweeps them after STAGING_MAX_AGE_HOURS.
    discard(rt, claim, keep_staging=True)
    keep_staging(claim, f"job failed ({code})")


def retry_later(rt: Runtime, claim: Claim, code: str, message: str) -> bool:
    """Put the job back in the queue after a retryable failure; fail it after the last attempt.

    Returns True when the job will be retried. The reaper re-enqueues it once its lease (used
    here as the back-off) expires.
    """
    if claim.attempt >= rt.settings.job_max_attempts:
        fail(rt, claim, code, f"{message} (gave up after {claim.attempt} attempts)")
        return False
    backoff = min(60.0, 2.0**claim.attempt)
    stamp = utcnow()
    with transaction(rt.sessions) as session:
        _cas(
            session,
            _owned(claim.job_id, claim.attempt, *ACTIVE),
            status="queued",
            stage="waiting to retry",
            error_code=code,
            error_message=message[:2000],
            lease_expires_at=stamp + timedelta(seconds=backoff),
            updated_at=stamp,
        )
    log.warning(
        "job will be retried job_id=%s attempt=%s in=%ss code=%s message=%s",
        claim.job_id,
        claim.attempt,
        backoff,
        code,
        message,
    )
    # The staging files stay (golden rule); objects this attempt stored are not recorded.
    discard(rt, claim, keep_staging=True)
    keep_staging(claim, f"will retry ({code})")
    return True


def canceled(rt: Runtime, claim: Claim) -> None:
    log.info("render canceled job_id=%s attempt=%s", claim.job_id, claim.attempt)
    discard(rt, claim)


def reap(rt: Runtime) -> list[uuid.UUID]:
    """Re-enqueue jobs whose lease expired; fail those out of attempts. Returns re-enqueued ids."""
    now = utcnow()
    with rt.sessions() as session:
        rows = session.execute(
            select(Job.id, Job.status, Job.attempts).where(
                Job.status.in_(("queued", *ACTIVE)),
                Job.lease_expires_at.is_not(None),
                Job.lease_expires_at < now,
            )
        ).all()
    requeued: list[uuid.UUID] = []
    grace = timedelta(seconds=rt.settings.job_lease_seconds * 4)
    for job_id, status, attempts in rows:
        with transaction(rt.sessions) as session:
            guard = and_(Job.id == job_id, Job.status == status, Job.attempts == attempts, Job.lease_expires_at < now)
            if status in ACTIVE and attempts >= rt.settings.job_max_attempts:
                _cas(
                    session,
                    guard,
                    status="failed",
                    stage=None,
                    error_code="worker_lost",
                    error_message=f"The worker stopped responding ({attempts} attempts).",
                    finished_at=now,
                    lease_expires_at=None,
                    updated_at=now,
                )
                continue
            if _cas(session, guard, status="queued", lease_expires_at=now + grace, updated_at=now):
                requeued.append(job_id)
    for job_id in requeued:
        log.info("reaper re-enqueued job_id=%s", job_id)
        rt.enqueue(job_id)
    try:
        sweep_staging(rt)
    except Exception:  # housekeeping must not stop the reaper
        log.exception("staging sweep failed")
    return requeued


def _clear(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
