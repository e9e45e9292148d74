"""Batches on the dispatch side: a concurrency cap per batch, and the batch's end.

Fair scheduling: a batch's rows are created *held* (queued, no message, no lease). At most
``batch.concurrency`` of them are in flight (dispatched and not yet terminal); the transaction
that ends one row dispatches the next held row, through the outbox like any dispatch. A single
job is dispatched at once, so a batch of 10,000 rows never has more than ``concurrency``
messages ahead of it in the queue: a single job waits for at most that many renders.

The same transaction that ends a batch's last row sets the batch's status and records its event
(``batch.done``, ``batch.failed`` or ``batch.canceled``). Whoever changes a row to a terminal
status locks the batch row first (:func:`lock`, before the job row's lock, so the order is
always batch then job), so two rows ending at once on PostgreSQL see each other's commit.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from gala.db import UnitOfWork, utcnow
from gala.jobs import dispatch, events, stages
from gala.jobs.events import EventKind
from gala.jobs.state import TERMINAL, JobStatus
from gala.orm import Batch, Job

if TYPE_CHECKING:
    from gala.runtime import Runtime

RUNNING = "running"
# Without a runtime at hand, a released row's lease (the reaper re-sends it if its message is lost).
DEFAULT_LEASE_SECONDS = 240


def lock(session: Session, batch_id: uuid.UUID) -> Batch | None:
    """The batch row, locked until the commit (PostgreSQL; SQLite has one writer anyway)."""
    return session.get(Batch, batch_id, with_for_update=True, populate_existing=True)


def batch_of(session: Session, job_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalar(select(Job.batch_id).where(Job.id == job_id))


def counts(session: Session, batch_id: uuid.UUID) -> dict[str, tuple[int, int]]:
    """status -> (rows, sum of their progress)."""
    rows = session.execute(
        select(Job.status, func.count(), func.coalesce(func.sum(Job.progress), 0))
        .where(Job.batch_id == batch_id)
        .group_by(Job.status)
    ).all()
    return {status: (int(n), int(p)) for status, n, p in rows}


def in_flight(session: Session, batch_id: uuid.UUID) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Job)
            .where(Job.batch_id == batch_id, Job.batch_held.is_(False), Job.status.not_in(tuple(TERMINAL)))
        )
        or 0
    )


def release(uow: UnitOfWork, batch: Batch, rt: Runtime | None) -> int:
    """Dispatch held rows (lowest row first) while fewer than ``batch.concurrency`` are in flight."""
    session = uow.session
    free = batch.concurrency - in_flight(session, batch.id)
    if free <= 0:
        return 0
    candidates = session.scalars(
        select(Job.id)
        .where(Job.batch_id == batch.id, Job.batch_held.is_(True), Job.status == JobStatus.QUEUED)
        .order_by(Job.batch_row)
        .limit(free)
    ).all()
    lease = rt.settings.job_lease_seconds * 4 if rt is not None else DEFAULT_LEASE_SECONDS
    now = utcnow()
    queue = stages.FIRST.queue
    sent = 0
    for job_id in candidates:
        result = session.execute(
            update(Job)
            .where(Job.id == job_id, Job.batch_held.is_(True), Job.status == JobStatus.QUEUED)
            .values(batch_held=False, lease_expires_at=now + timedelta(seconds=lease), updated_at=now)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            continue
        event = events.record(
            uow,
            job_id,
            EventKind.DISPATCHED,
            status=JobStatus.QUEUED,
            stage=None,
            progress=0,
            attempt=0,
            data={"reason": "batch slot"},
            queue=queue,
            batch_id=batch.id,
        )
        if rt is not None:
            dispatch.after_commit(rt, uow, event)
        # Without a runtime the outbox relay sends it (within RELAY_GRACE_SECONDS + a second).
        sent += 1
    return sent


def ended(uow: UnitOfWork, batch_id: uuid.UUID, rt: Runtime | None) -> None:
    """A row of the batch became terminal (the batch row is locked): fill its slot, or end the batch."""
    session = uow.session
    batch = session.get(Batch, batch_id)
    if batch is None or batch.status != RUNNING:
        return
    by_status = counts(session, batch_id)
    if not any(status not in TERMINAL for status in by_status):
        finish(uow, batch, by_status)
    else:
        release(uow, batch, rt)


def finish(uow: UnitOfWork, batch: Batch, by_status: dict[str, Any]) -> None:
    if by_status.get(JobStatus.CANCELED):
        status, kind = JobStatus.CANCELED, EventKind.BATCH_CANCELED
    elif by_status.get(JobStatus.FAILED):
        status, kind = JobStatus.FAILED, EventKind.BATCH_FAILED
    else:
        status, kind = JobStatus.DONE, EventKind.BATCH_DONE
    now = utcnow()
    batch.status, batch.finished_at, batch.updated_at = str(status), now, now
    uow.session.flush()
    record(uow, batch, kind, {s: n for s, (n, _) in by_status.items()})


def record(uow: UnitOfWork, batch: Batch, kind: EventKind, data: dict[str, Any] | None = None) -> None:
    """A batch's own event: job_id and batch_id are the batch's id."""
    events.record(
        uow,
        batch.id,
        kind,
        status=batch.status,
        stage=None,
        progress=0,
        attempt=0,
        data=data,
        batch_id=batch.id,
    )
