"""The reaper: jobs whose lease expired, and staging directories kept too long.

* an **active** job whose lease expired lost its worker: it is queued again (restarting at the
  first stage) or, out of attempts, failed with ``worker_lost``;
* a **queued** job whose lease expired has a message that went missing (an embedded broker
  loses the message of a killed worker; a retry waited out its back-off): it is sent again.

Each is a compare-and-set with its event and log line; sends go through the outbox, after the
commit. Several reapers are safe.
"""

from __future__ import annotations

import functools
import logging
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, select

from gala.db import unit_of_work, utcnow
from gala.jobs import stages
from gala.jobs.events import EventKind
from gala.jobs.staging import sweep_staging, worker_lost
from gala.jobs.state import ACTIVE, JobStatus
from gala.jobs.transition import change
from gala.orm import Job
from gala.runtime import Runtime

log = logging.getLogger("gala.jobs")


def reap(rt: Runtime) -> list[uuid.UUID]:
    """Re-send jobs whose lease expired; fail those out of attempts. Returns the re-sent ids."""
    now = utcnow()
    with rt.sessions() as session:
        rows = session.execute(
            select(Job.id, Job.status, Job.attempts, Job.handoff_stage).where(
                Job.status.in_((JobStatus.QUEUED, *ACTIVE)),
                Job.lease_expires_at.is_not(None),
                Job.lease_expires_at < now,
            )
        ).all()
    requeued: list[uuid.UUID] = []
    grace = timedelta(seconds=rt.settings.job_lease_seconds * 4)
    for job_id, status, attempts, handoff in rows:
        guard = (and_(Job.attempts == attempts, Job.lease_expires_at < now),)
        common: dict[str, Any] = {"sources": (JobStatus(status),), "where": guard, "updated_at": now}
        lost_line = functools.partial(worker_lost, rt, job_id, attempts)
        with unit_of_work(rt.sessions) as uow:
            if status in ACTIVE and attempts >= rt.settings.job_max_attempts:
                message = f"The worker stopped responding ({attempts} attempts)."
                if change(
                    uow,
                    job_id,
                    EventKind.FAILED,
                    rt=rt,
                    data={"code": "worker_lost", "message": message},
                    status=JobStatus.FAILED,
                    stage=None,
                    error_code="worker_lost",
                    error_message=message,
                    finished_at=now,
                    lease_expires_at=None,
                    **common,
                ):
                    uow.after_commit(lost_line)
                continue
            if status in ACTIVE:
                changed = change(
                    uow,
                    job_id,
                    EventKind.RETRIED,
                    data={"reason": "worker_lost"},
                    dispatch_to=(rt, stages.FIRST.queue),
                    status=JobStatus.QUEUED,
                    stage=None,
                    handoff_stage=None,
                    lease_expires_at=now + grace,
                    **common,
                )
                if changed:
                    uow.after_commit(lost_line)
            else:
                changed = change(
                    uow,
                    job_id,
                    EventKind.DISPATCHED,
                    data={"reason": "lease expired"},
                    dispatch_to=(rt, stages.get(handoff).queue),
                    lease_expires_at=now + grace,
                    **common,
                )
        if changed:
            requeued.append(job_id)
    try:
        sweep_staging(rt)
    except Exception:  # housekeeping must not stop the reaper
        log.exception("staging sweep failed")
    return requeued
