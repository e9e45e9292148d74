"""Render benchmark (GALA issue #4): one reference composition rendered three ways, side by side.

The reference composition is the renderer's own (``renderer/examples/reference.json``, stretched to other
lengths by ``renderer.examples.reference_composition``; its assets, a 320x320 RGBA PNG and a chord WAV, come
from ``renderer.examples.make_reference_assets``): 1280x720 at 30 fps, 10 s; a background colour; the PNG
moving linearly across the frame (keyframed ``offset_x``); a bold title in the bundled DejaVu Sans Bold
(the same TTF in all three) fading in over 0-1 s and out over the last second; the music at volume 0.8
fading in over 2 s; H.264 + AAC in an MP4 with the x264 settings of GALA's quality "medium"
(docs/composition.md: ``-preset veryfast -crf 23``, AAC 128k).

The three renderers, each run as its own child process so that wall time and memory are its own:

(a) **GALA**: ``renderer.render`` on that composition;
(b) **ffmpeg**: Debian's ``/usr/bin/ffmpeg`` with one hand-written ``-filter_complex`` graph (installed
    with apt-get when missing); the exact command line is printed and stored in the JSON;
(c) **MoviePy** 2.x (the ``bench`` extra; it pipes frames to imageio-ffmpeg's bundled ffmpeg).

The ffmpeg and MoviePy legs read every value they draw (sizes, colours, text, keyframes, fades, volume)
from the composition, and refuse to run if it changes shape.

Measured per run: wall time of the child process from spawn to exit (interpreter start-up and imports
included for the Python legs; the time spent inside the render call alone is reported as well), and
peak RSS, read from ``/proc`` every 10 ms: each process's kernel high-water mark (``VmHWM``) and, because
MoviePy drives ffmpeg children of its own, the peak of the summed ``VmRSS`` of the whole process tree;
"peak RSS" is the larger of the two (for GALA and ffmpeg, one process each, that is exactly its VmHWM).
The legs run interleaved (a, b, c, then rotated) for ``--repeats`` rounds; the table shows medians. The
machine's load average is recorded too: other work on the machine slows every leg. Then GALA renders a
120 s version of the same composition and its peak RSS is compared to the 10 s renders' (flat memory:
within 10 %).

The outputs are checked to be equivalent before anything is reported: same size, frame rate, frame
count (±1) and codecs (ffprobe), and frames at a few times compared to GALA's (PSNR, reported).

Run from the repository root::

    .venv/bin/python -m bench.render_bench                  # 3 interleaved repeats + the 120 s run
    .venv/bin/python -m bench.render_bench --repeats 1 --long-duration 30

A table goes to stdout, everything to ``out/render_bench.json``. The exit status is non-zero only
when the benchmark itself fails (a renderer errors, an output is missing or not equivalent); goals
that are not met are reported, not turned into a failure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = REPO_ROOT / "out" / "render_bench.json"
DEFAULT_WORK = REPO_ROOT / "out" / "render_bench"
FONT = REPO_ROOT / "renderer" / "fonts" / "DejaVuSans-Bold.ttf"
COMPOSITION_SOURCE = "renderer/examples/reference.json via renderer.examples.reference_composition(seconds)"
LEGS = ("gala", "ffmpeg", "moviepy")
BASE_LEG = "gala-base"  # GALA from another checkout (--base-tree), for before/after comparisons

# GALA's quality "medium" (docs/composition.md, "Quality"); used verbatim by the ffmpeg and MoviePy legs.
X264_PRESET = "veryfast"
X264_CRF = "23"
AAC_BITRATE = "128k"
SAMPLE_RATE = 48_000

# Goals of issue #4.
GOAL_FFMPEG_RATIO = 1.0  # GALA wall / ffmpeg wall at most this
GOAL_MOVIEPY_SPEEDUP = 8.0  # MoviePy wall / GALA wall at least this
GOAL_RSS_GROWTH = 0.10  # 120 s peak RSS within 10 % of the 10 s one

SAMPLE_INTERVAL = 0.01  # seconds between /proc samples
MIN_PSNR_DB = 20.0  # equivalence check of (b) and (c) against (a): a missing layer drops far below; fonts differ a bit


class BenchError(RuntimeError):
    """The benchmark could not measure what it was asked to; the message says why."""


# --------------------------------------------------------------------------- the reference composition


@dataclass(frozen=True)
class Reference:
    """What the ffmpeg and MoviePy legs draw: the renderer's reference composition, read field by field."""

    duration: float
    width: int
    height: int
    fps: float
    background: str
    title: str
    title_size: int
    title_color: str
    title_fade_in: float
    title_fade_out: float
    title_end: float  # the title clip's end (its fade-out ends there)
    title_baseline: float  # y of the title's baseline, in pixels, where GALA's layout puts it
    overlay_size: tuple[int, int]
    offset_from: float  # the overlay's keyframed offset_x (fractions of the width) at t=0 ...
    offset_to: float  # ... and at t=duration, linear in between
    music_volume: float
    music_fade_in: float

    def overlay_left(self, t: float) -> float:
        """x of the overlay's left edge at ``t`` (centred, moved by the keyframed offset)."""
        offset = self.offset_from + (self.offset_to - self.offset_from) * t / self.duration
        return (self.width - self.overlay_size[0]) / 2 + self.width * offset


