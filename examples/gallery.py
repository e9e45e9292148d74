"""The example gallery: load a template, make its sample assets, resolve its parameters, render it.

Each example is a folder holding ``template.json`` (a GALA template: ``name``, ``description``,
``composition`` in format version 2 with ``{"$param": name}`` placeholders, and ``parameters``, a
JSON Schema whose defaults make the template render as is) and ``assets.py`` (``generate(folder,
scale)``: its sample media, drawn deterministically from code). Parameters are resolved by GALA's own
template code (``gala.parameters``), exactly as a job would resolve them.

From the repository root::

    .venv/bin/python -m examples.gallery render promo            # full size, into out/examples/
    .venv/bin/python -m examples.gallery render --all --param fps=24
    .venv/bin/python -m examples.gallery thumbnails              # docs/examples/*.jpg (320x180)
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
REPO_ROOT = ROOT.parent
EXAMPLES = ("promo", "quote_card", "slideshow", "captioned_clip", "presenter", "presentador")
THUMBNAIL_SIZE = (320, 180)
THUMBNAIL_DIR = REPO_ROOT / "docs" / "examples"


def template(name: str) -> dict[str, Any]:
    if name not in EXAMPLES:
        raise KeyError(f"unknown example {name!r} (one of: {', '.join(EXAMPLES)})")
    loaded: dict[str, Any] = json.loads((ROOT / name / "template.json").read_text(encoding="utf-8"))
    return loaded


def sample_assets(name: str, folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """Generate the example's sample media into ``folder``: asset id -> (path, kind)."""
    module = importlib.import_module(f"examples.{name}.assets")
    assets: dict[str, tuple[Path, str]] = module.generate(folder, scale)
    return assets


def sample_params(name: str) -> dict[str, Any]:
    """Parameters the sample files supply (the SRT import); everything else keeps its default."""
    if name == "captioned_clip":
        return {"srt": (ROOT / name / "captions.srt").read_text(encoding="utf-8")}
    return {}


def resolve(name: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The example's composition with ``params`` (over the sample ones and the defaults) substituted."""
    from gala.parameters import check_template, substitute, validate_params

    tpl = template(name)
    check_template(tpl["composition"], tpl["parameters"])
    resolved = validate_params(tpl["parameters"], {**sample_params(name), **(params or {})})
    composition: dict[str, Any] = substitute(tpl["composition"], resolved)
    return composition


def asset_files(assets: dict[str, tuple[Path, str]]) -> dict[str, Any]:
    from renderer.assets import AssetFile

    return {key: AssetFile(path=path, kind=kind) for key, (path, kind) in assets.items()}


def render(
    name: str,
    out_dir: Path,
    *,
    params: dict[str, Any] | None = None,
    assets_dir: Path,
    scale: float = 1.0,
    output: dict[str, Any] | None = None,
    basename: str | None = None,
) -> Any:
    """Render an example with fresh sample assets; ``output`` overrides fields of ``output`` (format, poster)."""
    import renderer.encoder

    composition = resolve(name, params)
    if output:
        composition = copy.deepcopy(composition)
        composition["output"].update(output)
    assets = asset_files(sample_assets(name, assets_dir, scale))
    assets.update(speak(composition, assets_dir / "speech"))
    return renderer.encoder.render(composition, out_dir, basename=basename or name, assets=assets)


def speak(composition: dict[str, Any], cache_dir: Path) -> dict[str, Any]:
    """Synthesize the example's `speech`/`avatar` clips in place, as `gala render` does; their WAVs."""
    from gala.speech.resolve import resolve_locally
    from renderer.assets import AssetFile

    found = resolve_locally(composition, cache_dir)
    return {r.asset: AssetFile(path=r.path or cache_dir, kind="audio", duration=r.timing["duration"]) for r in found}


def thumbnail(name: str, out_dir: Path = THUMBNAIL_DIR) -> Path:
    """``docs/examples/<name>.jpg``: the example's poster frame at full size, reduced to 320x180.

    The poster is rendered at the template's own size (``output.format`` "jpg": one frame, no video)
    and then reduced, so the thumbnail is the real picture in miniature.
    """
    from PIL import Image

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.jpg"
    with tempfile.TemporaryDirectory(prefix=f"gala-thumb-{name}-") as tmp:
        work = Path(tmp)
        result = render(name, work / "out", assets_dir=work / "assets", output={"format": "jpg"})
        with Image.open(result.video_path) as poster:
            small = poster.convert("RGB").resize(THUMBNAIL_SIZE, Image.Resampling.LANCZOS)
    small.save(path, format="JPEG", quality=85, optimize=True, progressive=True)
    return path


def _parse_param(text: str) -> tuple[str, Any]:
    key, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value  # a bare string


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render GALA's example gallery.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("render", help="render examples to MP4 (full size unless --param says otherwise)")
    run.add_argument("names", nargs="*", metavar="NAME", help=f"one of: {', '.join(EXAMPLES)}")
    run.add_argument("--all", action="store_true")
    run.add_argument("--out", type=Path, default=REPO_ROOT / "out" / "examples")
    run.add_argument("--param", type=_parse_param, action="append", default=[], metavar="NAME=VALUE")
    thumbs = sub.add_parser("thumbnails", help=f"write {THUMBNAIL_SIZE[0]}x{THUMBNAIL_SIZE[1]} JPEGs to docs/examples/")
    thumbs.add_argument("--out", type=Path, default=THUMBNAIL_DIR)
    args = parser.parse_args(argv)

    if args.command == "thumbnails":
        for name in EXAMPLES:
            started = time.perf_counter()
            path = thumbnail(name, args.out)
            print(f"{name}: {path} ({time.perf_counter() - started:.1f} s)")
        return 0
    names = list(EXAMPLES) if args.all else args.names
    if not names:
        parser.error("name one or more examples, or --all")
    unknown = [name for name in names if name not in EXAMPLES]
    if unknown:
        parser.error(f"unknown examples: {', '.join(unknown)} (one of: {', '.join(EXAMPLES)})")
    params = dict(args.param)
    for name in names:
        started = time.perf_counter()
        result = render(name, args.out, params=params, assets_dir=args.out / f"{name}-assets")
        print(f"{name}: {result.video_path} ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
