"""The render pipeline with real processes: the API in this process, Celery workers as children.

Each test runs on the embedded broker (kombu's SQLAlchemy transport over SQLite) and, when
``GALA_TEST_REDIS_URL`` is set, on Redis; with SQLite, and PostgreSQL when it is set. Where both are
set, the tests marked ``every_pair`` run on all four pairs, the others on the two users run
(embedded + SQLite, Redis + PostgreSQL): see tests/worker/conftest.py.
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from gala.db import transaction, utcnow
from gala.jobs import dispatch, stages
from gala.orm import Asset, Job, JobEvent, Template, TemplateVersion
from tests.worker.conftest import LONG, RENDERING, TINY, Stack, rendered


# On every pair of broker and database, mixed ones included (the others: the two users run).
@pytest.mark.every_pair
def test_hello_job_renders_to_assets(stack: Stack) -> None:
    stack.worker()
    job = stack.wait_done(stack.submit(TINY, options={"basename": "hello"})["id"])
    assert (job["status"], job["progress"], job["attempts"], job["error"]) == ("done", 100, 1, None), stack.logs()
    assets = [stack.client.get(f"/assets/{a}").json() for a in job["output_asset_ids"]]
    assert [(a["role"], a["mime"], a["name"], a["provider"]) for a in assets] == [
        ("video", "video/mp4", "hello.mp4", "localfs"),
        ("thumbnail", "image/jpeg", "hello.jpg", "localfs"),
    ]
    for a in assets:
        path = stack.settings.storage_local_root / a["object_key"]
        assert path.is_file()
        import hashlib

        assert hashlib.sha256(path.read_bytes()).hexdigest() == a["sha256"]
        assert a["job_id"] == job["id"]
    assert assets[0]["media"]["width"] == 160
    assert not (stack.settings.staging_dir / job["id"]).exists()  # staging cleaned up
    assert f"cleanup ok path={stack.settings.staging_dir / job['id']}" in stack.logs()


def test_every_state_change_is_an_event_and_a_log_line(stack: Stack) -> None:
    stack.worker()
    job = stack.wait_done(stack.submit(TINY)["id"])
    with stack.rt.sessions() as session:
        feed = session.scalars(select(JobEvent).where(JobEvent.job_id == uuid.UUID(job["id"])).order_by(JobEvent.id))
        seen = [(e.kind, e.status, e.stage, e.progress) for e in feed]
    changes = [row for row in seen if row[0] != "progress"]
    assert changes == [
        ("created", "queued", None, 0),
        ("claimed", "rendering", "synthesizing speech", 0),
        ("stage", "queued", "fetching assets", 5),  # handed from gala.speech to gala.render
        ("claimed", "rendering", "fetching assets", 5),
        ("stage", "rendering", "rendering", 10),
        ("stage", "uploading", "uploading", 90),
        ("done", "done", None, 100),
    ], seen
    progress = [p for *_, p in seen]
    assert progress == sorted(progress)
    time.sleep(0.3)  # lines are written just after their commits
    logs = stack.logs()
    for kind in ("claimed", "stage", "done"):
        assert f"job {kind} job_id={job['id']}" in logs, kind


def test_progress_and_stage_update_while_rendering(stack: Stack) -> None:
    stack.worker()
    job = stack.submit(LONG)
    # Progress past the earlier stages' share: the render itself is reporting (the stages before it
    # also run with status `rendering`, so status and progress alone do not say which stage it is).
    start = stages.progress(RENDERING, 0)
    seen = stack.wait(job["id"], lambda j: j["status"] == "rendering" and start < j["progress"] < 100, 30)
    assert seen["stage"] == "rendering"
    assert seen["started_at"] is not None
    later = stack.wait(job["id"], lambda j: j["progress"] > seen["progress"] or j["status"] != "rendering", 30)
    assert later["progress"] >= seen["progress"]
    stack.client.post(f"/jobs/{job['id']}/cancel")


def test_cancel_stops_a_running_render_within_a_second(stack: Stack) -> None:
    stack.worker()
    job = stack.submit(LONG)
    stack.wait(job["id"], rendered(2), 30)
    staging = stack.settings.staging_dir / job["id"]
    assert any(staging.iterdir()), "the render should be writing its partial files"
    canceled_at = time.monotonic()
    r = stack.client.post(f"/jobs/{job['id']}/cancel")
    assert r.status_code == 200
    assert r.json()["status"] == "canceled"
    while staging.exists() and time.monotonic() - canceled_at < 10:
        time.sleep(0.02)
    stopped = time.monotonic() - canceled_at
    assert not staging.exists(), stack.logs()
    assert stopped < 1.5, f"the render took {stopped:.2f} s to stop"
    final = stack.job(job["id"])
    assert (final["status"], final["output_asset_ids"]) == ("canceled", [])
    assert stack.stored_files() == set()
    # The worker is free again.
    assert stack.wait_done(stack.submit(TINY)["id"])["status"] == "done"


def _insert_job(stack: Stack, composition: dict[str, Any]) -> uuid.UUID:
    """A job whose template bypassed the API's checks (as if written by an older version)."""
    with transaction(stack.rt.sessions) as session:
        template = Template(latest_version=1)
        session.add(template)
        session.flush()
        session.add(
            TemplateVersion(
                template_id=template.id,
                version=1,
                name="legacy",
                description=None,
                composition=composition,
                parameters={"type": "object"},
                labels={},
            )
        )
        job = Job(
            template_id=template.id,
            template_version=1,
            params={},
            options={"basename": "out"},
            labels={},
            status="queued",
            progress=0,
            lease_expires_at=utcnow(),
        )
        session.add(job)
    job_id: uuid.UUID = job.id
    return job_id


