"""gala.jobs without worker processes: the status enum against the contract, the pipeline table,
the unit of work, the event feed, and where the worker builds its Runtime."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from gala.config import Settings
from gala.db import unit_of_work
from gala.jobs import dispatch, events, lease, stages, state
from gala.jobs.events import EventKind
from gala.jobs.state import JobStatus
from gala.orm import Job, JobEvent
from gala.platform import free_port
from gala.runtime import Runtime
from gala.services import builtin
from gala.services import jobs as job_service
from gala.services.builtin import HELLO_ID

SPEC = Path(__file__).parents[2] / "openapi" / "gala.yaml"


def test_the_status_enum_is_the_contracts() -> None:
    spec = yaml.safe_load(SPEC.read_text())
    assert spec["components"]["schemas"]["JobStatus"]["enum"] == [s.value for s in JobStatus]


def test_terminal_statuses_go_nowhere_and_illegal_moves_raise() -> None:
    for status in state.TERMINAL:
        assert state.TRANSITIONS[status] == frozenset()
    assert set(state.TRANSITIONS) == set(JobStatus)
    state.check((JobStatus.QUEUED, JobStatus.RENDERING), JobStatus.CANCELED)
    with pytest.raises(state.IllegalTransition, match="from done to rendering"):
        state.check((JobStatus.DONE,), JobStatus.RENDERING)


def test_the_pipeline_table() -> None:
    assert sum(s.share for s in stages.PIPELINE) == 100
    assert len(stages.BY_NAME) == len(stages.PIPELINE), "stage names are unique"
    assert stages.LAST.status is JobStatus.UPLOADING
    assert all(s.status in state.ACTIVE for s in stages.PIPELINE)
    assert stages.progress(stages.FIRST, 0) == 0
    assert stages.progress(stages.LAST, 100) == 99, "100 is for done"
    values = [stages.progress(s, p) for s in stages.PIPELINE for p in (0, 50, 100)]
    assert values == sorted(values), "progress never goes back across stages"


def test_every_stage_names_an_implementation_the_worker_can_load() -> None:
    from worker import runner

    for stage in stages.PIPELINE:
        assert callable(runner.implementation(stage)), stage.run


def test_the_worker_builds_its_runtime_when_it_starts_not_at_import() -> None:
    code = (
        "import worker.app as a\n"
        "try:\n    a.runtime()\nexcept RuntimeError:\n    print('not at import')\n"
        "from celery.signals import worker_init\n"
        "worker_init.send(sender=None)\n"
        "print(type(a.runtime()).__name__)\n"
        "a.stop_runtime()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.split() == ["not", "at", "import", "Runtime"], out.stderr


@pytest.fixture
def rt(settings: Settings) -> Runtime:
    runtime = Runtime.from_settings(settings)
    builtin.ensure(runtime)
    yield runtime  # type: ignore[misc]
    runtime.close()


def _count(rt: Runtime, model: type) -> int:
    with rt.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_unit_of_work_creates_n_jobs_atomically_and_dispatches_only_after_commit(rt: Runtime) -> None:
    sent: list[str] = []
    body = {"template_id": str(HELLO_ID), "params": {"title": "x"}}

    def three_then_fail() -> None:
        with unit_of_work(rt.sessions) as uow:
            for _ in range(3):
                job_service.add(uow, rt, body)
            uow.after_commit(lambda: sent.append("hook"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        three_then_fail()
    assert (_count(rt, Job), _count(rt, JobEvent), sent) == (0, 0, []), "rolled back: no rows, no hooks"

    with unit_of_work(rt.sessions) as uow:
        created = [job_service.add(uow, rt, body) for _ in range(3)]
        uow.after_commit(lambda: sent.append(f"jobs={_count(rt, Job)}"))
    assert sent == ["jobs=3"], "hooks run after the commit"
    with rt.sessions() as session:
        feed = events.since(session)
    assert [(e.kind, e.job_id, e.queue) for e in feed] == [
        (EventKind.CREATED, j.id, stages.FIRST.queue) for j in created
    ]
    assert [e.id for e in feed] == sorted(e.id for e in feed)


def test_the_feed_resumes_after_a_last_event_id(rt: Runtime) -> None:
    job_id = uuid.uuid4()
    with unit_of_work(rt.sessions) as uow:
        for kind in (EventKind.CREATED, EventKind.CLAIMED, EventKind.DONE):
            events.record(uow, job_id, kind, status=JobStatus.QUEUED, stage=None, progress=0, attempt=0)
    with rt.sessions() as session:
        first, *rest = events.since(session, job_id=job_id)
        assert [e.kind for e in events.since(session, first.id, job_id=job_id)] == [e.kind for e in rest]


def test_a_stage_on_another_queue_is_handed_off_without_a_new_attempt(
    rt: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = stages.Stage("speaking", "gala.elsewhere", JobStatus.RENDERING, "nowhere:run", share=0)
    pipeline = (stages.FIRST, elsewhere, *stages.PIPELINE[1:])  # the one line that adds a stage
    monkeypatch.setattr(stages, "PIPELINE", pipeline)
    monkeypatch.setattr(stages, "BY_NAME", {s.name: s for s in pipeline})
    with unit_of_work(rt.sessions) as uow:
        job_id = job_service.add(uow, rt, {"template_id": str(HELLO_ID), "params": {"title": "x"}}).id
    first = lease.claim(rt, job_id)
    assert first is not None
    assert stages.after(first.stage) is elsewhere
    assert lease.hand_off(rt, first, elsewhere)
    with rt.sessions() as session:
        job = session.get(Job, job_id)
        assert job is not None
        assert (job.status, job.stage, job.handoff_stage, job.attempts) == ("queued", "speaking", "speaking", 1)
        last = events.since(session, job_id=job_id)[-1]
        assert (last.kind, last.queue) == (EventKind.STAGE, "gala.elsewhere"), "the hand-off is a dispatch"
    assert lease.claim(rt, job_id) is None, "a first-stage message for a handed-off job does nothing"
    second = lease.claim(rt, job_id, elsewhere)
    assert second is not None
    assert (second.attempt, second.stage) == (1, elsewhere), "the same attempt goes on"
    assert lease.claim(rt, job_id, elsewhere) is None, "a duplicate message does nothing"


def test_the_relay_sends_what_the_broker_refused(rt: Runtime) -> None:
    working = rt.settings
    rt.settings = working.replace(broker_url=f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    with unit_of_work(rt.sessions) as uow:
        job_id = job_service.add(uow, rt, {"template_id": str(HELLO_ID), "params": {"title": "x"}}).id
    with rt.sessions() as session:
        assert [e.sent_at for e in events.since(session, job_id=job_id)] == [None]
    assert dispatch.relay(rt, grace_seconds=0) == 0, "still down: nothing sent"
    assert rt.dispatcher is not None
    rt.dispatcher.close()
    rt.settings, rt.dispatcher = working, None  # the broker is back
    assert dispatch.relay(rt, grace_seconds=0) == 1
    assert dispatch.relay(rt, grace_seconds=0) == 0, "sent once"
    with rt.sessions() as session:
        assert all(e.sent_at is not None for e in events.since(session, job_id=job_id))


def test_the_lease_is_kept_while_a_stage_reports_nothing(settings: Settings) -> None:
    # The encoder's flush at the end of a render reports no progress for seconds; the lease must
    # not run out meanwhile, or the reaper takes a healthy job (seen: a 90 s render, a 5 s lease).
    from gala.jobs import reaper

    rt = Runtime.from_settings(settings.replace(job_lease_seconds=1.0))
    try:
        builtin.ensure(rt)
        with unit_of_work(rt.sessions) as uow:
            job_id = job_service.add(uow, rt, {"template_id": str(HELLO_ID), "params": {}}).id
        claim = lease.claim(rt, job_id)
        assert claim is not None
        beat = lease.Heartbeat(rt, claim)
        with lease.kept(rt, lambda: beat):
            for _ in range(5):  # 2.5 lease lengths of silence, the reaper looking every half lease
                time.sleep(0.5)
                assert job_id not in reaper.reap(rt)
        with rt.sessions() as session:
            job = session.get(Job, job_id)
            assert job is not None
            assert (job.status, job.attempts) == (JobStatus.RENDERING, 1)
        time.sleep(1.2)  # with no keeper the lease lapses, and the reaper takes the job
        assert job_id in reaper.reap(rt)
    finally:
        rt.close()
