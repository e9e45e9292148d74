"""Taking a job for one attempt, keeping it (the lease and progress), and moving it between stages.

* **claim** takes a job for the first stage only if it is ``queued`` (and not handed on) or its
  lease expired, and bumps ``attempts``; for a later stage only if it was handed to that stage.
  A duplicate message finds nothing to claim and does nothing;
* the **heartbeat** renews the lease and records progress only while the attempt still owns the
  job; a canceled or reaped job makes the work stop;
* **advance** moves the job to the next stage in the same task (same queue, same host);
  **hand_off** queues it for a stage on another queue, the dispatch in the same transaction.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, or_, select

from gala.db import unit_of_work, utcnow
from gala.jobs import stages
from gala.jobs.claim import Claim
from gala.jobs.composition import resolve
from gala.jobs.events import PROGRESS_STEP, EventKind
from gala.jobs.fetch import assets_of
from gala.jobs.stages import Stage
from gala.jobs.staging import prepare, staging_dir, worker_lost
from gala.jobs.state import ACTIVE, JobStatus
from gala.jobs.transition import cas, change, owned
from gala.orm import Job, TemplateVersion
from gala.runtime import Runtime

log = logging.getLogger("gala.jobs")

HEARTBEAT_SECONDS = 0.25


def claim(rt: Runtime, job_id: uuid.UUID, stage: Stage | None = None) -> Claim | None:
    """Take the job for ``stage`` (the first by default), or return None when there is nothing to do."""
    stage = stage or stages.FIRST
    now = utcnow()
    first = stage is stages.FIRST
    counting: dict[str, Any] = {}
    if first:
        where = (
            Job.attempts < rt.settings.job_max_attempts,
            or_(
                and_(Job.status == JobStatus.QUEUED, Job.handoff_stage.is_(None)),
                and_(Job.status.in_(ACTIVE), Job.lease_expires_at < now),
            ),
        )
        counting = {
            "attempts": Job.attempts + 1,
            "progress": 0,
            "error_code": None,
            "error_message": None,
        }
    else:
        where = (Job.status == JobStatus.QUEUED, Job.handoff_stage == stage.name)
    with unit_of_work(rt.sessions) as uow:
        before = uow.session.execute(select(Job.status, Job.attempts).where(Job.id == job_id)).one_or_none()
        job = change(
            uow,
            job_id,
            EventKind.CLAIMED,
            sources=(JobStatus.QUEUED, *ACTIVE) if first else (JobStatus.QUEUED,),
            where=(Job.cancel_requested.is_(False), *where),
            status=stage.status,
            stage=stage.name,
            handoff_stage=None,
            lease_expires_at=now + timedelta(seconds=rt.settings.job_lease_seconds),
            updated_at=now,
            **counting,
        )
        if job is None:
            return None
        if before is not None and before.status in ACTIVE:  # taken over from a worker that died
            uow.after_commit(functools.partial(worker_lost, rt, job_id, before.attempts))
        if job.started_at is None:
            job.started_at = now
        version = uow.session.get(TemplateVersion, (job.template_id, job.template_version))
        assert version is not None
        composition = resolve(version, job.params, job.options)
        assets = assets_of(uow.session, composition)
        basename = str(job.options.get("basename") or "output")
        attempt = job.attempts
    taken = Claim(job_id, attempt, composition, basename, staging_dir(rt, job_id), stage, assets=assets)
    if first:
        prepare(taken)
    else:
        taken.staging_dir.mkdir(parents=True, exist_ok=True)
    return taken


class Heartbeat:
    """Renews the lease, records progress, and says when the work must stop.

    ``progress`` (the running stage's own 0-100) and ``should_cancel`` are the renderer's
    callbacks; at most one database write every ``HEARTBEAT_SECONDS``, and an event each time
    the job's progress passes a multiple of ``PROGRESS_STEP``.
    """

    def __init__(self, rt: Runtime, claim: Claim) -> None:
        self.rt = rt
        self.claim = claim
        self.percent = stages.progress(claim.stage, 0)
        self.lost = False
        self._last = 0.0
        self._milestone = self.percent // PROGRESS_STEP
        self._lock = threading.Lock()  # the stage's callbacks and the lease keeper beat from two threads

    def progress(self, percent: float) -> None:
        self.percent = stages.progress(self.claim.stage, percent)
        self._beat(force=False)

    def should_cancel(self) -> bool:
        self._beat(force=False)
        return self.lost

    def renew(self, quiet_seconds: float) -> None:
        """Renew the lease if nothing has for ``quiet_seconds`` (the lease keeper's call)."""
        if time.monotonic() - self._last >= quiet_seconds:
            # Quietly: the last stage may have just finished the job, which ends ownership.
            self._beat(force=True, report_loss=False)

    def _beat(self, *, force: bool, report_loss: bool = True) -> None:
        with self._lock:
            now = time.monotonic()
            if self.lost or (not force and now - self._last < HEARTBEAT_SECONDS):
                return
            self._last = now
            self._write(report_loss)

    def _write(self, report_loss: bool) -> None:
        stamp = utcnow()
        claim = self.claim
        guard = (owned(claim.job_id, claim.attempt, *ACTIVE), Job.cancel_requested.is_(False))
        values: dict[str, Any] = {
            "progress": self.percent,
            "lease_expires_at": stamp + timedelta(seconds=self.rt.settings.job_lease_seconds),
            "updated_at": stamp,
        }
        milestone = self.percent // PROGRESS_STEP
        with unit_of_work(self.rt.sessions) as uow:
            if milestone > self._milestone:
                ours = change(uow, claim.job_id, EventKind.PROGRESS, sources=ACTIVE, where=guard, **values) is not None
            else:
                ours = cas(uow.session, *guard, **values)
        if ours:
            self._milestone = max(self._milestone, milestone)
        else:
            self.lost = True
            if report_loss:
                log.info("job no longer ours job_id=%s attempt=%s", claim.job_id, claim.attempt)


@contextlib.contextmanager
def kept(rt: Runtime, beat: Callable[[], Heartbeat]) -> Iterator[None]:
    """Renew the lease from a thread while the stages run, whatever they report.

    A stage can go quiet for long stretches: the encoder's flush at the end of a render reports no
    progress, and neither does a slow download. A lease renewed only from progress callbacks would
    then run out and hand a healthy job to the reaper (seen with a 90 s render and a 5 s lease).
    ``beat`` returns the current stage's heartbeat (each stage gets its own).
    """
    every = max(0.5, rt.settings.job_lease_seconds / 3)
    stop = threading.Event()

    def keep() -> None:
        while not stop.wait(every):
            current = beat()
            if current.lost:
                return
            current.renew(every)

    keeper = threading.Thread(target=keep, name="gala-lease-keeper", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        stop.set()
        keeper.join()


def advance(rt: Runtime, claim: Claim, stage: Stage) -> bool:
    """Move the job to ``stage`` within this task. False if the job is no longer ours."""
    moved = _next_stage(rt, claim, stage, status=stage.status, lease=rt.settings.job_lease_seconds)
    if moved:
        claim.stage = stage
    return moved


def hand_off(rt: Runtime, claim: Claim, stage: Stage) -> bool:
    """Queue the job for ``stage`` on its own queue; the dispatch goes out after the commit.

    The queue lease gives a worker of that queue time to pick it up before the reaper re-sends it.
    """
    lease = rt.settings.job_lease_seconds * 4
    return _next_stage(rt, claim, stage, status=JobStatus.QUEUED, lease=lease, handoff_stage=stage.name)


def _next_stage(rt: Runtime, claim: Claim, stage: Stage, *, status: JobStatus, lease: float, **values: Any) -> bool:
    stamp = utcnow()
    with unit_of_work(rt.sessions) as uow:
        moved = change(
            uow,
            claim.job_id,
            EventKind.STAGE,
            sources=ACTIVE,
            where=(owned(claim.job_id, claim.attempt, *ACTIVE), Job.cancel_requested.is_(False)),
            dispatch_to=(rt, stage.queue) if status is JobStatus.QUEUED else None,
            status=status,
            stage=stage.name,
            progress=stages.progress(stage, 0),
            updated_at=stamp,
            lease_expires_at=stamp + timedelta(seconds=lease),
            **values,
        )
    return moved is not None
