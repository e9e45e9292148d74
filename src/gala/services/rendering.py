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
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, or_, select, update

from gala.db import transaction, utcnow
from gala.orm import Asset, Job, TemplateVersion
from gala.services.parameters import substitute
from gala.services.runtime import Runtime
from gala.storage import StorageError

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
    """The concrete composition a job renders: placeholders replaced, draft applied."""
    composition: dict[str, Any] = substitute(version.composition, params)
    if options.get("draft"):
        composition = draft(composition)
    return composition


def _owned(job_id: uuid.UUID, attempt: int, *statuses: str) -> Any:
    return and_(Job.id == job_id, Job.attempts == attempt, Job.status.in_(statuses))


def claim(rt: Runtime, job_id: uuid.UUID) -> Claim | None:
    """Take the job for one attempt, or return None when there is nothing to do."""
    now = utcnow()
    lease = now + timedelta(seconds=rt.settings.job_lease_seconds)
    with transaction(rt.sessions) as session:
        result = session.execute(
            update(Job)
            .where(
                Job.id == job_id,
                Job.attempts < rt.settings.job_max_attempts,
                Job.cancel_requested.is_(False),
                or_(Job.status == "queued", and_(Job.status.in_(ACTIVE), Job.lease_expires_at < now)),
            )
            .values(
                status="rendering",
                stage="rendering",
                progress=0,
                attempts=Job.attempts + 1,
                lease_expires_at=lease,
                error_code=None,
                error_message=None,
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return None
        job = session.get(Job, job_id, populate_existing=True)
        assert job is not None
        if job.started_at is None:
            job.started_at = now
        version = session.get(TemplateVersion, (job.template_id, job.template_version))
        assert version is not None
        composition = resolve(version, job.params, job.options)
        basename = str(job.options.get("basename") or "output")
        attempt = job.attempts
    staging = rt.settings.staging_dir / str(job_id)
    _clear(staging)
    staging.mkdir(parents=True, exist_ok=True)
    log.info("job claimed job_id=%s attempt=%s", job_id, attempt)
    return Claim(job_id, attempt, composition, basename, staging)


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
            result = session.execute(
                update(Job)
                .where(_owned(self.claim.job_id, self.claim.attempt, *ACTIVE), Job.cancel_requested.is_(False))
                .values(
                    progress=self.percent,
                    lease_expires_at=stamp + timedelta(seconds=self.rt.settings.job_lease_seconds),
                    updated_at=stamp,
                )
                .execution_options(synchronize_session=False)
            )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            self.lost = True
            log.info("job no longer ours job_id=%s attempt=%s", self.claim.job_id, self.claim.attempt)


def _set_stage(rt: Runtime, claim: Claim, status: str, stage: str) -> bool:
    stamp = utcnow()
    with transaction(rt.sessions) as session:
        result = session.execute(
            update(Job)
            .where(_owned(claim.job_id, claim.attempt, *ACTIVE), Job.cancel_requested.is_(False))
            .values(
                status=status,
                stage=stage,
                updated_at=stamp,
                lease_expires_at=stamp + timedelta(seconds=rt.settings.job_lease_seconds),
            )
            .execution_options(synchronize_session=False)
        )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


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
    with transaction(rt.sessions) as session:
        result = session.execute(
            update(Job)
            .where(_owned(claim.job_id, claim.attempt, "uploading"), Job.cancel_requested.is_(False))
            .values(
                status="done",
                stage=None,
                progress=100,
                finished_at=stamp,
                lease_expires_at=None,
                updated_at=stamp,
            )
            .execution_options(synchronize_session=False)
        )
        owned = result.rowcount == 1  # type: ignore[attr-defined]
        if owned:
            for row in rows:
                session.add(Asset(source="render", job_id=claim.job_id, labels={}, **row))
    if not owned:
        discard(rt, claim)
        return False
    log.info("job done job_id=%s attempt=%s outputs=%s", claim.job_id, claim.attempt, len(rows))
    _forget_earlier_attempts(rt, claim, [f"{claim.basename}{o.path.suffix}" for o in outputs])
    return True


def cleanup_staging(rt: Runtime, claim: Claim) -> None:
    """The design document's golden rule: delete local staging only once stored and recorded."""
    if not rt.settings.worker_cleanup_local:
        log.info("cleanup skipped reason=WORKER_CLEANUP_LOCAL=0 path=%s", claim.staging_dir)
        return
    try:
        shutil.rmtree(claim.staging_dir)
    except OSError as exc:
        log.warning("cleanup failed err=%s path=%s", exc, claim.staging_dir)
        return
    log.info("cleanup ok path=%s", claim.staging_dir)


def _forget_earlier_attempts(rt: Runtime, claim: Claim, filenames: list[str]) -> None:
    """Objects an earlier, lost attempt may have stored before it died."""
    storage = rt.storage.default
    for attempt in range(1, claim.attempt):
        for filename in filenames:
            key = f"jobs/{claim.job_id}/a{attempt}/{filename}"
            try:
                storage.delete(key)
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
        session.execute(
            update(Job)
            .where(_owned(claim.job_id, claim.attempt, *ACTIVE))
            .values(
                status="failed",
                stage=None,
                error_code=code,
                error_message=message[:2000],
                finished_at=stamp,
                lease_expires_at=None,
                updated_at=stamp,
            )
            .execution_options(synchronize_session=False)
        )
    log.warning("job failed job_id=%s attempt=%s code=%s message=%s", claim.job_id, claim.attempt, code, message)
    # Staging files of failed jobs are kept (golden rule): an operator can still retry or inspect.
    discard(rt, claim, keep_staging=True)


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
        session.execute(
            update(Job)
            .where(_owned(claim.job_id, claim.attempt, *ACTIVE))
            .values(
                status="queued",
                stage="waiting to retry",
                error_code=code,
                error_message=message[:2000],
                lease_expires_at=stamp + timedelta(seconds=backoff),
                updated_at=stamp,
            )
            .execution_options(synchronize_session=False)
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
                session.execute(
                    update(Job)
                    .where(guard)
                    .values(
                        status="failed",
                        stage=None,
                        error_code="worker_lost",
                        error_message=f"The worker stopped responding ({attempts} attempts).",
                        finished_at=now,
                        lease_expires_at=None,
                        updated_at=now,
                    )
                    .execution_options(synchronize_session=False)
                )
                continue
            result = session.execute(
                update(Job)
                .where(guard)
                .values(status="queued", lease_expires_at=now + grace, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                requeued.append(job_id)
    for job_id in requeued:
        log.info("reaper re-enqueued job_id=%s", job_id)
        rt.enqueue(job_id)
    return requeued


def _clear(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
