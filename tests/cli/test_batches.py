"""``gala batch`` against a running platform: a CSV in, one set of outputs per row out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_cli import RunningPlatform, gala, probe

BATCH_ID = re.compile(r"batch ([0-9a-f-]{36})")


@pytest.mark.slow
def test_batch_submit_follows_the_stream_and_downloads_every_row(platform: RunningPlatform, tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "name,title,duration,width,height,fps,size\n"
        + "".join(f"clip{i},Row {i},1.2,160,90,10,12\n" for i in range(3))
        + "broken,Bad,-1,160,90,10,12\n"
    )
    out = tmp_path / "out"
    done = gala(
        "batch", "submit", "hello", str(rows), "--basename-column", "name", "-o", str(out), "--url", platform.url,
        env=platform.env,
    )  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr  # row 3 is invalid: nothing is created
    assert "/rows/3/params/duration" in done.stderr + done.stdout
    done = gala(
        "batch", "submit", "hello", str(rows), "--basename-column", "name", "--skip-invalid", "-o", str(out),
        "--url", platform.url, env=platform.env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{platform.logs()}"
    assert "row 3 skipped" in done.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"clip{i}.{e}" for i in range(3) for e in ("jpg", "mp4"))
    assert probe(out / "clip2.mp4").width == 160
    match = BATCH_ID.search(done.stdout)
    assert match, done.stdout
    shown = gala("batch", "show", match.group(1), "--url", platform.url, env=platform.env)
    assert "done 3" in shown.stdout, shown.stdout
    listed = gala(
        "batch", "jobs", match.group(1), "--status", "done", "--json", "--url", platform.url, env=platform.env
    )
    assert listed.stdout.count('"batch_row"') == 3, listed.stdout
    again = gala("batch", "retry", match.group(1), "--url", platform.url, env=platform.env)
    assert again.returncode == 1, again.stdout  # no failed rows: 409
