"""Running the platform as processes: the API and workers, started, watched and stopped together.

``gala up`` uses it, and so do the smoke test and the topology tests, so what users run is
what the tests run. Children get their own process group and are stopped with SIGTERM (a
graceful shutdown), then SIGKILL after a grace period.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gala.jobs.stages import queues
from gala.queue import DEFAULT_QUEUE

GRACE_SECONDS = 10.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Process:
    name: str
    argv: Sequence[str]
    env: Mapping[str, str]
    log_path: Path | None = None
    popen: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        out = self.log_path.open("ab") if self.log_path else None
        try:
            self.popen = subprocess.Popen(  # our own interpreter and arguments, no shell
                list(self.argv),
                env=dict(self.env),
                stdout=out,
                stderr=subprocess.STDOUT if out else None,
                start_new_session=True,
            )
        finally:
            if out is not None:
                out.close()  # the child has its own copy of the descriptor

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, signum: int) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signum)

    def stop(self, grace: float = GRACE_SECONDS) -> int | None:
        if self.popen is None:
            return None
        self.signal(signal.SIGTERM)
        try:
            return self.popen.wait(grace)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            return self.popen.wait(5)


@dataclass
class Platform:
    """The API plus N workers, each a child process with the same environment."""

    env: dict[str, str]
    host: str = "127.0.0.1"
    port: int = 8080
    # One worker consuming every queue (each stage's, and gala.default).
    workers: Sequence[Sequence[str]] = (("--queues", ",".join((*queues(), DEFAULT_QUEUE))),)
    log_dir: Path | None = None
    processes: list[Process] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _log(self, name: str) -> Path | None:
        if self.log_dir is None:
            return None
        self.log_dir.mkdir(parents=True, exist_ok=True)
        return self.log_dir / f"{name}.log"

    def start_api(self) -> Process:
        argv = [sys.executable, "-m", "gala.cli", "api", "--host", self.host, "--port", str(self.port)]
        proc = Process("api", argv, self.env, self._log("api"))
        proc.start()
        self.processes.append(proc)
        return proc

    def start_worker(self, args: Sequence[str] = (), name: str | None = None) -> Process:
        name = name or f"worker{sum(p.name.startswith('worker') for p in self.processes) + 1}"
        proc = Process(name, [sys.executable, "-m", "worker", *args], self.env, self._log(name))
        proc.start()
        self.processes.append(proc)
        return proc

    def start(self, *, timeout: float = 60.0) -> None:
        self.start_api()
        for args in self.workers:
            self.start_worker(args)
        self.wait_healthy(timeout)

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for proc in self.processes:
                if not proc.alive():
                    raise RuntimeError(
                        f"{proc.name} exited with {proc.popen and proc.popen.returncode}"
                        + (f"; see {proc.log_path}" if proc.log_path else "")
                    )
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"the API did not answer /health within {timeout:.0f} s")

    def stop(self) -> None:
        for proc in reversed(self.processes):
            proc.signal(signal.SIGTERM)
        for proc in reversed(self.processes):
            proc.stop()

    def kill(self) -> None:
        """SIGKILL every child's process group and reap them: for a platform that is thrown away (a
        warm Celery shutdown idles ~4 s: its loop polls the broker for 2 s before it sees the flag)."""
        for proc in self.processes:
            proc.signal(signal.SIGKILL)
        for proc in self.processes:
            if proc.popen is not None:
                proc.popen.wait(10)

    def wait(self) -> None:
        """Block until a child exits or the parent is told to stop (Ctrl-C / SIGTERM)."""
        while all(p.alive() for p in self.processes):
            time.sleep(0.5)

    @contextlib.contextmanager
    def running(self, *, timeout: float = 60.0) -> Iterator[Platform]:
        try:
            self.start(timeout=timeout)
            yield self
        finally:
            self.stop()


def child_env(**overrides: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(overrides)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env
