"""API keys (admin scope; ``gala keys`` does the same on the database directly)."""

from __future__ import annotations

import uuid
from typing import Any

from gala.api import views
from gala.api.context import runtime
from gala.api.views import Reply
from gala.services import keys


def list_(limit: int = 20, cursor: str | None = None) -> Reply:
    rows, nxt = keys.page_(runtime(), limit=limit, cursor=cursor)
    return views.ok(views.page([views.api_key(k) for k in rows], nxt))


def create(body: dict[str, Any]) -> Reply:
    key, token = keys.create(runtime(), body["scope"], body.get("name", ""))
    return views.ok({**views.api_key(key), "token": token}, 201, Location=f"/keys/{key.id}")


def get(key_id: str) -> Reply:
    return views.ok(views.api_key(keys.get(runtime(), uuid.UUID(key_id))))


def revoke(key_id: str) -> Reply:
    return views.ok(views.api_key(keys.revoke(runtime(), uuid.UUID(key_id))))
