"""Prometheus metrics: what each GALA process records, and how ``/metrics`` exposes it.

Series (all prefixed ``gala_``):

=====================================  =========  ===========================================================
``http_requests_total``                counter    API requests by ``method``, ``route`` (the operationId, e.g.
                                                  ``jobs.get``; never a raw path) and ``status``
``http_request_duration_seconds``      histogram  API latency by ``method`` and ``route``
``jobs``                               gauge      jobs by ``status``, counted in the database at scrape time
``queue_depth``                        gauge      messages waiting per ``queue``, asked of the broker at scrape
                                                  time (Redis: LLEN of the queue's lists; embedded: its
                                                  message table)
``render_seconds``                     histogram  wall time of ``renderer.render`` in workers, by ``outcome``
``storage_upload_retries_total``       counter    upload attempts retried by a storage provider, by ``provider``
``metrics_source_up``                  gauge      1 when the scrape-time query of ``source`` (database, broker)
                                                  worked, else 0
=====================================  =========  ===========================================================

Processes. The API records the HTTP series and serves ``/metrics``; workers record render
seconds and upload retries. Two ways to collect the workers' series, see docs/scaling.md:

* **one host** (``gala up``, ``gala api --workers N``): ``PROMETHEUS_MULTIPROC_DIR`` names a
  directory every process writes its samples to (prometheus_client's multiprocess mode); the
  API's ``/metrics`` adds them all up. The variable must be set before a process imports
  prometheus_client, so the launcher sets it (``gala up`` and ``gala api`` do).
* **many hosts** (compose, ``--scale renderer=N``): each worker serves its own registry on
  ``WORKER_METRICS_PORT`` and Prometheus scrapes every replica.

The scrape-time series (jobs, queue depth) come only from the API: they describe shared state,
and one scrape per API is enough.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector

from gala.jobs.state import JobStatus

if TYPE_CHECKING:
    from gala.runtime import Runtime

log = logging.getLogger(__name__)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Environment variables read here rather than in gala.config (prometheus_client reads this one
# itself, at import); the compose-consistency test accepts these beside Settings' own.
ENV_NAMES = (MULTIPROC_ENV,)
CONTENT_TYPE = CONTENT_TYPE_LATEST
JOB_STATUSES = tuple(JobStatus)  # every one is exposed, at zero when no job has it

HTTP_REQUESTS = Counter(
    "gala_http_requests",
    "HTTP requests served by the API, by method, route (operationId) and status.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "gala_http_request_duration_seconds",
    "HTTP request latency by method and route (operationId).",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
RENDER_SECONDS = Histogram(
    "gala_render_seconds",
    "Wall time of renderer.render in a worker, by outcome (done, failed, canceled).",
    ["outcome"],
    buckets=(0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0),
)
UPLOAD_RETRIES = Counter(
    "gala_storage_upload_retries",
    "Upload attempts a storage provider retried (rate limits, 5xx, timeouts), by provider.",
    ["provider"],
)


def storage_upload_retry(provider: str) -> None:
    """Count one retried upload attempt. Storage providers call this before backing off."""
    UPLOAD_RETRIES.labels(provider=provider).inc()


def observe_render(outcome: str, seconds: float) -> None:
    RENDER_SECONDS.labels(outcome=outcome).observe(seconds)


def declare_worker_series(provider: str) -> None:
    """Create a worker's labelled series at zero, so a scrape shows them before the first event."""
    UPLOAD_RETRIES.labels(provider=provider)
    for outcome in ("done", "failed", "canceled"):
        RENDER_SECONDS.labels(outcome=outcome)


def multiprocess_dir() -> Path | None:
    raw = os.environ.get(MULTIPROC_ENV)
    return Path(raw) if raw else None


def prepare_multiprocess_dir(path: Path) -> None:
    """Empty (or create) a multiprocess directory before any process of a new run writes to it.

    Files left by an earlier run would add its counts to this one's.
    """
    path.mkdir(parents=True, exist_ok=True)
    for stale in path.glob("*.db"):
        stale.unlink()


# --------------------------------------------------------------------------- scrape-time collectors


