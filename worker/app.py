"""The worker's Celery app, and its process-wide Runtime, built when the worker process starts.

Importing this module builds the Celery app from the environment's settings (no connection is
opened); the Runtime (database engine, storage, dispatcher) is built by the ``worker_init``
signal (the solo and threads pools run tasks in the worker's main process) or, in a prefork
child, by ``worker_process_init``, and closed at shutdown.
"""

from __future__ import annotations

from typing import Any

from celery import Celery
from celery.signals import worker_init, worker_process_init, worker_process_shutdown, worker_shutdown

from gala import metrics
from gala.config import Settings
from gala.jobs import stages
from gala.queue import make_celery
from gala.runtime import Runtime

_runtime: Runtime | None = None
_settings: Settings | None = None


def use_settings(settings: Settings) -> None:
    """The settings the Runtime will be built from (``python -m worker`` reads them before it
    hands the environment to Celery's CLI, which must not see ``CELERY_BROKER_URL``)."""
    global _settings
    _settings = settings


def runtime() -> Runtime:
    """The Runtime of this worker process. Raises RuntimeError before the worker started."""
    if _runtime is None:
        raise RuntimeError("the worker's runtime is built when the worker process starts (worker_init)")
    return _runtime


def start_runtime(**_: Any) -> Runtime:
    global _runtime
    if _runtime is None:
        _runtime = Runtime.from_settings(_settings or Settings.from_env(), on_upload_retry=metrics.storage_upload_retry)
    return _runtime


def _start_child_runtime(**_: Any) -> None:
    # A forked child must not share the parent's database connections: drop them, build anew.
    global _runtime
    if _runtime is not None:
        _runtime.engine.dispose(close=False)
        _runtime = None
    start_runtime()


def stop_runtime(**_: Any) -> None:
    global _runtime
    if _runtime is not None:
        _runtime.close()
        _runtime = None


worker_init.connect(start_runtime, weak=False)
worker_process_init.connect(_start_child_runtime, weak=False)
worker_shutdown.connect(stop_runtime, weak=False)
worker_process_shutdown.connect(stop_runtime, weak=False)


def create_celery() -> Celery:
    app = make_celery(Settings.from_env(), name="gala-worker", queues=stages.queues())
    app.conf.imports = ["worker.tasks"]  # registers the tasks when a worker starts
    return app


celery = create_celery()
