"""End to end over real HTTP on 127.0.0.1: outbox events reach a flaky receiver exactly once each."""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from typing import Any

from sqlalchemy import select

from gala.db import unit_of_work
from gala.jobs import events
from gala.jobs.events import EventKind
from gala.orm import WebhookDelivery
from gala.runtime import Runtime
from gala.webhooks import deliverer
from tests.webhooks.conftest import Receiver, settle

# Delivered kinds, and internal ones that must not be.
PUBLIC = [EventKind.CREATED, EventKind.STAGE, EventKind.DONE, EventKind.FAILED, EventKind.CANCELED]
INTERNAL = [EventKind.CLAIMED, EventKind.PROGRESS, EventKind.RETRIED, EventKind.DISPATCHED]


def record(rt: Runtime, kind: EventKind, job_id: uuid.UUID | None = None, **data: Any) -> int:
    with unit_of_work(rt.sessions) as uow:
        event = events.record(
            uow, job_id or uuid.uuid4(), kind, status="queued", stage=None, progress=0, attempt=1, data=data or None
        )
    return event.id


def create_hook(client: Any, receiver: Receiver, **body: Any) -> dict[str, Any]:
    r = client.post("/webhooks", json={"url": receiver.url, **body})
    assert r.status_code == 201, r.text
    receiver.secret = r.json()["secret"]
    return r.json()


def pending(rt: Runtime) -> int:
    with rt.sessions() as s:
        return len(s.scalars(select(WebhookDelivery).where(WebhookDelivery.status == deliverer.PENDING)).all())


