"""Pipeline benchmark: queue dispatch latency and hello-render time, embedded broker vs Redis, in one run.

What it measures, and how:

1. **Queue overhead** (submit → render start). For each broker a fresh platform is started
   (``gala.platform.Platform``: the API and one worker as child processes, a new data directory
   migrated with Alembic). Tiny ``hello`` jobs (64x64, 1.1 s at 5 fps) are submitted one at a time,
   each waited for before the next, so the queue is empty at every submit and the figure is pure
   dispatch latency. The clock starts just before ``POST /jobs`` is sent (client side) and stops
   at the job's ``started_at``, which the worker records when it claims the job (before rendering).
   Client and server share this machine's clock. Also reported: the POST round trip, the split
   at ``created_at`` (API side / broker + worker side) and submit → done (the job's ``finished_at``,
   plus when the polling client saw it). The first job(s) after start-up are warm-ups (the worker
   may still be connecting, first-task imports): recorded in the JSON, left out of the statistics.
2. **Hello render**, 1280x720, 10 s at 30 fps: (a) ``renderer.render`` alone, in this process, on
   the composition the worker itself would render (the built-in template's parameters validated
   with ``validate_params`` and substituted with ``substitute``, exactly as a job resolves), median
   of N runs; (b) end to end through each platform: submit → done for the same parameters.

The brokers run one after the other (never at once, so they do not share the two CPUs). The
embedded broker is kombu's SQLAlchemy transport over SQLite (what GALA uses without REDIS_URL);
the Redis leg uses ``--redis-url`` (default ``redis://127.0.0.1:6379/14``), whose database is
flushed at the start, so it must be on loopback and dedicated to this benchmark. When Redis does
not answer, that leg is reported as skipped.

Run from the repository root::

    .venv/bin/python -m bench.pipeline_bench                 # defaults: 30 tiny jobs per broker
    .venv/bin/python -m bench.pipeline_bench --jobs 10 --render-repeats 1 --e2e-runs 1

A readable table goes to stdout, the raw samples to ``out/pipeline_bench.json``. The exit status
is non-zero only when the benchmark itself fails (a process does not start, a job fails or times out).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shlex
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = REPO_ROOT / "out" / "pipeline_bench.json"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
BROKERS = ("embedded", "redis")

TINY_PARAMS: dict[str, Any] = {"width": 64, "height": 64, "duration": 1.1, "fps": 5, "size": 8, "title": "x"}
RENDER_PARAMS: dict[str, Any] = {"width": 1280, "height": 720, "duration": 10, "fps": 30}

# Every variable gala.config.Settings.from_env reads: the ambient environment must not leak a real
# database, broker or storage into the benchmark's children.
SETTINGS_VARIABLES = (
    "GALA_DATA_DIR", "DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "STORAGE_PROVIDER", "STORAGE_LOCAL_ROOT",
    "API_HOST", "API_PORT", "API_MAX_BODY_BYTES", "ASSET_MAX_UPLOAD_BYTES", "API_VALIDATE_REQUESTS",
    "API_VALIDATE_RESPONSES", "GALA_ENV", "JOB_LEASE_SECONDS", "JOB_MAX_ATTEMPTS", "REAPER_INTERVAL_SECONDS",
    "MAX_RENDER_SECONDS", "WORKER_CLEANUP_LOCAL", "LOG_LEVEL",
)  # fmt: skip


class BenchError(RuntimeError):
    """The benchmark could not measure what it was asked to; the message says why."""


# --------------------------------------------------------------------------- statistics


def percentile(values: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); ``q`` in 0..100."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def summary(values: list[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "min": min(values, default=float("nan")),
        "max": max(values, default=float("nan")),
        "mean": statistics.fmean(values) if values else float("nan"),
    }


# --------------------------------------------------------------------------- one job, measured


@dataclass
class JobSample:
    """One job's timings in seconds, all from the moment just before ``POST /jobs`` was sent."""

    job_id: str
    post_rtt: float  # the POST's round trip, client side
    to_created: float  # submit -> created_at (API: validation, insert, enqueue start)
    to_started: float  # submit -> started_at (the queue overhead)
    to_finished: float  # submit -> finished_at (server stamp)
    client_done: float  # submit -> the polling client saw a terminal status
    render_to_finished: float  # started_at -> finished_at (claim, render, store, finalise)


