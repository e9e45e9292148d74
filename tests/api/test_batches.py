"""Batches through the HTTP API: all-or-nothing creation, CSV typing, fair dispatch, cancel, retry, archive."""

from __future__ import annotations

import io
import uuid
import zipfile
from typing import Any

from sqlalchemy import func, select

from gala.db import unit_of_work, utcnow
from gala.jobs.events import EventKind
from gala.jobs.state import JobStatus
from gala.jobs.transition import change
from gala.orm import Asset, Job, JobEvent
from tests.api.test_resources import make_template


def _rt(app: Any) -> Any:
    return app.app.extensions["gala"]


def _rows(*titles: Any) -> list[dict[str, Any]]:
    return [{"params": {} if t is None else {"title": t, "seconds": 1}} for t in titles]


def _dispatched(app: Any, batch_id: str) -> list[uuid.UUID]:
    """Row jobs that got a dispatch (their first queue message), in event order."""
    with _rt(app).sessions() as s:
        rows = s.execute(
            select(JobEvent.job_id)
            .where(JobEvent.batch_id == uuid.UUID(batch_id), JobEvent.queue.is_not(None))
            .order_by(JobEvent.id)
        ).all()
    return [r[0] for r in rows]


def _end(app: Any, job_id: uuid.UUID, status: JobStatus) -> None:
    """End a queued row the way a worker's failure would (a compare-and-set in a unit of work)."""
    rt = _rt(app)
    kind = EventKind.FAILED if status == JobStatus.FAILED else EventKind.DONE
    sources = (JobStatus.QUEUED,)
    if status == JobStatus.DONE:  # done only from a worker's hands
        with unit_of_work(rt.sessions) as uow:
            assert change(uow, job_id, EventKind.CLAIMED, sources=sources, where=(), status=JobStatus.RENDERING)
        sources = (JobStatus.RENDERING,)
    with unit_of_work(rt.sessions) as uow:
        assert change(uow, job_id, kind, rt=rt, sources=sources, where=(), status=status, finished_at=utcnow())


def test_every_row_is_checked_and_nothing_is_created_unless_all_are_valid(app: Any, client: Any) -> None:
    t = make_template(client)
    body = {"template_id": t["id"], "rows": _rows("a", None, "c", "x" * 200)}
    r = client.post("/batches", json=body)
    assert r.status_code == 422, r.text
    pointers = sorted(e["pointer"] for e in r.json()["errors"])
    assert pointers == ["/rows/1/params", "/rows/3/params/title"], pointers
    with _rt(app).sessions() as s:
        assert s.scalar(select(func.count()).select_from(Job)) == 0

    r = client.post("/batches", json=body | {"skip_invalid": True})
    assert r.status_code == 201, r.text
    batch = r.json()
    assert batch["rows"] == 2
    assert [s["row"] for s in batch["skipped"]] == [1, 3]
    assert batch["counts"]["queued"] == 2
    assert batch["status"] == "running"
    page = client.get(f"/batches/{batch['id']}/jobs", params={"status": "queued"}).json()
    assert sorted(j["batch_row"] for j in page["items"]) == [0, 2]
    assert {j["options"]["basename"] for j in page["items"]} == {"row-00001", "row-00003"}


def test_csv_cells_are_typed_by_the_parameter_schema(client: Any) -> None:
    t = make_template(client)
    csv_text = "name,title,seconds\nfirst,Hello,1.5\nsecond,World,2\n"
    r = client.post(
        "/batch-uploads",
        data={"template_id": t["id"], "basename_column": "name"},
        files={"file": ("rows.csv", io.BytesIO(csv_text.encode()))},
    )
    assert r.status_code == 201, r.text
    jobs = client.get(f"/batches/{r.json()['id']}/jobs").json()["items"]
    by_name = {j["options"]["basename"]: j["params"] for j in jobs}
    assert by_name == {"first": {"title": "Hello", "seconds": 1.5}, "second": {"title": "World", "seconds": 2}}

    bad = "name,title,seconds\nok,Fine,1\nok2,Bad,soon\n"
    r = client.post(
        "/batch-uploads",
        data={"template_id": t["id"], "basename_column": "name"},
        files={"file": ("rows.csv", io.BytesIO(bad.encode()))},
    )
    assert r.status_code == 422, r.text
    assert [e["pointer"] for e in r.json()["errors"]] == ["/rows/1/params/seconds"]


def test_jsonl_rows_and_duplicate_basenames(client: Any) -> None:
    t = make_template(client)
    lines = b'{"title": "A", "slug": "same"}\n{"title": "B", "slug": "same"}\n'
    r = client.post(
        "/batch-uploads",
        data={"template_id": t["id"], "basename_column": "slug"},
        files={"file": ("rows.jsonl", io.BytesIO(lines))},
    )
    assert r.status_code == 422, r.text
    assert [e["pointer"] for e in r.json()["errors"]] == ["/rows/1/params/slug"]


