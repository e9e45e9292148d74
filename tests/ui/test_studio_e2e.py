"""The web studio end to end: Debian's Chromium, driven by playwright-core, against a real GALA.

One GALA (API + worker on embedded defaults, tests/ui/studio_stack.py) and one browser serve
every spec in ``frontend/e2e/`` (``run.mjs`` imports them all): a person's path through the
studio, asserted on what the page shows, with axe-core in each. Screenshots land in ``out/e2e``
(CI keeps them). ``make studio`` builds what this serves.

Without Node.js the test is skipped; with Node but no build it fails with what to run. Without
Chromium it is skipped on a workstation but fails when ``CI`` is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.studio_stack import CHROMIUM, ROOT, node_missing, require_built_studio, run_node, running_stack

pytestmark = pytest.mark.browser
E2E_TIMEOUT_S = 240


def test_the_studio_end_to_end(tmp_path: Path) -> None:
    missing = node_missing()
    if missing:
        pytest.skip(missing)
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing (.ci/run installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    require_built_studio()
    out = ROOT / "out" / "e2e"
    with running_stack(tmp_path / "data") as platform:
        done = run_node(
            "e2e/run.mjs",
            env={"STUDIO_URL": f"{platform.url}/studio/", "E2E_OUT": str(out)},
            timeout=E2E_TIMEOUT_S,
        )
    print(done.stdout)
    assert done.returncode == 0, f"the studio's e2e specs failed (screenshots in {out}):\n{done.stdout[-8000:]}"
    assert "# fail 0" in done.stdout or "\u2139 fail 0" in done.stdout, done.stdout[-3000:]
