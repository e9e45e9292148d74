"""Jobs."""

from __future__ import annotations

import uuid
from typing import Any

from flask import request

from gala.api import views
from gala.api.auth import current_caller
from gala.api.context import runtime
from gala.api.events import job as events  # GET /jobs/{id}/events
from gala.api.views import Reply
from gala.orm import Job
from gala.services import jobs


def _one(job: Job) -> dict[str, Any]:
    return views.job(job, jobs.output_ids(runtime(), [job.id])[job.id])


def list_(
    limit: int = 20, cursor: str | None = None, status: str | None = None, template_id: str | None = None
) -> Reply:
    rt = runtime()
    rows, nxt = jobs.list_(
        rt,
        limit=limit,
        cursor=cursor,
        status=status,
        template_id=None if template_id is None else uuid.UUID(template_id),
    )
    outputs = jobs.output_ids(rt, [j.id for j in rows])
    return views.ok(views.page([views.job(j, outputs[j.id]) for j in rows], nxt))


def create(body: dict[str, Any]) -> Reply:
    key = request.headers.get("Idempotency-Key")
    caller = current_caller()
    job, replayed = jobs.create(
        runtime(), body, idempotency_key=key, api_key_id=None if caller is None else caller.key_id
    )
    headers = {"Location": f"/jobs/{job.id}"} | ({"Idempotent-Replayed": "true"} if replayed else {})
    return views.ok(_one(job) if replayed else views.job(job, []), 201, **headers)


def get(job_id: str) -> Reply:
    return views.ok(_one(jobs.get(runtime(), uuid.UUID(job_id))))


def cancel(job_id: str) -> Reply:
    return views.ok(_one(jobs.cancel(runtime(), uuid.UUID(job_id))))


def delete(job_id: str) -> tuple[str, int]:
    jobs.delete(runtime(), uuid.UUID(job_id))
    return "", 204


__all__ = ["cancel", "create", "delete", "events", "get", "list_"]
