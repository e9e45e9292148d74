"""Avatar benchmark: a presenter video rendered through the real renderer, with and without the avatar.

The composition is the gallery's presenter at 1280x720, 30 fps: a gradient, slide titles changing every
10 s, generated music as the soundtrack (ducked under the voice), the built-in presenter in a bust saying
an English script of the given length (espeak-ng), and captions following the words. The comparison
renders the same composition with the avatar replaced by a `speech` clip saying the same words, so the
difference is what drawing the avatar costs. Each render runs in a fresh process that reports its own
wall and CPU times (all threads) and peak RSS (VmHWM); `--base-tree` renders both legs again with GALA
from another checkout, interleaved, for a before/after in one run. Speech is synthesized into a fresh
cache each time, so synthesis speed is measured too.

Goals (issue 10): 60 s of presenter video in at most 0.5x its duration on this 2-core machine; speech at
least 100x realtime; peak RSS of a 600 s render within 10 % of a 60 s one.

Run from the repository root::

    make bench-avatar
    .venv/bin/python -m bench.avatar_bench --seconds 60 --long 600
    .venv/bin/python -m bench.avatar_bench --long 0 --repeats 2 --base-tree ../main   # before/after

Figures go to stdout and out/avatar/avatar_bench.json, a contact sheet of the four framings to
out/avatar/framings.png.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.speech_bench import script

REPO_ROOT = Path(__file__).resolve().parent.parent
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


def cpu_s() -> float:
    """CPU seconds of this process, all threads (FFmpeg's encoder threads included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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
        started, cpu = time.perf_counter(), cpu_s()
        out = renderer.encoder.render(comp, work / "out", assets=files)
        render_s, render_cpu = time.perf_counter() - started, cpu_s() - cpu
    return {
        "avatar": avatar,
        "model": model if avatar else None,
        "size": f"{size[0]}x{size[1]}",
        "video_s": round(out.duration, 2),
        "frames": out.frames,
        "render_wall_s": round(render_s, 2),
        "wall_per_video_s": round(render_s / out.duration, 3),
        "render_cpu_s": round(render_cpu, 2),
        "cpu_per_video_s": round(render_cpu / out.duration, 3),
        "speech_audio_s": round(audio_s, 2),
        "synthesis_wall_s": round(synth_s, 3),
        "synthesis_x_realtime": round(audio_s / synth_s, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def run_child(
    seconds: int, avatar: bool, size: tuple[int, int], tree: Path | None = None, model: str = "builtin"
) -> dict[str, Any]:
    """One render in a fresh process; with `tree`, GALA's code comes from that checkout (this file's child
    code, so both sides report the same figures)."""
    argv = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "avatar" if avatar else "plain",
        "--seconds",
        str(seconds),
        "--size",
        f"{size[0]}x{size[1]}",
    ]
    if model != "builtin":  # a base tree from before the puppet and photo models knows no --model
        argv += ["--model", model]
    root = (tree or REPO_ROOT).resolve()
    env = {**os.environ, "PYTHONPATH": str(root)}
    load = os.getloadavg()[0]
    done = subprocess.run(argv, check=True, capture_output=True, text=True, timeout=3600, cwd=root, env=env)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["tree"] = "base" if tree is not None else "this"
    result["load_1min"] = round(load, 2)
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


def _row(name: str, runs: list[dict[str, Any]]) -> str:
    cells = [f"{runs[0]['video_s']:>9}", f"{_median(runs, 'render_wall_s'):>9}"]
    cells += [f"{_median(runs, 'wall_per_video_s'):>12}", f"{_median(runs, 'cpu_per_video_s'):>11}"]
    cells += [f"{_median(runs, 'synthesis_x_realtime'):>12}", f"{_median(runs, 'peak_rss_mib'):>14}"]
    return f"{name:<34}" + "".join(cells)


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(float(r[key]) for r in runs), 3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--long", type=int, default=600, help="a longer avatar render for the peak RSS (0: skip)")
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}")
    parser.add_argument("--repeats", type=int, default=1, help="interleaved rounds of the legs; medians reported")
    parser.add_argument(
        "--base-tree",
        type=Path,
        default=None,
        help="also render both legs with GALA from this checkout (e.g. a worktree of main), interleaved",
    )
    parser.add_argument(
        "--model", choices=("builtin", "puppet", "photo"), default="builtin", help="the avatar's model kind"
    )
    parser.add_argument("--child", choices=("avatar", "plain"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    assert len(size) == 2
    wh = (size[0], size[1])
    if args.child:
        print(json.dumps(child(args.seconds, args.child == "avatar", wh, args.model)))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    trees: list[tuple[str, Path | None]] = [("this", None)]
    if args.base_tree is not None:
        trees.append(("base", args.base_tree))
    runs: dict[tuple[str, bool], list[dict[str, Any]]] = {(t, a): [] for t, _ in trees for a in (True, False)}
    for _ in range(args.repeats):
        for avatar in (True, False):
            for label, tree in trees:
                runs[(label, avatar)].append(run_child(args.seconds, avatar, wh, tree, args.model))
    report: dict[str, Any] = {"runs": {f"{t}_{'avatar' if a else 'plain'}": r for (t, a), r in runs.items()}}
    summary: dict[str, dict[str, Any]] = {}
    for label, _ in trees:
        with_avatar, without = runs[(label, True)], runs[(label, False)]
        frames = int(with_avatar[0]["frames"])
        added = _median(with_avatar, "render_wall_s") - _median(without, "render_wall_s")
        added_cpu = _median(with_avatar, "render_cpu_s") - _median(without, "render_cpu_s")
        summary[label] = {
            "video_s": with_avatar[0]["video_s"],
            "avatar_wall_s": _median(with_avatar, "render_wall_s"),
            "avatar_wall_per_video": _median(with_avatar, "wall_per_video_s"),
            "avatar_cpu_per_video": _median(with_avatar, "cpu_per_video_s"),
            "plain_wall_s": _median(without, "render_wall_s"),
            "plain_wall_per_video": _median(without, "wall_per_video_s"),
            "plain_cpu_per_video": _median(without, "cpu_per_video_s"),
            "avatar_added_s": round(added, 2),
            "avatar_added_ms_per_frame": round(1000 * added / max(1, frames), 2),
            "avatar_added_cpu_ms_per_frame": round(1000 * added_cpu / max(1, frames), 2),
            "synthesis_x_realtime": _median(with_avatar, "synthesis_x_realtime"),
            "peak_rss_mib": _median(with_avatar, "peak_rss_mib"),
        }
    report["summary"] = summary
    if args.long:
        long = run_child(args.long, True, wh, model=args.model)
        report["long"] = long
        report["rss_growth"] = round(long["peak_rss_mib"] / summary["this"]["peak_rss_mib"] - 1, 3)
    framings_sheet(OUT / "framings.png")
    (OUT / "avatar_bench.json").write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(
        f"{'render (median of ' + str(args.repeats) + ')':<34}{'video s':>9}{'wall s':>9}{'wall/video':>12}"
        f"{'CPU/video':>11}{'synth x rt':>12}{'peak RSS MiB':>14}"
    )
    for label, _ in trees:
        tag = "" if len(trees) == 1 else f" [{label}]"
        for avatar in (True, False):
            name = ("with avatar" if avatar else "without (speech clip)") + tag
            print(_row(name, runs[(label, avatar)]))
    if "long" in report:
        print(_row(f"with avatar, {args.long} s", [report["long"]]))
    for label, _ in trees:
        s = summary[label]
        print(
            f"avatar's added cost{'' if len(trees) == 1 else ' [' + label + ']'}: {s['avatar_added_s']} s wall "
            f"({s['avatar_added_ms_per_frame']} ms a frame; CPU {s['avatar_added_cpu_ms_per_frame']} ms a frame)"
        )
    this = summary["this"]
    print(
        f"goal: wall/video <= {GOAL_SPEED}: {'met' if this['avatar_wall_per_video'] <= GOAL_SPEED else 'NOT met'}; "
        f"synthesis >= {GOAL_SYNTH:g}x: {'met' if this['synthesis_x_realtime'] >= GOAL_SYNTH else 'NOT met'}"
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
