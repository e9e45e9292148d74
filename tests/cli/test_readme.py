"""README's "From the shell" walk-through, run as written against a real ``gala up`` on embedded defaults.

The block after the marker comment is extracted and run by bash (``-euo pipefail``) in an empty
folder that sees the repository's ``examples/``, with ``.venv/bin`` first on PATH and ``GALA_URL``
pointing at a ``gala up`` on a free loopback port with a temporary data directory. The job's MP4
(and the local render's) are then checked with PyAV.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_cli import Up, clean_env, jpeg_size, probe

ROOT = Path(__file__).resolve().parents[2]
MARKER = "<!-- tests/cli/test_readme.py runs the next block as written"


def walkthrough(readme: str) -> str:
    """The fenced ``sh`` block that follows the marker comment."""
    after = readme.split(MARKER, 1)[1]
    body = after.split("```sh\n", 1)[1]
    return body.split("\n```", 1)[0]


def test_the_walkthrough_block_is_found() -> None:
    script = walkthrough((ROOT / "README.md").read_text(encoding="utf-8"))
    assert "gala assets upload" in script
    assert "gala templates create examples/" in script
    assert "-o out/" in script


@pytest.mark.slow
def test_readme_walkthrough_runs_as_written(start_up: Callable[..., Up], tmp_path: Path) -> None:
    script = walkthrough((ROOT / "README.md").read_text(encoding="utf-8"))
    up = start_up()
    up.wait_for("healthy", timeout=90)
    work = tmp_path / "work"
    work.mkdir()
    (work / "examples").symlink_to(ROOT / "examples")
    env = clean_env(tmp_path / "client-data", GALA_URL=up.url)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr}\n{up.output[-3000:]}"
    assert "Traceback" not in done.stderr, done.stderr
    for folder in ("out", "local"):
        media = probe(work / folder / "output.mp4")
        assert (media.video_codec, media.audio_codec, media.width, media.height) == ("h264", "aac", 640, 360)
        assert media.duration == pytest.approx(4.0, abs=0.15)
        assert jpeg_size(work / folder / "output.jpg") == (640, 360)
    assert "done" in done.stdout  # `gala jobs list --status done` shows the job
