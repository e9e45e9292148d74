"""The worker's Celery app and its process-wide runtime, built once from the environment."""

from __future__ import annotations

from functools import cache

from celery import Celery

from gala import metrics
from gala.config import Settings
from gala.queue import make_celery
from gala.services.runtime import Runtime


@cache
def runtime() -> Runtime:
    return Runtime.from_settings(Settings.from_env(), on_upload_retry=metrics.storage_upload_retry)


def create_celery() -> Celery:
    app = make_celery(runtime().settings, name="gala-worker")
    app.conf.imports = ["worker.tasks"]  # registers the tasks when a worker starts
    return app


celery = create_celery()
