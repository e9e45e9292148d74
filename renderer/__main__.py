"""Command line: ``python -m renderer [composition.json|-] OUT_DIR [--basename NAME]``.

Without a composition file (or with ``hello``) it renders :func:`hello_composition`.
Prints the result and the wall time taken.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
from typing import Any

from . import RenderError, hello_composition, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m renderer", description=__doc__)
    parser.add_argument("composition", help="composition JSON file, '-' for stdin, or 'hello'")
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--basename", default="output")
    parser.add_argument("--duration", type=float, default=10.0, help="for 'hello' (default 10)")
    parser.add_argument("--width", type=int, default=1280, help="for 'hello'")
    parser.add_argument("--height", type=int, default=720, help="for 'hello'")
    parser.add_argument("--fps", type=float, default=30, help="for 'hello'")
    args = parser.parse_args(argv)

    composition: dict[str, Any]
    if args.composition == "hello":
        composition = hello_composition(
            duration=args.duration,
            width=args.width,
            height=args.height,
            fps=args.fps,
            subtitle="Renderizado con GALA · ñandú, pingüino, ¿qué tal?",
        )
    elif args.composition == "-":
        composition = json.load(sys.stdin)
    else:
        composition = json.loads(pathlib.Path(args.composition).read_text(encoding="utf-8"))

    started = time.perf_counter()
    try:
        result = render(composition, args.out_dir, basename=args.basename)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"{result.video_path} ({result.width}x{result.height}, {result.frames} frames, "
        f"{result.duration:.3f} s at {result.fps:g} fps)"
    )
    print(f"{result.thumbnail_path}")
    print(
        f"rendered in {elapsed:.2f} s ({result.frames / elapsed:.0f} frames/s, "
        f"{result.duration / elapsed:.1f}x real time)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
