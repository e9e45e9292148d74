"""Avatar benchmark: a presenter video rendered through the real renderer, with and without the avatar.

The composition is the gallery's presenter at 1280x720, 30 fps: a gradient, slide titles changing every
10 s, generated music as the soundtrack (ducked under the voice), the built-in presenter in a bust saying
an English script of the given length (espeak-ng), and captions following the words. The comparison
renders the same composition with the avatar replaced by a `speech` clip saying the same words, so the
difference is what drawing the avatar costs. Each render runs in a fresh process that reports its own
wall times and peak RSS (VmHWM); speech is synthesized into a fresh cache each time, so synthesis speed
is measured too.

Goals (issue 10): 60 s of presenter video in at most 0.5x its duration on this 2-core machine; speech at
least 100x realtime; peak RSS of a 600 s render within 10 % of a 60 s one.

Run from the repository root::

    make bench-avatar
    .venv/bin/python -m bench.avatar_bench --seconds 60 --long 600

Figures go to stdout and out/avatar/avatar_bench.json, a contact sheet of the four framings to
out/avatar/framings.png.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.speech_bench import script

OUT = Path("out/avatar")
SIZE = (1280, 720)
FPS = 30
GOAL_SPEED = 0.5  # wall time / video duration
GOAL_SYNTH = 100.0  # x realtime
GOAL_RSS_GROWTH = 0.10


def composition(seconds: int, *, avatar: bool, size: tuple[int, int]) -> dict[str, Any]:
    words = {"script": script("en", seconds), "voice": {"language": "en"}}
    voice: dict[str, Any] = (
        {
            "type": "avatar",
            "name": "host",
            "model": "builtin",
            "framing": "bust",
            "size": 0.78,
            "position": "bottom_right",
            "transition": {"in": {"type": "slide_left", "duration": 0.5}},
            **words,
        }
        if avatar
        else {"type": "speech", "name": "host", **words}
    )
    slides = [
        {
            "type": "text",
            "text": f"Slide {n + 1}",
            "start": 10 * n,
            "length": 10,
            "size": 60,
            "bold": True,
            "position": "top_left",
            "transition": {"in": {"type": "slide_right", "duration": 0.4}},
        }
        for n in range(max(1, seconds // 10))
    ]
    return {
        "version": 2,
        "output": {"size": {"width": size[0], "height": size[1]}, "fps": FPS},
        "background": "#0f172a",
        "soundtrack": {"asset": "music", "loop": True, "volume": 0.8},
        "tracks": [
            {"clips": [{"type": "gradient", "colors": ["#1e3a8a", "#0f172a"], "angle": 160, "length": "end"}]},
            {"clips": slides},
            {"clips": [voice]},
            {
                "clips": [
                    {
                        "type": "captions",
                        "from": "host",
                        "highlight": "#fde047",
                        "size": 40,
                        "max_width": 0.55,
                        "position": "bottom_left",
                        "align": "left",
                        "box": {"opacity": 0.5},
                    }
                ]
            },
        ],
    }


def peak_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sample_rig(model: str, work: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """A sample `puppet` or `photo` model (renderer.avatar.samples) as GALA resolves it into the clip:
    its `rig` field, and its images as asset files."""
    from renderer.assets import AssetFile
    from renderer.avatar.samples import sample_model

    images, anchors = sample_model(model, SIZE[1])
    files: dict[str, Any] = {}
    for role, image in images.items():
        image.save(work / f"{role}.png")
        files[f"{model}-{role}"] = AssetFile(work / f"{role}.png", "image", None)
    return {"kind": model, "assets": {role: f"{model}-{role}" for role in images}, "anchors": anchors}, files


def child(seconds: int, avatar: bool, size: tuple[int, int], model: str = "builtin") -> dict[str, Any]:
    """One render in this (fresh) process: synthesis, then the render, timed separately."""
    import renderer.encoder
    from examples.gallery import speak
    from examples.media import music
    from renderer.assets import AssetFile

    with tempfile.TemporaryDirectory(prefix="gala-avatar-bench-") as tmp:
        work = Path(tmp)
        comp = composition(seconds, avatar=avatar, size=size)
        files: dict[str, AssetFile] = {"music": AssetFile(music(work / "music.wav", 30.0, bpm=92), "audio", 30.0)}
        if avatar and model != "builtin":
            rig, images = sample_rig(model, work)
            comp["tracks"][2]["clips"][0].update(model=f"sample-{model}", rig=rig)
            files.update(images)
        started = time.perf_counter()
        files.update(speak(comp, work / "speech"))
        synth_s = time.perf_counter() - started
        audio_s = float(comp["tracks"][2]["clips"][0]["speech"]["timing"]["duration"])
        started = time.perf_counter()
        out = renderer.encoder.render(comp, work / "out", assets=files)
        render_s = time.perf_counter() - started
    return {
        "avatar": avatar,
        "model": model if avatar else None,
        "size": f"{size[0]}x{size[1]}",
        "video_s": round(out.duration, 2),
        "frames": out.frames,
        "render_wall_s": round(render_s, 2),
        "wall_per_video_s": round(render_s / out.duration, 3),
        "speech_audio_s": round(audio_s, 2),
        "synthesis_wall_s": round(synth_s, 3),
        "synthesis_x_realtime": round(audio_s / synth_s, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def run_child(seconds: int, avatar: bool, size: tuple[int, int], model: str = "builtin") -> dict[str, Any]:
    argv = [
        sys.executable,
        "-m",
        "bench.avatar_bench",
        "--child",
        "avatar" if avatar else "plain",
        "--seconds",
        str(seconds),
        "--size",
        f"{size[0]}x{size[1]}",
        "--model",
        model,
    ]
    done = subprocess.run(argv, check=True, capture_output=True, text=True, timeout=3600)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(result), flush=True)
    return result


def framings_sheet(path: Path) -> None:
    """The built-in presenter in each framing over a slide, side by side: to look at."""
    from PIL import Image

    import renderer.encoder
    from examples.gallery import speak

    tiles = []
    with tempfile.TemporaryDirectory(prefix="gala-avatar-sheet-") as tmp:
        for framing, position in (
            ("full", "center"),
            ("bust", "bottom"),
            ("circle", "top_right"),
            ("pip", "bottom_right"),
        ):
            comp = composition(10, avatar=True, size=(640, 360))
            clip = comp["tracks"][2]["clips"][0]
            clip.update(
                framing=framing,
                position=position,
                border=4 if framing in ("circle", "pip") else 0,
                background="#e2e8f0" if framing in ("circle", "pip") else None,
            )
            del clip["size"]
            comp["output"]["format"] = "jpg"
            comp["output"]["poster"] = {"at": 2.3}
            files = speak(comp, Path(tmp) / "speech")
            from examples.media import music
            from renderer.assets import AssetFile

            files["music"] = AssetFile(music(Path(tmp) / "music.wav", 30.0), "audio", 30.0)
            out = renderer.encoder.render(comp, Path(tmp) / framing, assets=files)
            tiles.append(Image.open(out.video_path).convert("RGB"))
    sheet = Image.new("RGB", (640 * 2, 360 * 2))
    for i, tile in enumerate(tiles):
        sheet.paste(tile, ((i % 2) * 640, (i // 2) * 360))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--long", type=int, default=600, help="a longer avatar render for the peak RSS (0: skip)")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}")
    parser.add_argument("--child", choices=("avatar", "plain"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--model", choices=("builtin", "puppet", "photo"), default="builtin", help="the avatar's model kind"
    )
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    assert len(size) == 2
    if args.child:
        print(json.dumps(child(args.seconds, args.child == "avatar", (size[0], size[1]), args.model)))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    with_avatar = run_child(args.seconds, True, (size[0], size[1]), args.model)
    without = run_child(args.seconds, False, (size[0], size[1]))
    report: dict[str, Any] = {"with_avatar": with_avatar, "without_avatar": without}
    added = with_avatar["render_wall_s"] - without["render_wall_s"]
    report["avatar_added_s"] = round(added, 2)
    report["avatar_added_ms_per_frame"] = round(1000 * added / max(1, with_avatar["frames"]), 2)
    if args.long:
        long = run_child(args.long, True, (size[0], size[1]), args.model)
        report["long"] = long
        report["rss_growth"] = round(long["peak_rss_mib"] / with_avatar["peak_rss_mib"] - 1, 3)
    framings_sheet(OUT / "framings.png")
    (OUT / "avatar_bench.json").write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(f"{'render':<28}{'video s':>9}{'wall s':>9}{'wall/video':>12}{'synth x rt':>12}{'peak RSS MiB':>14}")
    rows = [("with avatar", with_avatar), ("without avatar (speech clip)", without)]
    if "long" in report:
        rows.append((f"with avatar, {args.long} s", report["long"]))
    for label, r in rows:
        print(
            f"{label:<28}{r['video_s']:>9}{r['render_wall_s']:>9}{r['wall_per_video_s']:>12}"
            f"{r['synthesis_x_realtime']:>12}{r['peak_rss_mib']:>14}"
        )
    print(f"avatar's added cost: {report['avatar_added_s']} s ({report['avatar_added_ms_per_frame']} ms a frame)")
    print(
        f"goal: wall/video <= {GOAL_SPEED}: {'met' if with_avatar['wall_per_video_s'] <= GOAL_SPEED else 'NOT met'}; "
        f"synthesis >= {GOAL_SYNTH:g}x: {'met' if with_avatar['synthesis_x_realtime'] >= GOAL_SYNTH else 'NOT met'}"
    )
    if "rss_growth" in report:
        growth = report["rss_growth"]
        verdict = "met" if abs(growth) <= GOAL_RSS_GROWTH else "NOT met"
        print(
            f"peak RSS {args.long} s vs {args.seconds} s: {growth:+.1%} (goal within {GOAL_RSS_GROWTH:.0%}: {verdict})"
        )
    print(f"framings: {OUT / 'framings.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
