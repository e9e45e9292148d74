"""Batches: one template version rendered for many rows of parameters, one job per row.

Every row is validated before anything is stored; all row jobs are created in one unit of work
and dispatched through the outbox, at most ``concurrency`` at a time (gala.jobs.batching).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import select

from gala.db import unit_of_work, utcnow
from gala.errors import Conflict, FieldError, NotFound, Unprocessable
from gala.jobs import batching
from gala.jobs.events import EventKind
from gala.jobs.state import TERMINAL, JobStatus
from gala.orm import Asset, Batch, Job
from gala.runtime import Runtime
from gala.services import jobs
from gala.services.batch_rows import ROW_LIMIT
from gala.services.pagination import page

DEFAULT_CONCURRENCY = 4
BASENAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class Summary:
    """A batch with its rows counted by status, its progress (0-100) and its ETA in seconds."""

    batch: Batch
    counts: dict[str, int]
    progress: float
    eta_seconds: float | None
    skipped: list[dict[str, Any]] = field(default_factory=list)


def _row_error(index: int, error: FieldError) -> FieldError:
    where = f"/rows/{index}{error.pointer or ''}"
    return FieldError(error.detail, pointer=where)


def _basename(index: int, row: dict[str, Any], column: str | None, declared: set[str]) -> tuple[str, dict[str, Any]]:
    """The row's output name and its parameters (the name column removed unless it is a parameter)."""
    params = dict(row)
    if column is None:
        return f"row-{index + 1:05d}", params
    value = params.get(column) if column in declared else params.pop(column, None)
    name = str(value) if value is not None else ""
    if not BASENAME.match(name):
        raise Unprocessable(
            "The basename column does not name the row's outputs.",
            errors=[
                FieldError(
                    "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit",
                    pointer=f"/params/{column}",
                )
            ],
        )
    return name, params


def create(
    rt: Runtime, body: dict[str, Any], rows: list[dict[str, Any]], *, api_key_id: uuid.UUID | None = None
) -> Summary:
    """``rows`` are parameter objects; ``body`` has template_id, template_version, options,
    basename_column, labels, concurrency, skip_invalid. ``api_key_id``: the submitting key; its
    queued-jobs cap counts the batch as the rows it may dispatch at once (its ``concurrency``),
    since held rows wait without a message (gala.services.jobs.check_queue_cap)."""
    if not rows:
        raise Unprocessable("A batch needs at least one row.", errors=[FieldError("is empty", pointer="/rows")])
    if len(rows) > ROW_LIMIT:
        raise Unprocessable(
            f"A batch has at most {ROW_LIMIT} rows.", errors=[FieldError(f"more than {ROW_LIMIT}", pointer="/rows")]
        )
    column = body.get("basename_column")
    skip_invalid = bool(body.get("skip_invalid", False))
    options = dict(body.get("options") or {})
    options.pop("basename", None)  # each row has its own
    errors: list[FieldError] = []
    skipped: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    with unit_of_work(rt.sessions) as uow:
        version = jobs.template_version(uow.session, body)
        declared = set((version.parameters.get("properties") or {}).keys())
        batch = Batch(
            template_id=version.template_id,
            template_version=version.version,
            options=options,
            basename_column=column,
            labels=body.get("labels") or {},
            row_count=0,
            concurrency=int(body.get("concurrency") or DEFAULT_CONCURRENCY),
            status=batching.RUNNING,
        )
        uow.session.add(batch)
        uow.session.flush()
        jobs.check_queue_cap(uow.session, rt, api_key_id, adding=min(batch.concurrency, len(rows)))
        for index, row in enumerate(rows):
            try:
                name, params = _basename(index, row, column, declared)
                if name in seen:
                    raise Unprocessable(
                        "Two rows name their outputs alike.",
                        errors=[FieldError(f"same basename as row {seen[name]}", pointer=f"/params/{column}")],
                    )
                job_body = {
                    "template_id": str(version.template_id),
                    "template_version": version.version,
                    "params": params,
                    "options": {**options, "basename": name},
                    "labels": batch.labels,
                }
                jobs.add(uow, rt, job_body, api_key_id=api_key_id, batch=(batch.id, index))
                seen[name] = index
            except Unprocessable as exc:
                row_errors = [_row_error(index, e) for e in exc.errors] or [
                    FieldError(exc.detail, pointer=f"/rows/{index}")
                ]
                if skip_invalid:
                    skipped.append({"row": index, "errors": [e.to_dict() for e in row_errors]})
                else:
                    errors += row_errors
        if errors:
            bad_rows = {e.pointer.split("/")[2] for e in errors if e.pointer}
            raise Unprocessable(f"{len(bad_rows)} row(s) are invalid; nothing was created.", errors=errors[:100])
        batch.row_count = len(rows) - len(skipped)
        if batch.row_count == 0:
            raise Unprocessable(
                "No row is valid; nothing was created.", errors=[FieldError("no valid row", pointer="/rows")]
            )
        batching.record(uow, batch, EventKind.BATCH_CREATED, {"rows": batch.row_count, "skipped": len(skipped)})
        batching.release(uow, batch, rt)
    summary = get(rt, batch.id)
    summary.skipped = skipped
    return summary


