"""Lip-sync benchmark: render each kind of avatar model saying a Spanish script, decode it, measure the sync.

1. ~60 s of Spanish from gala.speech (espeak-ng), its phonemes -> renderer.visemes timeline -> the model
   (renderer.avatar: the built-in presenter, an uploaded `puppet` and a talking `photo`, the latter two
   drawn from code by renderer.avatar.samples) at 720p30, composited over a plain slide, encoded with
   PyAV (H.264 + AAC 48 kHz, the bench's own little muxer, not the renderer's pipeline: that one is
   measured by tests/voice/test_lipsync.py and `make bench-avatar`).
2. The MP4 is decoded back and renderer.avatar.lipsync measures, from pixels and decoded samples only,
   the lag between mouth openness and the speech envelope, and their correlation.
3. The per-frame cost of each model (pose + framed sprite + compositing onto the frame), without encoding.
4. Drift (`--long`, about 10 minutes of audio): the same at 320x180, then near the end of the decoded file each frame's
   mouth shape is recognised from its pixels and the close of the last phoneme is compared with the
   timeline and with the decoded audio's last sound.

Run from the repository root::

    make bench-lipsync
    .venv/bin/python -m bench.lipsync_bench --seconds 60 --long 0

Figures go to stdout and out/lipsync/lipsync_bench.json; frames to look at to out/lipsync/*.png.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

from bench.speech_bench import script
from gala.speech import EspeakEngine, Speech, SpeechRequest, VoiceSettings
from renderer.avatar.character import default_character
from renderer.avatar.lipsync import measure, speech_envelope
from renderer.avatar.presentation import Presentation, mouth_box, present
from renderer.avatar.puppet import Movement, Performance, Puppet, WordCue
from renderer.avatar.rig import build
from renderer.avatar.samples import sample_model
from renderer.visemes import SHAPES, Segment, viseme_timeline

FPS = 30
RATE = 48000
U8 = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Scene:
    size: tuple[int, int]
    presentation: Presentation
    origin: tuple[int, int]
    background: Image.Image


def scene(width: int, height: int, puppet: Puppet) -> Scene:
    presentation = Presentation("bust", height=round(height * 0.85))
    sprite = present(puppet, Performance((), Movement(sway_s=0, breath_s=0)).pose_at(0), presentation)
    origin = (width - sprite.width - width // 20, height - sprite.height)
    background = Image.new("RGB", (width, height), (232, 238, 246))
    draw = ImageDraw.Draw(background)
    draw.rectangle((width // 16, height // 10, width // 2, height // 10 + height // 9), fill=(36, 60, 96))
    for i in range(4):
        y = height // 3 + i * height // 9
        draw.rectangle(
            (width // 16, y, width // 16 + width // 3 - i * width // 20, y + height // 30), fill=(150, 162, 180)
        )
    return Scene((width, height), presentation, origin, background)


def timeline_of(speech: Speech) -> tuple[list[Segment], list[WordCue]]:
    seconds = speech.seconds
    timeline = viseme_timeline(
        [(seconds(p.start), seconds(p.end), p.ipa) for p in speech.phonemes], duration=speech.duration
    )
    stressed = {p.word for p in speech.phonemes if "ˈ" in p.ipa}
    words = [WordCue(seconds(w.start), i in stressed) for i, w in enumerate(speech.words)]
    return timeline, words


def frame_at(puppet: Puppet, performance: Performance, where: Scene, n: int) -> Image.Image:
    sprite = present(puppet, performance.pose_at(n / FPS), where.presentation)
    frame = where.background.copy()
    frame.paste(sprite, where.origin, sprite)
    return frame


def pcm_48k(speech: Speech) -> npt.NDArray[np.float32]:
    mono = np.frombuffer(speech.pcm, dtype="<i2").reshape(1, -1)
    source = av.AudioFrame.from_ndarray(np.ascontiguousarray(mono), format="s16", layout="mono")
    source.sample_rate = speech.sample_rate
    source.pts = 0
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    chunks = [f.to_ndarray().reshape(-1) for f in [*resampler.resample(source), *resampler.resample(None)]]
    return np.concatenate(chunks).astype(np.float32)


def render(
    path: Path, puppet: Puppet, performance: Performance, where: Scene, audio: npt.NDArray[np.float32], frames: int
) -> tuple[float, float]:
    """Write the MP4; return the puppet's mean per-frame wall and CPU ms (pose, sprite, compositing)."""
    puppet_s = puppet_cpu = 0.0
    with av.open(str(path), "w", options={"movflags": "+faststart"}) as container:
        video = container.add_stream("libx264", rate=FPS, options={"preset": "veryfast", "crf": "20"})
        video.width, video.height = where.size
        video.pix_fmt = "yuv420p"
        sound = container.add_stream("aac", rate=RATE)
        sound.codec_context.layout = "mono"
        container.start_encoding()
        chunk = sound.codec_context.frame_size or 1024
        sent = 0
        for n in range(frames):
            started, cpu = time.perf_counter(), time.thread_time()
            image = frame_at(puppet, performance, where, n)
            puppet_s += time.perf_counter() - started
            puppet_cpu += time.thread_time() - cpu
            picture = av.VideoFrame.from_image(image)
            picture.pts = n
            container.mux(video.encode(picture))
            # Audio up to the end of this frame, in whole encoder frames, timestamps in samples.
            until = min(audio.size, math.ceil((n + 1) * RATE / FPS))
            while sent < until or (n == frames - 1 and sent < audio.size):
                block = audio[sent : sent + chunk]
                frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
                frame.sample_rate, frame.pts, frame.time_base = RATE, sent, Fraction(1, RATE)
                container.mux(sound.encode(frame))
                sent += block.size
        container.mux(video.encode(None))
        container.mux(sound.encode(None))
    return puppet_s / frames * 1000, puppet_cpu / frames * 1000