def test_every_event_arrives_once_through_500s_and_timeouts(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    record(rt, EventKind.CREATED)  # before the endpoint exists: not sent
    create_hook(hook_client, receiver)
    expected: list[str] = []
    for i in range(30):
        kind = PUBLIC[i % len(PUBLIC)]
        expected.append(
            f"msg_{record(rt, kind, code='x', message='y') if kind == EventKind.FAILED else record(rt, kind)}"
        )
        record(rt, INTERNAL[i % len(INTERNAL)])

    # Message k (in order of arrival of first attempts): every 3rd fails its first attempt with
    # a 500, every 5th its first two with a reply past the timeout, every 7th its first three.
    order: list[str] = []

    def plan(message_id: str, n: int) -> str:
        if message_id not in order:
            order.append(message_id)
        k = order.index(message_id)
        if k % 7 == 6 and n <= 3:
            return "500"
        if k % 5 == 4 and n <= 2:
            return "slow"
        if k % 3 == 2 and n == 1:
            return "500"
        return "ok"

    receiver.plan = plan
    settle(rt, lambda: len(receiver.processed) == len(expected) and pending(rt) == 0)

    assert sorted(receiver.processed) == sorted(expected)  # each id processed once, none missing
    assert all(r.verified for r in receiver.requests)  # every attempt's signature checks out
    arrivals = Counter(r.message_id for r in receiver.requests)
    # 4 ids x 4 arrivals (three 500s), 6 x 3 (two timeouts), 7 x 2 (one 500), 13 x 1.
    assert sorted(Counter(arrivals.values()).items()) == [(1, 13), (2, 7), (3, 6), (4, 4)]
    assert sum(arrivals.values()) == 61
    bodies: dict[str, set[bytes]] = {}
    for r in receiver.requests:
        bodies.setdefault(r.message_id, set()).add(r.body)
    assert all(len(b) == 1 for b in bodies.values())  # a retry sends the very same body
    types = Counter(json.loads(next(iter(b)))["type"] for b in bodies.values())
    assert types == dict.fromkeys(("job.created", "job.stage_changed", "job.done", "job.failed", "job.canceled"), 6)

    page = hook_client.get(f"/webhooks/{_only_hook(hook_client)}/deliveries", params={"limit": 100}).json()
    assert len(page["items"]) == 30
    assert {d["status"] for d in page["items"]} == {"succeeded"}
    by_id = {d["message_id"]: d for d in page["items"]}
    for message_id, count in arrivals.items():
        attempts = by_id[message_id]["attempts"]
        assert [a["number"] for a in attempts] == list(range(1, count + 1))
        assert attempts[-1]["status_code"] == 200
        assert all(a["status_code"] == 500 or a["error"] for a in attempts[:-1])
    slow = [a for d in page["items"] for a in d["attempts"] if a["error"]]
    assert len(slow) == 12
    assert all("timed out" in a["error"] for a in slow)
    assert sum(a["status_code"] == 500 for d in page["items"] for a in d["attempts"]) == 19


def _only_hook(client: Any) -> str:
    items = client.get("/webhooks").json()["items"]
    assert len(items) == 1
    return str(items[0]["id"])


def test_payload_shape_and_filter(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    create_hook(hook_client, receiver, events=["job.done", "job.failed"])
    job = uuid.uuid4()
    record(rt, EventKind.CREATED, job)
    done = record(rt, EventKind.DONE, job)
    failed = record(rt, EventKind.FAILED, code="render_failed", message="bad frame")
    settle(rt, lambda: len(receiver.processed) == 2 and pending(rt) == 0)
    assert receiver.processed == [f"msg_{done}", f"msg_{failed}"]
    first, second = (json.loads(r.body) for r in receiver.requests)
    assert first["type"] == "job.done"
    assert first["data"]["job_id"] == str(job)
    assert first["data"]["output_asset_ids"] == []
    assert first["timestamp"].endswith("Z")
    assert second["data"]["error"] == {"code": "render_failed", "message": "bad frame"}


def test_redirects_are_not_followed_and_bodies_are_capped(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    hook = create_hook(hook_client, receiver)
    receiver.plan = lambda _id, n: "redirect" if n == 1 else "big"
    record(rt, EventKind.DONE)
    settle(rt, lambda: len(receiver.requests) == 2 and pending(rt) == 0)
    assert len(receiver.requests) == 2  # the 302's location was never asked for
    (delivery,) = hook_client.get(f"/webhooks/{hook['id']}/deliveries").json()["items"]
    first, second = delivery["attempts"]
    assert first["status_code"] == 302
    assert (second["status_code"], len(second["response_snippet"])) == (200, 1024)


def test_the_address_is_checked_again_at_send_time(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    hook = create_hook(hook_client, receiver)  # allowed when created
    strict = Runtime.from_settings(rt.settings.replace(webhook_allow_private_targets=False))
    try:
        record(rt, EventKind.DONE)
        deliverer.run_round(strict)
    finally:
        strict.close()
    assert receiver.requests == []
    (delivery,) = hook_client.get(f"/webhooks/{hook['id']}/deliveries").json()["items"]
    (attempt,) = delivery["attempts"]
    assert attempt["status_code"] is None
    assert "127.0.0.1" in attempt["error"]
    assert "loopback" in attempt["error"]
    assert delivery["status"] == "pending"
    assert delivery["next_attempt_at"] is not None


def test_two_deliverers_at_once_send_each_attempt_once(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    """Several default workers each run a deliverer: fan-out and claims keep them from doubling."""
    import threading

    create_hook(hook_client, receiver)
    receiver.plan = lambda _id, n: "500" if n == 1 else "ok"
    ids = {f"msg_{record(rt, EventKind.DONE)}" for _ in range(20)}
    stop = threading.Event()
    failures: list[BaseException] = []

    def loop() -> None:
        while not stop.is_set():
            try:
                deliverer.run_round(rt)
            except Exception as exc:  # the worker's loop would log it and go on
                failures.append(exc)

    threads = [threading.Thread(target=loop) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        deadline = time.monotonic() + 60
        while not (set(receiver.processed) == ids and pending(rt) == 0):
            assert time.monotonic() < deadline, failures
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    assert Counter(r.message_id for r in receiver.requests) == dict.fromkeys(ids, 2)
    with rt.sessions() as s:
        rows = s.scalars(select(WebhookDelivery)).all()
    assert sorted(d.attempts for d in rows) == [2] * 20
    assert failures == []