def _load(rt: Runtime, batch_id: uuid.UUID) -> tuple[Batch, dict[str, tuple[int, int]]]:
    with rt.sessions() as session:
        batch = session.get(Batch, batch_id)
        if batch is None:
            raise NotFound(f"There is no batch {batch_id}.")
        return batch, batching.counts(session, batch_id)


def summarise(batch: Batch, by_status: dict[str, tuple[int, int]]) -> Summary:
    counts = {str(s): by_status.get(s, (0, 0))[0] for s in JobStatus}
    total = sum(counts.values()) or 1
    # A terminal row counts whole; an unfinished one by its progress.
    finished = sum(n for s, (n, _) in by_status.items() if s in TERMINAL)
    partial = sum(p for s, (_, p) in by_status.items() if s not in TERMINAL) / 100
    completed = finished + partial
    progress = round(100 * completed / total, 1)
    eta = None
    if batch.status != batching.RUNNING:
        eta = 0.0
    elif completed > 0:
        elapsed = (utcnow() - batch.created_at).total_seconds()
        eta = round(elapsed * (total - completed) / completed, 1)
    return Summary(batch, counts, progress, eta)


def get(rt: Runtime, batch_id: uuid.UUID) -> Summary:
    return summarise(*_load(rt, batch_id))


def list_jobs(
    rt: Runtime, batch_id: uuid.UUID, *, limit: int, cursor: str | None, status: str | None = None
) -> tuple[list[Job], str | None]:
    _load(rt, batch_id)
    query = select(Job).where(Job.batch_id == batch_id)
    if status is not None:
        query = query.where(Job.status == status)
    with rt.sessions() as session:
        rows, nxt = page(session, query, Job.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def cancel(rt: Runtime, batch_id: uuid.UUID) -> Summary:
    """Cancel every row not yet terminal (held rows first, so that none is released meanwhile)."""
    with unit_of_work(rt.sessions) as uow:
        batch = batching.lock(uow.session, batch_id)
        if batch is None:
            raise NotFound(f"There is no batch {batch_id}.")
        if batch.status == JobStatus.CANCELED:
            pass
        elif batch.status != batching.RUNNING:
            raise Conflict(f"Batch {batch_id} is already {batch.status}.")
        ids = uow.session.scalars(
            select(Job.id)
            .where(Job.batch_id == batch_id, Job.status.not_in(tuple(TERMINAL)))
            .order_by(Job.batch_held.desc(), Job.batch_row)
        ).all()
        for job_id in ids:
            jobs.cancel_in(uow, rt, job_id)
    return get(rt, batch_id)


def retry(rt: Runtime, batch_id: uuid.UUID) -> Summary:
    """Render the failed rows again: each failed row job is replaced by a new job for the same row.

    The failed job stored no outputs, so each row keeps one set of outputs. Raises Conflict
    unless the batch has ended with failed rows.
    """
    with unit_of_work(rt.sessions) as uow:
        batch = batching.lock(uow.session, batch_id)
        if batch is None:
            raise NotFound(f"There is no batch {batch_id}.")
        if batch.status == batching.RUNNING:
            raise Conflict(f"Batch {batch_id} is still running; retry it once it has ended.")
        failed = uow.session.scalars(
            select(Job).where(Job.batch_id == batch_id, Job.status == JobStatus.FAILED).order_by(Job.batch_row)
        ).all()
        if not failed:
            raise Conflict(f"Batch {batch_id} has no failed rows.")
        bodies = [
            (
                job.batch_row,
                {
                    "template_id": str(job.template_id),
                    "template_version": job.template_version,
                    "params": job.params,
                    "options": job.options,
                    "labels": job.labels,
                },
            )
            for job in failed
        ]
        uow.session.execute(sql_delete(Job).where(Job.id.in_([j.id for j in failed])))
        for row, body in bodies:
            jobs.add(uow, rt, body, batch=(batch_id, row or 0))
        batch.status, batch.finished_at, batch.updated_at = batching.RUNNING, None, utcnow()
        uow.session.flush()
        batching.record(uow, batch, EventKind.BATCH_RETRIED, {"rows": len(bodies)})
        batching.release(uow, batch, rt)
    return get(rt, batch_id)


def outputs(rt: Runtime, batch_id: uuid.UUID) -> Iterator[Asset]:
    """The output assets of the batch's done rows, in row order (video first, then thumbnail)."""
    _load(rt, batch_id)
    with rt.sessions() as session:
        yield from session.scalars(
            select(Asset)
            .join(Job, Asset.job_id == Job.id)
            .where(Job.batch_id == batch_id, Job.status == JobStatus.DONE, Asset.source == "render")
            .order_by(Job.batch_row, Asset.role.desc())
        )
