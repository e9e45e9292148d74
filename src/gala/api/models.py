"""Avatar models."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response

from gala.api import views
from gala.api.context import runtime
from gala.api.views import Reply
from gala.services import models


def list_(limit: int = 20, cursor: str | None = None) -> Reply:
    rows, nxt = models.list_(runtime(), limit=limit, cursor=cursor)
    return views.ok(views.page([views.model(m) for m in rows], nxt))


def create(body: dict[str, Any]) -> Reply:
    model = models.create(runtime(), body)
    return views.ok(views.model(model), 201, Location=f"/models/{model.id}")


def get(model_id: str) -> Reply:
    return views.ok(views.model(models.get(runtime(), uuid.UUID(model_id))))


def update(model_id: str, body: dict[str, Any]) -> Reply:
    return views.ok(views.model(models.update(runtime(), uuid.UUID(model_id), body)))


def delete(model_id: str) -> tuple[str, int]:
    models.delete(runtime(), uuid.UUID(model_id))
    return "", 204


def preview(model_id: str, body: dict[str, Any]) -> Response:
    jpeg = models.preview(runtime(), uuid.UUID(model_id), body)
    return Response(jpeg, status=200, mimetype="image/jpeg", headers={"Cache-Control": "no-store"})
