"""Tasks, registered by name: the one generic stage task, and the reaper.

The API enqueues by task name (``gala.queue.STAGE_TASK``) and never imports this module.
"""

from __future__ import annotations

import uuid
from typing import Any

from gala.jobs.reaper import reap as reap_jobs
from gala.logs import job_context
from gala.queue import REAP_TASK, STAGE_TASK
from worker import runner
from worker.app import celery, runtime


@celery.task(name=STAGE_TASK, bind=True, acks_late=True, reject_on_worker_lost=True)
def run_stage(self: Any, job_id: str) -> None:
    delivery = self.request.delivery_info or {}
    with job_context(job_id):
        runner.run(
            runtime(), uuid.UUID(job_id), queue=delivery.get("routing_key"), hostname=self.request.hostname or "-"
        )


@celery.task(name=REAP_TASK)
def reap() -> None:
    reap_jobs(runtime())