def run_job(client: Any, template_id: uuid.UUID, params: dict[str, Any], *, poll: float, timeout: float) -> JobSample:
    from gala_client.models import JobStatus

    from gala import remote

    wall0 = time.time()
    mono0 = time.perf_counter()
    job = remote.submit(client, str(template_id), params)
    post_rtt = time.perf_counter() - mono0
    job = remote.wait(client, job.id, timeout=timeout, interval=poll)
    client_done = time.perf_counter() - mono0
    if job.status != JobStatus.DONE:
        raise BenchError(f"job {job.id} ended {job.status.value}: {job.error}")
    if job.started_at is None or job.finished_at is None:
        raise BenchError(f"job {job.id} is done but has no started_at/finished_at")
    started = job.started_at.timestamp()
    finished = job.finished_at.timestamp()
    return JobSample(
        job_id=str(job.id),
        post_rtt=post_rtt,
        to_created=job.created_at.timestamp() - wall0,
        to_started=started - wall0,
        to_finished=finished - wall0,
        client_done=client_done,
        render_to_finished=finished - started,
    )


# --------------------------------------------------------------------------- one broker leg


@dataclass
class Leg:
    broker: str
    broker_url: str = ""
    skipped: str = ""
    startup_seconds: float = 0.0
    warmup: list[JobSample] = field(default_factory=list)
    tiny: list[JobSample] = field(default_factory=list)
    render: list[JobSample] = field(default_factory=list)
    log_dir: str = ""

    def stats(self) -> dict[str, Any]:
        if self.skipped:
            return {}
        ms = {
            name: summary([getattr(s, name) * 1000 for s in self.tiny])
            for name in ("to_started", "post_rtt", "to_created", "to_finished", "client_done")
        }
        ms["created_to_started"] = summary([(s.to_started - s.to_created) * 1000 for s in self.tiny])
        return {
            "tiny_ms": ms,
            "render_s": {
                "submit_to_done": summary([s.to_finished for s in self.render]),
                "submit_to_start": summary([s.to_started for s in self.render]),
                "start_to_done": summary([s.render_to_finished for s in self.render]),
            },
        }


def loopback_redis(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"redis", "rediss"}:
        raise BenchError(f"--redis-url must be a redis:// URL, got {url!r}")
    if (parts.hostname or "") not in LOOPBACK_HOSTS:
        raise BenchError(f"--redis-url must point at loopback (its database is flushed), got host {parts.hostname!r}")


def flush_redis(url: str) -> str:
    """Flush the benchmark's Redis database; return why Redis cannot be used, or ``""``."""
    import redis

    try:
        conn = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        try:
            conn.flushdb()
        finally:
            conn.close()
    except redis.RedisError as exc:
        return f"Redis at {url} is not usable: {exc}"
    return ""


def bench_env(data_dir: Path, broker_url: str | None) -> dict[str, str]:
    from gala.platform import child_env

    env = child_env()
    for name in SETTINGS_VARIABLES:
        env.pop(name, None)
    env["GALA_DATA_DIR"] = str(data_dir)
    if broker_url:
        env["REDIS_URL"] = broker_url
    return env


def run_leg(leg: Leg, workdir: Path, args: argparse.Namespace) -> None:
    from gala import remote
    from gala.config import Settings
    from gala.migrate import upgrade
    from gala.platform import Platform, free_port
    from gala.services.builtin import HELLO_ID

    base = workdir / leg.broker
    log_dir = base / "logs"
    leg.log_dir = str(log_dir)
    env = bench_env(base / "data", args.redis_url if leg.broker == "redis" else None)
    settings = Settings.from_env(env)
    leg.broker_url = settings.broker_url
    upgrade(settings)
    plat = Platform(env=env, port=free_port(), log_dir=log_dir)
    t0 = time.perf_counter()
    try:
        with plat.running(timeout=args.startup_timeout):
            leg.startup_seconds = time.perf_counter() - t0
            client = remote.connect(plat.url)
            template_id = remote.template_id_by_name(client, "hello")
            if template_id != HELLO_ID:
                print(f"  note: hello template id {template_id} differs from the built-in {HELLO_ID}", flush=True)
            for _ in range(args.warmup):
                leg.warmup.append(run_job(client, template_id, TINY_PARAMS, poll=args.poll, timeout=args.job_timeout))
            for i in range(args.jobs):
                leg.tiny.append(run_job(client, template_id, TINY_PARAMS, poll=args.poll, timeout=args.job_timeout))
                if (i + 1) % 10 == 0:
                    print(f"  {leg.broker}: {i + 1}/{args.jobs} tiny jobs", flush=True)
            for _ in range(args.e2e_runs):
                sample = run_job(client, template_id, RENDER_PARAMS, poll=args.poll, timeout=args.render_timeout)
                leg.render.append(sample)
                print(f"  {leg.broker}: 1280x720 render submit->done {sample.to_finished:.2f} s", flush=True)
    except Exception as exc:
        raise BenchError(f"{leg.broker} leg failed: {exc} (logs in {log_dir})") from exc


# --------------------------------------------------------------------------- renderer alone


def render_composition() -> dict[str, Any]:
    """The composition a hello job with ``RENDER_PARAMS`` renders (template defaults applied)."""
    from gala.parameters import substitute, validate_params
    from gala.services.builtin import HELLO

    params = validate_params(HELLO["parameters"], dict(RENDER_PARAMS))
    composition: dict[str, Any] = substitute(HELLO["composition"], params)
    return composition