def decoded_frames(path: Path, start_s: float = 0.0) -> Iterator[tuple[int, U8]]:
    """(frame index from its timestamp, RGB array) for each decoded frame from `start_s` on."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        time_base = stream.time_base
        assert time_base is not None
        if start_s > 0:
            container.seek(int(start_s / time_base), stream=stream, backward=True)
        for frame in container.decode(stream):
            assert frame.pts is not None
            index = round(float(frame.pts * time_base) * FPS)
            if index / FPS >= start_s - 1e-6:
                rgb: U8 = frame.to_ndarray(format="rgb24")  # type: ignore[assignment]
                yield index, rgb


def decoded_audio(path: Path) -> npt.NDArray[np.float64]:
    """The audio placed by its timestamps (so encoder priming and edit lists count as a player sees them)."""
    pieces: list[tuple[int, npt.NDArray[np.float64]]] = []
    with av.open(str(path)) as container:
        stream = container.streams.audio[0]
        time_base = stream.time_base
        assert time_base is not None
        for frame in container.decode(stream):
            if frame.pts is None:
                continue
            at = round(float(frame.pts * time_base) * RATE)
            pieces.append((at, frame.to_ndarray().astype(np.float64).mean(axis=0)))
    total = max(at + len(p) for at, p in pieces)
    out = np.zeros(total)
    for at, piece in pieces:
        lo = max(0, at)
        out[lo : at + len(piece)] = piece[lo - at :]
    return out


def look(path: Path, out: Path, box: tuple[int, int, int, int], times: list[float], prefix: str = "") -> None:
    """Save decoded frames (whole, halved) and the mouth boxes of 15 consecutive frames, to look at."""
    wanted = {round(t * FPS) for t in times}
    first = min(wanted)
    strip: list[Image.Image] = []
    for index, rgb in decoded_frames(path, first / FPS):
        if index in wanted:
            half = Image.fromarray(rgb).resize((rgb.shape[1] // 2, rgb.shape[0] // 2))
            half.save(out / f"{prefix}frame_{index:05d}.png")
        if first <= index < first + 15:
            strip.append(Image.fromarray(rgb[box[1] : box[3], box[0] : box[2]]))
        if index > max(wanted) and len(strip) >= 15:
            break
    sheet = Image.new("RGB", (sum(s.width for s in strip), strip[0].height))
    for i, s in enumerate(strip):
        sheet.paste(s, (i * s.width, 0))
    sheet.save(out / f"{prefix}mouths_{first:05d}.png")


@dataclass(frozen=True)
class Rendered:
    speech: Speech
    timeline: list[Segment]
    puppet: Puppet
    where: Scene
    performance: Performance
    frames: int
    wall_s: float
    puppet_ms: tuple[float, float]  # per frame: wall, CPU


def model_puppet(kind: str, character: int) -> Puppet:
    """The model of each kind, drawn from code: the built-in presenter (`character` px tall), an uploaded
    puppet (its images as a user would give them) or a talking photo (a drawn portrait, face located)."""
    if kind == "builtin":
        return Puppet(default_character(character))
    return build(kind, *sample_model(kind, character))


def produce(
    engine: EspeakEngine,
    seconds: int,
    size: tuple[int, int],
    character: int,
    path: Path,
    movement: Movement,
    kind: str = "builtin",
) -> Rendered:
    """Spanish speech of about `seconds`, the model of `kind` (drawn `character` px tall) saying it at `size`."""
    speech = engine.synthesize(SpeechRequest(script("es", seconds), VoiceSettings("es")))
    timeline, words = timeline_of(speech)
    puppet = model_puppet(kind, character)
    where = scene(*size, puppet)
    performance = Performance.plan(timeline, words, movement, canvas_height=puppet.parts.canvas[1])
    frames = math.ceil(speech.duration * FPS)
    started = time.perf_counter()
    per_frame = render(path, puppet, performance, where, pcm_48k(speech), frames)
    return Rendered(speech, timeline, puppet, where, performance, frames, time.perf_counter() - started, per_frame)


def lipsync_case(
    engine: EspeakEngine, seconds: int, out: Path, movement: Movement, kind: str = "builtin"
) -> dict[str, object]:
    path = out / ("lipsync_es.mp4" if kind == "builtin" else f"lipsync_es_{kind}.mp4")
    made = produce(engine, seconds, (1280, 720), 720, path, movement, kind)
    speech, puppet, where, frames = made.speech, made.puppet, made.where, made.frames
    per_frame_ms, per_frame_cpu_ms = made.puppet_ms
    render_s = made.wall_s
    box = mouth_box(puppet, where.presentation, where.origin)
    box = (box[0] - 6, box[1] - 6, box[2] + 6, box[3] + 6)  # room for the sway
    result = measure((rgb for _, rgb in decoded_frames(path)), box, decoded_audio(path), RATE, FPS)
    look(path, out, box, [4.0, 4.2, 4.4, 4.6, 12.0, 30.0], "" if kind == "builtin" else f"{kind}_")
    return {
        "audio_s": round(speech.duration, 2),
        "frames": frames,
        "size": "1280x720",
        "lag_frames": result.lag_frames,
        "lag_ms": round(result.lag_ms, 1),
        "lag_fine_frames": round(result.lag_fine_frames, 2),
        "correlation": round(result.correlation, 3),
        "correlation_at_0": round(result.at_zero, 3),
        "curve": [(lag, round(r, 3)) for lag, r in result.curve],
        "puppet_ms_per_frame": round(per_frame_ms, 2),
        "puppet_cpu_ms_per_frame": round(per_frame_cpu_ms, 2),
        "render_wall_s": round(render_s, 1),
        "mouth_box": box,
    }


def _classify(
    puppet: Puppet, performance: Performance, where: Scene, n: int, crop: U8, box: tuple[int, int, int, int]
) -> str:
    """The mouth shape whose rendering (at frame n's pose) is nearest to the decoded pixels in `box`."""
    pose = performance.pose_at(n / FPS)
    best, best_shape = float("inf"), "X"
    for shape in SHAPES:
        reference = where.background.copy()
        sprite = present(
            puppet, type(pose)(shape, pose.eyes_closed, pose.angle_deg, pose.scale, pose.dy), where.presentation
        )
        reference.paste(sprite, where.origin, sprite)
        ref = np.asarray(reference.crop(box), dtype=np.int16)
        distance = float(np.abs(ref - crop.astype(np.int16)).mean())
        if distance < best:
            best, best_shape = distance, shape
    return best_shape


def drift_case(engine: EspeakEngine, seconds: int, out: Path, movement: Movement) -> dict[str, object]:
    path = out / "drift_es.mp4"
    made = produce(engine, seconds, (320, 180), 240, path, movement)
    speech, timeline, puppet, where = made.speech, made.timeline, made.puppet, made.where
    performance, frames, render_s = made.performance, made.frames, made.wall_s
    box = mouth_box(puppet, where.presentation, where.origin)
    # The last spoken shape: the last segment before the final rest.
    speaking = [seg for seg in timeline if seg[2] != "X"]
    last_start, last_end, last_shape = speaking[-1]
    seen: dict[int, str] = {}
    for index, rgb in decoded_frames(path, max(0.0, last_start - 2.0)):
        if index / FPS > last_end + 1.0:
            break
        seen[index] = _classify(puppet, performance, where, index, rgb[box[1] : box[3], box[0] : box[2]], box)
    expected = {n: performance.pose_at(n / FPS).mouth for n in seen}
    agree = sum(seen[n] == expected[n] for n in seen) / max(1, len(seen))
    # Where the decoded video closes the mouth after the last shape, against the timeline and the sound.
    closes = [n for n in sorted(seen) if seen[n] == "X" and seen.get(n - 1) not in (None, "X")]
    video_close_s = closes[-1] / FPS if closes else float("nan")
    audio = decoded_audio(path)
    window = RATE // 100
    envelope = speech_envelope(audio, RATE, 100, audio.size // window)
    loud = np.nonzero(envelope > envelope.max() * 0.02)[0]
    audio_end_s = float((loud[-1] + 1) / 100) if loud.size else float("nan")
    return {
        "audio_s": round(speech.duration, 2),
        "frames": frames,
        "size": "320x180",
        "render_wall_s": round(render_s, 1),
        "last_shape": last_shape,
        "timeline_last_phoneme_end_s": round(last_end, 3),
        "video_mouth_closes_s": round(video_close_s, 3),
        "decoded_audio_last_sound_s": round(audio_end_s, 3),
        "video_vs_timeline_frames": round((video_close_s - last_end) * FPS, 2),
        "video_vs_audio_frames": round((video_close_s - audio_end_s) * FPS, 2),
        "shape_agreement_last_s": round(agree, 3),
        "frames_checked": len(seen),
        "mismatches": [(n, seen[n], expected[n]) for n in sorted(seen) if seen[n] != expected[n]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    # The script builder aims at 15.5 characters a second; Spanish runs a little longer, so 660 -> ~10 min.
    parser.add_argument("--long", type=int, default=660, help="drift check target in s (0 skips it)")
    parser.add_argument("--out", type=Path, default=Path("out/lipsync"))
    parser.add_argument("--lead-ms", type=float, default=None, help="mouth lead (default: Movement's)")
    parser.add_argument(
        "--models", default="builtin,puppet,photo", help="model kinds to measure, comma-separated (builtin first)"
    )
    args = parser.parse_args()
    movement = Movement(seed=7)
    if args.lead_ms is not None:
        movement = dataclasses.replace(movement, mouth_lead_s=args.lead_ms / 1000)
    args.out.mkdir(parents=True, exist_ok=True)
    engine = EspeakEngine(timeout_s=120)
    try:
        report: dict[str, object] = {
            "mouth_lead_ms": round(movement.mouth_lead_s * 1000, 2),
        }
        for kind in args.models.split(","):
            report["lipsync" if kind == "builtin" else f"lipsync_{kind}"] = lipsync_case(
                engine, args.seconds, args.out, movement, kind
            )
        if args.long:
            report["drift"] = drift_case(engine, args.long, args.out, movement)
    finally:
        engine.close()
    for name, figures in report.items():
        if not isinstance(figures, dict):
            print(f"{name} {figures}")
            continue
        print(name)
        for key, value in figures.items():
            if key != "curve":
                print(f"  {key:<30} {value}")
    (args.out / "lipsync_bench.json").write_text(json.dumps(report, indent=2, default=asdict) + "\n")


if __name__ == "__main__":
    main()
