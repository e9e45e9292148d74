"""Fault: the database is locked by someone else for longer than the API should wait.

A second, real connection holds the write lock (SQLite ``BEGIN EXCLUSIVE``; PostgreSQL
``LOCK TABLE ... IN ACCESS EXCLUSIVE MODE`` on every GALA table) while a write route is called.
The API must answer quickly with a 503 problem carrying ``Retry-After`` (not hang for the busy
timeout, then 500), must have written nothing, and the same request must succeed once the lock
is gone.

No speed goal is tested here: the bound is generous (``ANSWER_BOUND_S``, against 30 s or
forever before the fix); the figures are in the test output (``-s``) and the report.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from gala.config import Settings
from gala.db import Base
from gala.orm import Asset, IdempotencyKey, Job, Template
from gala.services.builtin import HELLO_ID
from tests.api import media

PROBLEM = "application/problem+json"
ANSWER_BOUND_S = 10.0  # generous: the API waits about 2 s for a lock; before the fix, 30 s (SQLite) or forever
ABANDON_AFTER_S = 40.0  # a request still waiting this long is given up on (the lock is released)


@contextmanager
def held_write_lock(settings: Settings) -> Iterator[None]:
    """Hold the database's write lock from a second real connection until the block ends."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        assert url.database
        conn = sqlite3.connect(url.database, isolation_level=None, timeout=5)
        try:
            conn.execute("BEGIN EXCLUSIVE")
            yield
            conn.execute("ROLLBACK")
        finally:
            conn.close()
        return
    engine = create_engine(settings.database_url)
    try:
        with engine.connect() as conn, conn.begin() as tx:
            names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            conn.execute(text(f"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE"))
            yield
            tx.rollback()
    finally:
        engine.dispose()


def answer_while_locked(settings: Settings, call: Callable[[], Any]) -> tuple[Any, float]:
    """``call()`` in a thread while the lock is held: its response and how long it took.

    A call still waiting after ``ABANDON_AFTER_S`` fails the test (after releasing the lock, so
    the request can end and the test does not hang).
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        started = time.monotonic()
        try:
            outcome["response"] = call()
        except BaseException as exc:  # reported below, in the test's thread
            outcome["error"] = exc
        outcome["seconds"] = time.monotonic() - started

    with held_write_lock(settings):
        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(ABANDON_AFTER_S)
    worker.join(ABANDON_AFTER_S)
    if "seconds" not in outcome:
        pytest.fail(f"no answer within {ABANDON_AFTER_S:.0f} s while the database was locked")
    if "error" in outcome:
        raise outcome["error"]
    print(f"\nlocked {call.__name__}: {outcome['response'].status_code} after {outcome['seconds']:.2f} s")
    return outcome["response"], outcome["seconds"]


def assert_busy(response: Any, seconds: float) -> None:
    assert response.status_code == 503, f"{response.status_code} after {seconds:.1f} s: {response.text}"
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert (body["status"], body["type"]) == (503, "urn:gala:problem:unavailable")
    assert "database" in body["detail"]
    assert int(response.headers["retry-after"]) >= 1
    assert seconds < ANSWER_BOUND_S, f"answered after {seconds:.1f} s"


def count(app: Any, model: Any) -> int:
    rt = app.app.extensions["gala"]
    with rt.sessions() as session:
        n: int = session.scalar(select(func.count()).select_from(model))
        return n


def test_create_job_is_503_then_succeeds(app: Any, client: Any, settings: Settings) -> None:
    body = {"template_id": str(HELLO_ID), "params": {"title": "locked"}}
    key = str(uuid.uuid4())

    def post_job() -> Any:
        return client.post(
            "/jobs",
            content=json.dumps(body).encode(),
            headers={"content-type": "application/json", "Idempotency-Key": key},
        )

    response, seconds = answer_while_locked(settings, post_job)
    assert_busy(response, seconds)
    assert (count(app, Job), count(app, IdempotencyKey)) == (0, 0)  # nothing half-written, the key is free

    retry = post_job()
    assert retry.status_code == 201, retry.text
    assert "idempotent-replayed" not in retry.headers
    assert (count(app, Job), count(app, IdempotencyKey)) == (1, 1)


def test_create_template_is_503_then_succeeds(app: Any, client: Any, settings: Settings) -> None:
    hello = client.get(f"/templates/{HELLO_ID}").json()
    body = {"name": "copy of hello", "composition": hello["composition"], "parameters": hello["parameters"]}

    def post_template() -> Any:
        return client.post("/templates", json=body)

    before = count(app, Template)
    response, seconds = answer_while_locked(settings, post_template)
    assert_busy(response, seconds)
    assert count(app, Template) == before

    retry = post_template()
    assert retry.status_code == 201, retry.text
    assert count(app, Template) == before + 1


def test_upload_asset_is_503_then_succeeds(app: Any, client: Any, settings: Settings) -> None:
    root = settings.storage_local_root

    def stored_files() -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()

    def object_keys() -> set[str]:
        rt = app.app.extensions["gala"]
        with rt.sessions() as session:
            return set(session.scalars(select(Asset.object_key)).all())

    def post_asset() -> Any:
        return client.post("/assets", files={"file": ("logo.png", media.png(), "application/octet-stream")})

    response, seconds = answer_while_locked(settings, post_asset)
    assert_busy(response, seconds)
    assert (stored_files(), object_keys()) == (set(), set())  # no stored bytes without a row

    retry = post_asset()
    assert retry.status_code == 201, retry.text
    assert len(object_keys()) == 1
    assert stored_files() == object_keys()


def lock_wait(engine: Any) -> str:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            return f"{conn.exec_driver_sql('PRAGMA busy_timeout').scalar()} ms"
        return str(conn.exec_driver_sql("SHOW lock_timeout").scalar())


def test_only_the_api_waits_briefly(app: Any, settings: Settings) -> None:
    """The API's engine waits ``API_DATABASE_LOCK_TIMEOUT_SECONDS``; a worker's keeps the long wait."""
    from gala.runtime import Runtime

    api = app.app.extensions["gala"]
    worker = Runtime.from_settings(settings)
    try:
        sqlite = api.engine.dialect.name == "sqlite"
        assert lock_wait(api.engine) == ("2000 ms" if sqlite else "2s")
        assert lock_wait(worker.engine) == ("30000 ms" if sqlite else "0")  # PostgreSQL's own default: no limit
    finally:
        worker.close()


def test_api_lock_wait_is_a_setting() -> None:
    assert Settings.from_env({"API_DATABASE_LOCK_TIMEOUT_SECONDS": "0.5"}).api_database_lock_timeout_seconds == 0.5
    for bad in ("0", "-1", "soon"):
        with pytest.raises(ValueError, match="API_DATABASE_LOCK_TIMEOUT_SECONDS"):
            Settings.from_env({"API_DATABASE_LOCK_TIMEOUT_SECONDS": bad})
