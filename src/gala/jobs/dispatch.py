"""Dispatch through the outbox: "look at job X" messages sent only after their commit, and resent.

A change that hands a job to a queue records its event with ``queue`` set (the outbox row) in
the same transaction. After the commit the message is sent and the row marked ``sent_at``. If
the broker is down the row stays unsent, and :func:`relay` (a thread of the ``gala.default``
worker, every ``RELAY_INTERVAL_SECONDS``) sends it once the broker is back, within seconds
rather than after the reaper's lease grace. A message sent twice is harmless: claiming is a
compare-and-set.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from sqlalchemy import select, update

from gala.db import UnitOfWork, transaction, utcnow
from gala.jobs import stages
from gala.orm import JobEvent
from gala.queue import Dispatcher
from gala.runtime import Runtime

log = logging.getLogger("gala.jobs")

RELAY_INTERVAL_SECONDS = 1.0
# The relay leaves alone rows younger than this: their own after-commit send is under way.
RELAY_GRACE_SECONDS = 2.0
RELAY_BATCH = 200


def after_commit(rt: Runtime, uow: UnitOfWork, event: JobEvent) -> None:
    """Send the dispatch ``event`` records once ``uow`` has committed."""
    assert event.queue is not None
    event_id, job_id, queue = event.id, event.job_id, event.queue

    def send() -> None:
        deliver(rt, event_id, job_id, queue)

    uow.after_commit(send)


def deliver(rt: Runtime, event_id: int, job_id: uuid.UUID, queue: str) -> bool:
    """Send one dispatch and mark it sent. False (logged) when the broker refused it."""
    try:
        _dispatcher(rt).send(job_id, queue)
    except Exception as exc:
        log.warning("dispatch not sent job_id=%s queue=%s err=%s; the relay re-sends it", job_id, queue, exc)
        return False
    with transaction(rt.sessions) as session:
        session.execute(
            update(JobEvent).where(JobEvent.id == event_id, JobEvent.sent_at.is_(None)).values(sent_at=utcnow())
        )
    return True


def relay(rt: Runtime, *, grace_seconds: float = RELAY_GRACE_SECONDS) -> int:
    """Send the dispatches still unsent (oldest first); stop at the first the broker refuses.

    Returns how many were sent.
    """
    cutoff = utcnow() - timedelta(seconds=grace_seconds)
    with rt.sessions() as session:
        rows = session.execute(
            select(JobEvent.id, JobEvent.job_id, JobEvent.queue)
            .where(JobEvent.queue.is_not(None), JobEvent.sent_at.is_(None), JobEvent.created_at < cutoff)
            .order_by(JobEvent.id)
            .limit(RELAY_BATCH)
        ).all()
    sent = 0
    for event_id, job_id, queue in rows:
        if queue is None or not deliver(rt, event_id, job_id, queue):
            break
        log.info("relay sent job_id=%s queue=%s event=%s", job_id, queue, event_id)
        sent += 1
    return sent


def enqueue(rt: Runtime, job_id: uuid.UUID) -> None:
    """Send job X to its first stage's queue now, outside the outbox (a duplicate is harmless)."""
    _dispatcher(rt).send(job_id, stages.FIRST.queue)


def _dispatcher(rt: Runtime) -> Dispatcher:
    if rt.dispatcher is None:
        rt.dispatcher = Dispatcher(rt.settings, stages.queues())
    return rt.dispatcher
