"""Uploads and cleanup under injected faults: the render pipeline's storage side, for real.

Each test renders a tiny hello video with the real renderer, stores it with the real Drive
client against the local Drive v3 server (or boto3 against moto), records it in the real
database, and cleans up staging exactly as a worker does (``_attempt`` mirrors
``worker.tasks.run_render`` after the render). Faults are real: HTTP errors and cut connections
from the server, a database table that is not there, a staging directory the OS will not let us
delete.

The outcome of every fault is recorded in ``OUTCOMES`` and printed as a table at the end of the
module (``pytest -s tests/storage/test_golden_rule.py``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

import renderer.encoder
from gala.config import Settings
from gala.db import transaction, utcnow
from gala.jobs import attempt as rendering
from gala.orm import Asset, Job
from gala.runtime import Runtime
from gala.services import builtin
from gala.services.builtin import HELLO_ID
from gala.storage import StorageError, StorageRegistry
from gala.storage.retry import Backoff
from tests.storage.conftest import make_drive, make_s3
from tests.storage.fake_drive import DriveFile, FakeDrive

TINY = {"title": "¡Hola!", "width": 160, "height": 90, "duration": 1.0, "fps": 10, "size": 16}
OUTCOMES: list[tuple[str, str]] = []


@pytest.fixture(scope="module", autouse=True)
def _print_table() -> Iterator[None]:
    yield
    if OUTCOMES:
        width = max(len(f) for f, _ in OUTCOMES)
        print("\n\nfault".ljust(width + 3) + "| outcome")
        for fault, outcome in OUTCOMES:
            print(f"{fault.ljust(width)} | {outcome}")


@pytest.fixture
def rt(settings: Settings) -> Iterator[Runtime]:
    runtime = Runtime.from_settings(settings.replace(job_lease_seconds=1.0, job_max_attempts=3))
    builtin.ensure(runtime)
    try:
        yield runtime
    finally:
        runtime.close()


@pytest.fixture
def drive_rt(rt: Runtime, fake_drive: FakeDrive) -> Runtime:
    storage = make_drive(fake_drive, backoff=Backoff(max_retries=4, base_seconds=0.01, cap_seconds=0.05))
    rt.storage = StorageRegistry("gdrive", {"gdrive": lambda: storage})
    return rt


def _job(rt: Runtime) -> uuid.UUID:
    with transaction(rt.sessions) as session:
        job = Job(
            template_id=HELLO_ID,
            template_version=1,
            params=TINY,
            options={"basename": "hello"},
            labels={},
            status="queued",
            progress=0,
        )
        session.add(job)
    job_id: uuid.UUID = job.id
    return job_id


def _attempt(rt: Runtime, job_id: uuid.UUID) -> rendering.Claim:
    """One delivery of the job, as a worker runs it once the render is done."""
    claim = rendering.claim(rt, job_id)
    assert claim is not None
    out = renderer.encoder.render(claim.composition, claim.staging_dir, basename=claim.basename)
    outputs = [
        rendering.Output("video", out.video_path, "video/mp4", "video"),
        rendering.Output("thumbnail", out.thumbnail_path, "image/jpeg", "image"),
    ]
    try:
        done = rendering.store_and_finalise(rt, claim, outputs)
    except StorageError as exc:
        if exc.permanent:
            rendering.fail(rt, claim, "storage_error", str(exc))
        else:
            rendering.retry_later(rt, claim, "storage_error", str(exc))
        return claim
    if done:
        rendering.cleanup_staging(rt, claim)
    return claim


def _state(rt: Runtime, job_id: uuid.UUID) -> tuple[Job, list[Asset]]:
    with rt.sessions() as session:
        job = session.get(Job, job_id)
        assets = list(session.scalars(select(Asset).where(Asset.job_id == job_id).order_by(Asset.role)))
    assert job is not None
    return job, assets


def _cleanup_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith("cleanup ")]


def _assert_done_once(rt: Runtime, drive: FakeDrive, job_id: uuid.UUID, claim: rendering.Claim) -> None:
    job, assets = _state(rt, job_id)
    assert job.status == "done", (job.status, job.error_message)
    assert sorted(a.role or "" for a in assets) == ["thumbnail", "video"]
    assert {a.object_key for a in assets} == set(drive.files), "exactly one stored object per output"
    for asset in assets:
        stored = drive.files[asset.object_key]
        assert (asset.provider, stored.mime) == ("gdrive", asset.mime)
        assert len(stored.data) == asset.size_bytes
    assert not claim.staging_dir.exists(), "staging removed once stored and recorded"


def _assert_failed_kept(rt: Runtime, drive: FakeDrive, job_id: uuid.UUID, claim: rendering.Claim) -> Job:
    job, assets = _state(rt, job_id)
    assert job.status in {"failed", "queued"}, job.status
    assert assets == []
    assert drive.files == {}, "nothing stored that is not recorded"
    assert (claim.staging_dir / "hello.mp4").is_file(), "the rendered file is kept (golden rule)"
    return job


RECOVERED = [
    ("503 three times on an upload chunk", {"op": "chunk", "times": 3, "status": 503}),
    ("429 with Retry-After: 1", {"op": "chunk", "times": 1, "status": 429, "retry_after": "1"}),
    (
        "403 userRateLimitExceeded on create",
        {"op": "initiate", "times": 2, "status": 403, "reason": "userRateLimitExceeded"},
    ),
    ("connection dropped mid-chunk (twice)", {"op": "chunk", "times": 2, "drop": True}),
    ("upload session expired (404)", {"op": "chunk", "times": 1, "expire": True}),
    ("reply to the last chunk lost + session gone", {"op": "chunk", "times": 1, "drop_reply": True, "expire": True}),
    ("OAuth token endpoint 503 once", {"op": "token", "times": 1}),
    ("500 on files.generateIds", {"op": "generateIds", "times": 2, "status": 500}),
]


@pytest.mark.parametrize(("name", "fault"), RECOVERED, ids=[n for n, _ in RECOVERED])
def test_transient_faults_end_done_with_one_object_per_output(
    drive_rt: Runtime, fake_drive: FakeDrive, caplog: pytest.LogCaptureFixture, name: str, fault: dict[str, Any]
) -> None:
    caplog.set_level(logging.INFO)
    job_id = _job(drive_rt)
    fake_drive.fail(**fault)
    claim = _attempt(drive_rt, job_id)
    _assert_done_once(drive_rt, fake_drive, job_id, claim)
    assert _cleanup_lines(caplog) == [f"cleanup ok path={claim.staging_dir} files=hello.jpg,hello.mp4"]
    OUTCOMES.append((name, "done, attempt 1, 2 objects for 2 outputs, staging deleted (cleanup ok)"))


FAILED = [
    ("500 on every chunk (retries exhausted)", {"op": "chunk", "times": 99, "status": 500}, False, "500"),
    ("400 on create (not retried)", {"op": "initiate", "times": 99, "status": 400, "reason": "invalid"}, True, "400"),
    (
        "403 storageQuotaExceeded",
        {"op": "initiate", "times": 99, "status": 403, "reason": "storageQuotaExceeded"},
        True,
        "storageQuotaExceeded",
    ),
]


@pytest.mark.parametrize(("name", "fault", "permanent", "says"), FAILED, ids=[n for n, *_ in FAILED])
def test_failed_uploads_keep_the_staging_file(
    drive_rt: Runtime,
    fake_drive: FakeDrive,
    caplog: pytest.LogCaptureFixture,
    name: str,
    fault: dict[str, Any],
    permanent: bool,
    says: str,
) -> None:
    caplog.set_level(logging.INFO)
    job_id = _job(drive_rt)
    fake_drive.fail(**fault)
    claim = _attempt(drive_rt, job_id)
    job = _assert_failed_kept(drive_rt, fake_drive, job_id, claim)
    assert job.error_code == "storage_error"
    assert says in (job.error_message or "")
    assert (job.status == "failed") is permanent, "transient: queued to retry; permanent: failed now"
    reason = "job failed (storage_error)" if permanent else "will retry (storage_error)"
    assert _cleanup_lines(caplog) == [f"cleanup skipped reason={reason} path={claim.staging_dir}"]
    OUTCOMES.append((name, f"{job.status} ({'no retry' if permanent else 'retried later'}), 0 objects, staging kept"))


def test_invalid_grant_fails_the_job_asking_for_reauthorisation(
    drive_rt: Runtime, fake_drive: FakeDrive, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    job_id = _job(drive_rt)
    fake_drive.revoke()
    claim = _attempt(drive_rt, job_id)
    job = _assert_failed_kept(drive_rt, fake_drive, job_id, claim)
    assert job.status == "failed"
    assert "re-authorisation needed: run `gala gdrive auth`" in (job.error_message or "")
    assert f"cleanup skipped reason=job failed (storage_error) path={claim.staging_dir}" in _cleanup_lines(caplog)
    OUTCOMES.append(
        (
            "invalid_grant (refresh token revoked)",
            "failed: 're-authorisation needed: run `gala gdrive auth`', staging kept",
        )
    )


def test_second_output_failing_removes_the_first_and_keeps_staging(drive_rt: Runtime, fake_drive: FakeDrive) -> None:
    job_id = _job(drive_rt)

    def break_after_first(_: DriveFile) -> None:
        fake_drive.fail("initiate", 99, status=400, reason="invalid")

    fake_drive.on_file_created = break_after_first
    claim = _attempt(drive_rt, job_id)
    _assert_failed_kept(drive_rt, fake_drive, job_id, claim)  # the video's object was deleted again
    OUTCOMES.append(
        ("thumbnail upload refused after the video was stored", "failed, video object deleted, 0 objects, staging kept")
    )


def test_database_write_failing_after_upload_keeps_staging_then_a_retry_stores_once(
    drive_rt: Runtime, fake_drive: FakeDrive, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    job_id = _job(drive_rt)
    # Between the uploads and the commit, the assets table disappears (a real database error).
    hidden = _TableHider(drive_rt)
    fake_drive.on_file_created = lambda f: hidden.hide() if len(fake_drive.files) == 2 else None
    with pytest.raises(Exception, match="assets"):
        _attempt(drive_rt, job_id)
    hidden.restore()
    fake_drive.on_file_created = None
    job, assets = _state(drive_rt, job_id)
    staging = drive_rt.settings.staging_dir / str(job_id)
    assert (job.status, assets) == ("uploading", [])
    assert (staging / "hello.mp4").is_file(), "no committed row: the staging file stays"
    assert len(fake_drive.files) == 2  # stored, not recorded: the next attempt removes them
    assert _cleanup_lines(caplog) == [
        f"cleanup skipped reason=database write failed (ProgrammingError) path={staging}"
    ] or (_cleanup_lines(caplog) == [f"cleanup skipped reason=database write failed (OperationalError) path={staging}"])
    # The lease runs out; the reaper re-enqueues; the next delivery stores, records and forgets a1's objects.
    time.sleep(drive_rt.settings.job_lease_seconds + 0.1)
    assert rendering.reap(drive_rt) == [job_id]
    _wait_lease(drive_rt, job_id)
    claim = _attempt(drive_rt, job_id)
    _assert_done_once(drive_rt, fake_drive, job_id, claim)
    assert claim.attempt == 2
    OUTCOMES.append(
        (
            "database write fails between upload and commit",
            "attempt 1 raises, no rows, staging kept (cleanup skipped); attempt 2 done, a1 objects removed: 2 objects",
        )
    )


def test_a_failed_cleanup_leaves_the_job_done(
    drive_rt: Runtime, fake_drive: FakeDrive, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    job_id = _job(drive_rt)
    staging = drive_rt.settings.staging_dir / str(job_id)
    with _undeletable(staging, fake_drive):
        claim = _attempt(drive_rt, job_id)
        job, assets = _state(drive_rt, job_id)
        assert job.status == "done"
        assert len(assets) == 2
        lines = _cleanup_lines(caplog)
        assert len(lines) == 1
        assert lines[0].startswith("cleanup failed err=")
        assert claim.staging_dir.exists()
    OUTCOMES.append(
        ("staging directory cannot be deleted", "done, 2 objects; 'cleanup failed err=...' logged, files left")
    )


def test_cleanup_disabled_keeps_staging(
    drive_rt: Runtime, fake_drive: FakeDrive, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    drive_rt.settings = drive_rt.settings.replace(worker_cleanup_local=False)
    job_id = _job(drive_rt)
    claim = _attempt(drive_rt, job_id)
    assert _state(drive_rt, job_id)[0].status == "done"
    assert (claim.staging_dir / "hello.mp4").is_file()
    assert _cleanup_lines(caplog) == [f"cleanup skipped reason=WORKER_CLEANUP_LOCAL=0 path={claim.staging_dir}"]
    OUTCOMES.append(("WORKER_CLEANUP_LOCAL=0", "done, 2 objects; 'cleanup skipped reason=WORKER_CLEANUP_LOCAL=0'"))


def test_s3_job_done_with_multipart_and_cleanup(
    rt: Runtime, moto_url: str, s3_bucket: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    storage = make_s3(moto_url, s3_bucket, prefix="gala/")
    rt.storage = StorageRegistry("s3", {"s3": lambda: storage})
    job_id = _job(rt)
    claim = _attempt(rt, job_id)
    job, assets = _state(rt, job_id)
    assert job.status == "done"
    assert [(a.provider, a.object_key, a.mime) for a in assets] == [
        ("s3", f"gala/jobs/{job_id}/a1/hello.jpg", "image/jpeg"),
        ("s3", f"gala/jobs/{job_id}/a1/hello.mp4", "video/mp4"),
    ]
    for asset in assets:
        assert storage.stat(asset.object_key).size == asset.size_bytes
    assert not claim.staging_dir.exists()
    assert _cleanup_lines(caplog) == [f"cleanup ok path={claim.staging_dir} files=hello.jpg,hello.mp4"]


def test_s3_unreachable_keeps_staging(rt: Runtime, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from gala.platform import free_port

    caplog.set_level(logging.INFO)
    storage = make_s3(f"http://127.0.0.1:{free_port()}", "bucket", max_retries=1, timeout=2.0)
    rt.storage = StorageRegistry("s3", {"s3": lambda: storage})
    job_id = _job(rt)
    claim = _attempt(rt, job_id)
    job, assets = _state(rt, job_id)
    assert (job.status, job.error_code, assets) == ("queued", "storage_error", [])
    assert (claim.staging_dir / "hello.mp4").is_file()
    OUTCOMES.append(("S3 endpoint unreachable", "queued to retry (storage_error), 0 rows, staging kept"))


# ---------------------------------------------------------------------------------------- helpers


class _TableHider:
    """Renames the assets table away and back, from another connection (a real database error)."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt

    def hide(self) -> None:
        with self.rt.engine.begin() as conn:
            conn.execute(text("ALTER TABLE assets RENAME TO assets_hidden"))

    def restore(self) -> None:
        with self.rt.engine.begin() as conn:
            conn.execute(text("ALTER TABLE assets_hidden RENAME TO assets"))


def _wait_lease(rt: Runtime, job_id: uuid.UUID) -> None:
    # The reaper gives a re-enqueued job a fresh queue lease; a delivery claims it from `queued`.
    with transaction(rt.sessions) as session:
        session.execute(update(Job).where(Job.id == job_id).values(lease_expires_at=utcnow()))
    with rt.sessions() as session:
        assert (
            session.scalar(select(func.count()).select_from(Job).where(Job.id == job_id, Job.status == "queued")) == 1
        )


@contextlib.contextmanager
def _undeletable(path: Path, drive: FakeDrive) -> Iterator[None]:
    """Make ``path``'s entries impossible to delete once the outputs are uploaded (before the commit).

    As root, permissions do not stop unlink, so the directory is made immutable (chattr +i);
    otherwise it is made read-only.
    """
    root = os.geteuid() == 0

    def lock(_: DriveFile) -> None:
        if len(drive.files) == 2:
            if root:
                subprocess.run(["chattr", "+i", str(path)], check=True)
            else:
                path.chmod(0o500)

    drive.on_file_created = lock
    try:
        yield
    finally:
        drive.on_file_created = None
        if path.exists():
            if root:
                subprocess.run(["chattr", "-i", str(path)], check=False)
            else:
                path.chmod(0o700)
