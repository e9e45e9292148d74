"""The deliverer: outbox events -> delivery rows -> signed attempts, each one recorded.

A round (:func:`run_round`, every :data:`INTERVAL_SECONDS` in a thread of the ``gala.default``
worker, beside the reaper and the relay) does two things:

1. **Fan out.** In one transaction, for each enabled endpoint, the outbox events after its
   ``cursor`` become delivery rows (those its filter wants), and the cursor moves past them.
   The outbox's ids follow commit order (gala.jobs.events), so no event is skipped; the unique
   (endpoint, event) pair makes a repeated fan-out create nothing twice.
2. **Send.** Each due delivery is claimed by a compare-and-set that moves its
   ``next_attempt_at`` past :data:`CLAIM_SECONDS` (a deliverer that dies mid-send leaves it to be
   claimed again: at least once), sent with a fresh timestamp and signature under its one
   message id, and the attempt recorded with what came back. A failure schedules the next try
   (gala.webhooks.schedule) or, with none left, fails the delivery; an endpoint failing for too
   long is disabled and says why.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gala.config import Settings
from gala.db import transaction, utcnow
from gala.orm import Asset, JobEvent, WebhookAttempt, WebhookDelivery, WebhookEndpoint
from gala.runtime import Runtime
from gala.webhooks import client, schedule, signing, types

log = logging.getLogger("gala.webhooks")

INTERVAL_SECONDS = 1.0
FANOUT_BATCH = 500
SEND_BATCH = 50
# Longer than one attempt can take (connect + read timeouts and the capped body).
CLAIM_SECONDS = 120.0

PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"


def run_round(rt: Runtime) -> int:
    """Fan out, then send what is due. Returns how many attempts were made."""
    fan_out(rt)
    return send_due(rt)


# --------------------------------------------------------------------------- fan-out


def fan_out(rt: Runtime) -> int:
    """Create the deliveries of the events after each enabled endpoint's cursor. Returns how many.

    Another deliverer may fan out the same events at the same moment: on PostgreSQL it skips the
    endpoints this one holds; on SQLite (no row locks) one of the two commits and the other's
    unique (endpoint, event) pair fails, and it leaves the work to the winner.
    """
    try:
        return _fan_out(rt)
    except IntegrityError:
        log.info("webhook fan-out: another deliverer created these deliveries first")
        return 0


def _fan_out(rt: Runtime) -> int:
    created = 0
    with transaction(rt.sessions) as session:
        endpoints = list(
            session.scalars(
                select(WebhookEndpoint)
                .where(WebhookEndpoint.enabled.is_(True))
                .order_by(WebhookEndpoint.id)
                .with_for_update(skip_locked=True)  # several deliverers share the endpoints out
            )
        )
        if not endpoints:
            return 0
        low = min(e.cursor for e in endpoints)
        events = list(
            session.scalars(select(JobEvent).where(JobEvent.id > low).order_by(JobEvent.id).limit(FANOUT_BATCH))
        )
        if not events:
            return 0
        bodies: dict[int, tuple[str, str]] = {}
        for endpoint in endpoints:
            for event in events:
                if event.id <= endpoint.cursor:
                    continue
                event_type = types.public_type(event.kind)
                if event_type is None or not wants(endpoint, event_type):
                    continue
                if event.id not in bodies:
                    bodies[event.id] = (event_type, body(event_type, event.created_at, payload(session, event)))
                session.add(new_delivery(endpoint.id, f"msg_{event.id}", *bodies[event.id], event_id=event.id))
                created += 1
            endpoint.cursor = max(endpoint.cursor, events[-1].id)
    return created


def wants(endpoint: WebhookEndpoint, event_type: str) -> bool:
    return endpoint.event_types is None or event_type in endpoint.event_types


def payload(session: Session, event: JobEvent) -> dict[str, Any]:
    """The ``data`` of the message an outbox event becomes."""
    event_type = types.public_type(event.kind) or ""
    if types.is_batch(event_type):  # a batch's own event: its job_id is the batch's id
        return {"batch_id": str(event.job_id), "status": event.status, "event_id": event.id}
    data: dict[str, Any] = {
        "job_id": str(event.job_id),
        "status": event.status,
        "stage": event.stage,
        "progress": event.progress,
        "attempt": event.attempt,
        "event_id": event.id,
    }
    extra = event.data or {}
    if "code" in extra:
        data["error"] = {"code": extra["code"], "message": extra.get("message", "")}
    if event_type == "job.done":
        ids = session.scalars(select(Asset.id).where(Asset.job_id == event.job_id).order_by(Asset.id))
        data["output_asset_ids"] = [str(i) for i in ids]
    return data


def body(event_type: str, at: datetime, data: dict[str, Any]) -> str:
    """The exact JSON sent, and signed, on every attempt (the Standard Webhooks shape)."""
    stamp = at.isoformat().replace("+00:00", "Z")
    return json.dumps({"type": event_type, "timestamp": stamp, "data": data}, separators=(",", ":"))


def new_delivery(
    endpoint_id: uuid.UUID, message_id: str, event_type: str, text: str, *, event_id: int | None
) -> WebhookDelivery:
    return WebhookDelivery(
        endpoint_id=endpoint_id,
        event_id=event_id,
        message_id=message_id,
        event_type=event_type,
        payload=text,
        status=PENDING,
        attempts=0,
        schedule_from=0,
        next_attempt_at=utcnow(),
    )


def latest_event_id(session: Session) -> int:
    """Where a new (or re-enabled) endpoint's cursor starts: events before it are not sent."""
    return int(session.scalar(select(func.coalesce(func.max(JobEvent.id), 0))) or 0)


