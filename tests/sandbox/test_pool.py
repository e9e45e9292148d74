"""The sandbox pool: a hard timeout that kills, crashes that become errors, a bound, warm processes."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gala.sandbox import Busy, Crashed, Pool, TaskFailed, Timeout

TASKS = "tests.sandbox.tasks_for_tests"


@pytest.fixture
def pool() -> Iterator[Pool]:
    p = Pool(TASKS, size=2)
    try:
        yield p
    finally:
        p.close()


def gone(pid: int) -> bool:
    return not Path(f"/proc/{pid}").exists()


def test_answers_and_reuses_its_processes(pool: Pool) -> None:
    assert pool.run("echo", {"a": [1, 2]}, timeout=30) == {"a": [1, 2]}
    first = pool.run("pid", timeout=30)
    assert pool.run("pid", timeout=30) == first  # warm: the same process serves the next call


def test_a_task_over_its_timeout_is_killed_and_replaced(pool: Pool) -> None:
    pid = pool.run("pid", timeout=30)
    started = time.monotonic()
    with pytest.raises(Timeout) as caught:
        pool.run("hang", 60, timeout=0.5)
    assert time.monotonic() - started < 10
    assert caught.value.pid == pid
    assert gone(pid), "the timed-out task's process still exists"
    assert pid not in pool.pids()
    assert pool.run("echo", "again", timeout=30) == "again"  # a fresh process took its place


def test_a_crash_is_an_error_not_a_hang(pool: Pool) -> None:
    with pytest.raises(Crashed) as caught:
        pool.run("crash", timeout=30)
    assert caught.value.exitcode == -signal.SIGSEGV
    assert "killed by signal 11" in str(caught.value)
    assert caught.value.pid is not None
    assert gone(caught.value.pid)
    assert pool.run("echo", 1, timeout=30) == 1


def test_a_task_that_raises_keeps_its_process(pool: Pool) -> None:
    pid = pool.run("pid", timeout=30)
    with pytest.raises(TaskFailed, match="ValueError: a bug in a task"):
        pool.run("fail", timeout=30)
    assert pool.run("pid", timeout=30) == pid


def test_at_most_size_tasks_at_once(pool: Pool) -> None:
    with pool.slot(), pool.slot():
        with pytest.raises(Busy):
            pool.run("echo", 1, timeout=30)
        started = time.monotonic()
        with pytest.raises(Busy):
            pool.run("echo", 1, timeout=30, wait=0.2)
        assert time.monotonic() - started >= 0.2
    assert pool.run("echo", 1, timeout=30) == 1


def test_warm_starts_the_processes_and_close_stops_them() -> None:
    pool = Pool(TASKS, size=2)
    pool.warm()
    deadline = time.monotonic() + 30
    while len(pool.pids()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    pids = pool.pids()
    assert len(pids) == 2
    pool.close()
    assert all(gone(pid) for pid in pids)
    assert pool.pids() == []
