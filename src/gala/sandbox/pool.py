"""A bounded pool of warm worker processes with a hard timeout per task.

* **Bounded**: at most ``size`` tasks run at once; :meth:`Pool.slot` raises :class:`Busy` beyond
  that (after waiting up to ``wait`` seconds), which callers answer 429.
* **Hard timeout**: a task that has not answered within its ``timeout`` has its process killed
  (SIGKILL) and reaped before :class:`Timeout` is raised, so the work really stops and its slot
  is free again. A replacement process is started in the background.
* **Crashes** (a decoder's segfault, the OOM killer) end the call with :class:`Crashed`, never a
  hang; the pool replaces the process.
* **Warm**: processes come from a forkserver that has already imported the task module, and
  :meth:`Pool.warm` starts them before the first request needs one.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from gala.sandbox import child

log = logging.getLogger(__name__)

REAP_SECONDS = 5.0  # how long a killed or closed process may take to be gone


class SandboxError(Exception):
    """A sandboxed task did not give an answer."""


class Busy(SandboxError):
    def __init__(self, size: int) -> None:
        super().__init__(f"all {size} sandbox processes are busy")
        self.size = size


class Timeout(SandboxError):
    def __init__(self, task: str, seconds: float, pid: int | None) -> None:
        super().__init__(f"{task} took longer than {seconds:g} s; its process {pid} was killed")
        self.task, self.seconds, self.pid = task, seconds, pid


class Crashed(SandboxError):
    def __init__(self, task: str, pid: int | None, exitcode: int | None) -> None:
        how = f"was killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exited ({exitcode})"
        super().__init__(f"the process running {task} {how}")
        self.task, self.pid, self.exitcode = task, pid, exitcode


class TaskFailed(SandboxError):
    """The task raised an exception the task module did not turn into an answer (a bug)."""


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection

    @property
    def pid(self) -> int | None:
        return self.process.pid


class Pool:
    """``size`` processes serving the ``TASKS`` of ``module`` (see :mod:`gala.sandbox.child`)."""

    def __init__(self, module: str, *, size: int = 2) -> None:
        self.module = module
        self.size = size
        self._context = multiprocessing.get_context("forkserver")
        # Import the tasks (the renderer, PyAV) once, in the fork server: every child starts warm.
        self._context.set_forkserver_preload(["gala.sandbox.child", module])
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._live: set[_Worker] = set()
        self._closed = False

    # ------------------------------------------------------------------ running tasks

    @contextlib.contextmanager
    def slot(self, *, wait: float = 0.0) -> Iterator[Callable[..., Any]]:
        """Reserve one of the ``size`` slots (or raise :class:`Busy`); yields ``call(task, *args, timeout=)``."""
        acquired = self._slots.acquire(timeout=wait) if wait > 0 else self._slots.acquire(blocking=False)
        if not acquired:
            raise Busy(self.size)
        try:
            yield self._call
        finally:
            self._slots.release()

    def run(self, task: str, *args: Any, timeout: float, wait: float = 0.0) -> Any:
        with self.slot(wait=wait) as call:
            return call(task, *args, timeout=timeout)

    def _call(self, task: str, *args: Any, timeout: float) -> Any:
        worker = self._take()
        try:
            worker.conn.send((task, args))
        except OSError:  # it died while idle: one fresh process, then give up
            self._discard(worker)
            worker = self._start()
            worker.conn.send((task, args))
        if not worker.conn.poll(timeout):
            self._discard(worker)
            log.warning("sandbox task stopped task=%s after=%ss pid=%s", task, timeout, worker.pid)
            raise Timeout(task, timeout, worker.pid)
        try:
            status, value = worker.conn.recv()
        except (EOFError, OSError):
            code = self._discard(worker)
            log.error("sandbox process crashed task=%s pid=%s exitcode=%s", task, worker.pid, code)
            raise Crashed(task, worker.pid, code) from None
        self._give_back(worker)
        if status != "ok":
            raise TaskFailed(f"{task}: {value}")
        return value

    # ------------------------------------------------------------------ processes

    def warm(self) -> None:
        """Start the missing processes in the background (the first one also starts the fork server)."""
        threading.Thread(target=self._fill, name="gala-sandbox-warm", daemon=True).start()

    def _fill(self) -> None:
        try:
            while True:
                with self._lock:
                    if self._closed or len(self._live) >= self.size:
                        return
                self._give_back(self._start())
        except Exception:  # the next call starts its own process and reports the error
            log.exception("starting a sandbox process failed")

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        process = self._context.Process(
            target=child.serve, args=(theirs, self.module), name="gala-sandbox", daemon=True
        )
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        with self._lock:
            self._live.add(worker)
        return worker

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                self._live.discard(worker)
        return self._start()

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < self.size:
                self._idle.append(worker)
                return
        self._discard(worker, replace=False)

    def _discard(self, worker: _Worker, *, replace: bool = True) -> int | None:
        """Kill ``worker`` if it still runs, wait until it is gone, and start a replacement."""
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(REAP_SECONDS)
        worker.conn.close()
        with self._lock:
            self._live.discard(worker)
            closed = self._closed
        if replace and not closed:
            self.warm()
        return worker.process.exitcode

    def pids(self) -> list[int]:
        with self._lock:
            return sorted(w.pid for w in self._live if w.pid is not None)

    def close(self) -> None:
        """Stop every process: idle ones are told to exit (EOF), busy ones are killed."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            busy = self._live - set(idle)
        for worker in idle:
            worker.conn.close()
        for worker in idle:
            worker.process.join(REAP_SECONDS)
        for worker in [*idle, *busy]:
            self._discard(worker, replace=False)
