"""The compose topology, run for real with local processes: the API, a ``gala.default`` worker and
a render pool as separate processes, on Redis and PostgreSQL, in production mode (JSON logs).

It is what ``infra/docker-compose.yml`` runs, minus Docker: the same commands (``gala api``,
``python -m worker --queues gala.render --no-reaper``, ``--queues gala.default,gala.speech``), the same
settings. Checked here:

* the smoke test, as users run it (``gala smoke --url``), ends with ``Smoke test OK``;
* the render ran in the render pool and nowhere else (the workers' JSON log lines, by job id);
* the default-queue worker is not blocked by renders: while the only render process is busy
  with a long render and another render waits in ``gala.render``, a task sent to
  ``gala.default`` runs at once;
* ``/metrics`` shows every listed series after a real job: HTTP by operationId, jobs by status,
  queue depth (the waiting render counted), render seconds and upload retries from the worker
  process (multiprocess directory shared with the API), and the render pool's own endpoint
  (``WORKER_METRICS_PORT``, the multi-host way) shows its render seconds.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gala import config, metrics
from gala.config import Settings
from gala.migrate import upgrade
from gala.platform import Platform, Process, free_port
from gala.queue import REAP_TASK, ROUTES, make_celery
from gala.services.builtin import HELLO_ID
from tests.conftest import POSTGRES_URL, REDIS_URL, scratch_postgres

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.skipif(not (REDIS_URL and POSTGRES_URL), reason="needs GALA_TEST_REDIS_URL and GALA_TEST_POSTGRES_URL"),
]

LONG = {"title": "largo", "width": 1280, "height": 720, "duration": 120, "fps": 30}
TINY = {"title": "x", "width": 64, "height": 64, "duration": 1.1, "fps": 5, "size": 8}
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy


def http(method: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310 - loopback
    try:
        with OPENER.open(request, timeout=10) as response:
            status, raw, kind = response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:  # an error answer is still an answer: return it
        status, raw, kind = exc.code, exc.read(), exc.headers.get("Content-Type", "")
    return status, json.loads(raw) if "json" in kind else raw.decode()


@dataclass
class Topology:
    platform: Platform
    settings: Settings
    log_dir: Path
    render_metrics_port: int
    tmp: Path

    @property
    def url(self) -> str:
        return self.platform.url

    def log_lines(self, name: str) -> list[dict[str, Any]]:
        """A worker's log as JSON objects (production mode writes one per line)."""
        lines = []
        for raw in (self.log_dir / f"{name}.log").read_text(errors="replace").splitlines():
            if raw.startswith("{"):
                lines.append(json.loads(raw))
        return lines

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in self.log_dir.glob("*.log"))

    def submit(self, params: dict[str, Any]) -> dict[str, Any]:
        status, job = http("POST", f"{self.url}/jobs", {"template_id": str(HELLO_ID), "params": params})
        assert status == 201, job
        return dict(job)

    def job(self, job_id: str) -> dict[str, Any]:
        return dict(http("GET", f"{self.url}/jobs/{job_id}")[1])

    def wait(self, job_id: str, until: Any, timeout: float = 60.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            job = self.job(job_id)
            if until(job):
                return job
            assert time.monotonic() < deadline, f"timed out; job is {job}\n{self.logs()}"
            time.sleep(0.1)

    def metrics(self, url: str | None = None) -> str:
        return str(http("GET", url or f"{self.url}/metrics")[1])


def _wait_for_log(path: Path, needle: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and needle in path.read_text(errors="replace"):
            return
        time.sleep(0.1)
    raise AssertionError(f"{needle!r} not in {path.name} after {timeout:.0f} s:\n{path.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def scratch_database() -> Iterator[str]:
    with scratch_postgres("gala_topology") as url:
        yield url


@pytest.fixture(scope="module")
def topology(scratch_database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    import redis

    assert REDIS_URL
    redis.Redis.from_url(REDIS_URL).flushdb()
    tmp = tmp_path_factory.mktemp("topology")
    metrics_dir = tmp / "metrics"
    metrics.prepare_multiprocess_dir(metrics_dir)
    env = {k: v for k, v in os.environ.items() if k not in set(config.ENV_NAMES) | set(metrics.ENV_NAMES)}
    env.update(
        GALA_ENV="production",
        GALA_DATA_DIR=str(tmp / "data"),
        DATABASE_URL=scratch_database,
        REDIS_URL=REDIS_URL,
        JOB_LEASE_SECONDS="10",
        REAPER_INTERVAL_SECONDS="1",
        PROMETHEUS_MULTIPROC_DIR=str(metrics_dir),
        PYTHONUNBUFFERED="1",
    )
    settings = Settings.from_env(env)
    upgrade(settings)
    log_dir = tmp / "logs"
    platform = Platform(env=env, port=free_port(), log_dir=log_dir, workers=())
    render_port = free_port()
    try:
        platform.start_api()
        # The render pool, exactly as compose's `renderer` service runs it, plus its own metrics port.
        render = Process(
            "render",
            [sys.executable, "-m", "worker", "--queues", "gala.render", "--no-reaper", "--hostname", "render@%h"],
            {**env, "WORKER_METRICS_PORT": str(render_port)},
            platform._log("render"),
        )
        render.start()
        platform.processes.append(render)
        platform.start_worker(["--queues", "gala.default,gala.speech", "--hostname", "default@%h"], name="default")
        platform.wait_healthy(60)
        for name in ("render", "default"):
            _wait_for_log(log_dir / f"{name}.log", " ready.", 60)
        yield Topology(platform, settings, log_dir, render_port, tmp)
    finally:
        platform.stop()


def test_smoke_test_ok_through_the_split_topology(topology: Topology) -> None:
    out = topology.tmp / "out"
    result = subprocess.run(
        [sys.executable, "-m", "gala.cli", "smoke", "--url", topology.url, "--out", str(out), "--provider", "localfs"],
        env=topology.platform.env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:] + topology.logs()
    assert result.stdout.rstrip().endswith("Smoke test OK")
    match = re.search(r"job ([0-9a-f-]{36}) submitted", result.stdout)
    assert match, result.stdout
    job_id = match.group(1)

    # The render ran in the render pool, and only there; each of its lines carries the job id.
    render_lines = [line for line in topology.log_lines("render") if line.get("job_id") == job_id]
    messages = [line["message"] for line in render_lines]
    assert any(m.startswith("job claimed") for m in messages), messages
    rendered = [m for m in messages if m.startswith("rendered")]
    assert len(rendered) == 1, messages
    assert "worker=render@" in rendered[0], messages
    assert any(m.startswith("job done") for m in messages), messages
    # The default worker ran only the speech stage (it consumes gala.speech, as in compose): it
    # claimed the job for "synthesizing speech" and never rendered.
    default = [line["message"] for line in topology.log_lines("default")]
    claims = [m for m in default if m.startswith("job claimed")]
    assert claims, default
    assert all("stage=synthesizing speech" in m for m in claims), claims
    assert not [m for m in default if m.startswith("rendered")], default


def test_metrics_expose_every_series_after_a_real_job(topology: Topology) -> None:
    job = topology.submit(TINY)
    topology.wait(job["id"], lambda j: j["status"] == "done")
    topology.job(job["id"])  # a jobs.get with a job id in the path: counted by operationId
    exposition = topology.metrics()
    names = set(metrics.metric_names(exposition))
    for name in (
        "gala_http_requests_total",
        "gala_http_request_duration_seconds_bucket",
        "gala_jobs",
        "gala_queue_depth",
        "gala_render_seconds_bucket",
        "gala_render_seconds_count",
        "gala_storage_upload_retries_total",
        "gala_metrics_source_up",
    ):
        assert name in names, f"{name} missing from /metrics:\n{exposition}"

    def value(pattern: str) -> float:
        found = re.search(rf"^{pattern} ([0-9.e+-]+)$", exposition, re.MULTILINE)
        assert found, f"{pattern} not in /metrics:\n{exposition}"
        return float(found.group(1))

    assert value(r'gala_http_requests_total\{method="POST",route="jobs.create",status="201"\}') >= 1
    assert value(r'gala_http_requests_total\{method="GET",route="jobs.get",status="200"\}') >= 1
    assert job["id"] not in exposition, "route labels are operationIds, never raw paths"
    assert value(r'gala_jobs\{status="done"\}') >= 1
    assert value(r'gala_queue_depth\{queue="gala.render"\}') == 0
    assert value(r'gala_queue_depth\{queue="gala.default"\}') == 0
    assert value(r'gala_render_seconds_count\{outcome="done"\}') >= 1  # written by the worker process
    assert value(r'gala_storage_upload_retries_total\{provider="localfs"\}') == 0
    assert value(r'gala_metrics_source_up\{source="database"\}') == 1
    assert value(r'gala_metrics_source_up\{source="broker"\}') == 1

    # Multi-host: the render pool's own endpoint has its series too.
    own = topology.metrics(f"http://127.0.0.1:{topology.render_metrics_port}/metrics")
    assert re.search(r'^gala_render_seconds_count\{outcome="done"\} [1-9]', own, re.MULTILINE), own


def test_the_default_queue_is_not_blocked_by_renders(topology: Topology) -> None:
    busy = topology.submit(LONG)
    topology.wait(busy["id"], lambda j: j["status"] == "rendering" and j["progress"] >= 1, 60)
    waiting = topology.submit(TINY)  # the only render process is busy: this one waits in gala.render
    try:
        time.sleep(0.5)
        assert topology.job(waiting["id"])["status"] == "queued"
        assert re.search(r'^gala_queue_depth\{queue="gala.render"\} 1\.0$', topology.metrics(), re.MULTILINE)

        celery = make_celery(topology.settings, name="gala-test")
        try:
            sent_at = time.monotonic()
            task_id = celery.send_task(REAP_TASK, **ROUTES[REAP_TASK]).id
        finally:
            celery.close()
        _wait_for_log(topology.log_dir / "default.log", f"Task {REAP_TASK}[{task_id}] succeeded", 10)
        took = time.monotonic() - sent_at
        assert took < 5, f"a default-queue task waited {took:.1f} s"
        # ... and it ran while the render was still going.
        assert topology.job(busy["id"])["status"] == "rendering"
        assert topology.job(waiting["id"])["status"] == "queued"
        assert f"[{task_id}]" not in (topology.log_dir / "render.log").read_text(errors="replace")
    finally:
        http("POST", f"{topology.url}/jobs/{busy['id']}/cancel")
    done = topology.wait(waiting["id"], lambda j: j["status"] in {"done", "failed", "canceled"}, 60)
    assert done["status"] == "done", topology.logs()
