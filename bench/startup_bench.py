"""API start-up benchmark: seconds from spawning ``gala api`` until ``GET /health`` answers 200, and its memory.

Each repeat migrates a fresh data directory (not timed), spawns ``gala api`` on a free loopback port
with a clean environment, polls ``/health`` every 10 ms, then reads ``VmHWM`` (peak) and ``VmRSS``
from ``/proc/<pid>/status`` of the API process, and the CPU time it used until then (steadier than
wall time on a shared machine). Then, once its helper processes (the preview
sandbox) have started, the RSS and PSS (shared pages divided among the processes sharing them) of
its whole process tree. The median of the repeats is reported.

``--tree`` measures another checkout with this virtualenv (its ``src`` and root go first on
``PYTHONPATH``), so a base commit and the current tree are measured with the same command::

    .venv/bin/python -m bench.startup_bench                       # this tree, 5 repeats
    .venv/bin/python -m bench.startup_bench --tree /work/wt/base  # another checkout
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
START_TIMEOUT = 60.0
SETTLE_TIMEOUT = 20.0
# Variables that would point a spawned API at real services; the benchmark never inherits them.
_SCRUBBED_PREFIXES = ("GALA_", "DATABASE_", "CELERY_", "REDIS_", "STORAGE_", "GDRIVE_", "S3_", "API_", "PROMETHEUS_")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def environment(tree: Path | None, data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_SCRUBBED_PREFIXES)}
    env.update({"GALA_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"})  # cwd is an empty directory: no .env
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(tree / "src"), str(tree)])
    return env


def gala(*args: str) -> list[str]:
    return [sys.executable, "-c", "from gala.cli import main; main()", *args]


def get(port: int, path: str, timeout: float = 2.0) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@contextlib.contextmanager
def running_api(tree: Path | None, workdir: Path) -> Iterator[tuple[subprocess.Popen[bytes], int, float]]:
    """``gala api`` on a migrated fresh data directory: (process, port, seconds until /health was 200)."""
    data_dir = workdir / "data"
    env = environment(tree, data_dir)
    subprocess.run(gala("migrate"), env=env, cwd=workdir, check=True, capture_output=True)
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        gala("api", "--host", HOST, "--port", str(port)),
        env=env,
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=(workdir / "api.log").open("wb"),
    )
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"gala api exited with {proc.returncode}: {(workdir / 'api.log').read_text()[-2000:]}"
                )
            with contextlib.suppress(OSError, http.client.HTTPException):
                if get(port, "/health", timeout=0.5)[0] == 200:
                    break
            if time.perf_counter() - started > START_TIMEOUT:
                raise RuntimeError(f"gala api did not answer /health within {START_TIMEOUT:g} s")
            time.sleep(0.01)
        yield proc, port, time.perf_counter() - started
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def status_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def descendants(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += [int(child), *descendants(int(child))]
    return found


def pss_kib(pid: int) -> int:
    """Proportional set size: shared pages (a fork server's children) divided among their sharers."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def settled_tree(pid: int) -> list[int]:
    """The process tree once its helper processes (if any) have started: stable for a second."""
    tree, stable_since, deadline = [pid], time.monotonic(), time.monotonic() + SETTLE_TIMEOUT
    while time.monotonic() < deadline and time.monotonic() - stable_since < 1.0:
        time.sleep(0.1)
        now = [pid, *descendants(pid)]
        if len(now) != len(tree):
            tree, stable_since = now, time.monotonic()
    return tree


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used: steadier than wall time on a busy machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_once(tree: Path | None) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="gala-startup-") as tmp, running_api(tree, Path(tmp)) as (proc, _, took):
        figures = {
            "seconds_to_health": took,
            "cpu_seconds_to_health": cpu_seconds(proc.pid),
            "vm_hwm_mib": status_kib(proc.pid, "VmHWM") / 1024,
            "vm_rss_mib": status_kib(proc.pid, "VmRSS") / 1024,
        }
        pids = settled_tree(proc.pid)
        figures["processes"] = len(pids)
        figures["tree_rss_mib"] = sum(status_kib(p, "VmRSS") for p in pids) / 1024
        figures["tree_pss_mib"] = sum(pss_kib(p) for p in pids) / 1024
        return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=None, help="measure this checkout (default: the installed one)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    runs = [measure_once(args.tree) for _ in range(args.repeats)]
    report: dict[str, Any] = {
        "tree": str(args.tree or Path.cwd()),
        "repeats": args.repeats,
        "median": {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]},
        "runs": runs,
    }
    m = report["median"]
    print(
        f"gala api start-up ({report['tree']}, median of {args.repeats}): {m['seconds_to_health']:.2f} s to "
        f"/health 200 ({m['cpu_seconds_to_health']:.2f} s CPU), VmHWM {m['vm_hwm_mib']:.1f} MiB, "
        f"VmRSS {m['vm_rss_mib']:.1f} MiB; once settled, {m['processes']:g} processes, "
        f"RSS {m['tree_rss_mib']:.1f} MiB, PSS {m['tree_pss_mib']:.1f} MiB"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
