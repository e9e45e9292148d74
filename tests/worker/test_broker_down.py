"""Fault audit, "broker down": a job submitted while the broker is down starts within seconds of
the broker's return (the outbox relay re-sends its dispatch), not after the reaper's lease grace
(4 x JOB_LEASE_SECONDS; 120 s here). Its own redis-server on a free loopback port, stopped and
started again; never the shared one.

Run with ``-s`` to see the measured delay from the broker's return to the job's start.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gala.app import create_app
from gala.config import Settings
from gala.platform import Platform, free_port
from tests.worker.conftest import TINY, Stack

pytestmark = pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server")
LEASE_SECONDS = 30  # the reaper would re-send after 4 x 30 s: far beyond what is asserted here


class RedisServer:
    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        args = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.proc = subprocess.Popen(
            [*args, "--dir", str(self.workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(self.url).ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path / "redis")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def down_stack(settings: Settings, tmp_path: Path, redis_server: RedisServer) -> Iterator[Stack]:
    settings = settings.replace(broker_url=redis_server.url, job_lease_seconds=float(LEASE_SECONDS))
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL"}}
    env.update(
        GALA_DATA_DIR=str(settings.data_dir),
        DATABASE_URL=settings.database_url,
        CELERY_BROKER_URL=redis_server.url,
        JOB_LEASE_SECONDS=str(LEASE_SECONDS),
        REAPER_INTERVAL_SECONDS="1",
        PYTHONUNBUFFERED="1",
    )
    log_dir = tmp_path / "logs"
    platform = Platform(env=env, log_dir=log_dir, workers=())
    app = create_app(settings)
    rt = app.app.extensions["gala"]
    try:
        yield Stack(settings, app.test_client(), rt, platform, log_dir)
    finally:
        platform.stop()
        rt.close()


def test_a_job_submitted_while_the_broker_is_down_starts_within_seconds_of_its_return(
    down_stack: Stack, redis_server: RedisServer
) -> None:
    stack = down_stack
    stack.worker()
    assert stack.wait_done(stack.submit(TINY)["id"], timeout=60)["status"] == "done", "the worker is up"

    redis_server.stop()
    posted = time.monotonic()
    job = stack.submit(TINY)  # 201: the job and its dispatch are committed; the send failed
    post_seconds = time.monotonic() - posted
    time.sleep(2.0)
    assert stack.job(job["id"])["status"] == "queued"

    redis_server.start()
    back = time.monotonic()
    started = stack.wait(job["id"], lambda j: j["status"] != "queued", timeout=40)
    delay = time.monotonic() - back
    print(
        f"\nbroker down: POST /jobs answered in {post_seconds:.2f} s; "
        f"job started {delay:.2f} s after the broker returned"
    )
    assert started["status"] in {"rendering", "uploading", "done"}, stack.logs()
    assert delay < 15, f"the job started {delay:.1f} s after the broker returned\n{stack.logs()}"
    assert stack.wait_done(job["id"], timeout=60)["status"] == "done"
