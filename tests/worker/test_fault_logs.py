"""Fault audit, "missing log lines": every state change is a log line with the job id, and each
attempt logs exactly one ``cleanup ...`` line, also when it is canceled or its worker is killed.

These drive the real API and real worker processes, so they ran unchanged against the code
before gala.jobs (where they failed: the reaper's ``worker_lost`` left no line, a canceled or
killed attempt no cleanup line).
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from gala.platform import Process
from tests.worker.conftest import LONG, TINY, Stack, rendered

EMBEDDED = pytest.mark.parametrize("stack", ["embedded"], indirect=True)


def _all_logs(stack: Stack) -> str:
    """Every log line, whole: ``Stack.logs()`` keeps only each file's tail (for failure messages),
    and a job's lines fall out of it once enough is logged after them."""
    return "\n".join(p.read_text(errors="replace") for p in sorted(stack.log_dir.glob("*.log")))


def _cleanup_lines(stack: Stack, job_id: str) -> list[str]:
    """The job's cleanup lines on the render host. The speech stage's host logs its own line when
    it hands the job on (``reason=handed to ...``): one line per attempt on each host it ran on.
    A SIGKILLed worker's log can end mid-line, so each line's last "cleanup" is the one read."""
    return [
        line
        for line in _all_logs(stack).splitlines()
        if " cleanup " in f" {line}"
        and f"{stack.settings.staging_dir / job_id}" in line
        and "reason=handed to " not in line.rsplit(" cleanup ", 1)[-1]
    ]


@EMBEDDED
def test_a_hand_off_logs_the_handing_hosts_cleanup_line(stack: Stack) -> None:
    stack.worker()
    job = stack.submit(TINY)
    assert stack.wait_done(job["id"], timeout=60)["status"] == "done"
    time.sleep(0.5)
    handed = [
        line
        for line in _all_logs(stack).splitlines()
        if "cleanup ok path=" in line and job["id"] in line and "reason=handed to " in line
    ]
    assert len(handed) == 1, stack.logs()


def _kill_while_rendering(stack: Stack, worker: Process, job_id: str) -> None:
    stack.wait(job_id, rendered(2), 30)
    os.killpg(worker.pid, signal.SIGKILL)
    assert worker.popen is not None
    worker.popen.wait(5)


@EMBEDDED
def test_a_job_the_reaper_fails_is_logged_with_its_cleanup_line(stack: Stack) -> None:
    stack.platform.env.update(JOB_MAX_ATTEMPTS="1")
    first = stack.worker()
    job = stack.submit({**LONG, "duration": 30})
    _kill_while_rendering(stack, first, job["id"])
    stack.worker()  # its reaper finds the expired lease, and no attempt left
    failed = stack.wait_done(job["id"], timeout=60)
    assert (failed["status"], failed["error"]["code"]) == ("failed", "worker_lost"), stack.logs()
    time.sleep(0.5)  # the line is written just after the commit the API read
    logs = _all_logs(stack)
    assert any(f"job failed job_id={job['id']}" in line and "worker_lost" in line for line in logs.splitlines()), logs
    lines = _cleanup_lines(stack, job["id"])
    assert len(lines) == 1, lines
    assert "cleanup skipped reason=worker lost" in lines[0]


@EMBEDDED
def test_a_canceled_attempt_logs_exactly_one_cleanup_line(stack: Stack) -> None:
    stack.worker()
    job = stack.submit(LONG)
    stack.wait(job["id"], rendered(2), 30)
    assert stack.client.post(f"/jobs/{job['id']}/cancel").status_code == 200
    staging = stack.settings.staging_dir / job["id"]
    deadline = time.monotonic() + 10
    while (staging.exists() or not _cleanup_lines(stack, job["id"])) and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = _cleanup_lines(stack, job["id"])
    assert len(lines) == 1, stack.logs()
    assert "cleanup ok path=" in lines[0]
    assert "reason=canceled" in lines[0]


@EMBEDDED
def test_a_killed_attempt_gets_its_cleanup_line_and_the_next_one_its_own(stack: Stack) -> None:
    first = stack.worker()
    job = stack.submit({**LONG, "duration": 20})
    _kill_while_rendering(stack, first, job["id"])
    stack.worker()
    done = stack.wait_done(job["id"], timeout=120)
    assert (done["status"], done["attempts"]) == ("done", 2), stack.logs()
    time.sleep(0.5)
    lines = _cleanup_lines(stack, job["id"])
    assert [line.rsplit("cleanup ", 1)[1].split(" ", 1)[0] for line in lines] == ["skipped", "ok"], lines
    assert "reason=worker lost (attempt 1)" in lines[0]
