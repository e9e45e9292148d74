"""gala.speech sits under the jobs stage: it may import only itself from GALA, and never the renderer.
The GPL helper programs import only the standard library and their engine (no GALA code at all)."""

import ast
import subprocess
import sys
from pathlib import Path

import gala.speech

PACKAGE = Path(gala.speech.__file__).parent
HELPERS = {"espeak_helper.py", "piper_helper.py"}


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_speech_imports_only_itself_from_gala() -> None:
    for path in PACKAGE.glob("*.py"):
        for name in imported(path):
            top = name.split(".")[0]
            assert top not in ("renderer", "worker"), (path.name, name)
            if top == "gala":
                assert name.startswith("gala.speech"), (path.name, name)


def test_gpl_helpers_import_no_gala_code() -> None:
    for path in PACKAGE.glob("*.py"):
        if path.name in HELPERS:
            assert not {n for n in imported(path) if n.split(".")[0] == "gala"}, path.name
            assert "GPL-3.0-or-later" in path.read_text().splitlines()[0]


def test_importing_speech_loads_no_pyav_and_no_engine() -> None:
    # The API process may import gala.speech (limits, errors); PyAV and the engines stay out of it.
    code = (
        "import sys, gala.speech, gala.speech.engines;"
        "bad = {'av', 'piper', 'pocketsphinx', 'espeakng_loader', 'renderer'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