class SharedStateCollector(Collector):
    """The scrape-time series: ``gala_jobs{status}`` (one GROUP BY on the jobs table) and
    ``gala_queue_depth{queue}`` (asked of the broker), plus ``gala_metrics_source_up``.

    Queue depth uses kombu's queue declaration, which answers with the message count on every
    transport: on Redis the LLEN of the queue's lists (one per priority step), on the embedded
    broker a count of its visible message rows. A source that is down gives ``source_up 0`` and
    no samples, never a failed scrape.
    """

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self._celery: Any = None

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily(
            "gala_metrics_source_up", "1 when the scrape-time query of this source worked.", labels=["source"]
        )
        jobs = GaugeMetricFamily("gala_jobs", "Jobs by status, counted in the database at scrape.", labels=["status"])
        try:
            for status, count in self._job_counts().items():
                jobs.add_metric([status], count)
            up.add_metric(["database"], 1.0)
        except Exception as exc:  # a scrape must not fail because the database is down
            log.warning("metrics: could not count jobs: %s", type(exc).__name__)
            up.add_metric(["database"], 0.0)
        depth = GaugeMetricFamily("gala_queue_depth", "Messages waiting per queue, at scrape.", labels=["queue"])
        try:
            for queue, count in self._queue_depths().items():
                depth.add_metric([queue], count)
            up.add_metric(["broker"], 1.0)
        except Exception as exc:
            log.warning("metrics: could not read queue depth: %s", type(exc).__name__)
            up.add_metric(["broker"], 0.0)
        yield jobs
        yield depth
        yield up

    def _job_counts(self) -> dict[str, float]:
        from sqlalchemy import func, select

        from gala.orm import Job

        with self.rt.sessions() as session:
            counts = {str(s): int(n) for s, n in session.execute(select(Job.status, func.count()).group_by(Job.status))}
        return {s: float(counts.get(s, 0)) for s in (*JOB_STATUSES, *sorted(set(counts) - set(JOB_STATUSES)))}

    def _queue_depths(self) -> dict[str, float]:
        from gala.jobs import stages
        from gala.queue import make_celery

        if self._celery is None:
            self._celery = make_celery(self.rt.settings, name="gala-metrics", queues=stages.queues())
        out: dict[str, float] = {}
        with self._celery.connection_for_read() as conn:
            channel = conn.default_channel
            for queue in self._celery.conf.task_queues:
                out[queue.name] = float(queue.bind(channel).queue_declare().message_count)
        return out


class Exposition:
    """What the API's ``/metrics`` returns: this process (or, in multiprocess mode, every
    process sharing the directory) plus the scrape-time collectors."""

    def __init__(self, rt: Runtime) -> None:
        self.scraped = CollectorRegistry(auto_describe=False)
        self.scraped.register(SharedStateCollector(rt))

    def process_registry(self) -> CollectorRegistry:
        if multiprocess_dir() is None:
            return REGISTRY
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry

    def render(self) -> bytes:
        return generate_latest(self.process_registry()) + generate_latest(self.scraped)


def serve_worker_metrics(host: str, port: int) -> None:
    """A worker's own ``/metrics`` (multi-host deployments), on a daemon thread."""
    from prometheus_client import start_http_server

    start_http_server(port, addr=host)
    log.info("worker metrics on http://%s:%s/metrics", host, port)


# --------------------------------------------------------------------------- HTTP middleware

# Paths served outside the OpenAPI operations, each its own route label; everything else that
# Connexion did not route is "unmatched" (a 404/405), so scanners cannot inflate the label set.
_STATIC_ROUTES = ("/metrics", "/openapi.json", "/openapi.yaml", "/health")


def route_label(scope: dict[str, Any]) -> str:
    operation_id = ((scope.get("extensions") or {}).get("connexion_routing") or {}).get("operation_id")
    if operation_id:
        return str(operation_id)
    path = str(scope.get("path", ""))
    if path in _STATIC_ROUTES:
        return path
    if path == "/ui" or path.startswith("/ui/"):
        return "/ui"
    return "unmatched"


class HttpMetricsMiddleware:
    """ASGI, outermost: counts and times every request, error responses included.

    The route label is read from the scope after the response: Connexion's routing middleware,
    further in, writes the operationId into ``scope["extensions"]``. It works on a shallow copy
    of the scope, so the ``extensions`` dictionary must exist before it copies (uvicorn sends
    none; Starlette's test client does), or the write would land in the copy only.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await self.app(scope, receive, send)
            return
        scope.setdefault("extensions", {})
        started = time.perf_counter()
        status = [500]

        async def send_wrapper(message: dict[str, Any]) -> None:
            if message.get("type") == "http.response.start":
                status[0] = int(message.get("status", 500))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            method = str(scope.get("method", ""))
            route = route_label(scope)
            HTTP_REQUESTS.labels(method=method, route=route, status=str(status[0])).inc()
            HTTP_LATENCY.labels(method=method, route=route).observe(time.perf_counter() - started)


def metric_names(text: str) -> Iterable[str]:
    """Sample names in a Prometheus text exposition (for tests and the scale benchmark)."""
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("{", 1)[0].split(" ", 1)[0]
