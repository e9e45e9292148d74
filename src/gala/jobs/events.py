"""The ``job_events`` outbox: one row per job state change, in the change's own transaction.

Every change is also one log line (after the commit, so a rolled-back change logs nothing),
with the job id. Readers (webhooks, live progress) page through :func:`since` by id.
"""

from __future__ import annotations

import logging
import uuid
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from gala.db import UnitOfWork
from gala.orm import JobEvent

log = logging.getLogger("gala.jobs")

# On PostgreSQL a sequence hands out ids at insert, not at commit: two writers could commit out
# of id order and a reader resuming "after id N" would miss the smaller one. Writers of events
# hold this transaction-scoped advisory lock from the insert to the commit, so ids follow commit
# order. It is always taken last in a transaction (after the job row's lock): no deadlock.
EVENTS_LOCK = 0x6A6F6265  # "jobe"


class EventKind(StrEnum):
    CREATED = "created"
    CLAIMED = "claimed"
    PROGRESS = "progress"  # a milestone (every PROGRESS_STEP percent), not every heartbeat
    STAGE = "stage"  # the job moved to its next stage (in the same task, or handed to a queue)
    DISPATCHED = "dispatched"  # the reaper re-sent a queued job whose message went missing
    RETRIED = "retried"  # queued again after a transient failure or a lost worker
    DONE = "done"
    FAILED = "failed"
    CANCELED = "canceled"
    # A batch's own events (job_id and batch_id are the batch's id): gala.jobs.batching.
    BATCH_CREATED = "batch.created"
    BATCH_DONE = "batch.done"
    BATCH_FAILED = "batch.failed"
    BATCH_CANCELED = "batch.canceled"
    BATCH_RETRIED = "batch.retried"  # its failed rows were queued again


PROGRESS_STEP = 10
_WARNING = frozenset({EventKind.FAILED, EventKind.RETRIED, EventKind.BATCH_FAILED})
# The last event of a job's stream, and of a batch's.
JOB_END = frozenset({EventKind.DONE, EventKind.FAILED, EventKind.CANCELED})
BATCH_END = frozenset({EventKind.BATCH_DONE, EventKind.BATCH_FAILED, EventKind.BATCH_CANCELED})


def record(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    kind: EventKind,
    *,
    status: str,
    stage: str | None,
    progress: int,
    attempt: int,
    data: dict[str, Any] | None = None,
    queue: str | None = None,
    batch_id: uuid.UUID | None = None,
) -> JobEvent:
    """Add the event (flushed: its id is known) and log it once the transaction commits.

    ``queue`` makes it a dispatch too: the stage ``stage`` is to be sent to ``queue``.
    """
    session = uow.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(EVENTS_LOCK)))
    event = JobEvent(
        job_id=job_id,
        kind=kind,
        status=status,
        stage=stage,
        progress=progress,
        attempt=attempt,
        data=data,
        queue=queue,
        batch_id=batch_id,
    )
    session.add(event)
    session.flush()
    extra = "".join(f" {k}={v}" for k, v in (data or {}).items())
    level = logging.WARNING if kind in _WARNING else logging.INFO
    if batch_id is not None:
        extra += f" batch_id={batch_id}"
    line = "job %s job_id=%s attempt=%s status=%s stage=%s progress=%s%s"
    args = (kind, job_id, attempt, status, stage or "-", progress, extra)
    uow.after_commit(lambda: log.log(level, line, *args))
    return event


def since(
    session: Session,
    after_id: int = 0,
    *,
    job_id: uuid.UUID | None = None,
    batch_id: uuid.UUID | None = None,
    limit: int = 100,
) -> list[JobEvent]:
    """Events with an id above ``after_id`` (a Last-Event-ID), oldest first; of one job or batch if given."""
    query = select(JobEvent).where(JobEvent.id > after_id)
    if job_id is not None:
        query = query.where(JobEvent.job_id == job_id)
    if batch_id is not None:
        query = query.where(JobEvent.batch_id == batch_id)
    return list(session.scalars(query.order_by(JobEvent.id).limit(limit)))
