"""API benchmark: the same app with OpenAPI validation on and off, measured side by side.

Two uvicorn servers run at the same time, one per mode, each on its own fresh data directory
(SQLite database migrated with Alembic). Each one serves the real application built by
``gala.app.create_app``; the only difference between them is ``validate_requests`` and
``validate_responses``. The load generator is ``wrk`` (Debian: ``apt-get install -y wrk``);
without it a small asyncio keep-alive client is used instead and the report says so.

Measured, per endpoint and mode: requests/s, p50 and p99 latency. Modes are interleaved
(on, off, then off, on, ...) so that drift on a shared machine hits both alike, and the median
of the repeats is reported along with the throughput ratio on/off per endpoint.

Run from the repository root::

    .venv/bin/python -m bench.api_bench                # defaults: 3 repeats x 10 s, 16 connections
    .venv/bin/python -m bench.api_bench --duration 5 --repeats 1 --json out/quick.json

The exit status is non-zero only when the benchmark itself fails (a server does not start,
seeding fails, a request gets a non-2xx answer or the load generator breaks); a missed ratio
goal is reported, not treated as a failure.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import json
import os
import platform
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = REPO_ROOT / "out" / "api_bench.json"
HOST = "127.0.0.1"
RATIO_GOAL = 0.8
MODES = ("on", "off")

ENV_DATA_DIR = "GALA_BENCH_DATA_DIR"
ENV_VALIDATE = "GALA_BENCH_VALIDATE"

TEMPLATE_BODY: dict[str, Any] = {
    "name": "bench",
    "composition": {
        "version": 2,
        "output": {"duration": 2},  # a job must be renderable to be accepted
        "background": "#112233",
        "tracks": [{"clips": [{"type": "text", "text": "Hola"}]}],
    },
}


class BenchError(RuntimeError):
    """The benchmark could not measure what it was asked to; the message says why."""


# --------------------------------------------------------------------------- the served app


def app_factory() -> Any:
    """ASGI app for uvicorn's ``--factory``: settings come from the two ``GALA_BENCH_*`` variables.

    The ambient environment (``DATABASE_URL``, ``REDIS_URL``...) is deliberately ignored so that
    a benchmark can never touch a real database.
    """
    from gala.app import create_app
    from gala.config import Settings

    validate = os.environ[ENV_VALIDATE] == "1"
    settings = Settings(
        data_dir=Path(os.environ[ENV_DATA_DIR]),
        validate_requests=validate,
        validate_responses=validate,
        environment="production",
        log_level="WARNING",
    )
    return create_app(settings)


def uvicorn_command(port: int) -> list[str]:
    """One worker, uvloop + httptools (what ``auto`` picks when installed), no access log."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "bench.api_bench:app_factory",
        "--app-dir",
        str(REPO_ROOT),
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        "1",
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--lifespan",
        "auto",
        "--no-access-log",
        "--log-level",
        "warning",
    ]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _request(port: int, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        payload = None if body is None else json.dumps(body).encode()
        headers = {} if body is None else {"Content-Type": "application/json"}
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@dataclass
class Server:
    mode: str
    workdir: Path
    port: int = 0
    command: list[str] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None
    job_id: str = ""

    @property
    def data_dir(self) -> Path:
        return self.workdir / f"data-{self.mode}"

    @property
    def log_path(self) -> Path:
        return self.workdir / f"uvicorn-{self.mode}.log"

    def start(self) -> None:
        from gala.config import Settings
        from gala.migrate import upgrade

        self.data_dir.mkdir(parents=True)
        upgrade(Settings(data_dir=self.data_dir))
        self.port = _free_port()
        self.command = uvicorn_command(self.port)
        env = dict(os.environ)
        env[ENV_DATA_DIR] = str(self.data_dir)
        env[ENV_VALIDATE] = "1" if self.mode == "on" else "0"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(self.command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise BenchError(f"uvicorn ({self.mode}) exited early:\n{self.log_tail()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if _request(self.port, "GET", "/health")[0] == 200:
                    return
            time.sleep(0.1)
        raise BenchError(f"uvicorn ({self.mode}) did not answer /health in {timeout:.0f} s:\n{self.log_tail()}")

    def seed(self) -> None:
        """A template and a queued job to GET; also checks that both measured requests succeed."""
        status, raw = _request(self.port, "POST", "/templates", TEMPLATE_BODY)
        if status != 201:
            raise BenchError(f"POST /templates ({self.mode}) answered {status}: {raw[:500]!r}")
        template_id = json.loads(raw)["id"]
        status, raw = _request(self.port, "POST", "/jobs", {"template_id": template_id})
        if status != 201:
            raise BenchError(f"POST /jobs ({self.mode}) answered {status}: {raw[:500]!r}")
        self.job_id = json.loads(raw)["id"]
        status, raw = _request(self.port, "GET", f"/jobs/{self.job_id}")
        if status != 200:
            raise BenchError(f"GET /jobs/{self.job_id} ({self.mode}) answered {status}: {raw[:500]!r}")
        # Prove the mode is what it claims: only the validating server rejects a body off the contract.
        status, raw = _request(self.port, "POST", "/templates", {**TEMPLATE_BODY, "unexpected": True})
        expected = 422 if self.mode == "on" else 201
        if status != expected:
            raise BenchError(
                f"validation {self.mode}: an off-contract POST /templates answered {status}, "
                f"expected {expected}: {raw[:300]!r}"
            )

    def check_alive(self) -> None:
        if self.process is None or self.process.poll() is not None:
            raise BenchError(f"uvicorn ({self.mode}) died during the run:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------- endpoints


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    method: str
    body: dict[str, Any] | None = None

    def path(self, server: Server) -> str:
        return f"/jobs/{server.job_id}" if self.key == "get_job" else "/templates"


ENDPOINTS = (
    Endpoint("get_job", "GET /jobs/{id}", "GET"),
    Endpoint("post_template", "POST /templates", "POST", TEMPLATE_BODY),
)


# --------------------------------------------------------------------------- load generators


@dataclass
class Sample:
    """One measurement; latencies in milliseconds."""

    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    status_errors: int
    socket_errors: int
    timeouts: int


WRK_SCRIPT = """\
-- Written by bench/api_bench.py for one run; deleted afterwards.
{request}
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "GALA_BENCH {{\\"requests\\":%d,\\"duration_us\\":%d,\\"status\\":%d,\\"connect\\":%d," ..
    "\\"read\\":%d,\\"write\\":%d,\\"timeout\\":%d,\\"p50\\":%d,\\"p90\\":%d,\\"p99\\":%d," ..
    "\\"mean\\":%.3f,\\"max\\":%d}}\\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max))
end
"""


def wrk_script(endpoint: Endpoint) -> str:
    if endpoint.body is None:
        request = 'wrk.method = "GET"'
    else:
        body = json.dumps(endpoint.body, separators=(",", ":"))
        if "]==]" in body:
            raise BenchError("request body cannot be quoted for Lua")
        request = (
            f'wrk.method = "{endpoint.method}"\n'
            f"wrk.body = [==[{body}]==]\n"
            'wrk.headers["Content-Type"] = "application/json"'
        )
    return WRK_SCRIPT.format(request=request)


@dataclass
class Load:
    client: str
    threads: int
    connections: int
    workdir: Path
    commands: list[str] = field(default_factory=list)

    def run(self, server: Server, endpoint: Endpoint, seconds: int, *, record: bool = True) -> Sample:
        server.check_alive()
        if self.client == "wrk":
            sample = self._wrk(server, endpoint, seconds, record=record)
        else:
            sample = asyncio.run(_python_load(server.port, endpoint, server, seconds, self.connections))
        server.check_alive()
        if sample.status_errors:
            raise BenchError(
                f"{endpoint.label} ({server.mode}): {sample.status_errors} of {sample.requests} "
                f"answers were not 2xx/3xx; see {server.log_path}:\n{server.log_tail()}"
            )
        if sample.requests == 0:
            raise BenchError(f"{endpoint.label} ({server.mode}): no request completed")
        return sample

    def _wrk(self, server: Server, endpoint: Endpoint, seconds: int, *, record: bool) -> Sample:
        script = self.workdir / f"{endpoint.key}.lua"
        script.write_text(wrk_script(endpoint))
        url = f"http://{HOST}:{server.port}{endpoint.path(server)}"
        cmd = [
            "wrk",
            "-t",
            str(self.threads),
            "-c",
            str(self.connections),
            "-d",
            f"{seconds}s",
            "--timeout",
            "5s",
            "--latency",
            "-s",
            str(script),
            url,
        ]
        if record:
            line = f"[validation {server.mode}] {shlex.join(cmd)}"
            if line not in self.commands:
                self.commands.append(line)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 60, check=False)
        match = re.search(r"^GALA_BENCH (\{.*\})$", proc.stdout, re.MULTILINE)
        if proc.returncode != 0 or match is None:
            raise BenchError(f"wrk failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        raw = json.loads(match.group(1))
        secs = raw["duration_us"] / 1e6
        return Sample(
            requests=raw["requests"],
            seconds=secs,
            rps=raw["requests"] / secs if secs else 0.0,
            p50_ms=raw["p50"] / 1000,
            p90_ms=raw["p90"] / 1000,
            p99_ms=raw["p99"] / 1000,
            mean_ms=raw["mean"] / 1000,
            max_ms=raw["max"] / 1000,
            status_errors=raw["status"],
            socket_errors=raw["connect"] + raw["read"] + raw["write"],
            timeouts=raw["timeout"],
        )


async def _python_load(port: int, endpoint: Endpoint, server: Server, seconds: int, connections: int) -> Sample:
    """Fallback when wrk is missing: N keep-alive HTTP/1.1 connections for a bounded time."""
    path = endpoint.path(server)
    body = b"" if endpoint.body is None else json.dumps(endpoint.body).encode()
    head = f"{endpoint.method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    request = head.encode() + b"\r\n" + body
    latencies: list[int] = []
    counts = {"status": 0, "socket": 0}
    start = time.perf_counter()
    deadline = start + seconds

    async def one_connection() -> None:
        try:
            reader, writer = await asyncio.open_connection(HOST, port)
        except OSError:
            counts["socket"] += 1
            return
        try:
            while time.perf_counter() < deadline:
                t0 = time.perf_counter_ns()
                writer.write(request)
                status = await _read_response(reader)
                latencies.append(time.perf_counter_ns() - t0)
                if not 200 <= status < 400:
                    counts["status"] += 1
        except (OSError, asyncio.IncompleteReadError, ValueError):
            counts["socket"] += 1
        finally:
            writer.close()

    await asyncio.wait_for(asyncio.gather(*(one_connection() for _ in range(connections))), seconds + 30)
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(q: float) -> float:
        if not latencies:
            return 0.0
        return latencies[min(len(latencies) - 1, int(q / 100 * len(latencies)))] / 1e6

    return Sample(
        requests=len(latencies),
        seconds=elapsed,
        rps=len(latencies) / elapsed,
        p50_ms=pct(50),
        p90_ms=pct(90),
        p99_ms=pct(99),
        mean_ms=statistics.fmean(latencies) / 1e6 if latencies else 0.0,
        max_ms=latencies[-1] / 1e6 if latencies else 0.0,
        status_errors=counts["status"],
        socket_errors=counts["socket"],
        timeouts=0,
    )


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    length = 0
    chunked = False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name = name.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


# --------------------------------------------------------------------------- the run


def _median(samples: list[Sample], attr: str) -> float:
    return float(statistics.median(getattr(s, attr) for s in samples))


def summarize(samples: list[Sample]) -> dict[str, Any]:
    return {
        "rps": _median(samples, "rps"),
        "p50_ms": _median(samples, "p50_ms"),
        "p99_ms": _median(samples, "p99_ms"),
        "rps_min": min(s.rps for s in samples),
        "rps_max": max(s.rps for s in samples),
        "requests": sum(s.requests for s in samples),
        "socket_errors": sum(s.socket_errors for s in samples),
        "timeouts": sum(s.timeouts for s in samples),
    }


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("connexion", "flask", "uvicorn", "uvloop", "httptools", "jsonschema-rs", "sqlalchemy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[dist] = metadata.version(dist)
    if shutil.which("wrk"):
        proc = subprocess.run(["wrk", "-v"], capture_output=True, text=True, check=False)
        out["wrk"] = (proc.stdout or proc.stderr).splitlines()[0] if (proc.stdout or proc.stderr) else "?"
    return out


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.api_bench",
        description="Throughput and latency of GET /jobs/{id} and POST /templates, validation on vs off.",
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="open connections (default 16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="measurements per endpoint and mode, interleaved; the median is reported (default 3)",
    )
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds per endpoint and mode (default 2)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"JSON report (default {DEFAULT_JSON})")
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="load generator: wrk, the asyncio fallback, or wrk when on PATH (default)",
    )
    parser.add_argument(
        "--goal",
        type=float,
        default=RATIO_GOAL,
        help=f"throughput ratio on/off to report as met (default {RATIO_GOAL})",
    )
    args = parser.parse_args(argv)
    for name in ("duration", "connections", "threads", "repeats"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.warmup < 0:
        parser.error("--warmup must not be negative")
    args.threads = min(args.threads, args.connections)
    return args


def choose_client(wanted: str) -> str:
    has_wrk = shutil.which("wrk") is not None
    if wanted == "wrk" and not has_wrk:
        raise BenchError("wrk is not on PATH; install it with: apt-get install -y wrk (or pass --client python)")
    if wanted == "auto":
        if has_wrk:
            return "wrk"
        print(
            "WARNING: wrk not found (apt-get install -y wrk); using the slower asyncio client, which "
            "shares the CPU with the server. Figures are not comparable with wrk's.",
            file=sys.stderr,
        )
        return "python"
    return wanted


def fmt_table(results: dict[str, Any], goal: float) -> str:
    rows = [("endpoint", "validation", "req/s", "p50 ms", "p99 ms", "req/s range")]
    for endpoint in ENDPOINTS:
        res = results[endpoint.key]
        for mode in MODES:
            m = res[mode]
            rows.append(
                (
                    endpoint.label,
                    mode,
                    f"{m['rps']:.0f}",
                    f"{m['p50_ms']:.2f}",
                    f"{m['p99_ms']:.2f}",
                    f"{m['rps_min']:.0f}-{m['rps_max']:.0f}",
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        pairs = enumerate(zip(row, widths, strict=True))
        cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in pairs]
        lines.append("  ".join(cells))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    for endpoint in ENDPOINTS:
        res = results[endpoint.key]
        verdict = "MET" if res["goal_met"] else "NOT MET"
        lines.append(f"{endpoint.label:<16} throughput on/off = {res['ratio']:.2f}  (goal >= {goal:.2f}: {verdict})")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict[str, Any]:
    command = shlex.join([sys.executable, *sys.orig_argv[1:]])
    print(f"command: {command}", flush=True)
    client = choose_client(args.client)
    total = len(ENDPOINTS) * len(MODES) * (args.repeats * args.duration + args.warmup)
    print(
        f"client: {client}; {args.repeats} x {args.duration} s per endpoint and mode, "
        f"{args.connections} connections; about {total} s of load",
        flush=True,
    )

    with tempfile.TemporaryDirectory(prefix="gala-api-bench-") as tmp:
        workdir = Path(tmp)
        servers = {mode: Server(mode, workdir) for mode in MODES}
        load = Load(client, args.threads, args.connections, workdir)
        try:
            for server in servers.values():
                server.start()
            for server in servers.values():
                server.wait_ready()
                server.seed()
            server_command = shlex.join(servers["on"].command)
            print(f"server (one per mode): {server_command}", flush=True)

            samples: dict[str, dict[str, list[Sample]]] = {e.key: {m: [] for m in MODES} for e in ENDPOINTS}
            for endpoint in ENDPOINTS:
                if args.warmup:
                    for mode in MODES:
                        load.run(servers[mode], endpoint, args.warmup, record=False)
                for rep in range(args.repeats):
                    order = MODES if rep % 2 == 0 else tuple(reversed(MODES))
                    for mode in order:
                        s = load.run(servers[mode], endpoint, args.duration)
                        samples[endpoint.key][mode].append(s)
                        print(
                            f"  {endpoint.label:<16} {mode:<3} run {rep + 1}/{args.repeats}: "
                            f"{s.rps:8.0f} req/s  p50 {s.p50_ms:6.2f} ms  p99 {s.p99_ms:6.2f} ms",
                            flush=True,
                        )
        finally:
            for server in servers.values():
                server.stop()

    results: dict[str, Any] = {}
    for endpoint in ENDPOINTS:
        per_mode = {mode: summarize(samples[endpoint.key][mode]) for mode in MODES}
        ratio = per_mode["on"]["rps"] / per_mode["off"]["rps"]
        results[endpoint.key] = {
            "endpoint": endpoint.label,
            **per_mode,
            "ratio": ratio,
            "goal_met": ratio >= args.goal,
            "runs": {mode: [vars(s) for s in samples[endpoint.key][mode]] for mode in MODES},
        }

    return {
        "command": command,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "client": client,
        "load_commands": load.commands,
        "server_command": server_command,
        "settings": {
            "duration_s": args.duration,
            "connections": args.connections,
            "threads": args.threads,
            "repeats": args.repeats,
            "warmup_s": args.warmup,
            "goal": args.goal,
            "modes": {
                "on": "validate_requests=True, validate_responses=True",
                "off": "validate_requests=False, validate_responses=False",
            },
        },
        "host": {"cpus": os.cpu_count(), "machine": platform.machine(), "system": platform.platform()},
        "versions": _versions(),
        "results": results,
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = run(args)
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print()
    print(fmt_table(report["results"], args.goal))
    if report["client"] == "wrk":
        print("\nload: " + "\n      ".join(report["load_commands"]).replace(str(REPO_ROOT) + "/", ""))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nJSON report: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
