"""Checking a composition must not load FFmpeg: ``import renderer`` and its checks stay free of PyAV.

The API process imports the renderer for the normaliser and the clip registry; PyAV (``av``) loads
the FFmpeg libraries, which only rendering and probing need.  Run in a fresh interpreter, since this
test process has imported ``av`` long ago.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import sys
import renderer, renderer.timeline, renderer.clips, renderer.contract
renderer.normalise(renderer.hello_composition())
heavy = sorted(m for m in ("av", "cv2", "moviepy") if m in sys.modules)
assert not heavy, heavy
"""


def test_importing_the_renderer_and_checking_a_composition_loads_no_ffmpeg() -> None:
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_check_can_fail() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.replace("import sys\n", "import sys, renderer.encoder\n", 1)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "av" in done.stderr