def bench_renderer(workdir: Path, repeats: int) -> dict[str, Any]:
    import renderer.encoder

    composition = render_composition()
    seconds: list[float] = []
    frames = 0
    size = 0
    for i in range(repeats):
        out_dir = workdir / "inprocess" / str(i)
        t0 = time.perf_counter()
        out = renderer.encoder.render(composition, out_dir)
        seconds.append(time.perf_counter() - t0)
        frames = out.frames
        size = out.video_path.stat().st_size
        shutil.rmtree(out_dir, ignore_errors=True)
    return {
        "composition_source": "gala.services.builtin.HELLO via validate_params + substitute",
        "composition": composition,
        "seconds": seconds,
        "median_s": statistics.median(seconds) if seconds else float("nan"),
        "frames": frames,
        "video_bytes": size,
    }


# --------------------------------------------------------------------------- report


def _ms(value: float) -> str:
    return "—" if value != value else f"{value:8.1f} ms"  # NaN check without math


def _s(value: float) -> str:
    return "—" if value != value else f"{value:7.2f} s"


def fmt_table(report: dict[str, Any]) -> str:
    legs: dict[str, dict[str, Any]] = report["legs"]
    cfg = report["config"]
    names = list(legs)
    width = 22
    head = f"{'':44}" + "".join(f"{n:>{width}}" for n in names)
    lines = [
        "",
        f"Queue overhead: {cfg['jobs']} sequential tiny hello jobs per broker "
        f"(64x64, 1.1 s @ 5 fps), {cfg['warmup']} warm-up left out; client polls every {cfg['poll'] * 1000:.0f} ms",
        f"embedded broker idle poll interval (gala.queue.EMBEDDED_POLL_SECONDS): {cfg['embedded_poll_ms']:.0f} ms",
        head,
    ]

    def row(label: str, key: str, stat: str) -> str:
        cells = []
        for n in names:
            leg = legs[n]
            if leg.get("skipped"):
                cells.append("skipped")
            else:
                cells.append(_ms(leg["stats"]["tiny_ms"][key][stat]).strip())
        return f"{label:44}" + "".join(f"{c:>{width}}" for c in cells)

    lines += [
        row("submit -> render start (started_at)   p50", "to_started", "p50"),
        row("                                      p95", "to_started", "p95"),
        row("                                      max", "to_started", "max"),
        row("  POST /jobs round trip               p50", "post_rtt", "p50"),
        row("  submit -> created_at (API)          p50", "to_created", "p50"),
        row("  created_at -> started_at (queue)    p50", "created_to_started", "p50"),
        row("                                      p95", "created_to_started", "p95"),
        row("submit -> done (finished_at)          p50", "to_finished", "p50"),
        row("                                      p95", "to_finished", "p95"),
        row("submit -> client saw done             p50", "client_done", "p50"),
    ]
    warm = []
    for n in names:
        leg = legs[n]
        first = leg.get("warmup") or []
        if leg.get("skipped"):
            warm.append("skipped")
        else:
            warm.append(_ms(first[0]["to_started"] * 1000).strip() if first else "—")
    lines.append(f"{'warm-up job (first after start), submit -> start':44}" + "".join(f"{c:>{width}}" for c in warm))
    inproc = report["renderer"]
    samples = ", ".join(f"{s:.2f}" for s in inproc["seconds"])
    lines += [
        "",
        "Hello render, 1280x720, 10 s @ 30 fps "
        f"({inproc['frames']} frames; composition from the hello template + validate_params/substitute)",
        f"{'renderer.render in-process, median':44}{_s(inproc['median_s']):>{width}}   (runs: {samples} s)",
    ]
    for n in names:
        leg = legs[n]
        if leg.get("skipped"):
            lines.append(f"{'end to end via ' + n:44}{'skipped':>{width}}")
            continue
        r = leg["stats"]["render_s"]
        runs = ", ".join(f"{s['to_finished']:.2f}" for s in leg["render"])
        lines.append(f"{'end to end via ' + n + ', submit -> done p50':44}{_s(r['submit_to_done']['p50']):>{width}}"
                     f"   (runs: {runs} s)")  # fmt: skip
        lines.append(f"{'  of which started_at -> finished_at p50':44}{_s(r['start_to_done']['p50']):>{width}}")
    for n in names:
        if legs[n].get("skipped"):
            lines.append(f"note: {n} skipped: {legs[n]['skipped']}")
    return "\n".join(lines)


