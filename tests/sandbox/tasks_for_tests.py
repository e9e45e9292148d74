"""Tasks for the pool's own tests: one that answers, one that hangs, one that crashes, one that raises."""

from __future__ import annotations

import os
import signal
import time


def echo(value: object) -> object:
    return value


def pid() -> int:
    return os.getpid()


def hang(seconds: float) -> None:
    time.sleep(seconds)


def crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)  # what a decoder bug on hostile media looks like


def fail() -> None:
    raise ValueError("a bug in a task")


TASKS = {"echo": echo, "pid": pid, "hang": hang, "crash": crash, "fail": fail}
