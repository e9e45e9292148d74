"""``python -m worker``: a Celery worker for GALA, plus the reaper.

Each process runs one task at a time (``solo`` pool: a render uses the CPU fully, and a killed
worker takes its render with it rather than leaving an orphan child). Scale out with more
processes or hosts. The reaper runs in a background thread of every worker process; it only
re-enqueues jobs whose lease expired, with compare-and-set updates, so several reapers are safe.
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="gala worker", description=__doc__)
    parser.add_argument(
        "--queues",
        default=f"{RENDER_QUEUE},{DEFAULT_QUEUE}",
        help="comma-separated queues to consume (default: %(default)s)",
    )
    parser.add_argument("--loglevel", default="INFO")
    parser.add_argument("--hostname", default=None, help="Celery node name")
    parser.add_argument("--no-reaper", action="store_true", help="do not run the reaper in this process")
    args = parser.parse_args(argv)

    logging.basicConfig(level=args.loglevel.upper(), format="%(asctime)s %(levelname)s %(name)s %(message)s")
    from worker.app import celery

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