def _versions() -> dict[str, str]:
    out = {}
    for dist in ("celery", "kombu", "redis", "sqlalchemy", "av", "uvicorn", "connexion"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            out[dist] = metadata.version(dist)
    return out


def _redis_server_version(url: str) -> str:
    import redis

    with contextlib.suppress(redis.RedisError):
        conn = redis.Redis.from_url(url, socket_connect_timeout=2)
        try:
            return str(conn.info("server").get("redis_version", ""))
        finally:
            conn.close()
    return ""


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="gala-pipeline-bench-"))
    ok = False
    try:
        yield path
        ok = True
    finally:
        if keep or not ok:
            print(f"work directory kept: {path}", flush=True)
        else:
            shutil.rmtree(path, ignore_errors=True)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.pipeline_bench",
        description="Queue dispatch latency and hello render time, embedded broker vs Redis, side by side.",
    )
    parser.add_argument("--jobs", type=int, default=30, help="tiny jobs per broker (default %(default)s)")
    parser.add_argument("--warmup", type=int, default=1, help="tiny warm-up jobs per broker, not counted (default 1)")
    parser.add_argument("--render-repeats", type=int, default=3, help="in-process renders (default %(default)s)")
    parser.add_argument("--e2e-runs", type=int, default=2, help="1280x720 renders per broker (default %(default)s)")
    parser.add_argument(
        "--brokers", default=",".join(BROKERS), help="comma-separated legs to run, of embedded,redis (default: both)"
    )
    parser.add_argument(
        "--redis-url", default=DEFAULT_REDIS_URL, help="loopback Redis database, flushed (default %(default)s)"
    )
    parser.add_argument("--poll", type=float, default=0.05, help="client poll interval, s (default %(default)s)")
    parser.add_argument("--job-timeout", type=float, default=60.0, help="per tiny job, s (default %(default)s)")
    parser.add_argument("--render-timeout", type=float, default=180.0, help="per big render, s (default %(default)s)")
    parser.add_argument("--startup-timeout", type=float, default=60.0, help="platform start, s (default %(default)s)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"JSON report (default {DEFAULT_JSON})")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (data, logs)")
    args = parser.parse_args(argv)
    args.brokers = [b.strip() for b in args.brokers.split(",") if b.strip()]
    unknown = sorted(set(args.brokers) - set(BROKERS))
    if unknown or not args.brokers:
        parser.error(f"--brokers takes embedded and/or redis, got {unknown or 'nothing'}")
    for name in ("jobs", "render_repeats", "e2e_runs"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if args.warmup < 0 or args.poll <= 0:
        parser.error("--warmup must be >= 0 and --poll > 0")
    return args


def run(args: argparse.Namespace) -> dict[str, Any]:
    from gala.queue import EMBEDDED_POLL_SECONDS

    command = shlex.join([sys.executable, *sys.orig_argv[1:]])
    print(f"command: {command}", flush=True)
    if "redis" in args.brokers:
        loopback_redis(args.redis_url)
    started = time.perf_counter()
    legs: list[Leg] = []
    with workspace(args.keep) as workdir:
        print(f"renderer alone: {args.render_repeats} x 1280x720 10 s @ 30 fps ...", flush=True)
        inproc = bench_renderer(workdir, args.render_repeats)
        for broker in args.brokers:
            leg = Leg(broker)
            legs.append(leg)
            if broker == "redis":
                leg.broker_url = args.redis_url
                leg.skipped = flush_redis(args.redis_url)
                if leg.skipped:
                    print(f"  redis: skipped ({leg.skipped})", flush=True)
                    continue
            print(f"{broker}: starting the platform ...", flush=True)
            run_leg(leg, workdir, args)
    report: dict[str, Any] = {
        "command": command,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "wall_seconds": time.perf_counter() - started,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "versions": _versions(),
            "redis_server": _redis_server_version(args.redis_url) if "redis" in args.brokers else "",
        },
        "config": {
            "jobs": args.jobs,
            "warmup": args.warmup,
            "render_repeats": args.render_repeats,
            "e2e_runs": args.e2e_runs,
            "poll": args.poll,
            "embedded_poll_ms": EMBEDDED_POLL_SECONDS * 1000,
            "tiny_params": TINY_PARAMS,
            "render_params": RENDER_PARAMS,
            "redis_url": args.redis_url,
            "definition": "queue overhead = job.started_at (worker claim) - wall clock just before POST /jobs",
        },
        "renderer": inproc,
        "legs": {
            leg.broker: {
                **{k: v for k, v in asdict(leg).items() if k not in {"warmup", "tiny", "render"}},
                "warmup": [asdict(s) for s in leg.warmup],
                "tiny": [asdict(s) for s in leg.tiny],
                "render": [asdict(s) for s in leg.render],
                "stats": leg.stats(),
            }
            for leg in legs
        },
    }
    return report


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        report = run(args)
    except BenchError as exc:
        print(f"pipeline bench failed: {exc}", file=sys.stderr)
        return 1
    print(fmt_table(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}   (total {report['wall_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
