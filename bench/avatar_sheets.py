"""Contact sheets of each kind of avatar model, to look at: `make avatar-sheets`.

For the built-in presenter, an uploaded `puppet` and a talking `photo` (the latter two drawn from code
by renderer.avatar.samples, as a user would upload them), a short Spanish clip is rendered through the
real renderer (H.264 + AAC, 640x360, bust framing), decoded back, and twelve frames spread over the
speech are tiled with their times; a second sheet shows every mouth shape and the closed eyes of the
model's own drawing (renderer.avatar.sheet). Written to out/avatar-sheets/<kind>_frames.png and
<kind>_shapes.png.

    make avatar-sheets
    .venv/bin/python -m bench.avatar_sheets --out out/avatar-sheets
"""

from __future__ import annotations

import argparse
import copy
import tempfile
from pathlib import Path
from typing import Any

import av
from PIL import Image, ImageDraw, ImageFont

import renderer.encoder
from examples.gallery import speak
from renderer.assets import AssetFile
from renderer.avatar.character import default_character
from renderer.avatar.puppet import Puppet
from renderer.avatar.rig import build
from renderer.avatar.samples import sample_model
from renderer.avatar.sheet import contact_sheet

SCRIPT = "Hola, soy un presentador de GALA. Hablo sin conexión, parpadeo, y muevo la boca con cada palabra."
KINDS = ("builtin", "puppet", "photo")
W, H, FPS, TILES = 640, 360, 30, 12


def model_of(kind: str, folder: Path) -> tuple[dict[str, Any] | None, dict[str, AssetFile], Puppet]:
    """The clip's resolved rig (None: the built-in presenter), its image files, and the puppet itself."""
    if kind == "builtin":
        return None, {}, Puppet(default_character(640))
    images, anchors = sample_model(kind, 600)
    files = {}
    for role, image in images.items():
        path = folder / f"{kind}_{role}.png"
        image.save(path)
        files[f"{kind}-{role}"] = AssetFile(path, "image", None)
    rig = {"kind": kind, "assets": {role: f"{kind}-{role}" for role in images}, "anchors": anchors}
    return rig, files, build(kind, images, anchors)


def frames_sheet(video: Path, duration: float, label: str) -> Image.Image:
    wanted = [round(duration * FPS * (i + 0.5) / TILES) for i in range(TILES)]
    tiles: list[tuple[int, Image.Image]] = []
    with av.open(str(video)) as media:
        for n, frame in enumerate(media.decode(video=0)):
            if n in wanted:
                tiles.append((n, frame.to_image().resize((W // 2, H // 2), Image.Resampling.LANCZOS)))
    columns, label_h = 4, 18
    rows = -(-len(tiles) // columns)
    sheet = Image.new("RGB", (columns * W // 2, 28 + rows * (H // 2 + label_h)), (250, 250, 250))
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(14)
    draw.text((8, 6), label, fill=(20, 20, 20), font=font)
    for i, (n, tile) in enumerate(tiles):
        x, y = (i % columns) * W // 2, 28 + (i // columns) * (H // 2 + label_h)
        sheet.paste(tile, (x, y))
        draw.text((x + 6, y + H // 2 + 1), f"frame {n} ({n / FPS:.2f} s)", fill=(60, 60, 60), font=font)
    return sheet


def render_kind(kind: str, work: Path, out: Path) -> None:
    rig, images, puppet = model_of(kind, work)
    clip: dict[str, Any] = {"type": "avatar", "model": "builtin", "script": SCRIPT, "voice": {"language": "es"}}
    clip["position"] = "center"
    if rig is not None:
        clip.update(model=f"sample-{kind}", rig=rig)
    doc: dict[str, Any] = {
        "version": 2,
        "output": {"size": {"width": W, "height": H}, "fps": FPS},
        "background": "#dfe6ee",
        "tracks": [{"clips": [clip]}],
    }
    doc = copy.deepcopy(doc)
    files = {**speak(doc, work / "speech"), **images}
    result = renderer.encoder.render(doc, work / kind, assets=files)
    frames_sheet(result.video_path, result.duration, f"{kind}: {result.duration:.1f} s at {W}x{H}, {FPS} fps").save(
        out / f"{kind}_frames.png"
    )
    contact_sheet(puppet).save(out / f"{kind}_shapes.png")
    print(f"{kind}: {out / f'{kind}_frames.png'}, {out / f'{kind}_shapes.png'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/avatar-sheets"))
    parser.add_argument("--models", default=",".join(KINDS))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gala-avatar-sheets-") as tmp:
        for kind in args.models.split(","):
            render_kind(kind, Path(tmp), args.out)


if __name__ == "__main__":
    main()
