"""Fault: the broker (Redis) restarts while a render is in flight.

Celery warns that from version 6 a lost broker connection cancels running late-ack tasks; GALA
sets ``worker_cancel_long_running_tasks_on_connection_loss`` itself (gala.queue, with its
reasons). Whatever the setting, the outcome that matters is tested here with real processes: a
Redis of this test's own on a random loopback port (never the shared one), a real worker
subprocess, Redis stopped mid-render and started again on the same port with its data (append
only file, as infra/docker-compose.yml runs it). The job must still end ``done``, in one attempt,
with one set of output assets whose files under storage are exactly the recorded keys, and the
worker must not print Celery's warning.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis
from sqlalchemy import select

from gala.app import create_app
from gala.config import Settings
from gala.jobs.stages import RENDER_QUEUE
from gala.migrate import upgrade
from gala.orm import Asset
from gala.platform import Platform, child_env, free_port
from gala.services.builtin import HELLO_ID

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs the redis-server binary"),
]

# Rendering for several seconds on this machine, so Redis can go away and come back meanwhile.
RENDER = {"title": "reinicio", "width": 640, "height": 360, "duration": 120, "fps": 30}
# Longer than the renderer's quiet tail (flushing the encoders, about 7% of the render, sends no
# heartbeat), so only the broker fault is under test here, not the reaper taking a slow render.
LEASE_S = 20
REAPER_S = 1
REDIS_DOWN_S = 2.0
JOB_TIMEOUT_S = 180.0
CELERY_WARNING = "worker_cancel_long_running_tasks_on_connection_loss"


@dataclass
class OwnRedis:
    """A redis-server of this test's own: start, stop and start again on the same port and data."""

    port: int
    data_dir: Path
    log_path: Path
    popen: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 15.0) -> None:
        argv = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.data_dir)]
        argv += ["--appendonly", "yes", "--save", "", "--protected-mode", "yes"]
        with self.log_path.open("ab") as log:
            self.popen = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
        client = redis.Redis.from_url(self.url, socket_timeout=1)
        deadline = time.monotonic() + timeout
        while True:
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                pass
            if self.popen.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start; see {self.log_path}")
            time.sleep(0.05)

    def stop(self) -> None:
        """A clean shutdown (SIGTERM): what a restart of the service does; the data is kept."""
        if self.popen is not None and self.popen.poll() is None:
            self.popen.terminate()
            self.popen.wait(15)
        self.popen = None


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[OwnRedis]:
    data = tmp_path / "redis"
    data.mkdir()
    server = OwnRedis(free_port(), data, tmp_path / "redis.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def redeliver_unacked(broker: redis.Redis) -> int:
    """Put kombu's unacknowledged messages back on their queues (its restore, without the wait)."""
    moved = 0
    for tag, raw in broker.hgetall("unacked").items():
        message, _exchange, routing_key = json.loads(raw)
        broker.lpush(routing_key, json.dumps(message))
        broker.hdel("unacked", tag)
        broker.zrem("unacked_index", tag)
        moved += 1
    return moved


@pytest.mark.parametrize("back", ["mid-render", "after-render"])
def test_render_in_flight_survives_a_redis_restart(own_redis: OwnRedis, tmp_path: Path, back: str) -> None:
    """``back``: Redis returns while the render still runs, or only after it ended (its ack is lost)."""
    data_dir = tmp_path / "data"
    settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{tmp_path / 'gala.db'}", broker_url=own_redis.url)
    upgrade(settings)
    # CELERY_BROKER_URL wins over any REDIS_URL of the environment, so the worker uses our Redis.
    env = child_env(
        GALA_DATA_DIR=str(data_dir),
        DATABASE_URL=settings.database_url,
        CELERY_BROKER_URL=own_redis.url,
        JOB_LEASE_SECONDS=str(LEASE_S),
        REAPER_INTERVAL_SECONDS=str(REAPER_S),
    )
    log_dir = tmp_path / "logs"
    platform = Platform(env=env, log_dir=log_dir, workers=())
    app = create_app(settings)
    rt = app.app.extensions["gala"]
    client = app.test_client()

    def job(job_id: str) -> dict[str, Any]:
        body: dict[str, Any] = client.get(f"/jobs/{job_id}").json()
        return body

    def logs() -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-6000:]}" for p in sorted(log_dir.glob("*")))

    seen: list[str] = []  # what the job looked like over time, for the failure message

    def wait(job_id: str, until: Any, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while not until(current := job(job_id)):
            seen.append(f"{time.strftime('%H:%M:%S')} {current['status']} {current['progress']}% {current['attempts']}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out; job is {current}\n{logs()}")
            time.sleep(0.2)
        return current

    try:
        platform.start_worker()
        r = client.post("/jobs", json={"template_id": str(HELLO_ID), "params": RENDER})
        assert r.status_code == 201, r.text
        job_id = r.json()["id"]
        wait(job_id, lambda j: j["status"] == "rendering" and j["progress"] >= 2, 90)

        stopped_at = time.monotonic()
        seen.append(f"{time.strftime('%H:%M:%S')} stopping redis")
        own_redis.stop()
        if back == "mid-render":
            time.sleep(REDIS_DOWN_S)
        else:  # the job row says done, and the worker tries to ack, while the broker is still away
            wait(job_id, lambda j: j["status"] in {"done", "failed", "canceled"}, JOB_TIMEOUT_S)
            time.sleep(REDIS_DOWN_S)
        own_redis.start()
        seen.append(f"{time.strftime('%H:%M:%S')} redis started")
        during = job(job_id)
        print(f"\nredis back after {time.monotonic() - stopped_at:.1f} s; job {during['status']} {during['progress']}%")
        expected = "rendering" if back == "mid-render" else "done"
        assert during["status"] == expected, f"the render did not survive the outage: {during}\n{logs()}"

        final = wait(job_id, lambda j: j["status"] in {"done", "failed", "canceled"}, JOB_TIMEOUT_S)
        after = time.monotonic() - stopped_at
        print(f"job {final['status']} attempts={final['attempts']} {after:.1f} s after the stop")
        assert (final["status"], final["attempts"], final["error"]) == ("done", 1, None), "\n".join([*seen, logs()])

        # Once: one set of outputs, and the files in storage are exactly the recorded keys.
        time.sleep(2 * REAPER_S)  # a second run, if any, would show by now
        again = job(job_id)
        assert (again["status"], again["attempts"]) == ("done", 1)
        assert len(again["output_asset_ids"]) == 2
        root = settings.storage_local_root
        stored = {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
        with rt.sessions() as session:
            keys = set(session.scalars(select(Asset.object_key)).all())
        assert len(keys) == 2
        assert stored == keys
        broker = redis.Redis.from_url(own_redis.url)
        print(f"broker after: {RENDER_QUEUE}={broker.llen(RENDER_QUEUE)} unacked={broker.hlen('unacked')}")
        if back == "after-render":
            # The ack was lost with the connection: the message waits in Redis' unacked set for the
            # visibility timeout (an hour and more). Deliver it again now, as kombu will then.
            assert redeliver_unacked(broker) == 1
            worker_log = log_dir / "worker1.log"
            deadline = time.monotonic() + 30
            while f"nothing to do job_id={job_id}" not in worker_log.read_text(errors="replace"):
                assert time.monotonic() < deadline, logs()
                time.sleep(0.1)
            assert (job(job_id)["status"], job(job_id)["attempts"]) == ("done", 1)
            with rt.sessions() as session:
                assert set(session.scalars(select(Asset.object_key)).all()) == keys == stored

        worker_log_text = (log_dir / "worker1.log").read_text(errors="replace")
        assert CELERY_WARNING not in worker_log_text, worker_log_text[-4000:]
    finally:
        platform.stop()
        rt.close()
