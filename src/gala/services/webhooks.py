"""Webhook endpoints and their deliveries: the use cases behind ``/webhooks`` (docs/webhooks.md).

The API never sends a webhook itself: a test message or a redelivery is a delivery row made
due now, which the deliverer (a worker thread, gala.webhooks.deliverer) sends within a second
or so. So no request thread waits on someone else's server.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from gala.db import transaction, utcnow
from gala.errors import Conflict, FieldError, NotFound, Unprocessable
from gala.orm import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from gala.runtime import Runtime
from gala.services.pagination import page
from gala.webhooks import deliverer, guard, signing, types

# The attempts listed with a delivery (the latest ones; the schedule makes seven).
ATTEMPTS_SHOWN = 50


@dataclass(frozen=True)
class DeliveryView:
    delivery: WebhookDelivery
    attempts: Sequence[WebhookAttempt]


def _check_url(rt: Runtime, url: str, pointer: str = "/url") -> None:
    try:
        guard.check(url, allow_private=rt.settings.webhook_allow_private_targets)
    except guard.Refused as exc:
        raise Unprocessable("The webhook URL cannot be used.", errors=[FieldError(str(exc), pointer=pointer)]) from None


def _check_secret(secret: str) -> None:
    try:
        signing.key(secret)
    except ValueError as exc:
        problem = [FieldError(str(exc), pointer="/secret")]
        raise Unprocessable("The secret is not a Standard Webhooks secret.", errors=problem) from None


def create(rt: Runtime, body: dict[str, Any]) -> WebhookEndpoint:
    """A new endpoint; it receives the events recorded from now on. Its secret is the given one
    or a new one (``whsec_``), returned here and never again."""
    _check_url(rt, body["url"])
    secret = body.get("secret") or signing.new_secret()
    _check_secret(secret)
    with transaction(rt.sessions) as session:
        endpoint = WebhookEndpoint(
            url=body["url"],
            description=body.get("description"),
            event_types=body.get("events"),
            secret=secret,
            enabled=True,
            cursor=deliverer.latest_event_id(session),
            exhausted_in_row=0,
        )
        session.add(endpoint)
    return endpoint


def get(rt: Runtime, webhook_id: uuid.UUID) -> WebhookEndpoint:
    with rt.sessions() as session:
        endpoint = session.get(WebhookEndpoint, webhook_id)
    if endpoint is None:
        raise NotFound(f"There is no webhook {webhook_id}.")
    return endpoint


def list_(rt: Runtime, *, limit: int, cursor: str | None) -> tuple[list[WebhookEndpoint], str | None]:
    with rt.sessions() as session:
        rows, nxt = page(session, select(WebhookEndpoint), WebhookEndpoint.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def update(rt: Runtime, webhook_id: uuid.UUID, changes: dict[str, Any]) -> WebhookEndpoint:
    """Top-level merge. ``enabled: true`` re-enables a disabled endpoint: it receives the events
    recorded from then on, and its pending deliveries resume."""
    if "url" in changes:
        _check_url(rt, changes["url"])
    if "secret" in changes:
        _check_secret(changes["secret"])
    with transaction(rt.sessions) as session:
        endpoint = session.get(WebhookEndpoint, webhook_id, with_for_update=True)
        if endpoint is None:
            raise NotFound(f"There is no webhook {webhook_id}.")
        for key, column in (("url", "url"), ("description", "description"), ("events", "event_types")):
            if key in changes:
                setattr(endpoint, column, changes[key])
        if "secret" in changes:
            endpoint.secret = changes["secret"]
        if changes.get("enabled") is True and not endpoint.enabled:
            endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at = True, None, None
            endpoint.failing_since, endpoint.exhausted_in_row = None, 0
            endpoint.cursor = deliverer.latest_event_id(session)
        elif changes.get("enabled") is False and endpoint.enabled:
            deliverer.disable(endpoint, "disabled through the API", utcnow())
        session.flush()
    return endpoint


def delete(rt: Runtime, webhook_id: uuid.UUID) -> None:
    with transaction(rt.sessions) as session:
        endpoint = session.get(WebhookEndpoint, webhook_id)
        if endpoint is None:
            raise NotFound(f"There is no webhook {webhook_id}.")
        session.delete(endpoint)


def deliveries(
    rt: Runtime, webhook_id: uuid.UUID, *, limit: int, cursor: str | None
) -> tuple[list[DeliveryView], str | None]:
    """The endpoint's deliveries, newest first, each with its attempts (oldest first)."""
    get(rt, webhook_id)
    with rt.sessions() as session:
        query = select(WebhookDelivery).where(WebhookDelivery.endpoint_id == webhook_id)
        rows, nxt = page(session, query, WebhookDelivery.id, limit=limit, cursor=cursor)
        ids = [d.id for d in rows]
        attempts: dict[uuid.UUID, list[WebhookAttempt]] = {i: [] for i in ids}
        if ids:
            for a in session.scalars(
                select(WebhookAttempt).where(WebhookAttempt.delivery_id.in_(ids)).order_by(WebhookAttempt.number)
            ):
                attempts[a.delivery_id].append(a)
    return [DeliveryView(d, attempts[d.id][-ATTEMPTS_SHOWN:]) for d in rows], nxt


def redeliver(rt: Runtime, webhook_id: uuid.UUID, delivery_id: uuid.UUID) -> DeliveryView:
    """Send the delivery again, soon, with the same message id and body, and a fresh schedule."""
    with transaction(rt.sessions) as session:
        endpoint = _enabled(session.get(WebhookEndpoint, webhook_id), webhook_id)
        delivery = session.get(WebhookDelivery, delivery_id, with_for_update=True)
        if delivery is None or delivery.endpoint_id != endpoint.id:
            raise NotFound(f"Webhook {webhook_id} has no delivery {delivery_id}.")
        delivery.status, delivery.next_attempt_at = deliverer.PENDING, utcnow()
        delivery.schedule_from = delivery.attempts
        session.flush()
        shown = list(
            session.scalars(
                select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery.id).order_by(WebhookAttempt.number)
            )
        )
    return DeliveryView(delivery, shown[-ATTEMPTS_SHOWN:])


def send_test(rt: Runtime, webhook_id: uuid.UUID) -> DeliveryView:
    """A ``webhook.test`` message to the endpoint, whatever its filter, sent soon."""
    now = utcnow()
    with transaction(rt.sessions) as session:
        endpoint = _enabled(session.get(WebhookEndpoint, webhook_id), webhook_id)
        text = deliverer.body(types.TEST_TYPE, now, {"webhook_id": str(endpoint.id)})
        message_id = f"msg_test_{uuid.uuid4().hex}"
        delivery = deliverer.new_delivery(endpoint.id, message_id, types.TEST_TYPE, text, event_id=None)
        session.add(delivery)
        session.flush()
    return DeliveryView(delivery, [])


def _enabled(endpoint: WebhookEndpoint | None, webhook_id: uuid.UUID) -> WebhookEndpoint:
    if endpoint is None:
        raise NotFound(f"There is no webhook {webhook_id}.")
    if not endpoint.enabled:
        raise Conflict(
            f"Webhook {webhook_id} is disabled ({endpoint.disabled_reason}); "
            'enable it first with PATCH {"enabled": true}.'
        )
    return endpoint
