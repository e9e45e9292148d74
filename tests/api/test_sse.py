"""Live progress over Server-Sent Events: resumable with Last-Event-ID, nothing missed or repeated."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import httpx
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy import select

from gala.db import unit_of_work, utcnow
from gala.jobs.events import EventKind
from gala.jobs.state import JobStatus
from gala.jobs.transition import change
from gala.orm import JobEvent
from tests.api.live_server import serve, sse
from tests.api.test_resources import make_template

SPEC = yaml.safe_load((Path(__file__).parents[2] / "openapi" / "gala.yaml").read_text())
# Every event's data is checked against the contract's JobEvent (the studio's types come from it).
EVENT = Draft202012Validator(
    {"$ref": "#/components/schemas/JobEvent", "components": SPEC["components"]}, format_checker=FormatChecker()
)


def data(event: dict[str, str]) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(event["data"])
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in EVENT.iter_errors(payload)]
    assert not problems, (payload, problems)
    assert (payload["kind"], payload["id"]) == (event["event"], int(event["id"]))
    return payload


def test_the_contracts_event_kinds_are_gala_jobs_events() -> None:
    assert SPEC["components"]["schemas"]["EventKind"]["enum"] == [k.value for k in EventKind]


def test_a_last_event_id_that_is_not_ascii_digits_means_from_the_start() -> None:
    from gala.services.live import parse_last_event_id

    assert [parse_last_event_id(v) for v in ("42", " 7 ", "³", "x", None)] == [42, 7, 0, 0, 0]


def test_the_event_schema_can_fail() -> None:
    with_bad_kind = {"id": 1, "kind": "exploded", "job_id": str(uuid.uuid4()), "batch_id": None, "status": "done"}
    assert list(EVENT.iter_errors({**with_bad_kind, "stage": None, "progress": 0, "attempt": 0, "data": None}))


def _change(rt: Any, job_id: uuid.UUID, kind: EventKind, source: JobStatus, **values: Any) -> None:
    with unit_of_work(rt.sessions) as uow:
        assert change(uow, job_id, kind, rt=rt, sources=(source,), where=(), **values) is not None


def test_a_client_that_resumes_with_last_event_id_misses_nothing_and_sees_nothing_twice(app: Any, client: Any) -> None:
    rt = app.app.extensions["gala"]
    t = make_template(client)
    job = client.post("/jobs", json={"template_id": t["id"], "params": {"title": "Hi"}}).json()
    job_id = uuid.UUID(job["id"])
    seen: list[int] = []
    with serve(app) as base, httpx.Client(base_url=base, timeout=10) as http:
        _change(rt, job_id, EventKind.CLAIMED, JobStatus.QUEUED, status=JobStatus.RENDERING, started_at=utcnow())
        with http.stream("GET", f"/jobs/{job_id}/events") as r:
            assert r.status_code == 200
            assert r.headers["content-type"].startswith("text/event-stream")
            events = sse(r)
            for expected in ("created", "claimed"):
                e = next(events)
                assert e["event"] == expected
                data(e)
                seen.append(int(e["id"]))
            _change(rt, job_id, EventKind.PROGRESS, JobStatus.RENDERING, progress=10)
            e = next(events)
            assert data(e)["eta_seconds"] is not None
            seen.append(int(e["id"]))
        # Disconnected: these happen while nobody listens.
        for pct in (20, 30, 40):
            _change(rt, job_id, EventKind.PROGRESS, JobStatus.RENDERING, progress=pct)
        with http.stream("GET", f"/jobs/{job_id}/events", headers={"Last-Event-ID": str(seen[-1])}) as r:
            events = sse(r)
            for _ in range(3):
                seen.append(data(next(events))["id"])
            _change(rt, job_id, EventKind.STAGE, JobStatus.RENDERING, status=JobStatus.UPLOADING, progress=90)
            _change(rt, job_id, EventKind.DONE, JobStatus.UPLOADING, status=JobStatus.DONE, progress=100)
            rest = list(events)  # the stream ends after `done`
            seen += [data(e)["id"] for e in rest]
            assert rest[-1]["event"] == "done"
        # A stream of a job that has ended replays and closes at once.
        with http.stream("GET", f"/jobs/{job_id}/events", headers={"Last-Event-ID": str(seen[-1])}) as r:
            assert list(sse(r)) == []
        assert http.get(f"/jobs/{uuid.uuid4()}/events").status_code == 404
    with rt.sessions() as s:
        stored = s.scalars(select(JobEvent.id).where(JobEvent.job_id == job_id).order_by(JobEvent.id)).all()
    assert seen == list(stored)


def test_a_batch_stream_carries_its_rows_and_ends_with_the_batch(app: Any, client: Any) -> None:
    t = make_template(client)
    rows = [{"params": {"title": x}} for x in "ab"]
    batch = client.post("/batches", json={"template_id": t["id"], "rows": rows}).json()
    with serve(app) as base, httpx.Client(base_url=base, timeout=10) as http:
        with http.stream("GET", f"/batches/{batch['id']}/events") as r:
            events = sse(r)
            kinds = [data(next(events))["kind"] for _ in range(5)]  # 2 created, batch.created, 2 dispatched
            assert sorted(kinds) == ["batch.created", "created", "created", "dispatched", "dispatched"]
            assert client.post(f"/batches/{batch['id']}/cancel").status_code == 200
            rest = list(events)
        assert [data(e)["kind"] for e in rest] == ["canceled", "canceled", "batch.canceled"]
        assert data(rest[-1])["batch"]["progress"] == 100
