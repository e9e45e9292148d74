"""The /webhooks resource: secrets, refused targets, redelivery, test events, disabling."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest

from gala.db import unit_of_work
from gala.jobs import events
from gala.jobs.events import EventKind
from gala.runtime import Runtime
from gala.webhooks import deliverer
from tests.webhooks.conftest import Receiver, settle


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8080/hook",
        "http://10.1.2.3/",
        "http://192.168.0.10/",
        "http://172.16.5.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://224.0.0.1/",
        "http://100.64.0.1/",
        "http://240.0.0.1/",
    ],
)
def test_a_private_target_is_422_naming_url(client: Any, url: str) -> None:
    r = client.post("/webhooks", json={"url": url})
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert [e["pointer"] for e in r.json()["errors"]] == ["/url"]


@pytest.mark.parametrize(
    "url", ["ftp://example.com/", "not a url", "http:///nohost", "http://user:pw@8.8.8.8/", "http://nx.invalid/"]
)
def test_an_invalid_url_is_422(client: Any, url: str) -> None:
    r = client.post("/webhooks", json={"url": url})
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["pointer"] == "/url"


def test_a_public_target_is_accepted_and_the_secret_is_shown_once(client: Any) -> None:
    r = client.post("/webhooks", json={"url": "https://8.8.8.8/hooks", "events": ["job.done"]})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["secret"].startswith("whsec_")
    assert r.headers["location"] == f"/webhooks/{created['id']}"
    shown = client.get(f"/webhooks/{created['id']}").json()
    assert "secret" not in shown
    assert (shown["events"], shown["enabled"], shown["disabled_reason"]) == (["job.done"], True, None)
    listed = client.get("/webhooks").json()["items"]
    assert [w["id"] for w in listed] == [created["id"]]
    assert "secret" not in listed[0]
    r = client.patch(f"/webhooks/{created['id']}", json={"events": None, "description": "all"})
    assert (r.json()["events"], r.json()["description"]) == (None, "all")
    assert client.patch(f"/webhooks/{created['id']}", json={"url": "http://10.0.0.1/"}).status_code == 422
    assert client.delete(f"/webhooks/{created['id']}").status_code == 204
    assert client.get(f"/webhooks/{created['id']}").status_code == 404


def test_a_given_secret_must_be_standard(client: Any) -> None:
    r = client.post("/webhooks", json={"url": "https://8.8.8.8/", "secret": "whsec_" + "A" * 32})
    assert r.status_code == 201, r.text  # 24 bytes of base64
    assert r.json()["secret"] == "whsec_" + "A" * 32
    r = client.post("/webhooks", json={"url": "https://8.8.8.8/", "secret": "whsec_" + "A" * 33})
    assert r.status_code == 422
    assert r.json()["errors"][0]["pointer"] == "/secret"


def _event(rt: Runtime, kind: EventKind = EventKind.DONE) -> None:
    with unit_of_work(rt.sessions) as uow:
        events.record(uow, uuid.uuid4(), kind, status="done", stage=None, progress=100, attempt=1)


def test_test_event_and_redelivery(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    hook = hook_client.post("/webhooks", json={"url": receiver.url, "events": ["job.canceled"]}).json()
    receiver.secret = hook["secret"]
    r = hook_client.post(f"/webhooks/{hook['id']}/test")
    assert r.status_code == 202, r.text
    test = r.json()
    assert (test["event_type"], test["status"], test["attempt_count"]) == ("webhook.test", "pending", 0)
    settle(rt, lambda: len(receiver.requests) == 1)
    assert receiver.requests[0].verified
    assert receiver.requests[0].message_id == test["message_id"]

    r = hook_client.post(f"/webhooks/{hook['id']}/deliveries/{test['id']}/redeliver")
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "pending"
    assert len(r.json()["attempts"]) == 1
    settle(rt, lambda: len(receiver.requests) == 2)
    again = receiver.requests[1]
    assert (again.message_id, again.body, again.verified) == (test["message_id"], receiver.requests[0].body, True)
    (delivery,) = hook_client.get(f"/webhooks/{hook['id']}/deliveries").json()["items"]
    assert (delivery["status"], delivery["attempt_count"]) == ("succeeded", 2)
    assert hook_client.post(f"/webhooks/{hook['id']}/deliveries/{uuid.uuid4()}/redeliver").status_code == 404


def test_an_endpoint_that_keeps_failing_is_disabled(
    hook_client: Any, hook_app: Any, receiver: Receiver, rt: Runtime
) -> None:
    strict = rt.settings.replace(webhook_retry_schedule=(0.01,), webhook_disable_after_exhausted=2)
    failing = Runtime.from_settings(strict)
    try:
        hook = hook_client.post("/webhooks", json={"url": receiver.url}).json()
        receiver.secret = hook["secret"]
        receiver.plan = lambda _id, _n: "500"
        for _ in range(3):
            _event(failing)

        def disabled() -> bool:
            return not hook_client.get(f"/webhooks/{hook['id']}").json()["enabled"]

        settle(failing, disabled)
        for _ in range(10):  # the third event is not sent any more
            deliverer.run_round(failing)
            time.sleep(0.02)
    finally:
        failing.close()
    shown = hook_client.get(f"/webhooks/{hook['id']}").json()
    assert shown["disabled_reason"] == "2 deliveries in a row failed every attempt"
    assert shown["disabled_at"] is not None
    # Each event's first attempt, then the first two events' last: the third's is never made.
    assert len(receiver.requests) == 5
    items = hook_client.get(f"/webhooks/{hook['id']}/deliveries").json()["items"]
    assert sorted(d["status"] for d in items) == ["failed", "failed", "pending"]
    r = hook_client.post(f"/webhooks/{hook['id']}/test")
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"

    receiver.plan = lambda _id, _n: "ok"
    r = hook_client.patch(f"/webhooks/{hook['id']}", json={"enabled": True})
    assert (r.json()["enabled"], r.json()["disabled_reason"], r.json()["disabled_at"]) == (True, None, None)
    settle(rt, lambda: len(receiver.processed) == 3)  # the pending one resumes
    r = hook_client.patch(f"/webhooks/{hook['id']}", json={"enabled": False})
    assert r.json()["disabled_reason"] == "disabled through the API"


def test_deliveries_are_paginated(hook_client: Any, receiver: Receiver, rt: Runtime) -> None:
    hook = hook_client.post("/webhooks", json={"url": receiver.url}).json()
    for _ in range(5):
        hook_client.post(f"/webhooks/{hook['id']}/test")
    first = hook_client.get(f"/webhooks/{hook['id']}/deliveries", params={"limit": 3}).json()
    assert len(first["items"]) == 3
    rest = hook_client.get(
        f"/webhooks/{hook['id']}/deliveries", params={"limit": 3, "cursor": first["next_cursor"]}
    ).json()
    assert (len(rest["items"]), rest["next_cursor"]) == (2, None)
    assert hook_client.get(f"/webhooks/{uuid.uuid4()}/deliveries").status_code == 404
