"""The reaper sweeps staging directories of failed jobs after STAGING_MAX_AGE_HOURS, and nothing else."""

from __future__ import annotations

import logging
import os
import time
import uuid
from pathlib import Path

import pytest

from gala.config import Settings
from gala.db import transaction
from gala.jobs import reaper as rendering
from gala.orm import Job
from gala.runtime import Runtime
from gala.services import builtin
from gala.services.builtin import HELLO_ID


def _job(rt: Runtime, status: str) -> uuid.UUID:
    with transaction(rt.sessions) as session:
        job = Job(template_id=HELLO_ID, template_version=1, params={}, options={}, labels={}, status=status, progress=0)
        session.add(job)
    job_id: uuid.UUID = job.id
    return job_id


def _staging(rt: Runtime, name: str, age_hours: float) -> Path:
    path = rt.settings.staging_dir / name
    path.mkdir(parents=True)
    (path / "output.mp4").write_bytes(b"x")
    stamp = time.time() - age_hours * 3600
    for p in (path / "output.mp4", path):
        os.utime(p, (stamp, stamp))
    return path


def test_sweep_removes_only_old_directories_of_inactive_jobs(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    rt = Runtime.from_settings(settings.replace(staging_max_age_hours=24.0))
    try:
        builtin.ensure(rt)
        old_failed = _staging(rt, str(_job(rt, "failed")), 30)
        new_failed = _staging(rt, str(_job(rt, "failed")), 2)
        old_retrying = _staging(rt, str(_job(rt, "queued")), 30)
        old_rendering = _staging(rt, str(_job(rt, "rendering")), 30)
        old_unknown = _staging(rt, str(uuid.uuid4()), 30)
        not_a_job = _staging(rt, "operator-notes", 30)
        rendering.reap(rt)  # the reaper sweeps as it goes
        assert not old_failed.exists()
        assert not old_unknown.exists()
        for kept in (new_failed, old_retrying, old_rendering, not_a_job):
            assert kept.exists(), kept
        swept = [r.getMessage() for r in caplog.records if r.getMessage().startswith("staging swept")]
        assert len(swept) == 2
        assert f"staging swept path={old_failed} age_hours=30.0" in swept
    finally:
        rt.close()
