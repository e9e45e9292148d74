"""Regenerate the gallery's golden frames: ``python -m tests.examples.regenerate [NAME ...]``.

Renders each example exactly as tests/examples/test_gallery.py does and overwrites
``tests/examples/golden/<example>_<t>s.png``. Look at the images before committing them.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from tests.examples.cases import CASES, render_case, write_golden


def main(argv: list[str]) -> int:
    known = {case.name: case for case in CASES}
    unknown = [name for name in argv if name not in known]
    if unknown:
        print(f"unknown examples: {', '.join(unknown)} (one of: {', '.join(known)})", file=sys.stderr)
        return 2
    for case in [known[name] for name in argv] or list(CASES):
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix=f"gala-golden-{case.name}-") as tmp:
            _, frames = render_case(case, Path(tmp))
        for path in write_golden(case, frames):
            print(f"{case.name}: wrote {path.relative_to(Path.cwd()) if path.is_relative_to(Path.cwd()) else path}")
        print(f"{case.name}: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
