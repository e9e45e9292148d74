"""``Idempotency-Key`` on ``POST /jobs``: replays, conflicts, expiry, release and a real race.

Semantics under test (see the operation's description in ``openapi/gala.yaml``):

* the same key with the same body answers 201 with the job the first request created and
  ``Idempotent-Replayed: true``; exactly one job exists;
* the same key with another body is a 422 problem naming the ``Idempotency-Key`` header;
* a retry while the first request is in flight (its key row has no job yet) is a 409;
* an expired key may be reused; a request that fails releases its key; deleting the job
  removes its key;
* the body is compared as a JSON value, so the order of object members does not matter;
* a malformed key is a 400 naming the header.

The last test serves the app with uvicorn on a loopback port and races concurrent requests
with one key against each other, so the database (SQLite or PostgreSQL) really arbitrates.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select, update

from gala.db import utcnow
from gala.orm import IdempotencyKey, Job
from gala.services.builtin import HELLO_ID

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
PROBLEM = "application/problem+json"

RACERS = 16
SERVER_START_TIMEOUT_S = 30
REQUEST_TIMEOUT_S = 60
RACE_TIMEOUT_S = 120


# ----------------------------------------------------------------------------- helpers


def job_body(title: str = "x", **extra: Any) -> dict[str, Any]:
    return {"template_id": str(HELLO_ID), "params": {"title": title}, **extra}


def post(client: Any, body: dict[str, Any] | bytes, key: str | bytes | None) -> Any:
    headers: dict[str, Any] = {"content-type": "application/json"}
    if key is not None:
        headers[HEADER] = key
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post("/jobs", content=content, headers=headers)


def assert_created(response: Any, *, replayed: bool) -> str:
    assert response.status_code == 201, response.text
    job_id: str = response.json()["id"]
    assert response.headers["location"] == f"/jobs/{job_id}"
    if replayed:
        assert response.headers.get(REPLAYED) == "true"
    else:
        assert REPLAYED not in response.headers
    return job_id


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def names_header(problem: dict[str, Any]) -> bool:
    return any(e.get("parameter") == HEADER and e.get("in") == "header" for e in problem.get("errors", []))


def sessions(app: Any) -> Any:
    return app.app.extensions["gala"].sessions


def job_count(app: Any) -> int:
    with sessions(app)() as session:
        return int(session.scalar(select(func.count()).select_from(Job)) or 0)


def key_row(app: Any, key: str) -> IdempotencyKey | None:
    with sessions(app)() as session:
        return session.get(IdempotencyKey, key)


def key_count(app: Any) -> int:
    with sessions(app)() as session:
        return int(session.scalar(select(func.count()).select_from(IdempotencyKey)) or 0)


def expire(app: Any, key: str) -> None:
    with sessions(app).begin() as session:
        session.execute(
            update(IdempotencyKey)
            .where(IdempotencyKey.key == key)
            .values(expires_at=utcnow() - timedelta(seconds=1), created_at=utcnow() - timedelta(hours=25))
        )


# ----------------------------------------------------------------------------- replay and mismatch


def test_same_key_same_body_replays_the_first_job(app: Any, client: Any) -> None:
    key = str(uuid.uuid4())
    first = assert_created(post(client, job_body(), key), replayed=False)

    again = post(client, job_body(), key)
    assert assert_created(again, replayed=True) == first
    assert again.json()["params"]["title"] == "x"
    assert assert_created(post(client, job_body(), key), replayed=True) == first

    assert job_count(app) == 1
    assert [j["id"] for j in client.get("/jobs").json()["items"]] == [first]
    row = key_row(app, key)
    assert row is not None
    assert str(row.job_id) == first
    assert row.expires_at > utcnow() + timedelta(hours=23)


def test_without_a_key_every_post_creates_a_job(app: Any, client: Any) -> None:
    ids = {assert_created(post(client, job_body(), None), replayed=False) for _ in range(2)}
    assert len(ids) == 2
    assert job_count(app) == 2
    assert key_count(app) == 0


def test_distinct_keys_are_independent(app: Any, client: Any) -> None:
    a = assert_created(post(client, job_body(), "key-a"), replayed=False)
    b = assert_created(post(client, job_body(), "key-b"), replayed=False)
    assert a != b
    assert job_count(app) == 2


@pytest.mark.parametrize(
    "other",
    [
        job_body(title="y"),
        job_body(labels={"team": "a"}),
        job_body(options={"draft": True}),
        {"template_id": str(HELLO_ID), "params": {"title": "x", "size": 10}},
    ],
    ids=["params", "labels", "options", "extra-param"],
)
def test_same_key_different_body_is_422_naming_the_header(app: Any, client: Any, other: dict[str, Any]) -> None:
    key = "reused-key"
    first = assert_created(post(client, job_body(), key), replayed=False)

    problem = assert_problem(post(client, other, key), 422)
    assert names_header(problem), problem

    # The mismatch changes nothing: the key still replays the first job.
    assert job_count(app) == 1
    row = key_row(app, key)
    assert row is not None
    assert str(row.job_id) == first
    assert assert_created(post(client, job_body(), key), replayed=True) == first


def test_member_order_does_not_change_the_request(app: Any, client: Any) -> None:
    tid = str(HELLO_ID)
    # json.dumps keeps insertion order, so the two documents really differ byte for byte.
    one = json.dumps({"template_id": tid, "params": {"title": "x", "color": "#ffffff"}, "labels": {"a": "1", "b": "2"}})
    two = json.dumps(
        {"labels": {"b": "2", "a": "1"}, "params": {"color": "#ffffff", "title": "x"}, "template_id": tid},
        separators=(",", ":"),
    )
    assert one != two
    assert json.loads(one) == json.loads(two)
    assert one.index("template_id") < one.index("params")
    assert two.index("params") < two.index("template_id")

    first = assert_created(post(client, one.encode(), "ordered"), replayed=False)
    assert assert_created(post(client, two.encode(), "ordered"), replayed=True) == first
    assert job_count(app) == 1


# ----------------------------------------------------------------------------- in flight


def _hash_of(app: Any, client: Any, body: dict[str, Any]) -> str:
    """The stored request hash of ``body``, learned from a real request under a throwaway key."""
    probe = f"probe-{uuid.uuid4()}"
    job_id = assert_created(post(client, body, probe), replayed=False)
    row = key_row(app, probe)
    assert row is not None
    assert str(row.job_id) == job_id
    return row.request_hash


def test_retry_while_in_flight_is_409(app: Any, client: Any) -> None:
    key = "in-flight"
    digest = _hash_of(app, client, job_body())
    jobs_before = job_count(app)
    with sessions(app).begin() as session:  # the first request reserved the key and is still working
        session.add(
            IdempotencyKey(key=key, request_hash=digest, job_id=None, expires_at=utcnow() + timedelta(hours=24))
        )

    problem = assert_problem(post(client, job_body(), key), 409)
    assert "Idempotency-Key" in problem["detail"]

    # Another body under the in-flight key is still a body mismatch.
    assert names_header(assert_problem(post(client, job_body(title="other"), key), 422))

    # The refused retries neither created a job nor released the first request's reservation.
    assert job_count(app) == jobs_before
    row = key_row(app, key)
    assert row is not None
    assert row.job_id is None
    assert row.request_hash == digest


def test_a_reservation_expires_in_a_minute_and_a_created_job_keeps_its_key_a_day(app: Any, client: Any) -> None:
    # A request that dies holding its reservation (or cannot release it because the database is
    # locked at both ends) must not block its key for the 24 h a created job keeps it.
    from gala.services import jobs

    rt = app.app.extensions["gala"]
    before = utcnow()
    assert jobs._reserve(rt, "dying", _hash_of(app, client, job_body())) is None
    row = key_row(app, "dying")
    assert row is not None
    assert row.job_id is None
    assert row.expires_at - before <= timedelta(seconds=61), "an in-flight reservation expires within a minute"
    job_id = assert_created(post(client, job_body(), "kept"), replayed=False)
    kept = key_row(app, "kept")
    assert kept is not None
    assert str(kept.job_id) == job_id
    assert kept.expires_at - before >= timedelta(hours=23, minutes=59), "a created job keeps its key a day"


def test_an_abandoned_in_flight_key_is_reusable_once_expired(app: Any, client: Any) -> None:
    key = "abandoned"
    with sessions(app).begin() as session:
        session.add(
            IdempotencyKey(
                key=key,
                request_hash="0" * 64,
                job_id=None,
                created_at=utcnow() - timedelta(hours=25),
                expires_at=utcnow() - timedelta(hours=1),
            )
        )
    job_id = assert_created(post(client, job_body(), key), replayed=False)
    row = key_row(app, key)
    assert row is not None
    assert str(row.job_id) == job_id


# ----------------------------------------------------------------------------- expiry, release, deletion


@pytest.mark.parametrize("same_body", [True, False], ids=["same-body", "other-body"])
def test_expired_key_is_reusable(app: Any, client: Any, same_body: bool) -> None:
    key = "expiring"
    first = assert_created(post(client, job_body(), key), replayed=False)
    expire(app, key)

    second_body = job_body() if same_body else job_body(title="fresh")
    second = assert_created(post(client, second_body, key), replayed=False)
    assert second != first
    assert job_count(app) == 2

    row = key_row(app, key)
    assert row is not None
    assert str(row.job_id) == second
    assert row.expires_at > utcnow() + timedelta(hours=23)
    # The renewed key now replays the second job, and the first job is untouched.
    assert assert_created(post(client, second_body, key), replayed=True) == second
    assert client.get(f"/jobs/{first}").status_code == 200


@pytest.mark.parametrize(
    "bad",
    [
        {"template_id": str(HELLO_ID), "params": {"title": ""}},
        {"template_id": str(HELLO_ID), "params": {"no_such_param": 1}},
        {"template_id": str(uuid.uuid4()), "params": {"title": "x"}},
        {"template_id": str(HELLO_ID), "template_version": 99, "params": {"title": "x"}},
    ],
    ids=["invalid-param", "unknown-param", "unknown-template", "unknown-version"],
)
def test_a_failed_request_releases_its_key(app: Any, client: Any, bad: dict[str, Any]) -> None:
    key = "fails-first"
    assert_problem(post(client, bad, key), 422)
    assert key_row(app, key) is None
    assert job_count(app) == 0

    job_id = assert_created(post(client, job_body(), key), replayed=False)
    assert job_count(app) == 1
    row = key_row(app, key)
    assert row is not None
    assert str(row.job_id) == job_id


def test_a_request_refused_by_the_schema_reserves_nothing(app: Any, client: Any) -> None:
    key = "schema-refused"
    assert_problem(post(client, {"template_id": "not-a-uuid"}, key), 422)
    assert key_row(app, key) is None
    assert_created(post(client, job_body(), key), replayed=False)


def test_deleting_the_job_frees_its_key(app: Any, client: Any) -> None:
    key = "deleted-job"
    first = assert_created(post(client, job_body(), key), replayed=False)

    # A live job cannot be deleted; the key stays bound to it.
    assert_problem(client.delete(f"/jobs/{first}"), 409)
    assert key_row(app, key) is not None

    canceled = client.post(f"/jobs/{first}/cancel")
    assert canceled.status_code == 200, canceled.text
    assert canceled.json()["status"] == "canceled"
    # A replay answers the job as it is now.
    replay = post(client, job_body(), key)
    assert assert_created(replay, replayed=True) == first
    assert replay.json()["status"] == "canceled"

    assert client.delete(f"/jobs/{first}").status_code == 204
    assert key_row(app, key) is None
    assert key_count(app) == 0

    second = assert_created(post(client, job_body(), key), replayed=False)
    assert second != first
    assert job_count(app) == 1


# ----------------------------------------------------------------------------- malformed keys


@pytest.mark.parametrize(
    "key",
    [
        "",
        "k" * 256,
        "a b",
        " lead",
        "tab\there",
        "é".encode(),
        "caf\xe9".encode("latin-1"),
        b"del\x7f",
    ],
    ids=["empty", "too-long", "space", "leading-space", "tab", "e-acute-utf8", "e-acute-latin1", "del"],
)
def test_invalid_key_is_400_naming_the_header(app: Any, client: Any, key: str | bytes) -> None:
    problem = assert_problem(post(client, job_body(), key), 400)
    assert names_header(problem), problem
    assert job_count(app) == 0
    assert key_count(app) == 0


@pytest.mark.parametrize("key", ["k" * 255, "!", "~", "a-Z_0.9:/+=@"], ids=["max-length", "bang", "tilde", "mixed"])
def test_valid_key_edges_are_accepted(app: Any, client: Any, key: str) -> None:
    first = assert_created(post(client, job_body(), key), replayed=False)
    assert assert_created(post(client, job_body(), key), replayed=True) == first
    row = key_row(app, key)
    assert row is not None
    assert row.key == key


# ----------------------------------------------------------------------------- a real race


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture
def live_url(app: Any) -> Iterator[str]:
    """The ``app`` fixture (same database as ``settings``) served by uvicorn on a loopback port."""
    sock = _free_socket()
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn-idem", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        with httpx.Client(base_url=base, timeout=2, trust_env=False) as probe:
            while True:
                assert thread.is_alive(), "uvicorn stopped while starting"
                try:
                    if probe.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, f"/health did not answer within {SERVER_START_TIMEOUT_S} s"
                time.sleep(0.05)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        assert not thread.is_alive(), "uvicorn did not shut down within 15 s"


def test_concurrent_retries_create_exactly_one_job(app: Any, live_url: str) -> None:
    key = f"race-{uuid.uuid4()}"
    payload = json.dumps(job_body(title="race")).encode()
    start = threading.Barrier(RACERS, timeout=RACE_TIMEOUT_S)

    def fire(_: int) -> tuple[int, dict[str, str], Any]:
        with httpx.Client(base_url=live_url, timeout=REQUEST_TIMEOUT_S, trust_env=False) as http:
            http.get("/health")  # connect before the barrier so the POSTs leave together
            start.wait()
            r = http.post("/jobs", content=payload, headers={"content-type": "application/json", HEADER: key})
            return r.status_code, dict(r.headers), r.json()

    with ThreadPoolExecutor(max_workers=RACERS, thread_name_prefix="racer") as pool:
        futures = [pool.submit(fire, i) for i in range(RACERS)]
        answers = [f.result(timeout=RACE_TIMEOUT_S) for f in futures]

    statuses = sorted(status for status, _, _ in answers)
    assert set(statuses) <= {201, 409}, answers
    created = [(headers, body) for status, headers, body in answers if status == 201]
    assert created, statuses
    ids = {body["id"] for _, body in created}
    assert len(ids) == 1, ids
    (job_id,) = ids
    # Exactly one answer is the original; every other 201 is a replay of it.
    assert sum(1 for headers, _ in created if headers.get("idempotent-replayed") != "true") == 1, statuses
    for status, _, body in answers:
        if status == 409:
            assert body["status"] == 409

    assert job_count(app) == 1
    row = key_row(app, key)
    assert row is not None
    assert str(row.job_id) == job_id

    # Once the dust settles, the key replays the one job.
    with httpx.Client(base_url=live_url, timeout=REQUEST_TIMEOUT_S, trust_env=False) as http:
        r = http.post("/jobs", content=payload, headers={"content-type": "application/json", HEADER: key})
    assert r.status_code == 201, r.text
    assert r.headers.get(REPLAYED) == "true"
    assert r.json()["id"] == job_id
