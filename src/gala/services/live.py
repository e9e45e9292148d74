"""Live progress: Server-Sent Events read from the ``job_events`` outbox, and ETAs.

A stream polls the outbox every ``POLL_SECONDS`` for events after the last id it sent (ids
follow commit order, see gala.jobs.events), so a client that reconnects with ``Last-Event-ID``
gets exactly the events it has not seen. A comment line every ``HEARTBEAT_SECONDS`` keeps
proxies from closing an idle stream (and lets the server notice a client that left). The stream
ends after the job's (or batch's) terminal event.

Each stream holds one of the API's worker threads while it is open (Flask handlers are WSGI
under Connexion): a generator is the simplest correct way, and sse-starlette would need a
Starlette route outside the contract's Flask app.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from gala.db import utcnow
from gala.errors import NotFound
from gala.jobs import events
from gala.jobs.state import ACTIVE, TERMINAL
from gala.orm import Batch, Job, JobEvent
from gala.runtime import Runtime
from gala.services import batches

POLL_SECONDS = 0.2
HEARTBEAT_SECONDS = 15.0
RETRY_MS = 2000


def job_eta(status: str, progress: int, started_at: datetime | None, at: datetime | None = None) -> float | None:
    """Seconds left, from the progress rate since the job started; None while it cannot be told."""
    if status in TERMINAL:
        return 0.0
    if status not in ACTIVE or started_at is None or progress <= 0:
        return None
    elapsed = ((at or utcnow()) - started_at).total_seconds()
    return round(max(0.0, elapsed * (100 - progress) / progress), 1)


def parse_last_event_id(value: str | None) -> int:
    if value is None or not (value.strip().isascii() and value.strip().isdigit()):  # "³" is a digit to isdigit()
        return 0
    return int(value.strip())


def _frame(event: JobEvent, extra: dict[str, Any]) -> str:
    payload = {
        "id": event.id,
        "kind": event.kind,
        "job_id": str(event.job_id),
        "batch_id": None if event.batch_id is None else str(event.batch_id),
        "status": event.status,
        "stage": event.stage,
        "progress": event.progress,
        "attempt": event.attempt,
        "data": event.data,
        "at": event.created_at.isoformat().replace("+00:00", "Z"),
        **extra,
    }
    return f"id: {event.id}\nevent: {event.kind}\ndata: {json.dumps(payload, separators=(',', ':'))}\n\n"


def job_stream(rt: Runtime, job_id: uuid.UUID, after: int) -> Iterator[str]:
    with rt.sessions() as session:
        if session.get(Job, job_id) is None:
            raise NotFound(f"There is no job {job_id}.")
    started: dict[uuid.UUID, datetime | None] = {}

    def extra(event: JobEvent) -> dict[str, Any]:
        if event.job_id not in started or started[event.job_id] is None:
            with rt.sessions() as session:
                job = session.get(Job, event.job_id)
                started[event.job_id] = None if job is None else job.started_at
        eta = job_eta(event.status, event.progress, started[event.job_id], event.created_at)
        return {"eta_seconds": eta}

    def ended() -> bool:
        with rt.sessions() as session:
            job = session.get(Job, job_id)
        return job is None or job.status in TERMINAL

    return _stream(rt, {"job_id": job_id}, after, extra, lambda e: e.kind in events.JOB_END, ended)


def batch_stream(rt: Runtime, batch_id: uuid.UUID, after: int) -> Iterator[str]:
    batches.get(rt, batch_id)  # 404 before the stream starts

    def extra(event: JobEvent) -> dict[str, Any]:
        summary = batches.get(rt, batch_id)
        return {"batch": {"progress": summary.progress, "eta_seconds": summary.eta_seconds, "counts": summary.counts}}

    def ended() -> bool:
        with rt.sessions() as session:
            batch = session.get(Batch, batch_id)
        return batch is None or batch.status != "running"

    def last(e: JobEvent) -> bool:
        return e.kind in events.BATCH_END and e.job_id == batch_id

    return _stream(rt, {"batch_id": batch_id}, after, extra, last, ended)


def _stream(
    rt: Runtime,
    which: dict[str, uuid.UUID],
    after: int,
    extra: Callable[[JobEvent], dict[str, Any]],
    is_last: Callable[[JobEvent], bool],
    ended: Callable[[], bool],
) -> Iterator[str]:
    def generate() -> Iterator[str]:
        cursor = after
        yield f"retry: {RETRY_MS}\n\n"
        beat = time.monotonic()
        while True:
            done = ended()  # read before the events: a terminal status implies its event is committed
            with rt.sessions() as session:
                rows = events.since(session, cursor, limit=500, **which)  # type: ignore[arg-type]
            for event in rows:
                cursor = event.id
                yield _frame(event, extra(event))
                if is_last(event):
                    return
            if done and not rows:
                return
            if time.monotonic() - beat >= HEARTBEAT_SECONDS:
                beat = time.monotonic()
                yield ": keep-alive\n\n"
            if not rows:
                time.sleep(POLL_SECONDS)

    return generate()