# --------------------------------------------------------------------------- sending


def send_due(rt: Runtime) -> int:
    now = utcnow()
    with rt.sessions() as session:
        due = session.execute(
            select(WebhookDelivery.id, WebhookDelivery.attempts)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(
                WebhookDelivery.status == PENDING,
                WebhookDelivery.next_attempt_at <= now,
                WebhookEndpoint.enabled.is_(True),
            )
            .order_by(WebhookDelivery.next_attempt_at)
            .limit(SEND_BATCH)
        ).all()
    made = 0
    for delivery_id, attempts in due:
        if claim(rt, delivery_id, attempts):
            attempt(rt, delivery_id)
            made += 1
    return made


def claim(rt: Runtime, delivery_id: uuid.UUID, attempts: int) -> bool:
    """Compare-and-set: this deliverer, and no other, makes the next attempt (for a while)."""
    now = utcnow()
    with transaction(rt.sessions) as session:
        result = session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.id == delivery_id,
                WebhookDelivery.status == PENDING,
                WebhookDelivery.attempts == attempts,
                WebhookDelivery.next_attempt_at <= now,
                # not once its endpoint is disabled (perhaps by the attempt before this one)
                WebhookDelivery.endpoint_id.in_(select(WebhookEndpoint.id).where(WebhookEndpoint.enabled.is_(True))),
            )
            .values(next_attempt_at=now + timedelta(seconds=CLAIM_SECONDS))
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def attempt(rt: Runtime, delivery_id: uuid.UUID) -> None:
    """Send a claimed delivery once and record the attempt."""
    with rt.sessions() as session:
        delivery = session.get(WebhookDelivery, delivery_id)
        if delivery is None:  # its endpoint was deleted meanwhile
            return
        endpoint = session.get(WebhookEndpoint, delivery.endpoint_id)
        if endpoint is None:
            return
        url, secret, message_id, text = endpoint.url, endpoint.secret, delivery.message_id, delivery.payload
    settings = rt.settings
    started = utcnow()
    raw = text.encode()
    outcome = client.post(
        url,
        raw,
        signing.headers(secret, message_id, int(time.time()), raw),
        timeout_seconds=settings.webhook_timeout_seconds,
        allow_private=settings.webhook_allow_private_targets,
    )
    record(rt, delivery_id, started, outcome)


def record(rt: Runtime, delivery_id: uuid.UUID, started: datetime, outcome: client.Outcome) -> None:
    """The attempt's row, the delivery's next step, and the endpoint's health, in one transaction."""
    settings = rt.settings
    now = utcnow()
    with transaction(rt.sessions) as session:
        delivery = session.get(WebhookDelivery, delivery_id, with_for_update=True)
        if delivery is None:
            return
        endpoint = session.get(WebhookEndpoint, delivery.endpoint_id, with_for_update=True)
        if endpoint is None:
            return
        delivery.attempts += 1
        session.add(
            WebhookAttempt(
                delivery_id=delivery.id,
                number=delivery.attempts,
                started_at=started,
                duration_ms=outcome.duration_ms,
                status_code=outcome.status_code,
                error=outcome.error,
                response_snippet=outcome.snippet,
            )
        )
        where = f"endpoint={endpoint.id} delivery={delivery.id} id={delivery.message_id} attempt={delivery.attempts}"
        if outcome.ok:
            delivery.status, delivery.next_attempt_at = SUCCEEDED, None
            endpoint.failing_since, endpoint.exhausted_in_row = None, 0
            log.info("webhook delivered %s status=%s ms=%s", where, outcome.status_code, outcome.duration_ms)
            return
        wait = schedule.next_delay(settings.webhook_retry_schedule, delivery.attempts - delivery.schedule_from)
        if wait is None:
            delivery.status, delivery.next_attempt_at = FAILED, None
            endpoint.exhausted_in_row += 1
        else:
            delivery.next_attempt_at = now + timedelta(seconds=wait)
        endpoint.failing_since = endpoint.failing_since or started
        what = outcome.error or f"status={outcome.status_code}"
        nxt = "none left" if wait is None else f"next in {wait:.1f}s"
        log.warning("webhook attempt failed %s %s; %s", where, what, nxt)
        reason = disable_reason(settings, endpoint, now)
        if reason is not None:
            disable(endpoint, reason, now)
            log.warning("webhook endpoint disabled endpoint=%s: %s", endpoint.id, reason)


def disable_reason(settings: Settings, endpoint: WebhookEndpoint, now: datetime) -> str | None:
    """Why a failing endpoint should be disabled now, or None."""
    if not endpoint.enabled:
        return None
    if endpoint.exhausted_in_row >= settings.webhook_disable_after_exhausted:
        return f"{endpoint.exhausted_in_row} deliveries in a row failed every attempt"
    since = endpoint.failing_since
    if since is not None and (now - since).total_seconds() >= settings.webhook_disable_after_seconds:
        stamp = since.isoformat().replace("+00:00", "Z")
        return f"every attempt failed since {stamp} ({settings.webhook_disable_after_seconds:.0f} s or more)"
    return None


def disable(endpoint: WebhookEndpoint, reason: str, now: datetime) -> None:
    endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at = False, reason, now
