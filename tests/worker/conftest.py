"""The worker tests' stack: the API in this process, Celery workers as child processes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from gala.app import create_app
from gala.config import Settings
from gala.jobs import stages
from gala.orm import Asset
from gala.platform import Platform, Process
from gala.services.builtin import HELLO_ID
from tests.conftest import POSTGRES_URL, REDIS_URL

BROKERS = ["embedded", pytest.param("redis", marks=pytest.mark.redis)] if REDIS_URL else ["embedded"]
# Users run the embedded broker on SQLite (the default) and Redis on PostgreSQL (compose). Where both
# servers are configured, the mixed pairs run only for tests marked `every_pair` (a render, a second
# delivery, a worker killed mid-render): a worker test costs about ten seconds a leg, and CI has 30
# minutes.
USERS_PAIRS = {("embedded", "sqlite"), ("redis", "postgresql")}
EVERY_PAIR_CONFIGURED = bool(REDIS_URL and POSTGRES_URL)
TINY = {"title": "¡Hola!", "width": 160, "height": 90, "duration": 1.2, "fps": 10, "size": 16}
# The job's progress once the render itself is this far along (progress covers every stage).
RENDERING = stages.BY_NAME["rendering"]


def rendered(percent: float) -> Any:
    """A wait condition: the render stage has done ``percent`` of its own work."""
    return lambda j: j["stage"] == RENDERING.name and j["progress"] >= stages.progress(RENDERING, percent)


# Long enough to still be rendering a few seconds after it starts (about 10x real time here).
LONG = {"title": "largo", "width": 1280, "height": 720, "duration": 90, "fps": 30}


@dataclass
class Stack:
    settings: Settings
    client: Any
    rt: Any
    platform: Platform
    log_dir: Path

    def worker(self) -> Process:
        return self.platform.start_worker()

    def submit(self, params: dict[str, Any], **extra: Any) -> dict[str, Any]:
        r = self.client.post("/jobs", json={"template_id": str(HELLO_ID), "params": params, **extra})
        assert r.status_code == 201, r.text
        job: dict[str, Any] = r.json()
        return job

    def job(self, job_id: str) -> dict[str, Any]:
        job: dict[str, Any] = self.client.get(f"/jobs/{job_id}").json()
        return job

    def wait(self, job_id: str, until: Any, timeout: float = 60.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if until(job):
                return job
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; job is {job}\n{self.logs()}")
            time.sleep(0.05)

    def wait_done(self, job_id: str, timeout: float = 60.0) -> dict[str, Any]:
        return self.wait(job_id, lambda j: j["status"] in {"done", "failed", "canceled"}, timeout)

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.name}\n{p.read_text(errors='replace')[-4000:]}" for p in sorted(self.log_dir.glob("*.log"))
        )

    def stored_files(self) -> set[str]:
        root = self.settings.storage_local_root
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()} if root.exists() else set()

    def object_keys(self) -> set[str]:
        with self.rt.sessions() as session:
            return set(session.scalars(select(Asset.object_key)).all())


@pytest.fixture(params=BROKERS)
def stack(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> Iterator[Stack]:
    pair = (request.param, request.node.callspec.params.get("database_url"))
    if EVERY_PAIR_CONFIGURED and pair not in USERS_PAIRS and request.node.get_closest_marker("every_pair") is None:
        pytest.skip("a mixed broker/database pair: those run for the tests marked every_pair (CI time)")
    if request.param == "redis":
        import redis

        assert REDIS_URL
        redis.Redis.from_url(REDIS_URL).flushdb()
        broker = REDIS_URL
    else:
        broker = f"sqla+sqlite:///{settings.data_dir / 'broker.db'}"
    settings = settings.replace(broker_url=broker, job_lease_seconds=2.0, reaper_interval_seconds=1.0)
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL"}}
    env.update(
        GALA_DATA_DIR=str(settings.data_dir),
        DATABASE_URL=settings.database_url,
        CELERY_BROKER_URL=broker,
        JOB_LEASE_SECONDS="2",
        REAPER_INTERVAL_SECONDS="1",
        JOB_MAX_ATTEMPTS="3",
        PYTHONUNBUFFERED="1",
    )
    log_dir = tmp_path / "logs"
    platform = Platform(env=env, log_dir=log_dir, workers=())
    app = create_app(settings)
    rt = app.app.extensions["gala"]
    try:
        yield Stack(settings, app.test_client(), rt, platform, log_dir)
    finally:
        # Killed, not stopped: the stack is thrown away. Graceful stops are tested where they
        # matter (tests/test_cli.py, tests/deploy).
        platform.kill()
        rt.close()
