"""Every job state change: a compare-and-set on the job row plus its event, in one transaction.

Delivery is at least once, so a change applies only where its guard still holds (the job is in
the expected status, held by the expected attempt, not canceled); a duplicate finds nothing to
change and does nothing. The allowed moves are :data:`gala.jobs.state.TRANSITIONS`.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, update
from sqlalchemy.orm import Session

from gala.db import UnitOfWork
from gala.jobs import batching, dispatch, events, state
from gala.jobs.events import EventKind
from gala.jobs.state import JobStatus
from gala.orm import Job
from gala.runtime import Runtime


def owned(job_id: uuid.UUID, attempt: int, *statuses: JobStatus) -> Any:
    """The guard "this attempt still holds the job, in one of ``statuses``"."""
    return and_(Job.id == job_id, Job.attempts == attempt, Job.status.in_(statuses))


def cas(session: Session, *where: Any, **values: Any) -> bool:
    """Compare-and-set on one job row: apply ``values`` only where ``where`` holds. True if it did."""
    result = session.execute(update(Job).where(*where).values(**values).execution_options(synchronize_session=False))
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def change(
    uow: UnitOfWork,
    job_id: uuid.UUID,
    kind: EventKind,
    *,
    sources: frozenset[JobStatus] | tuple[JobStatus, ...],
    where: tuple[Any, ...],
    data: dict[str, Any] | None = None,
    dispatch_to: tuple[Runtime, str] | None = None,
    rt: Runtime | None = None,
    **values: Any,
) -> Job | None:
    """Apply ``values`` (with ``status`` among them, or not) where ``where`` holds and the job is
    in one of ``sources``; record the event. Returns the changed job, or None if nothing matched.

    ``dispatch_to=(rt, queue)`` makes the event a dispatch: "look at the job" is sent to
    ``queue`` once the transaction commits, and re-sent by the relay if that fails.

    A row of a batch that becomes terminal frees its batch slot (gala.jobs.batching): the next
    held row is dispatched in this transaction, through ``rt`` (or, without it, the relay).
    """
    target = values.get("status")
    batch_id = None
    if target is not None:
        state.check(tuple(sources), JobStatus(target))
        if target in state.TERMINAL and (batch_id := batching.batch_of(uow.session, job_id)) is not None:
            batching.lock(uow.session, batch_id)  # before the job row's lock: always batch, then job
    if not cas(uow.session, Job.id == job_id, Job.status.in_(sources), *where, **values):
        return None
    job = uow.session.get(Job, job_id, populate_existing=True)
    assert job is not None
    event = events.record(
        uow,
        job_id,
        kind,
        status=job.status,
        stage=job.stage,
        progress=job.progress,
        attempt=job.attempts,
        data=data,
        queue=dispatch_to[1] if dispatch_to else None,
        batch_id=job.batch_id,
    )
    if dispatch_to is not None:
        dispatch.after_commit(dispatch_to[0], uow, event)
    if batch_id is not None:
        batching.ended(uow, batch_id, rt or (dispatch_to[0] if dispatch_to else None))
    return job
