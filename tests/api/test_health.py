"""Readiness checks each dependency for real and names the one that failed."""

from __future__ import annotations

from typing import Any

import pytest

from gala.app import create_app
from gala.config import Settings
from tests.conftest import REDIS_URL


def ready(settings: Settings) -> Any:
    app = create_app(settings)
    try:
        return app.test_client().get("/health/ready")
    finally:
        app.app.extensions["gala"].close()


@pytest.mark.redis
@pytest.mark.skipif(not REDIS_URL, reason="GALA_TEST_REDIS_URL is not set")
def test_ready_with_redis_broker(settings: Settings) -> None:
    r = ready(settings.replace(broker_url=REDIS_URL))
    assert r.status_code == 200, r.text
    assert r.json()["checks"]["broker"]["status"] == "ok"


def test_dead_broker_is_named(settings: Settings) -> None:
    r = ready(settings.replace(broker_url="redis://127.0.0.1:1/0"))
    assert r.status_code == 503
    assert r.headers["content-type"] == "application/problem+json"
    checks = r.json()["checks"]
    assert (checks["broker"]["status"], checks["database"]["status"], checks["storage"]["status"]) == (
        "fail",
        "ok",
        "ok",
    )
    assert "broker" in r.json()["detail"]


def test_unwritable_storage_is_named(settings: Settings, tmp_path: Any) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    r = ready(settings.replace(storage_local_root=blocker / "storage"))
    assert r.status_code == 503
    assert r.json()["checks"]["storage"]["status"] == "fail"
    assert r.json()["checks"]["database"]["status"] == "ok"


def test_unreachable_database_is_named(settings: Settings) -> None:
    r = ready(settings.replace(database_url="postgresql+psycopg://nobody@127.0.0.1:1/none"))
    assert r.status_code == 503
    assert r.json()["checks"]["database"]["status"] == "fail"
