"""A worker killed with SIGKILL in the middle of a batch loses no row (real workers, real broker)."""

from __future__ import annotations

import os
import signal
import time
import uuid

from sqlalchemy import select

from gala.orm import Asset, Job
from gala.services.builtin import HELLO_ID
from tests.worker.conftest import Stack, rendered, stack

__all__ = ["stack"]  # the worker tests' fixture: the API here, Celery workers as child processes

# Long enough (two seconds or more each, on an idle machine) for the progress to show and the kill
# to land while a row renders: 8 s rows rendered in 0.4 s and finished before a poll caught one.
ROW = {"title": "fila", "width": 640, "height": 360, "duration": 45, "fps": 24, "size": 16}


def test_a_worker_killed_mid_batch_loses_no_row(stack: Stack) -> None:
    first = stack.worker()
    rows = [{"params": {**ROW, "title": f"fila {i}"}} for i in range(6)]
    r = stack.client.post("/batches", json={"template_id": str(HELLO_ID), "concurrency": 2, "rows": rows})
    assert r.status_code == 201, r.text
    batch_id = r.json()["id"]
    deadline = time.monotonic() + 60
    victim = None
    while victim is None:  # the first row caught rendering
        page = stack.client.get(f"/batches/{batch_id}/jobs", params={"status": "rendering"}).json()["items"]
        victim = next((j for j in page if rendered(5)(j)), None)
        assert time.monotonic() < deadline, stack.logs()
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)
    assert first.popen is not None
    first.popen.wait(5)
    stack.worker()  # the reaper re-queues the killed row once its lease expires
    deadline = time.monotonic() + 240
    while (got := stack.client.get(f"/batches/{batch_id}").json())["status"] == "running":
        assert time.monotonic() < deadline, f"{got}\n{stack.logs()}"
        time.sleep(0.2)
    assert got["status"] == "done", f"{got}\n{stack.logs()}"
    assert got["counts"]["done"] == 6
    with stack.rt.sessions() as session:
        jobs = session.scalars(select(Job).where(Job.batch_id == uuid.UUID(batch_id))).all()
        assert sorted(j.batch_row for j in jobs) == list(range(6))
        killed = next(j for j in jobs if str(j.id) == victim["id"])
        assert killed.attempts == 2
        for job in jobs:  # exactly one set of outputs per row
            roles = session.scalars(select(Asset.role).where(Asset.job_id == job.id)).all()
            assert sorted(roles) == ["thumbnail", "video"], job.batch_row
    assert stack.stored_files() == stack.object_keys()
    assert len(stack.stored_files()) == 12
