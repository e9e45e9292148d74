"""``python -m worker``: a Celery worker for GALA, plus the reaper.

Each process runs one task at a time (``solo`` pool: a render uses the CPU fully, and a killed
worker takes its render with it rather than leaving an orphan child). Scale out with more
processes or hosts. The reaper runs in a background thread of the worker process unless
``--no-reaper`` (the render pool passes it: reaping belongs to the ``gala.default`` worker, see
docs/scaling.md); it only re-enqueues jobs whose lease expired, with compare-and-set updates,
so several reapers are safe.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading

from gala.queue import DEFAULT_QUEUE, RENDER_QUEUE
from gala.services import rendering

log = logging.getLogger("gala.worker")


def _reaper(stop: threading.Event) -> None:
    from worker.app import runtime

    rt = runtime()
    while not stop.wait(rt.settings.reaper_interval_seconds):
        try:
            rendering.reap(rt)
        except Exception:  # the database may be briefly unavailable; try again next round
            log.exception("reaper round failed")


def build_parser() -> argparse.ArgumentParser:
    """The worker's options (also checked against infra/docker-compose.yml by tests/deploy)."""
    parser = argparse.ArgumentParser(prog="gala worker", description=__doc__)
    parser.add_argument(
        "--queues",
        default=f"{RENDER_QUEUE},{DEFAULT_QUEUE}",
        help="comma-separated queues to consume (default: %(default)s)",
    )
    parser.add_argument("--loglevel", default="INFO")
    parser.add_argument("--hostname", default=None, help="Celery node name")
    parser.add_argument(
        "--no-reaper",
        action="store_true",
        help="do not run the reaper in this process (the render pool: reaping belongs to the gala.default worker)",
    )
    return parser


def _configure_logging(level: str) -> None:
    from celery.signals import setup_logging

    from gala import logs

    logs.configure_from_env(level)

    # A receiver on setup_logging tells Celery to leave logging alone: its lines then go through
    # GALA's handler (JSON in production, the job id on each line).
    @setup_logging.connect(weak=False)
    def _keep_gala_logging(**_: object) -> None:
        return None


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    _configure_logging(args.loglevel.upper())
    from gala import metrics
    from worker.app import celery, runtime

    settings = runtime().settings
    metrics.declare_worker_series(settings.storage_provider)
    if settings.worker_metrics_port:
        metrics.serve_worker_metrics(settings.worker_metrics_host, settings.worker_metrics_port)

    # Celery's own CLI would read CELERY_BROKER_URL again and override the configuration GALA
    # built from it (which, for the embedded broker, selects GALA's transport).
    os.environ.pop("CELERY_BROKER_URL", None)
    stop = threading.Event()
    if not args.no_reaper:
        threading.Thread(target=_reaper, args=(stop,), name="gala-reaper", daemon=True).start()
    worker_args = [
        "worker",
        "--pool=solo",
        "--concurrency=1",
        f"--queues={args.queues}",
        f"--loglevel={args.loglevel}",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    if args.hostname:
        worker_args.append(f"--hostname={args.hostname}")
    try:
        celery.worker_main(worker_args)
    finally:
        stop.set()


if __name__ == "__main__":
    main()
