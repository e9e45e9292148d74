"""Batches: create (JSON rows, or a CSV / JSONL upload), read, cancel, retry, download."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Response, request

from gala.api import views
from gala.api.context import runtime
from gala.api.events import batch as events  # GET /batches/{id}/events
from gala.api.views import Reply
from gala.errors import BadRequest, FieldError, Unprocessable
from gala.services import assets, batch_rows, batches, jobs
from gala.services.zipstream import stream_zip

# The form fields of a multipart create, with how each is read from text.
_FORM_INT = ("template_version", "concurrency")


def _form_body() -> tuple[dict[str, Any], bytes, str]:
    file = request.files.get("file")
    if file is None:
        raise BadRequest("The form has no `file` part.", errors=[FieldError("is required", pointer="/file")])
    form = request.form
    body: dict[str, Any] = {"template_id": form.get("template_id")}
    errors: list[FieldError] = []
    try:
        body["template_id"] = str(uuid.UUID(str(form.get("template_id"))))
    except ValueError:
        errors.append(FieldError("must be a template id (a UUID)", pointer="/template_id"))
    for name in _FORM_INT:
        if form.get(name):
            try:
                body[name] = int(form[name])
            except ValueError:
                errors.append(FieldError("must be an integer", pointer=f"/{name}"))
    if form.get("basename_column"):
        body["basename_column"] = form["basename_column"]
    body["skip_invalid"] = (form.get("skip_invalid") or "false").lower() in ("true", "1", "yes")
    for name in ("options", "labels"):
        if form.get(name):
            try:
                body[name] = json.loads(form[name])
            except ValueError:
                errors.append(FieldError("must be a JSON object", pointer=f"/{name}"))
    if errors:
        raise Unprocessable("The form cannot be used.", errors=errors)
    fmt = form.get("format") or ("jsonl" if (file.filename or "").endswith((".jsonl", ".ndjson")) else "csv")
    return body, file.stream.read(), fmt


def create(body: dict[str, Any] | None = None, **_: Any) -> Reply:
    rt = runtime()
    if request.mimetype == "multipart/form-data":
        body, raw, fmt = _form_body()
        with rt.sessions() as session:
            version = jobs.template_version(session, body)
            rows = batch_rows.from_jsonl(raw) if fmt == "jsonl" else batch_rows.from_csv(raw, version.parameters)
    else:
        assert body is not None
        rows = [r.get("params", {}) for r in body.get("rows", [])]
    summary = batches.create(rt, body, rows)
    return views.ok(views.batch(summary), 201, Location=f"/batches/{summary.batch.id}")


def get(batch_id: str) -> Reply:
    return views.ok(views.batch(batches.get(runtime(), uuid.UUID(batch_id))))


def jobs_(batch_id: str, limit: int = 20, cursor: str | None = None, status: str | None = None) -> Reply:
    rt = runtime()
    rows, nxt = batches.list_jobs(rt, uuid.UUID(batch_id), limit=limit, cursor=cursor, status=status)
    outputs = jobs.output_ids(rt, [j.id for j in rows])
    return views.ok(views.page([views.job(j, outputs[j.id]) for j in rows], nxt))


def cancel(batch_id: str) -> Reply:
    return views.ok(views.batch(batches.cancel(runtime(), uuid.UUID(batch_id))))


def retry(batch_id: str) -> Reply:
    return views.ok(views.batch(batches.retry(runtime(), uuid.UUID(batch_id))))


def archive(batch_id: str) -> Response:
    rt = runtime()
    found = list(batches.outputs(rt, uuid.UUID(batch_id)))  # rows only: the bytes are read as they stream
    entries = ((a.name, a.created_at, _lazy(rt, a)) for a in found)
    response = Response(stream_zip(entries), mimetype="application/zip", direct_passthrough=True)
    response.headers["Content-Disposition"] = f'attachment; filename="batch-{batch_id}.zip"'
    return response


def _lazy(rt: Any, asset: Any) -> Iterator[bytes]:
    yield from assets.read(rt, asset, 0, None)  # opened only when the archive reaches the entry


__all__ = ["archive", "cancel", "create", "events", "get", "jobs_", "retry"]
