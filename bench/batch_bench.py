"""Batch benchmark: 200 rows of a 2 s render as one batch vs 200 single jobs, per broker, in one run.

For each leg (the embedded broker on SQLite; Redis + PostgreSQL) a fresh platform is started
(``gala.platform.Platform``: the API and one worker as child processes, a new migrated database):

1. **Singles**: ``--rows`` single ``hello`` jobs submitted back to back (POST after POST, no
   waiting), then waited for; wall time = first submit → last ``finished_at``.
2. **Batch**: one batch of ``--rows`` rows (``concurrency`` 4) of the same render, each row named
   by its own basename; wall time = submit → the batch's ``finished_at``. While it runs, a
   single job is submitted every ``--probe-every`` seconds: its wait (submit → ``started_at``)
   is the fair-scheduling figure; the bound is about ``concurrency`` row renders.
   Checked: every row done with exactly one set of outputs (a video and a poster), one job per row.
3. **SSE latency**: a client follows ``/batches/{id}/events`` during the batch; for each event,
   the time from the change (the event row's ``created_at``, written in the change's
   transaction) to its arrival. Same machine, same clock.

The renders are tiny on purpose (160x90, 2 s at 10 fps) to fit this 2-core machine: the figures
compare scheduling and overheads, not render speed. Run from the repository root::

    .venv/bin/python -m bench.batch_bench             # 200 rows per leg
    .venv/bin/python -m bench.batch_bench --rows 50   # quicker

Raw samples go to ``out/batch_bench.json``. The Redis leg needs ``--redis-url`` (a loopback
database it may flush, default db 14) and ``--postgres-url`` (a server where it may create and
drop a scratch database); it is skipped when either does not answer.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

PARAMS = {"title": "fila", "width": 160, "height": 90, "duration": 2, "fps": 10, "size": 12}
TERMINAL = {"done", "failed", "canceled"}


def _ts(value: str) -> float:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def wait_jobs(http: httpx.Client, ids: list[str], timeout: float) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    pending, done = set(ids), {}
    while pending:
        for job_id in list(pending):
            job = http.get(f"/jobs/{job_id}").json()
            if job["status"] in TERMINAL:
                done[job_id] = job
                pending.discard(job_id)
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(pending)} jobs still unfinished")
        time.sleep(0.5)
    return [done[i] for i in ids]


def singles(http: httpx.Client, template: str, rows: int, timeout: float) -> dict[str, Any]:
    t0 = time.time()
    ids = [http.post("/jobs", json={"template_id": template, "params": PARAMS}).json()["id"] for _ in range(rows)]
    jobs = wait_jobs(http, ids, timeout)
    bad = [j["id"] for j in jobs if j["status"] != "done" or len(j["output_asset_ids"]) != 2]
    return {"wall_s": max(_ts(j["finished_at"]) for j in jobs) - t0, "not_done": len(bad)}


def follow(base: str, batch_id: str, latencies: list[float], stop: threading.Event) -> None:
    with (
        httpx.Client(base_url=base, timeout=httpx.Timeout(10, read=60)) as http,
        http.stream("GET", f"/batches/{batch_id}/events") as r,
    ):
        for line in r.iter_lines():
            if line.startswith("data:"):
                event = json.loads(line[5:])
                latencies.append(time.time() - _ts(event["at"]))
            if stop.is_set():
                return


def batch(
    http: httpx.Client, base: str, template: str, rows: int, probe_every: float, timeout: float
) -> dict[str, Any]:
    body = {
        "template_id": template,
        "concurrency": 4,
        "rows": [{"params": PARAMS | {"title": f"fila {i}"}} for i in range(rows)],
    }
    t0 = time.time()
    r = http.post("/batches", json=body)
    r.raise_for_status()
    batch_id = r.json()["id"]
    latencies: list[float] = []
    stop = threading.Event()
    follower = threading.Thread(target=follow, args=(base, batch_id, latencies, stop), daemon=True)
    follower.start()
    probes: list[str] = []
    deadline = time.monotonic() + timeout
    next_probe = time.monotonic() + probe_every
    while (got := http.get(f"/batches/{batch_id}").json())["status"] == "running":
        if time.monotonic() > deadline:
            raise RuntimeError(f"batch still running: {got['counts']}")
        if time.monotonic() >= next_probe:
            submitted = time.time()
            probe = http.post("/jobs", json={"template_id": template, "params": PARAMS}).json()
            probes.append(json.dumps({"id": probe["id"], "submitted": submitted}))
            next_probe += probe_every
        time.sleep(0.25)
    wall = _ts(got["finished_at"]) - t0
    follower.join(timeout=10)
    stop.set()
    waits = []
    for raw in probes:
        p = json.loads(raw)
        job = wait_jobs(http, [p["id"]], timeout)[0]
        waits.append(_ts(job["started_at"]) - p["submitted"])
    per_row, cursor = [], None
    while True:
        page = http.get(f"/batches/{batch_id}/jobs", params={"limit": 100} | ({"cursor": cursor} if cursor else {}))
        doc = page.json()
        per_row += doc["items"]
        if not (cursor := doc["next_cursor"]):
            break
    rows_ok = sorted(j["batch_row"] for j in per_row) == list(range(rows))
    one_set = all(j["status"] == "done" and len(j["output_asset_ids"]) == 2 for j in per_row)
    return {
        "wall_s": wall,
        "status": got["status"],
        "one_job_per_row": rows_ok,
        "every_row_done_with_one_set_of_outputs": one_set,
        "probe_wait_s": waits,
        "sse_latency_s": {"n": len(latencies), "p50": pct(latencies, 0.5), "p95": pct(latencies, 0.95)},
    }


def leg(name: str, env_extra: dict[str, str], args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from gala.config import Settings
    from gala.migrate import upgrade
    from gala.platform import Platform, child_env, free_port
    from gala.services.builtin import HELLO_ID

    env = child_env()
    for key in ("REDIS_URL", "DATABASE_URL", "CELERY_BROKER_URL"):
        env.pop(key, None)
    env |= {"GALA_DATA_DIR": str(work / name / "data")} | env_extra
    upgrade(Settings.from_env(env))
    plat = Platform(env=env, port=free_port(), log_dir=work / name / "logs")
    with plat.running(timeout=90), httpx.Client(base_url=plat.url, timeout=60) as http:
        print(f"{name}: {args.rows} single jobs...", flush=True)
        one = singles(http, str(HELLO_ID), args.rows, args.timeout)
        print(f"{name}: singles {one}", flush=True)
        print(f"{name}: a batch of {args.rows} rows...", flush=True)
        many = batch(http, plat.url, str(HELLO_ID), args.rows, args.probe_every, args.timeout)
        print(f"{name}: batch {many}", flush=True)
    return {"singles": one, "batch": many}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--probe-every", type=float, default=10.0)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/14", help="flushed: a dedicated db")
    parser.add_argument("--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--legs", default="embedded,redis")
    args = parser.parse_args()
    results: dict[str, Any] = {"rows": args.rows, "params": PARAMS}
    with tempfile.TemporaryDirectory(prefix="gala-batch-bench-") as tmp:
        work = Path(tmp)
        if "embedded" in args.legs:
            results["embedded"] = leg("embedded", {}, args, work)
        if "redis" in args.legs:
            results["redis+postgres"] = redis_leg(args, work)
    Path("out").mkdir(exist_ok=True)
    Path("out/batch_bench.json").write_text(json.dumps(results, indent=2))
    print(f"\n{'leg':<16} {'singles s':>10} {'batch s':>8} {'probe wait p50/max s':>22} {'SSE p50/p95 ms':>16}")
    for name in ("embedded", "redis+postgres"):
        r = results.get(name)
        if not isinstance(r, dict) or "batch" not in r:
            print(f"{name:<16} skipped ({r})")
            continue
        b, waits = r["batch"], r["batch"]["probe_wait_s"]
        sse = b["sse_latency_s"]
        probe = f"{statistics.median(waits):.1f}/{max(waits):.1f}" if waits else "-"
        print(
            f"{name:<16} {r['singles']['wall_s']:>10.1f} {b['wall_s']:>8.1f} {probe:>22} "
            f"{sse['p50'] * 1000:>7.0f}/{sse['p95'] * 1000:<7.0f}"
            f"  rows ok={b['every_row_done_with_one_set_of_outputs']}"
        )


def redis_leg(args: argparse.Namespace, work: Path) -> Any:
    import redis
    import sqlalchemy as sa

    try:
        redis.Redis.from_url(args.redis_url).flushdb()
        admin = sa.create_engine(args.postgres_url, isolation_level="AUTOCOMMIT")
        name = f"gala_batch_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        return f"skipped: {exc}"
    url = sa.engine.make_url(args.postgres_url).set(database=name).render_as_string(hide_password=False)
    try:
        return leg("redis+postgres", {"REDIS_URL": args.redis_url, "DATABASE_URL": url}, args, work)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
