"""``python -m worker``: a Celery worker for GALA, plus the reaper, the outbox relay and the webhook deliverer.

Each process runs one task at a time (``solo`` pool: a render uses the CPU fully, and a killed
worker takes its render with it rather than leaving an orphan child). Scale out with more
processes or hosts. The reaper and the outbox relay (it re-sends dispatches the broker refused,
see gala.jobs.dispatch) run in background threads of the worker process unless ``--no-reaper``
(the render pool passes it: housekeeping belongs to the ``gala.default`` worker, see
docs/scaling.md). Both act with compare-and-set updates and idempotent sends, so several are
safe. They start once the worker has built its Runtime (``worker_init``).
"""

from __future__ import annotations

import argparse
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from gala.jobs import stages
from gala.jobs.dispatch import RELAY_INTERVAL_SECONDS, relay
from gala.jobs.reaper import reap
from gala.queue import DEFAULT_QUEUE
from gala.runtime import Runtime
from gala.webhooks import deliverer

log = logging.getLogger("gala.worker")


def _every(seconds: float, what: str, step: Callable[[Runtime], Any], stop: threading.Event) -> None:
    from worker.app import runtime

    rt = runtime()
    while not stop.wait(seconds):
        try:
            step(rt)
        except Exception:  # the database may be briefly unavailable; try again next round
            log.exception("%s round failed", what)


def _start_housekeeping(stop: threading.Event) -> None:
    from worker.app import runtime

    rounds = (
        ("reaper", runtime().settings.reaper_interval_seconds, reap),
        ("relay", RELAY_INTERVAL_SECONDS, relay),
        ("webhooks", deliverer.INTERVAL_SECONDS, deliverer.run_round),
    )
    for what, seconds, step in rounds:
        thread = threading.Thread(target=_every, args=(seconds, what, step, stop), name=f"gala-{what}", daemon=True)
        thread.start()


def build_parser() -> argparse.ArgumentParser:
    """The worker's options (also checked against infra/docker-compose.yml by tests/deploy)."""
    parser = argparse.ArgumentParser(prog="gala worker", description=__doc__)
    parser.add_argument(
        "--queues",
        default=",".join((*stages.queues(), DEFAULT_QUEUE)),
        help="comma-separated queues to consume (default: %(default)s)",
    )
    parser.add_argument("--loglevel", default="INFO")
    parser.add_argument("--hostname", default=None, help="Celery node name")
    parser.add_argument(
        "--no-reaper",
        action="store_true",
        help="no reaper nor outbox relay in this process (the render pool: they belong to the gala.default worker)",
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
    from celery.signals import worker_init

    from gala import metrics
    from gala.config import Settings
    from worker.app import celery, use_settings

    settings = Settings.from_env()
    use_settings(settings)
    metrics.declare_worker_series(settings.storage_provider)
    if settings.worker_metrics_port:
        metrics.serve_worker_metrics(settings.worker_metrics_host, settings.worker_metrics_port)

    # Celery's own CLI would read CELERY_BROKER_URL again and override the configuration GALA
    # built from it (which, for the embedded broker, selects GALA's transport).
    os.environ.pop("CELERY_BROKER_URL", None)
    stop = threading.Event()
    if not args.no_reaper:
        # Connected after worker.app's own receiver (at its import), which builds the Runtime first.
        worker_init.connect(lambda **_: _start_housekeeping(stop), weak=False)
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
