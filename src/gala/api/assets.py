"""Assets: upload, list, get, rename, delete, and stream the bytes with HTTP ranges."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response, request

from gala.api import views
from gala.api.context import runtime
from gala.api.views import Reply
from gala.errors import BadRequest, FieldError, Unprocessable
from gala.http_range import plan_response
from gala.schemas import text_problem
from gala.services import assets


def list_(
    limit: int = 20,
    cursor: str | None = None,
    kind: str | None = None,
    source: str | None = None,
    job_id: str | None = None,
) -> Reply:
    rows, nxt = assets.list_(
        runtime(),
        limit=limit,
        cursor=cursor,
        kind=kind,
        source=source,
        job_id=None if job_id is None else uuid.UUID(job_id),
    )
    return views.ok(views.page([views.asset(a) for a in rows], nxt))


def create(**_: Any) -> Reply:
    file = request.files.get("file")
    name = request.form.get("name")
    if file is None:
        raise BadRequest("The form has no `file` part.", errors=[FieldError("is required", pointer="/file")])
    # The multipart body streams past the validation middleware, so its fields are checked here.
    if name is not None:
        problem = text_problem(name) or (None if 1 <= len(name) <= 200 else "must be 1 to 200 characters")
        if problem:
            raise Unprocessable("The name cannot be used.", errors=[FieldError(problem, pointer="/name")])
    else:
        name = (file.filename or "upload").replace("\x00", "")[:200] or "upload"
    asset = assets.upload(runtime(), file.stream, name=name)
    return views.ok(views.asset(asset), 201, Location=f"/assets/{asset.id}")


def get(asset_id: str) -> Reply:
    return views.ok(views.asset(assets.get(runtime(), uuid.UUID(asset_id))))


def update(asset_id: str, body: dict[str, Any]) -> Reply:
    return views.ok(views.asset(assets.update(runtime(), uuid.UUID(asset_id), body)))


def delete(asset_id: str) -> tuple[str, int]:
    assets.delete(runtime(), uuid.UUID(asset_id))
    return "", 204


def content(asset_id: str) -> Response:
    rt = runtime()
    asset = assets.get(rt, uuid.UUID(asset_id))
    head = request.method == "HEAD"
    plan = plan_response(
        size=asset.size_bytes,
        etag=f'"{asset.sha256}"',
        last_modified=asset.created_at,
        # Range is defined for GET only; HEAD describes the whole representation (RFC 9110 §14.2).
        range_header=None if head else request.headers.get("Range"),
        if_range=request.headers.get("If-Range"),
    )
    body = iter(()) if head else assets.read(rt, asset, plan.start, plan.end)
    response = Response(body, status=plan.status, mimetype=asset.mime, direct_passthrough=True)
    response.headers.update(plan.headers)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = _disposition(asset.name)
    return response


def _disposition(name: str) -> str:
    from urllib.parse import quote

    ascii_name = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else "_" for c in name) or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
