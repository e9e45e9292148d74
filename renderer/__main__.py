"""Command line: ``python -m renderer [composition.json|-|hello|reference] OUT_DIR [--asset ID=KIND:PATH ...]``.

``hello`` renders :func:`hello_composition`; ``reference`` renders the benchmark composition
(renderer/examples/reference.json) with generated assets.  Prints the result and the wall time.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
from typing import Any

from . import AssetFile, RenderError, hello_composition
from .encoder import render
from .examples import make_reference_assets, reference_composition


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m renderer", description=__doc__)
    parser.add_argument("composition", help="composition JSON file, '-' for stdin, or 'hello'")
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--basename", default="output")
    parser.add_argument("--duration", type=float, default=10.0, help="for 'hello' and 'reference' (default 10)")
    parser.add_argument("--width", type=int, default=1280, help="for 'hello'")
    parser.add_argument("--height", type=int, default=720, help="for 'hello'")
    parser.add_argument("--fps", type=float, default=30, help="for 'hello'")
    parser.add_argument("--asset", action="append", default=[], metavar="ID=KIND:PATH", help="an asset (repeatable)")
    args = parser.parse_args(argv)

    assets: dict[str, AssetFile] = {}
    for spec in args.asset:
        asset_id, _, rest = spec.partition("=")
        kind, _, path = rest.partition(":")
        assets[asset_id] = AssetFile(pathlib.Path(path), kind)
    composition: dict[str, Any]
    if args.composition == "reference":
        composition = reference_composition(args.duration)
        assets.update(make_reference_assets(args.out_dir / "assets", args.duration))
    elif args.composition == "hello":
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
        result = render(composition, args.out_dir, basename=args.basename, assets=assets)
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
