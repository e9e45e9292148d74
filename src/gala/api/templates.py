"""Templates, versioned."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response

from gala.api import views
from gala.api.context import runtime
from gala.api.views import Reply
from gala.services import previews, templates


def list_(limit: int = 20, cursor: str | None = None, name: str | None = None) -> Reply:
    rows, nxt = templates.list_(runtime(), limit=limit, cursor=cursor, name=name)
    return views.ok(views.page([views.template(t) for t in rows], nxt))


def create(body: dict[str, Any]) -> Reply:
    view = templates.create(runtime(), body)
    return views.ok(views.template(view), 201, Location=f"/templates/{view.template.id}")


def get(template_id: str, version: int | None = None) -> Reply:
    return views.ok(views.template(templates.get(runtime(), uuid.UUID(template_id), version)))


def update(template_id: str, body: dict[str, Any]) -> Reply:
    return views.ok(views.template(templates.update(runtime(), uuid.UUID(template_id), body)))


def delete(template_id: str) -> tuple[str, int]:
    templates.delete(runtime(), uuid.UUID(template_id))
    return "", 204


def preview(template_id: str, body: dict[str, Any]) -> Response:
    jpeg = previews.preview(runtime(), uuid.UUID(template_id), body)
    return Response(jpeg, status=200, mimetype="image/jpeg", headers={"Cache-Control": "no-store"})
