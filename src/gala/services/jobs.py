"""Jobs: a pinned template version plus validated parameters, rendered asynchronously."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gala.db import transaction, utcnow
from gala.errors import Conflict, FieldError, NotFound, Unprocessable
from gala.orm import Asset, Job, Template, TemplateVersion
from gala.services.pagination import page
from gala.services.parameters import validate_params
from gala.services.runtime import Runtime

TERMINAL = frozenset({"done", "failed", "canceled"})
OPTION_DEFAULTS = {"basename": "output", "draft": False}


def _template_version(session: Session, body: dict[str, Any]) -> TemplateVersion:
    template_id = uuid.UUID(body["template_id"])
    template = session.get(Template, template_id)
    if template is None:
        raise Unprocessable(
            "The template does not exist.",
            errors=[FieldError(f"there is no template {template_id}", pointer="/template_id")],
        )
    number = body.get("template_version") or template.latest_version
    version = session.get(TemplateVersion, (template_id, number))
    if version is None:
        raise Unprocessable(
            "The template version does not exist.",
            errors=[
                FieldError(f"template {template_id} has no version {number}", pointer="/template_version")
            ],
        )
    return version


def create(rt: Runtime, body: dict[str, Any]) -> Job:
    with transaction(rt.sessions) as session:
        version = _template_version(session, body)
        params = validate_params(version.parameters, body.get("params", {}))
        job = Job(
            template_id=version.template_id,
            template_version=version.version,
            params=params,
            options={**OPTION_DEFAULTS, **body.get("options", {})},
            labels=body.get("labels", {}),
            status="queued",
            progress=0,
        )
        session.add(job)
    # Only after the commit: a worker must never see a message for a row it cannot read.
    rt.enqueue(job.id)
    return job


def get(rt: Runtime, job_id: uuid.UUID) -> Job:
    with rt.sessions() as session:
        job = session.get(Job, job_id)
    if job is None:
        raise NotFound(f"There is no job {job_id}.")
    return job


def output_ids(rt: Runtime, job_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    """The output assets of each job, in a stable order (video first, then by role)."""
    out: dict[uuid.UUID, list[uuid.UUID]] = {j: [] for j in job_ids}
    if not job_ids:
        return out
    with rt.sessions() as session:
        rows = session.execute(
            select(Asset.job_id, Asset.id)
            .where(Asset.job_id.in_(job_ids), Asset.source == "render")
            .order_by(Asset.job_id, Asset.role)
        ).all()
    for job_id, asset_id in rows:
        if job_id is not None:
            out[job_id].append(asset_id)
    return out


def list_(
    rt: Runtime,
    *,
    limit: int,
    cursor: str | None,
    status: str | None = None,
    template_id: uuid.UUID | None = None,
) -> tuple[list[Job], str | None]:
    query = select(Job)
    if status is not None:
        query = query.where(Job.status == status)
    if template_id is not None:
        query = query.where(Job.template_id == template_id)
    with rt.sessions() as session:
        rows, nxt = page(session, query, Job.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def cancel(rt: Runtime, job_id: uuid.UUID) -> Job:
    with transaction(rt.sessions) as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job is None:
            raise NotFound(f"There is no job {job_id}.")
        if job.status == "canceled":
            return job
        if job.status in TERMINAL:
            raise Conflict(f"Job {job_id} is already {job.status}.")
        # The worker polls this flag while rendering and stops; a queued job never starts.
        job.cancel_requested = True
        job.status = "canceled"
        job.stage = None
        job.finished_at = utcnow()
        job.lease_expires_at = None
    return job


def delete(rt: Runtime, job_id: uuid.UUID) -> None:
    with transaction(rt.sessions) as session:
        job = session.get(Job, job_id, with_for_update=True)
        if job is None:
            raise NotFound(f"There is no job {job_id}.")
        if job.status not in TERMINAL:
            raise Conflict(f"Job {job_id} is {job.status}; cancel it before deleting it.")
        session.delete(job)
