"""Preview round trips at 720p seen from the browser, for every gallery example, through the studio.

One real GALA (the e2e tests' stack, tests/ui/studio_stack.py: API + worker on embedded defaults)
and Debian's Chromium. Each example's sample media (examples/<name>/assets.py) is uploaded, its
template created, and ``frontend/bench/preview.mjs`` opens it in the studio's editor, picks those
assets in the parameter form and steps the cursor ``--previews`` times with the keyboard, each
time waiting for the new 1280x720 frame. The times are the browser's Resource Timing of each
``POST /templates/{id}/preview`` (request start to the last byte). Goals (issue 12): p50 <= 150 ms
and p95 <= 400 ms for every example; the exit status is 1 when one misses them.

    .venv/bin/python -m bench.studio_bench              # or: make bench-studio
    .venv/bin/python -m bench.studio_bench --previews 40 --only quote_card
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx

from examples import gallery
from tests.ui.studio_stack import FRONTEND, node_missing, require_built_studio, running_stack

P50_GOAL_MS = 150.0
P95_GOAL_MS = 400.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def seed(api: httpx.Client, name: str, samples: Path) -> dict[str, Any]:
    """Upload the example's sample media and create its template; the parameters naming them."""
    template = gallery.template(name)
    ids = {}
    for key, (path, _kind) in gallery.sample_assets(name, samples / name).items():
        answer = api.post("/assets", files={"file": (path.name, path.read_bytes())}, data={"name": f"{name}-{key}"})
        answer.raise_for_status()
        ids[key] = answer.json()["id"]
    created = api.post("/templates", json={**template, "labels": {"studio.example": name}})
    created.raise_for_status()
    params: dict[str, Any] = {
        param: ids[schema["default"]]
        for param, schema in template["parameters"].get("properties", {}).items()
        if isinstance(schema.get("default"), str) and schema["default"] in ids
    }
    params.update(gallery.sample_params(name))
    return {"name": name, "template_id": created.json()["id"], "params": params}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--previews", type=int, default=20, help="timed previews per example")
    parser.add_argument("--only", action="append", default=[], metavar="NAME", help="only these examples")
    args = parser.parse_args(argv)
    missing = node_missing()
    if missing:
        raise SystemExit(missing)
    require_built_studio()
    names = args.only or list(gallery.EXAMPLES)
    with tempfile.TemporaryDirectory(prefix="gala-studio-bench-") as tmp, running_stack(Path(tmp) / "data") as stack:
        with httpx.Client(base_url=stack.url, timeout=60, trust_env=False) as api:
            plan = {"previews": args.previews, "templates": [seed(api, name, Path(tmp) / "samples") for name in names]}
        plan_path = Path(tmp) / "plan.json"
        plan_path.write_text(json.dumps(plan), encoding="utf-8")
        done = subprocess.run(
            ["node", "bench/preview.mjs", str(plan_path)],
            cwd=FRONTEND,
            env={**os.environ, "STUDIO_URL": f"{stack.url}/studio/"},
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
        return done.returncode
    results = json.loads(done.stdout.strip().splitlines()[-1])
    ok = True
    print(f"preview round trip at 1280x720, seen from Chromium through the studio ({args.previews} per example):")
    for name in names:
        got = results[name]
        if got.get("error") or not got["times"]:
            ok = False
            print(f"  {name:15s} cannot preview: {got.get('error')}")
            continue
        times = got["times"]
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        verdict = "ok" if p50 <= P50_GOAL_MS and p95 <= P95_GOAL_MS else "OVER"
        ok &= verdict == "ok"
        print(
            f"  {name:15s} p50 {p50:5.0f} ms  p95 {p95:5.0f} ms  max {max(times):5.0f} ms  (n={len(times)})  {verdict}"
        )
    print(f"goals: p50 <= {P50_GOAL_MS:.0f} ms, p95 <= {P95_GOAL_MS:.0f} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
