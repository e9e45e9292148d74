"""Preview latency through the API: ``POST /templates/{id}/preview`` of the quote_card example, one at a time.

``gala api`` is started as in :mod:`bench.startup_bench` (fresh migrated data directory, loopback
port, clean environment; ``--tree`` measures another checkout). The example template is created,
a few previews warm the server up (not counted), then ``--requests`` previews of the frame at 1.2 s
(640 px wide, the default) are timed one after another; p50, p95 and max are reported.

    .venv/bin/python -m bench.preview_bench                       # this tree, 30 requests
    .venv/bin/python -m bench.preview_bench --tree /work/wt/base  # another checkout
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import tempfile
import time
from pathlib import Path

from bench.startup_bench import HOST, running_api

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "quote_card" / "template.json"
WARMUP = 3


def post(port: int, path: str, body: object) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, default=None, help="measure this checkout (default: the installed one)")
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args(argv)
    template = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="gala-preview-") as tmp, running_api(args.tree, Path(tmp)) as (_, port, _):
        status, created = post(port, "/templates", template)
        if status != 201:
            raise SystemExit(f"creating the template failed: {status} {created[:500]!r}")
        path = f"/templates/{json.loads(created)['id']}/preview"
        times = []
        for i in range(WARMUP + args.requests):
            started = time.perf_counter()
            status, body = post(port, path, {"t": 1.2})
            took = time.perf_counter() - started
            if status != 200:
                raise SystemExit(f"preview failed: {status} {body[:500]!r}")
            if i >= WARMUP:
                times.append(took * 1000)
    print(
        f"quote_card preview through the API ({args.tree or Path.cwd()}, {args.requests} requests): "
        f"p50 {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms, max {max(times):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
