"""Local staging files and the design document's golden rule.

A job's staging directory is deleted only once every output was stored (the provider returned
its object key) **and** the asset rows were committed; otherwise it is kept. A canceled job's
directory is deleted (nobody wants its files).

Each attempt logs exactly one of ``cleanup ok path=...``, ``cleanup skipped reason=...`` or
``cleanup failed err=...``: the worker when the attempt ends there (done, failed, retried,
canceled, taken over), the reaper when the attempt's worker died (``cleanup skipped
reason=worker lost``: the files stay until the next attempt on that host clears them, logged as
``staging cleared``, or the sweep removes them). Kept directories of jobs that are no longer
active are swept by the reaper after ``STAGING_MAX_AGE_HOURS``.
"""

from __future__ import annotations

import logging
import shutil
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from gala.jobs.claim import Claim
from gala.jobs.state import ACTIVE, JobStatus
from gala.orm import Job
from gala.runtime import Runtime

log = logging.getLogger("gala.jobs")


def prepare(claim: Claim) -> None:
    """An empty staging directory for a new attempt (what an earlier one left there goes)."""
    path = claim.staging_dir
    if path.exists():
        shutil.rmtree(path, ignore_errors=True)
        log.info("staging cleared path=%s job_id=%s (left by an earlier attempt)", path, claim.job_id)
    path.mkdir(parents=True, exist_ok=True)


def cleanup_staging(rt: Runtime, claim: Claim) -> str:
    """The golden rule: delete local staging only once stored and recorded.

    Logs the attempt's ``cleanup ...`` line and returns its word (ok, skipped, failed). A failed
    cleanup changes nothing about the job: it is done, its outputs are stored.
    """
    if not claim.recorded:
        return keep_staging(claim, "outputs not stored and recorded")
    if not rt.settings.worker_cleanup_local:
        claim.cleaned = True
        log.info("cleanup skipped reason=WORKER_CLEANUP_LOCAL=0 path=%s", claim.staging_dir)
        return "skipped"
    return remove_staging(claim)


def remove_staging(claim: Claim, reason: str | None = None) -> str:
    """Delete the attempt's staging directory and log its ``cleanup ok`` (or ``failed``) line."""
    path = claim.staging_dir
    claim.cleaned = True
    files = sorted(p.name for p in path.iterdir()) if path.is_dir() else []
    try:
        shutil.rmtree(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("cleanup failed err=%s path=%s", exc, path)
        return "failed"
    because = f" reason={reason}" if reason else ""
    log.info("cleanup ok path=%s files=%s%s", path, ",".join(files) or "-", because)
    return "ok"


def keep_staging(claim: Claim, reason: str) -> str:
    """Golden rule, the other branch: the staging files stay (for a retry or an operator)."""
    claim.cleaned = True
    log.warning("cleanup skipped reason=%s path=%s", reason, claim.staging_dir)
    return "skipped"


def staging_dir(rt: Runtime, job_id: uuid.UUID) -> Path:
    return rt.settings.staging_dir / str(job_id)


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
    busy = (JobStatus.QUEUED, *ACTIVE)
    with rt.sessions() as session:
        active = set(session.scalars(select(Job.id).where(Job.id.in_(old), Job.status.in_(busy))).all())
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


def worker_lost(rt: Runtime, job_id: uuid.UUID, attempt: int) -> None:
    """The cleanup line of an attempt whose worker died: logged by whoever notices (the reaper,
    or a redelivery that takes the job over). Its files stay (golden rule)."""
    log.warning("cleanup skipped reason=worker lost (attempt %s) path=%s", attempt, staging_dir(rt, job_id))