def rgb(colour: str) -> tuple[int, int, int]:
    value = int(colour.lstrip("#"), 16)
    return (value >> 16) & 255, (value >> 8) & 255, value & 255


def reference_setup(seconds: float, folder: Path) -> tuple[dict[str, Any], dict[str, dict[str, str]], Reference]:
    """The renderer's reference composition stretched to ``seconds``, its assets written into ``folder``.

    Everything the other two legs need is read from that composition, so they follow it if it changes;
    a change of shape this code does not know is an error rather than a silently different benchmark.
    """
    from PIL import Image, ImageFont

    from renderer.examples import make_reference_assets, reference_composition
    from renderer.timeline import output_size

    comp = reference_composition(seconds)
    files = make_reference_assets(folder, seconds)
    assets = {key: {"path": str(f.path), "kind": f.kind} for key, f in files.items()}
    try:
        out = comp["output"]
        width, height = output_size(out["size"], out.get("aspect", "16:9"))
        tracks = {track["name"]: track["clips"] for track in comp["tracks"]}
        (logo,) = tracks["logo"]
        (title,) = tracks["title"]
        keys = logo["keyframes"]["offset_x"]
        shape_ok = (
            out.get("quality", "medium") == "medium"
            and logo["fit"] == "none"
            and len(keys) == 2
            and keys[0]["t"] == 0
            and keys[1]["t"] == seconds
            and keys[0].get("easing", "linear") == "linear"
            and title["position"] == "top"
            and title.get("bold") is True
            and title["transition"]["in"]["type"] == title["transition"]["out"]["type"] == "fade"
            and set(comp["soundtrack"]) <= {"asset", "volume", "fade_in"}
        )
        size = int(title["size"])
        with Image.open(assets[logo["asset"]]["path"]) as image:
            overlay_size = image.size
        # GALA's text layout (renderer/clips/text.py): a "top" title's box starts at the 5 % safe margin;
        # inside it the first baseline sits below a padding of ceil(0.15 * size) + 1 pixels and the font's ascent.
        ascent, _ = ImageFont.truetype(str(FONT), size).getmetrics()
        baseline = 0.05 * height + math.ceil(size * 0.15) + 1 + ascent
        ref = Reference(
            duration=float(out["duration"]),
            width=width,
            height=height,
            fps=float(out["fps"]),
            background=comp["background"],
            title=title["text"],
            title_size=size,
            title_color=title.get("color", "#ffffff"),
            title_fade_in=float(title["transition"]["in"]["duration"]),
            title_fade_out=float(title["transition"]["out"]["duration"]),
            title_end=float(title["start"]) + float(title["length"]),
            title_baseline=baseline,
            overlay_size=overlay_size,
            offset_from=float(keys[0]["value"]),
            offset_to=float(keys[1]["value"]),
            music_volume=float(comp["soundtrack"].get("volume", 1.0)),
            music_fade_in=float(comp["soundtrack"].get("fade_in", 0.0)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BenchError(f"renderer/examples/reference.json has a shape this benchmark does not know: {exc!r}") from exc
    if not shape_ok or set(assets) != {logo["asset"], comp["soundtrack"]["asset"]}:
        raise BenchError("renderer/examples/reference.json changed: update the ffmpeg and MoviePy legs to match it")
    return comp, assets, ref


def shell_line(argv: list[str]) -> str:
    """``argv`` as one POSIX shell line (what to paste into a terminal)."""
    return shlex.join(argv)


def graph_value(value: str) -> str:
    """Escape a filter option value for a filtergraph: the option level first, then the graph level."""
    for char in "\\':":
        value = value.replace(char, "\\" + char)
    for char in "\\'[],;":
        value = value.replace(char, "\\" + char)
    return value


def ffmpeg_command(ffmpeg: str, ref: Reference, overlay: Path, music: Path, out: Path) -> list[str]:
    """The hand-written ffmpeg equivalent: three inputs, one filtergraph, the same x264/AAC settings."""
    d = f"{ref.duration:g}"
    end = f"{ref.title_end:g}"
    alpha = f"max(0,min(1,min(t/{ref.title_fade_in:g},({end}-t)/{ref.title_fade_out:g})))"
    x = f"(W-w)/2+W*({ref.offset_from:g}+({ref.offset_to - ref.offset_from:g})*t/{d})"
    drawtext = {
        "fontfile": str(FONT),
        "text": ref.title,
        "expansion": "none",
        "fontsize": str(ref.title_size),
        "fontcolor": "0x" + ref.title_color.lstrip("#"),
        "x": "(w-text_w)/2",
        "y": f"{ref.title_baseline:g}-ascent",  # y is the top of the text box; the baseline is "ascent" below
        "alpha": alpha,
        "enable": f"lt(t,{end})",
    }
    graph = ";".join(
        (
            f"[0:v][1:v]overlay=x={graph_value(x)}:y={graph_value('(H-h)/2')}:shortest=1[bg]",
            "[bg]drawtext=" + ":".join(f"{k}={graph_value(v)}" for k, v in drawtext.items()) + ",format=yuv420p[v]",
            f"[2:a]volume={ref.music_volume:g},afade=t=in:st=0:d={ref.music_fade_in:g},"
            f"aformat=sample_rates={SAMPLE_RATE}:channel_layouts=stereo[a]",
        )
    )
    return [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", f"color=c=0x{ref.background.lstrip('#')}:s={ref.width}x{ref.height}:r={ref.fps:g}:d={d}",
        "-loop", "1", "-framerate", f"{ref.fps:g}", "-i", str(overlay),
        "-i", str(music),
        "-filter_complex", graph,
        "-map", "[v]", "-map", "[a]",
        "-c:v", "libx264", "-preset", X264_PRESET, "-crf", X264_CRF, "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", AAC_BITRATE,
        "-t", d, "-movflags", "+faststart",
        str(out),
    ]  # fmt: skip


# --------------------------------------------------------------------------- the legs, in child processes


def child_gala(job: dict[str, Any]) -> dict[str, Any]:
    t0 = time.perf_counter()
    import renderer.encoder

    imported = time.perf_counter()
    assets = {name: _asset_file(renderer, info) for name, info in job["assets"].items()}
    out = Path(job["out"])
    result = renderer.encoder.render(job["composition"], out.parent, basename=out.stem, assets=assets)
    done = time.perf_counter()
    return {
        "import_s": imported - t0,
        "render_s": done - imported,
        "frames": result.frames,
        "video": str(result.video_path),
    }


def _asset_file(renderer: Any, info: dict[str, str]) -> Any:
    """``renderer.AssetFile`` (id -> local path and kind) for one input."""
    return renderer.AssetFile(path=Path(info["path"]), kind=info["kind"])


def child_moviepy(job: dict[str, Any]) -> dict[str, Any]:
    t0 = time.perf_counter()
    from moviepy import AudioFileClip, ColorClip, CompositeVideoClip, ImageClip, TextClip, afx, vfx
    from PIL import ImageFont

    imported = time.perf_counter()
    ref = Reference(**job["reference"])
    size = (ref.width, ref.height)
    background = ColorClip(size, color=rgb(ref.background), duration=ref.duration)
    overlay = (
        ImageClip(job["overlay"], transparent=True, duration=ref.duration)
        .with_position(lambda t: (ref.overlay_left(t), (ref.height - ref.overlay_size[1]) / 2))
    )  # fmt: skip
    # MoviePy's "label" text box cuts descenders off unless it gets a vertical margin. The title is placed
    # by its ink: the first row its mask covers goes where the font puts the ink top above the baseline.
    title = TextClip(
        font=str(FONT), text=ref.title, font_size=ref.title_size, color=ref.title_color, margin=(0, ref.title_size // 3)
    )
    first_row = int((title.mask.get_frame(0) > 0).any(axis=1).nonzero()[0][0])
    ink_top = ref.title_baseline + ImageFont.truetype(str(FONT), ref.title_size).getbbox(ref.title, anchor="ls")[1]
    title = (
        title.with_duration(ref.title_end)
        .with_position(("center", ink_top - first_row))
        .with_effects([vfx.CrossFadeIn(ref.title_fade_in), vfx.CrossFadeOut(ref.title_fade_out)])
    )
    music = AudioFileClip(job["music"]).with_duration(ref.duration)
    music = music.with_effects([afx.MultiplyVolume(ref.music_volume), afx.AudioFadeIn(ref.music_fade_in)])
    video = CompositeVideoClip([background, overlay, title], size=size).with_duration(ref.duration)
    video = video.with_audio(music)
    out = Path(job["out"])
    video.write_videofile(
        str(out),
        fps=ref.fps,
        codec="libx264",
        preset=X264_PRESET,
        ffmpeg_params=["-crf", X264_CRF, "-movflags", "+faststart"],
        pixel_format="yuv420p",
        audio_codec="aac",
        audio_bitrate=AAC_BITRATE,
        audio_fps=SAMPLE_RATE,
        temp_audiofile_path=str(out.parent),
        logger=None,
    )
    video.close()
    music.close()
    done = time.perf_counter()
    return {"import_s": imported - t0, "render_s": done - imported, "video": str(out)}


def child_main(leg: str, job_path: Path) -> int:
    job = json.loads(job_path.read_text(encoding="utf-8"))
    result = child_gala(job) if leg == "gala" else child_moviepy(job)
    Path(job["result"]).write_text(json.dumps(result), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- measuring a child process


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError):
                found.extend(int(c) for c in (task / "children").read_text().split())
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _status_kib(pid: int) -> dict[str, int]:
    values: dict[str, int] = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, amount = line.split(":", 1)
                values[name] = int(amount.split()[0])
    return values


@dataclass
class Measured:
    wall_s: float
    tree_peak_kib: int  # peak of the sum of VmRSS over the child's process tree, sampled
    hwm_kib: dict[str, int] = field(default_factory=dict)  # per process (pid:name), its VmHWM at the last sample
    maxrss_kib: int = 0  # wait4 ru_maxrss: for information only (see peak_rss_mib)
    samples: int = 0

    @property
    def peak_rss_mib(self) -> float:
        """The larger of the sampled tree peak and any one process's kernel high-water mark (VmHWM).

        For a single process (GALA, ffmpeg) that is its VmHWM, exact. ``wait4``'s ``ru_maxrss`` is not
        used: Python spawns children with vfork + exec, and Linux carries the high-water mark of the
        pre-exec memory (the parent's) into the child's ``ru_maxrss``, so it reports the benchmark's own
        peak (the 120 s WAV it generated) rather than the renderer's.
        """
        return max(self.tree_peak_kib, max(self.hwm_kib.values(), default=0)) / 1024


def run_measured(argv: list[str], log: Path, *, timeout: float, tree: Path = REPO_ROOT) -> Measured:
    """Run ``argv`` (with ``tree``'s code first on the path), sampling its process tree's memory until
    it exits; raise if it fails."""
    path = os.pathsep.join(str(p) for p in (tree, tree / "src", tree / "clients" / "python"))
    env = dict(os.environ, PYTHONPATH=path, OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", ""))
    env = {k: v for k, v in env.items() if v != ""}
    with log.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        done = threading.Event()
        peak = [0]
        hwm: dict[str, int] = {}
        count = [0]

        def sample() -> None:
            while not done.is_set():
                total = 0
                for pid in _tree(proc.pid):
                    status = _status_kib(pid)
                    total += status.get("VmRSS", 0)
                    if "VmHWM" in status:
                        with contextlib.suppress(OSError):
                            name = Path(f"/proc/{pid}/comm").read_text().strip()
                            hwm[f"{pid}:{name}"] = status["VmHWM"]
                peak[0] = max(peak[0], total)
                count[0] += 1
                done.wait(SAMPLE_INTERVAL)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                done.set()
                raise BenchError(f"{shlex.join(argv[:3])} ... timed out after {timeout:g} s (log: {log})")
            time.sleep(0.002)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:]
        raise BenchError(f"{shlex.join(argv[:4])} ... exited {proc.returncode} (log: {log}):\n{tail}")
    return Measured(wall_s=wall, tree_peak_kib=peak[0], hwm_kib=hwm, maxrss_kib=usage.ru_maxrss, samples=count[0])


# --------------------------------------------------------------------------- checking the outputs


def probe(ffprobe: str, path: Path) -> dict[str, Any]:
    raw = subprocess.run(
        [ffprobe, "-v", "error", "-count_frames", "-show_streams", "-show_format", "-of", "json", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    info = json.loads(raw)
    streams = {s["codec_type"]: s for s in info["streams"]}
    video, audio = streams.get("video", {}), streams.get("audio", {})
    return {
        "video_codec": video.get("codec_name"),
        "audio_codec": audio.get("codec_name"),
        "width": video.get("width"),
        "height": video.get("height"),
        "pix_fmt": video.get("pix_fmt"),
        "fps": video.get("avg_frame_rate"),
        "frames": int(video.get("nb_read_frames", 0)),
        "audio_rate": int(audio.get("sample_rate", 0)),
        "audio_channels": audio.get("channels"),
        "duration": float(info["format"]["duration"]),
        "bytes": path.stat().st_size,
    }


def frames_at(path: Path, indexes: list[int]) -> dict[int, Any]:
    """Decoded RGB frames (numpy) at the given frame indexes, decoding from the start."""
    import av

    wanted, found = set(indexes), {}
    with av.open(str(path)) as container:
        for index, frame in enumerate(container.decode(video=0)):
            if index in wanted:
                found[index] = frame.to_ndarray(format="rgb24")
            if index >= max(wanted):
                break
    return found


def psnr(a: Any, b: Any) -> float:
    import numpy as np

    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return math.inf if mse == 0 else 10 * math.log10(255.0**2 / mse)


def check_equivalent(ffprobe: str, outputs: dict[str, Path], ref: Reference) -> dict[str, Any]:
    probes = {leg: probe(ffprobe, path) for leg, path in outputs.items()}
    expected = round(ref.duration * ref.fps)
    problems = []
    for leg, info in probes.items():
        if (info["video_codec"], info["audio_codec"]) != ("h264", "aac"):
            problems.append(f"{leg}: codecs {info['video_codec']}/{info['audio_codec']}, expected h264/aac")
        if (info["width"], info["height"]) != (ref.width, ref.height):
            problems.append(f"{leg}: {info['width']}x{info['height']}, expected {ref.width}x{ref.height}")
        if abs(info["frames"] - expected) > 1:
            problems.append(f"{leg}: {info['frames']} frames, expected {expected}")
        if info["pix_fmt"] != "yuv420p":
            problems.append(f"{leg}: pixel format {info['pix_fmt']}")
    indexes = sorted({round(s * ref.fps) for s in (0.5, ref.duration / 2, ref.duration - 0.5)})
    decoded = {leg: frames_at(path, indexes) for leg, path in outputs.items()}
    similarity: dict[str, dict[str, float]] = {}
    if "gala" in decoded:
        for leg in outputs:
            if leg == "gala":
                continue
            similarity[leg] = {}
            for index in indexes:
                value = psnr(decoded["gala"][index], decoded[leg][index])
                similarity[leg][f"t={index / ref.fps:g}s"] = round(value, 2)
                if value < MIN_PSNR_DB:
                    problems.append(f"{leg}: frame {index} differs from GALA's (PSNR {value:.1f} dB < {MIN_PSNR_DB})")
    return {"probes": probes, "psnr_vs_gala_db": similarity, "problems": problems}


# --------------------------------------------------------------------------- tools


def ensure_ffmpeg() -> tuple[str, str]:
    """Debian's ffmpeg and ffprobe, installed with apt-get when missing (needs root)."""
    ffmpeg, ffprobe = shutil.which("ffmpeg"), shutil.which("ffprobe")
    if ffmpeg and ffprobe:
        return ffmpeg, ffprobe
    if os.geteuid() != 0:
        raise BenchError("ffmpeg is not installed and this is not root: run `apt-get install -y ffmpeg` first")
    print("ffmpeg is missing: installing Debian's package (apt-get install -y ffmpeg) ...", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "--no-install-recommends", "ffmpeg"]
    if subprocess.run(install, env=env, check=False, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, check=True, capture_output=True)
        subprocess.run(install, env=env, check=True, capture_output=True)
    ffmpeg, ffprobe = shutil.which("ffmpeg"), shutil.which("ffprobe")
    if not (ffmpeg and ffprobe):
        raise BenchError("apt-get installed ffmpeg but it is not on PATH")
    return ffmpeg, ffprobe


def tool_version(argv: list[str]) -> str:
    try:
        out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        return f"unknown ({exc})"
    return out.splitlines()[0] if out else "unknown"


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


MOVIEPY_REQUIREMENT = "moviepy>=2.1,<3"


def moviepy_python(work: Path) -> str:
    """A virtualenv of its own for the MoviePy leg.

    MoviePy 2.x pins pillow<12 while GALA uses Pillow 13, so MoviePy never goes into GALA's
    environment: the bench creates ``<work>/moviepy-venv`` once and runs that leg there.
    """
    venv = work / "moviepy-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", MOVIEPY_REQUIREMENT], check=True)
    return str(python)


def moviepy_versions(python: str) -> dict[str, str]:
    probe = (
        "import json, importlib.metadata as m, imageio_ffmpeg as f;"
        "print(json.dumps({'moviepy': m.version('moviepy'), 'moviepy_ffmpeg': f.get_ffmpeg_exe()}))"
    )
    try:
        done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
        return dict(json.loads(done.stdout))
    except (subprocess.SubprocessError, ValueError) as exc:  # reported in the JSON, not fatal
        return {"moviepy": f"unavailable ({exc})", "moviepy_ffmpeg": "unavailable"}


# --------------------------------------------------------------------------- the run


@dataclass
class LegRun:
    leg: str
    repeat: int
    duration: float
    wall_s: float
    peak_rss_mib: float
    maxrss_mib: float
    load_1min: float  # the machine's 1-minute load average just before the run
    tree_peak_mib: float
    import_s: float | None = None
    render_s: float | None = None
    hwm_mib: dict[str, float] = field(default_factory=dict)


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work: Path = args.work
        self.ffmpeg, self.ffprobe = ensure_ffmpeg()
        self.python = sys.executable
        self.runs: list[LegRun] = []
        self.commands: dict[str, str] = {}

    def prepare(self, seconds: float) -> dict[str, Any]:
        folder = self.work / f"{seconds:g}s"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        composition, assets, ref = reference_setup(seconds, folder)
        comp_assets = {
            "overlay": composition["tracks"][0]["clips"][0]["asset"],
            "music": composition["soundtrack"]["asset"],
        }
        return {
            "folder": folder,
            "reference": ref,
            "assets": assets,
            "composition": composition,
            "overlay": assets[comp_assets["overlay"]]["path"],
            "music": assets[comp_assets["music"]]["path"],
        }

    def run_leg(self, leg: str, setup: dict[str, Any], repeat: int) -> LegRun:
        ref: Reference = setup["reference"]
        folder: Path = setup["folder"]
        out = folder / f"{leg}.mp4"
        out.unlink(missing_ok=True)
        log = folder / f"{leg}.{repeat}.log"
        result_path = folder / f"{leg}.result.json"
        result_path.unlink(missing_ok=True)
        if leg == "ffmpeg":
            argv = ffmpeg_command(self.ffmpeg, ref, Path(setup["overlay"]), Path(setup["music"]), out)
            self.commands.setdefault(f"ffmpeg_{ref.duration:g}s", shell_line(argv))
        else:
            job = {
                "out": str(out),
                "result": str(result_path),
                "assets": setup["assets"],
                "overlay": setup["overlay"],
                "music": setup["music"],
                "composition": setup["composition"],
                "reference": asdict(ref),
            }
            job_path = folder / f"{leg}.job.json"
            job_path.write_text(json.dumps(job, indent=2), encoding="utf-8")
            python = moviepy_python(self.work) if leg == "moviepy" else self.python
            # The base leg is GALA's own leg run from another checkout (--base-tree), on the same job.
            argv = [python, "-m", "bench.render_bench", "--child", "gala" if leg == BASE_LEG else leg, str(job_path)]
            self.commands.setdefault(f"{leg}_{ref.duration:g}s", shlex.join(argv))
        load = os.getloadavg()[0]
        tree = self.args.base_tree if leg == BASE_LEG else REPO_ROOT
        measured = run_measured(argv, log, timeout=self.args.timeout, tree=tree)
        if not out.is_file():
            raise BenchError(f"{leg} exited 0 but wrote no {out}")
        extra = json.loads(result_path.read_text(encoding="utf-8")) if result_path.is_file() else {}
        run = LegRun(
            leg=leg,
            repeat=repeat,
            duration=ref.duration,
            wall_s=measured.wall_s,
            peak_rss_mib=measured.peak_rss_mib,
            maxrss_mib=measured.maxrss_kib / 1024,
            load_1min=load,
            tree_peak_mib=measured.tree_peak_kib / 1024,
            import_s=extra.get("import_s"),
            render_s=extra.get("render_s"),
            hwm_mib={k: v / 1024 for k, v in measured.hwm_kib.items()},
        )
        self.runs.append(run)
        render = f", render call {run.render_s:.2f} s" if run.render_s is not None else ""
        print(
            f"  [{repeat}] {leg:<8} {ref.duration:>5g} s video: wall {run.wall_s:6.2f} s{render}, "
            f"peak RSS {run.peak_rss_mib:7.1f} MiB (load {load:.2f})",
            flush=True,
        )
        return run


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def verdict(met: bool) -> str:
    return "MET" if met else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=3, help="interleaved rounds of the three legs (default 3)")
    parser.add_argument("--duration", type=float, default=10.0, help="the reference's length in seconds")
    parser.add_argument("--long-duration", type=float, default=120.0, help="GALA's long run (0: skip)")
    parser.add_argument("--long-repeats", type=int, default=1, help="GALA renders of the long version")
    parser.add_argument("--legs", default=",".join(LEGS), help="comma-separated subset of gala,ffmpeg,moviepy")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="inputs, outputs and logs (overwritten)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="per render, seconds")
    parser.add_argument(
        "--base-tree",
        type=Path,
        default=None,
        help="also run GALA's leg from this checkout (e.g. a worktree of an older commit), interleaved",
    )
    parser.add_argument("--child", nargs=2, metavar=("LEG", "JOB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.child[0], Path(args.child[1]))

    legs = [leg.strip() for leg in args.legs.split(",") if leg.strip()]
    unknown = sorted(set(legs) - set(LEGS))
    if args.base_tree is not None:
        legs.append(BASE_LEG)
    if unknown:
        parser.error(f"unknown legs: {', '.join(unknown)}")
    try:
        return run_bench(args, legs)
    except BenchError as exc:
        print(f"render bench failed: {exc}", file=sys.stderr)
        return 1


def run_bench(args: argparse.Namespace, legs: list[str]) -> int:
    bench = Bench(args)
    setup = bench.prepare(args.duration)
    ref: Reference = setup["reference"]
    print(f"Render benchmark: {ref.width}x{ref.height} @ {ref.fps:g} fps, {ref.duration:g} s; legs {', '.join(legs)}")
    print(f"  composition: {COMPOSITION_SOURCE} (assets from renderer.examples.make_reference_assets)")
    print(f"  machine: {os.cpu_count()} CPUs, {platform.platform()}; work dir {bench.work}", flush=True)

    # Interleaved rounds, the order rotated each round so no leg always runs first (cold caches) or last.
    for repeat in range(args.repeats):
        order = legs[repeat % len(legs) :] + legs[: repeat % len(legs)]
        for leg in order:
            bench.run_leg(leg, setup, repeat)
    outputs = {leg: setup["folder"] / f"{leg}.mp4" for leg in legs}
    equivalence = check_equivalent(bench.ffprobe, outputs, ref)

    long_setup = None
    if "gala" in legs and args.long_duration > 0:
        long_setup = bench.prepare(args.long_duration)
        for repeat in range(args.long_repeats):
            bench.run_leg("gala", long_setup, repeat)

    report = summarise(bench, ref, legs, args, setup, long_setup, equivalence)
    print_report(report)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nJSON: {args.json}")
    if equivalence["problems"]:
        print("The outputs are not equivalent:\n  " + "\n  ".join(equivalence["problems"]), file=sys.stderr)
        return 1
    return 0


def summarise(
    bench: Bench,
    ref: Reference,
    legs: list[str],
    args: argparse.Namespace,
    setup: dict[str, Any],
    long_setup: dict[str, Any] | None,
    equivalence: dict[str, Any],
) -> dict[str, Any]:
    def of(leg: str, duration: float) -> list[LegRun]:
        return [r for r in bench.runs if r.leg == leg and r.duration == duration]

    table: dict[str, dict[str, float | None]] = {}
    for leg in legs:
        runs = of(leg, ref.duration)
        renders = [r.render_s for r in runs if r.render_s is not None]
        table[leg] = {
            "wall_s": median([r.wall_s for r in runs]),
            "render_call_s": median(renders) if renders else None,
            "peak_rss_mib": median([r.peak_rss_mib for r in runs]),
            "realtime_x": ref.duration / median([r.wall_s for r in runs]),
        }
    goals: dict[str, Any] = {}
    ratios: dict[str, float] = {}
    if "gala" in legs and "ffmpeg" in legs:
        ratios["gala_over_ffmpeg_wall"] = table["gala"]["wall_s"] / table["ffmpeg"]["wall_s"]  # type: ignore[operator]
        ratios["gala_over_ffmpeg_rss"] = table["gala"]["peak_rss_mib"] / table["ffmpeg"]["peak_rss_mib"]  # type: ignore[operator]
        goals["gala_le_1x_ffmpeg"] = {
            "goal": f"GALA wall <= {GOAL_FFMPEG_RATIO:g}x ffmpeg",
            "value": ratios["gala_over_ffmpeg_wall"],
            "met": ratios["gala_over_ffmpeg_wall"] <= GOAL_FFMPEG_RATIO,
        }
    if "gala" in legs and BASE_LEG in legs:  # before/after: the checked-out code against --base-tree
        ratios["gala_over_base_wall"] = table["gala"]["wall_s"] / table[BASE_LEG]["wall_s"]  # type: ignore[operator]
        ratios["gala_over_base_rss"] = table["gala"]["peak_rss_mib"] / table[BASE_LEG]["peak_rss_mib"]  # type: ignore[operator]
    if "gala" in legs and "moviepy" in legs:
        ratios["moviepy_over_gala_wall"] = table["moviepy"]["wall_s"] / table["gala"]["wall_s"]  # type: ignore[operator]
        ratios["moviepy_over_gala_rss"] = table["moviepy"]["peak_rss_mib"] / table["gala"]["peak_rss_mib"]  # type: ignore[operator]
        goals["gala_ge_8x_moviepy"] = {
            "goal": f"GALA >= {GOAL_MOVIEPY_SPEEDUP:g}x faster than MoviePy",
            "value": ratios["moviepy_over_gala_wall"],
            "met": ratios["moviepy_over_gala_wall"] >= GOAL_MOVIEPY_SPEEDUP,
        }
    long: dict[str, Any] | None = None
    if long_setup is not None:
        long_ref: Reference = long_setup["reference"]
        long_runs = of("gala", long_ref.duration)
        short_rss = table["gala"]["peak_rss_mib"]
        long_rss = median([r.peak_rss_mib for r in long_runs])
        growth = long_rss / short_rss - 1  # type: ignore[operator]
        long = {
            "duration": long_ref.duration,
            "wall_s": median([r.wall_s for r in long_runs]),
            "peak_rss_mib": long_rss,
            "short_peak_rss_mib": short_rss,
            "rss_ratio": long_rss / short_rss,  # type: ignore[operator]
        }
        goals["flat_memory"] = {
            "goal": f"GALA {long_ref.duration:g} s peak RSS within {GOAL_RSS_GROWTH:.0%} of {ref.duration:g} s",
            "value": long["rss_ratio"],
            "met": abs(growth) <= GOAL_RSS_GROWTH,
        }
    return {
        "benchmark": "render",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "load_1min_before_runs": [round(r.load_1min, 2) for r in bench.runs],
        },
        "versions": {
            "ffmpeg": tool_version([bench.ffmpeg, "-version"]),
            **(moviepy_versions(moviepy_python(bench.work)) if "moviepy" in legs else {}),
            "pyav": package_version("av"),
            "pillow": package_version("pillow"),
            "numpy": package_version("numpy"),
        },
        "reference": asdict(ref),
        "x264": {"preset": X264_PRESET, "crf": X264_CRF, "aac_bitrate": AAC_BITRATE},
        "repeats": args.repeats,
        "composition_source": COMPOSITION_SOURCE,
        "composition": setup["composition"],
        "commands": bench.commands,
        "medians": table,
        "ratios": ratios,
        "long": long,
        "goals": goals,
        "equivalence": equivalence,
        "runs": [asdict(r) for r in bench.runs],
    }


def print_report(report: dict[str, Any]) -> None:
    ref = report["reference"]
    size = f"{ref['width']}x{ref['height']}"
    print(f"\nMedians of {report['repeats']} interleaved repeats, {ref['duration']:g} s at {size}:")
    print(f"  {'leg':<8} {'wall s':>8} {'render call s':>14} {'x realtime':>11} {'peak RSS MiB':>13}")
    for leg, row in report["medians"].items():
        call = f"{row['render_call_s']:.2f}" if row["render_call_s"] is not None else "-"
        print(f"  {leg:<8} {row['wall_s']:8.2f} {call:>14} {row['realtime_x']:11.2f} {row['peak_rss_mib']:13.1f}")
    for name, value in report["ratios"].items():
        print(f"  {name}: {value:.2f}")
    if report["long"]:
        long = report["long"]
        print(
            f"  GALA {long['duration']:g} s: wall {long['wall_s']:.2f} s, peak RSS {long['peak_rss_mib']:.1f} MiB "
            f"vs {long['short_peak_rss_mib']:.1f} MiB at {ref['duration']:g} s (ratio {long['rss_ratio']:.3f})"
        )
    sims = report["equivalence"]["psnr_vs_gala_db"]
    for leg, values in sims.items():
        print(f"  equivalence {leg} vs gala (PSNR dB): " + ", ".join(f"{k} {v}" for k, v in values.items()))
    print("\nCommands:")
    for name, command in report["commands"].items():
        print(f"  {name}: {command}")
    print("\nGoals:")
    for goal in report["goals"].values():
        print(f"  {verdict(goal['met']):<8} {goal['goal']} (measured {goal['value']:.2f})")


if __name__ == "__main__":
    sys.exit(main())