def test_parts_the_form_does_not_name_are_ignored_even_without_a_name(client: Any) -> None:
    # Schemathesis sent a part whose name Werkzeug cannot read (it becomes the key None): a 500
    # once; BatchUpload admits other parts, so the upload goes on without it.
    t = make_template(client)
    boundary = "gala-boundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="template_id"\r\n\r\n{t["id"]}\r\n'
        f"--{boundary}\r\nContent-Disposition: form-data\r\n\r\n{{}}\r\n"
        f'--{boundary}\r\nContent-Disposition: form-data; name="note\x00"\r\n\r\nx\x00\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="rows.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\ntitle\r\nA\r\n--{boundary}--\r\n"
    ).encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    r = client.post("/batch-uploads", content=body, headers=headers)
    assert r.status_code == 201, r.text
    assert r.json()["rows"] == 1
    # The form's own fields are still checked: a NUL in one is a 400 at its pointer.
    r = client.post(
        "/batch-uploads",
        content=body.replace(b"title\r\nA", b"title\r\nB").replace(
            b'name="template_id"\r\n\r\n',
            b'name="labels"\r\n\r\n\x00\r\n--'
            + boundary.encode()
            + b'\r\nContent-Disposition: form-data; name="template_id"\r\n\r\n',
        ),
        headers=headers,
    )
    assert r.status_code == 400, r.text
    assert [e["pointer"] for e in r.json()["errors"]] == ["/labels"]


def test_a_non_ascii_digit_in_a_number_field_is_a_422(client: Any) -> None:
    # Schemathesis sent concurrency "³": str.isdigit() says yes, int() says no (a 500 once).
    t = make_template(client)
    r = client.post(
        "/batch-uploads",
        data={"template_id": t["id"], "concurrency": "³"},
        files={"file": ("rows.csv", io.BytesIO(b"title\nA\n"))},
    )
    assert r.status_code == 422, r.text
    assert [e["pointer"] for e in r.json()["errors"]] == ["/concurrency"]


def test_at_most_concurrency_rows_are_in_flight_and_ending_one_dispatches_the_next(app: Any, client: Any) -> None:
    t = make_template(client)
    r = client.post("/batches", json={"template_id": t["id"], "concurrency": 2, "rows": _rows(*"abcde")})
    assert r.status_code == 201, r.text
    batch_id = r.json()["id"]
    first = _dispatched(app, batch_id)
    assert len(first) == 2
    _end(app, first[0], JobStatus.DONE)
    assert len(_dispatched(app, batch_id)) == 3  # the slot went to the next row, in the same commit
    assert client.post(f"/jobs/{first[1]}/cancel").status_code == 200
    assert len(_dispatched(app, batch_id)) == 4
    for job_id in _dispatched(app, batch_id)[2:]:
        _end(app, job_id, JobStatus.FAILED)
    last = _dispatched(app, batch_id)
    assert len(last) == 5
    _end(app, last[-1], JobStatus.DONE)
    got = client.get(f"/batches/{batch_id}").json()
    assert got["status"] == "canceled"
    assert got["eta_seconds"] == 0
    assert got["progress"] == 100
    with _rt(app).sessions() as s:
        kinds = s.scalars(
            select(JobEvent.kind).where(JobEvent.job_id == uuid.UUID(batch_id)).order_by(JobEvent.id)
        ).all()
    assert kinds == ["batch.created", "batch.canceled"]


def test_cancel_then_retry_only_the_failed_rows(app: Any, client: Any) -> None:
    t = make_template(client)
    batch_id = client.post("/batches", json={"template_id": t["id"], "concurrency": 3, "rows": _rows(*"abc")}).json()[
        "id"
    ]
    assert client.post(f"/batches/{batch_id}/retry").status_code == 409  # still running
    a, b, c = _dispatched(app, batch_id)
    _end(app, a, JobStatus.DONE)
    _end(app, b, JobStatus.FAILED)
    _end(app, c, JobStatus.FAILED)
    assert client.get(f"/batches/{batch_id}").json()["status"] == "failed"
    r = client.post(f"/batches/{batch_id}/retry")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "running"
    assert r.json()["counts"] == {
        "queued": 2,
        "rendering": 0,
        "uploading": 0,
        "done": 1,
        "failed": 0,
        "canceled": 0,
    }
    rows = client.get(f"/batches/{batch_id}/jobs").json()["items"]
    assert sorted(j["batch_row"] for j in rows) == [0, 1, 2]  # one job per row
    r = client.post(f"/batches/{batch_id}/cancel")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "canceled"
    assert client.post(f"/batches/{batch_id}/cancel").status_code == 200  # a no-op
    assert client.get(f"/batches/{uuid.uuid4()}").status_code == 404


def test_archive_streams_the_outputs_of_done_rows(app: Any, client: Any, tmp_path: Any) -> None:
    t = make_template(client)
    batch_id = client.post("/batches", json={"template_id": t["id"], "rows": _rows("a", "b")}).json()["id"]
    rt = _rt(app)
    first = _dispatched(app, batch_id)
    storage = rt.storage.get()
    for n, job_id in enumerate(first):
        src = tmp_path / f"{n}.mp4"
        src.write_bytes(bytes([n]) * 1000)
        key = storage.put_file(src, f"test/{job_id}.mp4", mime="video/mp4")
        _end(app, job_id, JobStatus.DONE)
        output = {"kind": "video", "name": f"row-{n + 1:05d}.mp4", "mime": "video/mp4", "size_bytes": 1000}
        with unit_of_work(rt.sessions) as uow:
            uow.session.add(
                Asset(
                    **output,
                    sha256="0" * 64,
                    provider=rt.storage.default_provider,
                    object_key=key,
                    source="render",
                    job_id=job_id,
                    role="video",
                    labels={},
                )
            )
    r = client.get(f"/batches/{batch_id}/archive")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(r.content))
    assert z.namelist() == ["row-00001.mp4", "row-00002.mp4"]
    assert z.read("row-00002.mp4") == bytes([1]) * 1000
