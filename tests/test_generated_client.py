"""The committed Python client (clients/python/gala_client) is what the generator makes of openapi/gala.yaml.

``make client`` regenerates it; these tests regenerate into a temporary directory and compare the two
trees byte for byte, so a contract change without a regenerated client (or a hand edit to generated
code) fails here. They also check that the generator understood the whole contract: it prints
"Warning(s) encountered" when some part of the spec could not be turned into code, and then silently
leaves that part out of the client.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi" / "gala.yaml"
CONFIG = ROOT / "clients" / "openapi-python-client.yaml"
COMMITTED = ROOT / "clients" / "python" / "gala_client"
GENERATOR = Path(sys.executable).with_name("openapi-python-client")

WARNINGS_BANNER = "Warning(s) encountered"
ERRORS_BANNER = "Error(s) encountered"

pytestmark = pytest.mark.skipif(
    not GENERATOR.exists(), reason=f"openapi-python-client is not installed next to {sys.executable}"
)


@dataclass(frozen=True)
class Generated:
    package: Path
    returncode: int
    output: str  # stdout and stderr together, in order

    @property
    def problems(self) -> list[str]:
        """The generator's warning/error report (empty when it had nothing to say)."""
        for banner in (ERRORS_BANNER, WARNINGS_BANNER):
            at = self.output.find(banner)
            if at >= 0:
                return [line for line in self.output[at:].splitlines() if line.strip()]
        return []


def generate(spec: Path, package: Path, *, cwd: Path, config: Path = CONFIG) -> Generated:
    """Run the generator exactly as `make client` does, but with its output in ``package``."""
    argv = [str(GENERATOR), "generate", "--path", str(spec), "--meta", "none", "--config", str(config)]
    argv += ["--output-path", str(package), "--overwrite"]
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb"}
    done = subprocess.run(
        argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120, check=False
    )
    return Generated(package, done.returncode, done.stdout.decode("utf-8", errors="replace"))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, bytecode caches left out."""
    files: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if "__pycache__" in rel.parts or path.suffix == ".pyc" or not path.is_file():
            continue
        files[rel.as_posix()] = path.read_bytes()
    return files


def differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    lines = [f"  missing:   {name}" for name in sorted(expected.keys() - actual.keys())]
    lines += [f"  extra:     {name}" for name in sorted(actual.keys() - expected.keys())]
    lines += [
        f"  different: {name}" for name in sorted(expected.keys() & actual.keys()) if expected[name] != actual[name]
    ]
    return lines


def test_committed_client_matches_the_spec(tmp_path: Path) -> None:
    got = generate(SPEC, tmp_path / "gala_client", cwd=tmp_path)
    assert got.returncode == 0, f"openapi-python-client failed:\n{got.output}"

    diff = differences(tree(got.package), tree(COMMITTED))
    assert not diff, (
        f"{COMMITTED.relative_to(ROOT)} is out of date with {SPEC.relative_to(ROOT)} "
        f"({len(diff)} file(s) differ from a fresh generation) — run `make client` and commit the result:\n"
        + "\n".join(diff)
    )


def test_generation_does_not_depend_on_location(tmp_path: Path) -> None:
    """No post-hooks and no paths baked in: the same spec gives the same bytes wherever it is generated."""
    (tmp_path / "one").mkdir()
    (tmp_path / "two" / "deeper" / "still").mkdir(parents=True)
    first = generate(SPEC, tmp_path / "one" / "gala_client", cwd=tmp_path / "one")
    second = generate(SPEC, tmp_path / "two" / "deeper" / "still" / "gala_client", cwd=ROOT / "clients")
    assert first.returncode == second.returncode == 0, first.output + second.output

    a, b = tree(first.package), tree(second.package)
    assert a, "the generator wrote no files"
    diff = differences(a, b)
    assert not diff, "two generations of the same spec differ:\n" + "\n".join(diff)
    leaked = [name for name, data in a.items() if str(tmp_path).encode() in data]
    assert not leaked, f"generated files mention the output directory: {leaked}"
    # Post-hooks (ruff by default) would make the bytes depend on the tools on PATH.
    assert "Running post hooks" not in first.output
    assert "Skipping Integration" not in first.output, first.output


def test_generator_emits_no_warnings(tmp_path: Path) -> None:
    got = generate(SPEC, tmp_path / "gala_client", cwd=tmp_path)
    assert got.returncode == 0, f"openapi-python-client failed:\n{got.output}"
    assert not got.problems, (
        f"openapi-python-client could not generate all of {SPEC.relative_to(ROOT)}; "
        "the client silently lacks these parts:\n" + "\n".join(got.problems)
    )


def test_warning_detection_is_not_vacuous(tmp_path: Path) -> None:
    """A spec the generator cannot fully handle is reported, so the check above can fail."""
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "openapi: 3.1.0\n"
        "info: {title: broken, version: '1'}\n"
        "paths:\n"
        "  /x:\n"
        "    get:\n"
        "      operationId: getX\n"
        "      parameters:\n"
        "        - {name: q, in: query, schema: {$ref: '#/components/schemas/Missing'}}\n"
        "      responses:\n"
        "        '200': {description: ok}\n",
        encoding="utf-8",
    )
    config = tmp_path / "config.yaml"
    config.write_text("post_hooks: []\n", encoding="utf-8")
    got = generate(broken, tmp_path / "out", cwd=tmp_path, config=config)
    assert got.problems, f"expected a warning for an unresolvable $ref, got:\n{got.output}"
    assert got.problems[0].startswith(WARNINGS_BANNER)
    assert any("get_x" in line or "GET /x" in line for line in got.problems), got.problems
