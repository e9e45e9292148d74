"""Scale-out benchmark: throughput of N short renders with 1 render worker against 2, in one run.

The topology is the production one (infra/docker-compose.yml) as local processes: the API, a
``gala.default`` worker and a render pool of 1, then 2, ``python -m worker --queues gala.render``
processes, on Redis and PostgreSQL. Each leg gets a fresh PostgreSQL database (created on the
``--postgres-url`` server, dropped after) and a flushed Redis database, so the legs do not share
state; they run one after the other, never at once.

Per leg: one warm-up job per render worker (imports, first connection) is left out; then
``--jobs`` hello renders (default 20; 1280x720, 8 s at 30 fps, about 0.6 s of rendering each
here) are submitted back to back through the API, and the database is polled (not the API, to
keep the client's load off the two CPUs) until all are done.

* **throughput** = jobs / (last ``finished_at`` − the moment just before the first submit);
* **ratio** = throughput with 2 render workers / throughput with 1.

Also reported per leg: the median ``started_at → finished_at`` (a job's render + store time on a
worker, which grows when workers share CPUs) and the mean concurrency that implies.

Run from the repository root (``make bench-scale``)::

    .venv/bin/python -m bench.scale_bench
    .venv/bin/python -m bench.scale_bench --jobs 10 --workers 1,2,3

The Redis database (default ``redis://127.0.0.1:6379/13``) is flushed: it must be on loopback
and dedicated to this benchmark. A table goes to stdout, the raw samples to
``out/scale_bench.json``.
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
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.pipeline_bench import BenchError, flush_redis, loopback_redis

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = REPO_ROOT / "out" / "scale_bench.json"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
RENDER_PARAMS: dict[str, Any] = {"title": "escala", "width": 1280, "height": 720, "duration": 8, "fps": 30}
TERMINAL = ("done", "failed", "canceled")


@contextlib.contextmanager
def scratch_database(server_url: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"gala_scale_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        raise BenchError(f"PostgreSQL at {server_url} is not usable: {exc}") from exc
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def leg_env(data_dir: Path, database_url: str, redis_url: str) -> dict[str, str]:
    from gala import config, metrics
    from gala.platform import child_env

    env = child_env()
    for name in (*config.ENV_NAMES, *metrics.ENV_NAMES):
        env.pop(name, None)
    env.update(GALA_DATA_DIR=str(data_dir), DATABASE_URL=database_url, REDIS_URL=redis_url, GALA_ENV="production")
    return env


def wait_all(sessions: Any, ids: list[uuid.UUID], timeout: float) -> list[Any]:
    from sqlalchemy import select

    from gala.orm import Job

    deadline = time.monotonic() + timeout
    while True:
        with sessions() as session:
            rows = session.execute(
                select(Job.id, Job.status, Job.created_at, Job.started_at, Job.finished_at).where(Job.id.in_(ids))
            ).all()
        if len(rows) == len(ids) and all(r.status in TERMINAL for r in rows):
            failed = [r for r in rows if r.status != "done"]
            if failed:
                raise BenchError(f"{len(failed)} jobs did not end done: {failed[0]}")
            return list(rows)
        if time.monotonic() > deadline:
            raise BenchError(f"jobs not done after {timeout:.0f} s")
        time.sleep(0.1)


def run_leg(workers: int, workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    from gala import remote
    from gala.config import Settings
    from gala.db import make_engine, make_sessionmaker
    from gala.migrate import upgrade
    from gala.platform import Platform, free_port

    skipped = flush_redis(args.redis_url)
    if skipped:
        raise BenchError(skipped)
    base = workdir / f"workers-{workers}"
    with scratch_database(args.postgres_url) as database_url:
        env = leg_env(base / "data", database_url, args.redis_url)
        settings = Settings.from_env(env)
        upgrade(settings)
        render_args = ("--queues", "gala.render", "--no-reaper")
        plat = Platform(
            env=env,
            port=free_port(),
            log_dir=base / "logs",
            workers=(("--queues", "gala.default"), *([render_args] * workers)),
        )
        engine = make_engine(database_url)
        sessions = make_sessionmaker(engine)
        try:
            with plat.running(timeout=args.startup_timeout):
                client = remote.connect(plat.url)
                template = str(remote.template_id_by_name(client, "hello"))
                warm = [remote.submit(client, template, RENDER_PARAMS).id for _ in range(workers)]
                wait_all(sessions, warm, args.timeout)
                wall0 = time.time()
                ids = [remote.submit(client, template, RENDER_PARAMS).id for _ in range(args.jobs)]
                submitted = time.time() - wall0
                rows = wait_all(sessions, ids, args.timeout)
        except BenchError:
            raise
        except Exception as exc:
            raise BenchError(f"{workers}-worker leg failed: {exc} (logs in {base / 'logs'})") from exc
        finally:
            engine.dispose()
    last = max(r.finished_at.timestamp() for r in rows)
    makespan = last - wall0
    service = [(r.finished_at - r.started_at).total_seconds() for r in rows]
    return {
        "render_workers": workers,
        "jobs": args.jobs,
        "submit_seconds": submitted,
        "makespan_seconds": makespan,
        "throughput_jobs_per_s": args.jobs / makespan,
        "job_seconds_median": statistics.median(service),
        "job_seconds_mean": statistics.fmean(service),
        "mean_concurrency": sum(service) / makespan,
        "samples": [
            {
                "started": r.started_at.timestamp() - wall0,
                "finished": r.finished_at.timestamp() - wall0,
                "seconds": s,
            }
            for r, s in zip(rows, service, strict=True)
        ],
    }


def in_process_render_seconds(workdir: Path, repeats: int = 3) -> float:
    """The same render, alone in this process: what one job costs with no queue and no contention."""
    import renderer.encoder
    from gala.parameters import substitute, validate_params
    from gala.services.builtin import HELLO

    composition = substitute(HELLO["composition"], validate_params(HELLO["parameters"], dict(RENDER_PARAMS)))
    seconds = []
    for i in range(repeats):
        t0 = time.perf_counter()
        renderer.encoder.render(composition, workdir / "inprocess" / str(i))
        seconds.append(time.perf_counter() - t0)
    return statistics.median(seconds)


def fmt(report: dict[str, Any]) -> str:
    legs = report["legs"]
    lines = [
        "",
        f"{report['config']['jobs']} hello renders ({RENDER_PARAMS['width']}x{RENDER_PARAMS['height']}, "
        f"{RENDER_PARAMS['duration']} s @ {RENDER_PARAMS['fps']} fps), Redis + PostgreSQL, "
        f"{report['machine']['cpus']} CPUs; one render alone in-process: {report['render_alone_s']:.2f} s",
        f"{'render workers':>15}{'makespan':>12}{'jobs/s':>10}{'job s (p50)':>14}{'concurrency':>13}",
    ]
    for leg in legs:
        lines.append(
            f"{leg['render_workers']:>15}{leg['makespan_seconds']:>10.2f} s{leg['throughput_jobs_per_s']:>10.2f}"
            f"{leg['job_seconds_median']:>12.2f} s{leg['mean_concurrency']:>13.2f}"
        )
    for name, ratio in report["ratios"].items():
        lines.append(f"throughput ratio {name}: {ratio:.2f}x")
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scale_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=20, help="renders per leg (default %(default)s)")
    parser.add_argument("--workers", default="1,2", help="render pool sizes, one leg each (default %(default)s)")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="loopback Redis database, flushed")
    parser.add_argument("--postgres-url", default=os.environ.get("GALA_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL))
    parser.add_argument("--timeout", type=float, default=300.0, help="per leg, s (default %(default)s)")
    parser.add_argument("--startup-timeout", type=float, default=60.0)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args(argv)
    args.workers = [int(w) for w in args.workers.split(",") if w.strip()]
    if args.jobs < 1 or not args.workers or min(args.workers) < 1:
        parser.error("--jobs and every --workers value must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = shlex.join([sys.executable, *sys.orig_argv[1:]])
    print(f"command: {command}", flush=True)
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="gala-scale-bench-"))
    try:
        loopback_redis(args.redis_url)
        alone = in_process_render_seconds(workdir)
        legs = []
        for workers in args.workers:
            print(f"{workers} render worker(s): {args.jobs} jobs ...", flush=True)
            legs.append(run_leg(workers, workdir, args))
    except BenchError as exc:
        print(f"scale bench failed: {exc} (work directory kept: {workdir})", file=sys.stderr)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    base = legs[0]
    report = {
        "command": command,
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "wall_seconds": time.perf_counter() - started,
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "config": {"jobs": args.jobs, "workers": args.workers, "render_params": RENDER_PARAMS},
        "render_alone_s": alone,
        "legs": legs,
        "ratios": {
            f"{leg['render_workers']} vs {base['render_workers']}": leg["throughput_jobs_per_s"]
            / base["throughput_jobs_per_s"]
            for leg in legs[1:]
        },
    }
    print(fmt(report))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}   (total {report['wall_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
