"""The studio's TypeScript client types (frontend/src/api/schema.d.ts) are what openapi-typescript
makes of openapi/gala.yaml, like the Python client (tests/test_generated_client.py).

``make client-ts`` regenerates them (frontend/scripts/client.mjs holds the generator's options);
this test regenerates into a temporary file the same way, with the generator pinned in
frontend/package-lock.json, and compares bytes, so a contract change without
regenerated types (or a hand edit) fails here. Skipped only where Node.js or npm is missing; with
Node present but the studio's packages not installed it fails and says what to run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.ui.studio_stack import FRONTEND, NODE_MODULES, ROOT, node_missing

SPEC = ROOT / "openapi" / "gala.yaml"
COMMITTED = FRONTEND / "src" / "api" / "schema.d.ts"
GENERATOR = NODE_MODULES / ".bin" / "openapi-typescript"
SCRIPT = FRONTEND / "scripts" / "client.mjs"

pytestmark = pytest.mark.skipif(node_missing() is not None, reason=str(node_missing()))


def generate(out: Path, spec: Path = SPEC) -> subprocess.CompletedProcess[str]:
    assert GENERATOR.exists(), f"{GENERATOR} is missing: run `make studio` (npm ci in frontend/)"
    script = SCRIPT
    if spec != SPEC:  # the script reads ../../openapi/gala.yaml beside itself: give it a tree of its own
        tree = out.parent / "tree"
        (tree / "openapi").mkdir(parents=True)
        (tree / "frontend" / "scripts").mkdir(parents=True)
        (tree / "openapi" / "gala.yaml").write_bytes(spec.read_bytes())
        (tree / "frontend" / "node_modules").symlink_to(NODE_MODULES)
        script = tree / "frontend" / "scripts" / "client.mjs"
        script.write_bytes(SCRIPT.read_bytes())
    return subprocess.run(
        ["node", str(script), str(out)],
        cwd=out.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_committed_types_match_the_spec(tmp_path: Path) -> None:
    done = generate(tmp_path / "schema.d.ts")
    assert done.returncode == 0, done.stdout + done.stderr
    fresh = (tmp_path / "schema.d.ts").read_bytes()
    assert fresh == COMMITTED.read_bytes(), (
        f"{COMMITTED.relative_to(ROOT)} is out of date with {SPEC.relative_to(ROOT)}: "
        "run `make client-ts` and commit the result"
    )
    assert str(tmp_path).encode() not in fresh, "the generated types mention where they were generated"


def test_the_check_can_fail(tmp_path: Path) -> None:
    """A changed contract gives different types, so the comparison above is not vacuous."""
    changed = tmp_path / "gala.yaml"
    text = SPEC.read_text(encoding="utf-8").replace("Seconds on the composition's timeline", "Changed", 1)
    changed.write_text(text, encoding="utf-8")
    done = generate(tmp_path / "schema.d.ts", changed)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "schema.d.ts").read_bytes() != COMMITTED.read_bytes()
