"""Batches: create (JSON rows, or a CSV / JSONL upload), read, cancel, retry, download."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from typing import Any

from flask import Response, request

from gala.api import views
from gala.api.auth import current_caller
from gala.api.context import runtime
from gala.api.events import batch as events  # GET /batches/{id}/events
from gala.api.views import Reply
from gala.errors import BadRequest, FieldError, PayloadTooLarge, Unprocessable
from gala.schemas import text_problem
from gala.services import assets, batch_rows, batches, jobs
from gala.services.zipstream import stream_zip

# The integer fields of a multipart create, with their ranges (as in the contract's BatchCreate).
_FORM_INT = {"template_version": (1, 1_000_000), "concurrency": (1, 32)}
# The text fields of the contract's BatchUpload (the rows come in its `file` part).
_FORM_FIELDS = frozenset(
    {"format", "template_id", "template_version", "basename_column", "concurrency", "skip_invalid", "options", "labels"}
)
_BASENAME_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")


def _form_body() -> tuple[dict[str, Any], bytes, str]:
    file = request.files.get("file")
    if file is None:
        raise BadRequest("The form has no `file` part.", errors=[FieldError("is required", pointer="/file")])
    form = request.form
    body: dict[str, Any] = {"template_id": form.get("template_id")}
    # The multipart body streams past the validation middleware, so its fields are checked here.
    # Only the form's own fields: BatchUpload admits other parts, and they are ignored, even those
    # whose name Werkzeug cannot read (it hands them over under the key None).
    errors = [
        FieldError(p, pointer=f"/{k}")
        for k, v in form.items(multi=True)
        if k in _FORM_FIELDS and (p := _part_problem(v))
    ]
    if errors:
        raise BadRequest("The form has text that cannot be used.", errors=errors)
    try:
        body["template_id"] = str(uuid.UUID(str(form.get("template_id"))))
    except ValueError:
        errors.append(FieldError("must be a template id (a UUID)", pointer="/template_id"))
    for name, (low, high) in _FORM_INT.items():
        if form.get(name):
            text = form[name].strip()
            # ASCII digits only: str.isdigit() also accepts "³", which int() refuses.
            if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
                errors.append(FieldError(f"must be an integer from {low} to {high}", pointer=f"/{name}"))
            else:
                body[name] = int(text)
    if form.get("basename_column"):
        if not _BASENAME_COLUMN.match(form["basename_column"]):
            errors.append(
                FieldError("must be a column name (letters, digits, '_', '.', '-')", pointer="/basename_column")
            )
        body["basename_column"] = form["basename_column"]
    body["skip_invalid"] = (form.get("skip_invalid") or "false").lower() in ("true", "1", "yes")
    for name, check in (("options", _options_problem), ("labels", _labels_problem)):
        if form.get(name):
            try:
                value = json.loads(form[name])
            except ValueError:
                value = None
            problem = check(value)
            if problem:
                errors.append(FieldError(problem, pointer=f"/{name}"))
            else:
                body[name] = value
    if errors:
        raise Unprocessable("The form cannot be used.", errors=errors)
    fmt = form.get("format") or ("jsonl" if (file.filename or "").endswith((".jsonl", ".ndjson")) else "csv")
    raw = file.stream.read(batch_rows.FILE_MAX_BYTES + 1)
    if len(raw) > batch_rows.FILE_MAX_BYTES:
        raise PayloadTooLarge(f"A rows file is at most {batch_rows.FILE_MAX_BYTES} bytes.")
    return body, raw, fmt


def _part_problem(value: Any) -> str | None:
    return text_problem(value) if isinstance(value, str) else "must be text"


def _options_problem(value: Any) -> str | None:
    if not isinstance(value, dict) or set(value) - {"draft"} or not isinstance(value.get("draft", False), bool):
        return 'must be a JSON object such as {"draft": true}'
    return None


def _labels_problem(value: Any) -> str | None:
    ok = (
        isinstance(value, dict)
        and len(value) <= 32
        and all(
            isinstance(k, str) and 1 <= len(k) <= 64 and isinstance(v, str) and len(v) <= 256 for k, v in value.items()
        )
    )
    return None if ok else "must be a JSON object of at most 32 strings (keys 1-64, values up to 256 characters)"


def create(body: dict[str, Any]) -> Reply:
    rows = [r.get("params", {}) for r in body["rows"]]
    return _created(batches.create(runtime(), body, rows, api_key_id=_caller_key()))


def upload(**_: Any) -> Reply:
    rt = runtime()
    body, raw, fmt = _form_body()
    with rt.sessions() as session:
        version = jobs.template_version(session, body)
        rows = batch_rows.from_jsonl(raw) if fmt == "jsonl" else batch_rows.from_csv(raw, version.parameters)
    return _created(batches.create(rt, body, rows, api_key_id=_caller_key()))


def _caller_key() -> uuid.UUID | None:
    caller = current_caller()
    return None if caller is None else caller.key_id


def _created(summary: batches.Summary) -> Reply:
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


__all__ = ["archive", "cancel", "create", "events", "get", "jobs_", "retry", "upload"]