def test_render_error_fails_the_job_readably_and_the_worker_keeps_serving(stack: Stack) -> None:
    stack.worker()
    job_id = _insert_job(stack, {"version": 2, "output": {"size": {"width": 1281, "height": 720}, "duration": 1}})
    dispatch.enqueue(stack.rt, job_id)
    job = stack.wait_done(str(job_id))
    assert job["status"] == "failed"
    assert job["error"]["code"] == "render_error"
    assert "output.size.width must be an even number" in job["error"]["message"]
    assert job["output_asset_ids"] == []
    assert stack.wait_done(stack.submit(TINY)["id"])["status"] == "done"


def test_storage_failure_is_retried_then_fails_clearly(stack: Stack, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("storage cannot live under a file")
    stack.platform.env.update(STORAGE_LOCAL_ROOT=str(blocker / "storage"), JOB_MAX_ATTEMPTS="2")
    stack.worker()
    job = stack.wait_done(stack.submit(TINY)["id"], timeout=60)
    assert job["status"] == "failed", stack.logs()
    assert job["attempts"] == 2
    assert job["error"]["code"] == "storage_error"
    assert "gave up after 2 attempts" in job["error"]["message"]
    with stack.rt.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Asset).where(Asset.job_id == uuid.UUID(job["id"]))) == 0
    # Golden rule: the rendered file stays in staging when it could not be stored.
    assert (stack.settings.staging_dir / job["id"] / "output.mp4").is_file()


# On every pair of broker and database, mixed ones included (the others: the two users run).
@pytest.mark.every_pair
def test_worker_killed_mid_render_ends_done_exactly_once(stack: Stack) -> None:
    first = stack.worker()
    params = {**LONG, "duration": 40}
    job = stack.submit(params)
    stack.wait(job["id"], rendered(5), 30)
    os.killpg(first.pid, signal.SIGKILL)
    assert first.popen is not None
    first.popen.wait(5)
    stack.worker()  # a fresh worker; the reaper notices the expired lease and re-enqueues
    done = stack.wait_done(job["id"], timeout=90)
    assert done["status"] == "done", stack.logs()
    assert done["attempts"] == 2
    assert len(done["output_asset_ids"]) == 2
    with stack.rt.sessions() as session:
        roles = session.scalars(select(Asset.role).where(Asset.job_id == uuid.UUID(job["id"]))).all()
    assert sorted(roles) == ["thumbnail", "video"]
    # No orphan: exactly the recorded objects are under the storage root.
    assert stack.stored_files() == stack.object_keys()
    assert len(stack.stored_files()) == 2


# On every pair of broker and database, mixed ones included (the others: the two users run).
@pytest.mark.every_pair
def test_a_second_delivery_is_a_no_op(stack: Stack) -> None:
    stack.worker()
    stack.worker()
    job = stack.submit(TINY)
    dispatch.enqueue(stack.rt, uuid.UUID(job["id"]))  # the same job twice, to two workers
    done = stack.wait_done(job["id"])
    assert (done["status"], done["attempts"]) == ("done", 1)
    dispatch.enqueue(stack.rt, uuid.UUID(job["id"]))  # and once more after it is done
    time.sleep(1.0)
    again = stack.job(job["id"])
    assert (again["attempts"], again["output_asset_ids"]) == (1, done["output_asset_ids"])
    assert len(stack.stored_files()) == 2


def test_the_reaper_resends_a_lost_message(stack: Stack) -> None:
    stack.worker()
    # A queued job whose message never reached the broker, with its queue lease expired.
    job_id = _insert_job(
        stack, {"version": 2, "output": {"size": {"width": 64, "height": 64}, "duration": 1, "fps": 5}}
    )
    assert stack.wait_done(str(job_id), timeout=30)["status"] == "done"
