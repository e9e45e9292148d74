"""Webhook endpoints, their deliveries, redelivery and test messages."""

from __future__ import annotations

import uuid
from typing import Any

from gala.api import views
from gala.api.context import runtime
from gala.api.views import Reply, ts
from gala.orm import WebhookAttempt, WebhookEndpoint
from gala.services import webhooks
from gala.services.webhooks import DeliveryView


def list_(limit: int = 20, cursor: str | None = None) -> Reply:
    rows, nxt = webhooks.list_(runtime(), limit=limit, cursor=cursor)
    return views.ok(views.page([webhook(w) for w in rows], nxt))


def create(body: dict[str, Any]) -> Reply:
    endpoint = webhooks.create(runtime(), body)
    # The secret is shown here only: later answers leave it out.
    return views.ok({**webhook(endpoint), "secret": endpoint.secret}, 201, Location=f"/webhooks/{endpoint.id}")


def get(webhook_id: str) -> Reply:
    return views.ok(webhook(webhooks.get(runtime(), uuid.UUID(webhook_id))))


def update(webhook_id: str, body: dict[str, Any]) -> Reply:
    return views.ok(webhook(webhooks.update(runtime(), uuid.UUID(webhook_id), body)))


def delete(webhook_id: str) -> tuple[str, int]:
    webhooks.delete(runtime(), uuid.UUID(webhook_id))
    return "", 204


def deliveries(webhook_id: str, limit: int = 20, cursor: str | None = None) -> Reply:
    rows, nxt = webhooks.deliveries(runtime(), uuid.UUID(webhook_id), limit=limit, cursor=cursor)
    return views.ok(views.page([delivery(d) for d in rows], nxt))


def redeliver(webhook_id: str, delivery_id: str) -> Reply:
    return views.ok(delivery(webhooks.redeliver(runtime(), uuid.UUID(webhook_id), uuid.UUID(delivery_id))), 202)


def test(webhook_id: str) -> Reply:
    return views.ok(delivery(webhooks.send_test(runtime(), uuid.UUID(webhook_id))), 202)


# --------------------------------------------------------------------------- views


def webhook(w: WebhookEndpoint) -> dict[str, Any]:
    return {
        "id": str(w.id),
        "url": w.url,
        "description": w.description,
        "events": w.event_types,
        "enabled": w.enabled,
        "disabled_reason": w.disabled_reason,
        "disabled_at": ts(w.disabled_at),
        "created_at": ts(w.created_at),
        "updated_at": ts(w.updated_at),
    }


def delivery(v: DeliveryView) -> dict[str, Any]:
    d = v.delivery
    return {
        "id": str(d.id),
        "webhook_id": str(d.endpoint_id),
        "message_id": d.message_id,
        "event_type": d.event_type,
        "event_id": d.event_id,
        "status": d.status,
        "attempt_count": d.attempts,
        "next_attempt_at": ts(d.next_attempt_at),
        "attempts": [attempt(a) for a in v.attempts],
        "created_at": ts(d.created_at),
        "updated_at": ts(d.updated_at),
    }


def attempt(a: WebhookAttempt) -> dict[str, Any]:
    return {
        "number": a.number,
        "started_at": ts(a.started_at),
        "duration_ms": a.duration_ms,
        "status_code": a.status_code,
        "error": a.error,
        "response_snippet": a.response_snippet,
    }
