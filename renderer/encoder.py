"""Rendering a composition to a file (MP4, WebM, GIF or JPEG) plus a JPEG poster.

The pipeline streams: a producer thread composes frames (numpy/Pillow;
straight in yuv420p for MP4 and WebM, see :mod:`renderer.yuv`, into a small
ring of reused frames), the calling thread encodes and muxes them, and an
audio thread mixes and encodes the sound; bounded queues between them keep
memory flat however long the video is.  FFmpeg and numpy
release the GIL in their heavy calls, so the three overlap on a multi-core
machine.
"""

from __future__ import annotations

import io
import math
import pathlib
import queue
import secrets
import threading
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, Generic, TypeVar

import av
import numpy as np
from av.audio.stream import AudioStream
from av.container import OutputContainer
from av.video.reformatter import ColorRange, Colorspace
from PIL import Image

from .assets import DEFAULT_LIMITS, AssetFile, Limits
from .audio import Mixer
from .clips.base import ByteArray, Context, State, VisualClip
from .engine import Scene, YuvCanvas, build_mixer
from .errors import RenderCanceled, RenderError
from .media import probe
from .timeline import normalise
from .yuv import plane_views

SAMPLE_RATE = 48000
JPEG_QUALITY = 3  # mjpeg qscale: 2 (best) .. 31
PREVIEW_JPEG_QUALITY = 85  # Pillow scale, for render_frame
PROGRESS_INTERVAL = 0.25  # seconds of wall time between progress calls
CANCEL_POLL_INTERVAL = 0.1  # seconds of wall time between should_cancel polls
FRAME_QUEUE = 8  # composed frames waiting for the encoder
_FF_QP2LAMBDA = 118
_BT709 = 1  # ITU-R BT.709 tags (matches the RGB->YUV matrix used)

# Encoder settings per quality; docs/composition.md lists the same, for ffmpeg baselines.
X264: dict[str, dict[str, str]] = {
    "draft": {"preset": "ultrafast", "crf": "30"},
    "low": {"preset": "veryfast", "crf": "28"},
    "medium": {"preset": "veryfast", "crf": "23"},
    "high": {"preset": "medium", "crf": "18"},
}
X264_OPTIONS = X264["medium"]
VP9: dict[str, dict[str, str]] = {
    "draft": {"deadline": "realtime", "cpu-used": "8", "crf": "42", "row-mt": "1"},
    "low": {"deadline": "realtime", "cpu-used": "8", "crf": "38", "row-mt": "1"},
    "medium": {"deadline": "realtime", "cpu-used": "7", "crf": "33", "row-mt": "1"},
    "high": {"deadline": "good", "cpu-used": "4", "crf": "28", "row-mt": "1"},
}
AAC_BIT_RATE = {"draft": 96_000, "low": 128_000, "medium": 128_000, "high": 192_000}
OPUS_BIT_RATE = {"draft": 64_000, "low": 96_000, "medium": 128_000, "high": 160_000}
EXTENSIONS = {"mp4": "mp4", "webm": "webm", "gif": "gif", "jpg": "jpg"}


@dataclass(frozen=True)
class RenderOutput:
    """What :func:`render` produced. ``thumbnail_path`` is the JPEG poster."""

    video_path: pathlib.Path
    thumbnail_path: pathlib.Path
    duration: float
    width: int
    height: int
    fps: float
    frames: int
    format: str = "mp4"
    video_codec: str | None = "h264"
    audio_codec: str | None = "aac"
    start: float = 0.0  # where on the composition's timeline the output begins (output.range)

    @property
    def poster_path(self) -> pathlib.Path:
        return self.thumbnail_path


def frame_rate(fps: float) -> Fraction:
    """Exact frame rate for ``fps`` (29.97 -> 2997/100, 30000/1001 stays)."""
    return Fraction(fps).limit_denominator(1001)


class _Clock:
    """Rate-limits the progress and cancel callbacks."""

    def __init__(self, progress: Callable[[float], None] | None, should_cancel: Callable[[], bool] | None) -> None:
        self._progress = progress
        self._should_cancel = should_cancel
        self._last_progress = -math.inf
        self._last_poll = -math.inf

    def check_cancel(self, *, force: bool = False) -> None:
        if self._should_cancel is None:
            return
        now = time.monotonic()
        if force or now - self._last_poll >= CANCEL_POLL_INTERVAL:
            self._last_poll = now
            if self._should_cancel():
                raise RenderCanceled()

    def report(self, percent: float, *, force: bool = False) -> None:
        if self._progress is None:
            return
        now = time.monotonic()
        if force or now - self._last_progress >= PROGRESS_INTERVAL:
            self._last_progress = now
            self._progress(percent)


def jpeg_bytes(rgb: ByteArray) -> bytes:
    """A baseline JPEG of an RGB image, with PyAV's mjpeg encoder."""
    height, width = int(rgb.shape[0]), int(rgb.shape[1])
    ctx = av.CodecContext.create("mjpeg", "w")
    ctx.width = width
    ctx.height = height
    ctx.pix_fmt = "yuv420p"
    ctx.color_range = ColorRange.JPEG
    ctx.time_base = Fraction(1, 25)
    ctx.qscale = True
    ctx.global_quality = JPEG_QUALITY * _FF_QP2LAMBDA
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(
        format="yuv420p", dst_colorspace=Colorspace.ITU601, dst_color_range=ColorRange.JPEG
    )
    frame.pts = 0
    packets = ctx.encode(frame) + ctx.encode(None)
    if not packets:
        raise RenderError("the poster could not be encoded")
    return b"".join(bytes(packet) for packet in packets)


def write_jpeg(rgb: ByteArray, path: pathlib.Path) -> None:
    path.write_bytes(jpeg_bytes(rgb))


def _check_basename(basename: str) -> None:
    bad = (
        not basename
        or basename in (".", "..")
        or basename.startswith(".")
        or "/" in basename
        or "\\" in basename
        or "\0" in basename
    )
    if bad:
        raise ValueError(f"basename must be a plain file name without extension, got {basename!r}")


def _prepare(
    composition: Any, assets: Mapping[str, AssetFile] | None, limits: Limits
) -> tuple[dict[str, Any], dict[str, AssetFile]]:
    """Normalise, probing the durations of referenced media that the caller did not give."""
    known: dict[str, AssetFile] = dict(assets or {})
    comp = normalise(composition, known)
    used: set[str] = set()
    if comp.get("soundtrack"):
        used.add(str(comp["soundtrack"]["asset"]))
    for track in comp["tracks"]:
        for clip in track["clips"]:
            if "asset" in clip:
                used.add(str(clip["asset"]))
    missing = [a for a in sorted(used) if known[a].kind in ("audio", "video") and known[a].duration is None]
    for asset_id in missing:
        info = probe(pathlib.Path(known[asset_id].path), known[asset_id].kind, limits)
        known[asset_id] = replace(known[asset_id], duration=info.duration)
    if missing:
        comp = normalise(composition, known)
    if comp["output"]["duration"] is None:  # pragma: no cover - resolved once durations are known
        raise RenderError("the composition's duration could not be worked out")
    return comp, known


def _render_size(comp: dict[str, Any]) -> tuple[int, int]:
    out = comp["output"]
    width, height = int(out["width"]), int(out["height"])
    if out["quality"] == "draft":
        width, height = max(16, round(width / 4) * 2), max(16, round(height / 4) * 2)
    return width, height


def _gif_rate(fps: float) -> Fraction:
    return Fraction(100, max(4, round(100 / min(fps, 25.0))))


def render(
    composition: dict[str, Any],
    out_dir: pathlib.Path,
    *,
    basename: str = "output",
    assets: Mapping[str, AssetFile] | None = None,
    progress: Callable[[float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> RenderOutput:
    """Render ``composition`` (v1 or v2) to ``out_dir/{basename}.{mp4,webm,gif,jpg}`` and ``{basename}.jpg``.

    ``assets`` maps the asset ids the composition names to local files; nothing
    else is opened.  ``progress`` receives a percentage (0..100) at most every
    0.25 s and once with 100 when the files are in place.  ``should_cancel`` is
    polled about every 0.1 s; when it returns True the render stops, partial
    files are removed and :class:`RenderCanceled` is raised.  Output is written
    under temporary names and renamed into place only on success.
    """
    comp, known = _prepare(composition, assets, limits)
    _check_basename(basename)
    out_dir = pathlib.Path(out_dir)
    output = comp["output"]
    fmt = str(output["format"])
    width, height = _render_size(comp)
    rate = _gif_rate(float(output["fps"])) if fmt == "gif" else frame_rate(float(output["fps"]))
    start = float(output["range"]["start"])
    end = float(output["range"]["end"] if output["range"]["end"] is not None else output["duration"])
    frames = max(1, round((end - start) * rate))
    encoded = Fraction(frames) / rate
    poster_index = min(frames - 1, max(0, math.floor((float(output["poster"]["at"]) - start) * float(rate) + 1e-6)))
    ctx = Context(width, height, height / int(output["height"]), float(rate), known, limits)

    clock = _Clock(progress, should_cancel)
    clock.check_cancel(force=True)
    clock.report(0.0, force=True)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"the output folder {out_dir} could not be created: {exc.strerror}") from exc
    token = secrets.token_hex(6)
    ext = EXTENSIONS[fmt]
    video_tmp = out_dir / f".{basename}.{token}.{ext}.part"
    thumb_tmp = out_dir / f".{basename}.{token}.jpg.part"
    video_path = out_dir / f"{basename}.{ext}"
    thumb_path = out_dir / f"{basename}.jpg"
    codecs: dict[str, tuple[str | None, str | None]] = {
        "mp4": ("h264", "aac"),
        "webm": ("vp9", "opus"),
        "gif": ("gif", None),
        "jpg": ("mjpeg", None),
    }

    scene = Scene(comp, ctx)
    try:
        if fmt == "jpg":
            poster = scene.frame(start + poster_index / float(rate)).copy()
        else:
            mixer = build_mixer(comp, ctx, start, end) if fmt in ("mp4", "webm") else None
            try:
                poster = _encode(fmt, comp, scene, mixer, video_tmp, rate, frames, start, poster_index, clock)
            finally:
                if mixer is not None:
                    mixer.close()
        clock.check_cancel(force=True)
        write_jpeg(poster, thumb_tmp)
        clock.check_cancel(force=True)
        if fmt != "jpg":
            video_tmp.replace(video_path)
        try:
            thumb_tmp.replace(thumb_path)
        except BaseException:
            if fmt != "jpg":
                video_path.unlink(missing_ok=True)
            raise
    except BaseException as exc:
        video_tmp.unlink(missing_ok=True)
        thumb_tmp.unlink(missing_ok=True)
        if isinstance(exc, av.FFmpegError):
            raise RenderError(f"encoding failed: {exc}") from exc
        if isinstance(exc, OSError):
            raise RenderError(f"the output files could not be written: {exc.strerror or exc}") from exc
        raise
    finally:
        scene.close()

    clock.report(100.0, force=True)
    video_codec, audio_codec = codecs[fmt]
    return RenderOutput(
        video_path=thumb_path if fmt == "jpg" else video_path,
        thumbnail_path=thumb_path,
        duration=0.0 if fmt == "jpg" else float(encoded),
        width=width,
        height=height,
        fps=float(rate),
        frames=1 if fmt == "jpg" else frames,
        format=fmt,
        video_codec=video_codec,
        audio_codec=audio_codec,
        start=start,
    )


def render_frame(
    composition: dict[str, Any],
    t: float,
    *,
    assets: Mapping[str, AssetFile] | None = None,
    width: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> bytes:
    """One frame at timeline time ``t`` as JPEG bytes (for previews): nothing else is encoded.

    ``width`` scales the frame (height follows the aspect ratio); pixel sizes
    in the composition scale with it.  Video clips seek to ``t``.
    """
    comp, known = _prepare(composition, assets, limits)
    out = comp["output"]
    full_w, full_h = int(out["width"]), int(out["height"])
    w, h = full_w, full_h
    if width is not None:
        w = max(16, min(full_w, round(width / 2) * 2))
        h = max(16, round(full_h * w / full_w / 2) * 2)
    duration = float(out["duration"])
    t = min(max(0.0, float(t)), max(0.0, duration - 1e-3))
    ctx = Context(w, h, h / full_h, float(out["fps"]), known, limits, random_access=True)
    scene = Scene(comp, ctx)
    try:
        rgb = scene.frame(t)
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, "JPEG", quality=PREVIEW_JPEG_QUALITY)
        return buffer.getvalue()
    finally:
        scene.close()


# -- encoding ---------------------------------------------------------------------------------------


T = TypeVar("T")


class _Pipe(Generic[T]):
    """A helper thread that produces items into a bounded queue for the encoding thread.

    Subclasses implement ``_produce``; an exception there is handed over to the consumer, and
    ``None`` always marks the end. ``abort`` stops the thread even while the queue is full.
    """

    def __init__(self, maxsize: int, name: str) -> None:
        self._queue: queue.Queue[T | None] = queue.Queue(maxsize=maxsize)
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _put(self, item: T | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _produce(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        try:
            self._produce()
        except BaseException as exc:  # handed over to the consumer's thread
            self._error = exc
        finally:
            self._put(None)

    def abort(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


class _Sound(_Pipe["list[av.Packet[Any]]"]):
    """Mixes and encodes the audio track on a helper thread; packets come back through a bounded queue."""

    _QUEUE_PACKETS = 64

    def __init__(self, stream: AudioStream, total: int, mixer: Mixer) -> None:
        super().__init__(self._QUEUE_PACKETS, "renderer-audio")
        self._stream = stream
        self._total = total
        self._mixer = mixer

    def _produce(self) -> None:
        ctx = self._stream.codec_context
        chunk = ctx.frame_size or 1024
        planar = ctx.format.is_planar
        sent = 0
        time_base = Fraction(1, SAMPLE_RATE)
        while sent < self._total and not self._stop.is_set():
            count = min(chunk, self._total - sent)
            samples = self._mixer.mix(sent, count)
            data = samples if planar else samples.T.reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(
                np.ascontiguousarray(data), format="fltp" if planar else "flt", layout="stereo"
            )
            frame.sample_rate = SAMPLE_RATE
            frame.pts = sent
            frame.time_base = time_base
            if not self._put(self._stream.encode(frame)):
                return
            sent += count
        if not self._stop.is_set():
            self._put(self._stream.encode(None))

    def drain(self, container: OutputContainer) -> None:
        """Mux whatever audio is ready, without waiting."""
        while True:
            try:
                packets = self._queue.get_nowait()
            except queue.Empty:
                return
            if packets is None:
                self._queue.put(None)  # keep the end marker for finish()
                return
            container.mux(packets)

    def finish(self, container: OutputContainer) -> None:
        while (packets := self._queue.get()) is not None:
            container.mux(packets)
        self._thread.join()
        if self._error is not None:
            raise self._error


class _YuvRing:
    """yuv420p frames drawn in turn, reused: ``FRAME_QUEUE`` may wait, one is being encoded, one drawn.

    The encoders used (libx264, libvpx) copy a frame's pixels before ``encode`` returns, so a frame
    is free again once the encoder has taken the frame after it.  Each frame keeps its
    :class:`~renderer.engine.YuvCanvas`, so redrawing it touches only what changed since it was drawn.
    """

    def __init__(self, scene: Scene) -> None:
        width, height = scene.ctx.width, scene.ctx.height
        self._scene = scene
        self._frames: list[tuple[av.VideoFrame, YuvCanvas]] = []
        for _ in range(FRAME_QUEUE + 2):
            frame = av.VideoFrame(width, height, "yuv420p")
            frame.colorspace = Colorspace.ITU709
            frame.color_range = ColorRange.MPEG
            self._frames.append((frame, YuvCanvas(plane_views(frame))))
        self._next = 0

    def __call__(self, t: float, states: Sequence[tuple[VisualClip, State]]) -> av.VideoFrame:
        frame, canvas = self._frames[self._next]
        self._next = (self._next + 1) % len(self._frames)
        self._scene.draw_yuv(t, states, canvas)
        return frame


def _pal8(rgb: ByteArray) -> av.VideoFrame:
    """A 256-colour frame with its own palette (Pillow's octree quantiser, C code)."""
    image = Image.fromarray(rgb).quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    colours = np.asarray(image.getpalette() or [], dtype=np.uint8).reshape(-1, 3)[:256]
    palette = np.zeros((256, 4), dtype=np.uint8)
    palette[:, 0] = 255  # PyAV takes the palette as ARGB
    palette[: len(colours), 1:] = colours
    pair: Any = (np.asarray(image, dtype=np.uint8), palette)  # PyAV's stubs miss the pal8 (image, palette) form
    return av.VideoFrame.from_ndarray(pair, format="pal8")


class _GifFrames:
    def __init__(self, scene: Scene) -> None:
        self._scene = scene

    def __call__(self, t: float, states: Sequence[tuple[VisualClip, State]]) -> av.VideoFrame:
        return _pal8(self._scene.draw(t, states))


class _Producer(_Pipe[av.VideoFrame]):
    """Composes and converts frames on a helper thread, ``FRAME_QUEUE`` ahead of the encoder."""

    def __init__(
        self,
        scene: Scene,
        frames: int,
        start: float,
        rate: Fraction,
        poster_index: int,
        draw: Callable[[float, Sequence[tuple[VisualClip, State]]], av.VideoFrame],
    ) -> None:
        super().__init__(FRAME_QUEUE, "renderer-frames")
        self._scene, self._frames, self._start, self._rate = scene, frames, start, rate
        self._poster_index = poster_index
        self._draw = draw
        self.poster: ByteArray | None = None

    def _produce(self) -> None:
        last_key: tuple[Hashable, ...] | None = None
        frame: av.VideoFrame | None = None
        for index in range(self._frames):
            if self._stop.is_set():
                return
            t = self._start + float(index / self._rate)
            states = self._scene.states(t)
            key = self._scene.key(states)
            if index == self._poster_index:
                self.poster = self._scene.draw(t, states).copy()
            if frame is None or key != last_key:
                frame = self._draw(t, states)
                last_key = key
            if not self._put(frame):
                return

    def get(self) -> av.VideoFrame | None:
        item = self._queue.get()
        if item is None:
            self._thread.join()
            if self._error is not None:
                raise self._error
        return item


def _encode(
    fmt: str,
    comp: dict[str, Any],
    scene: Scene,
    mixer: Mixer | None,
    path: pathlib.Path,
    rate: Fraction,
    frames: int,
    start: float,
    poster_index: int,
    clock: _Clock,
) -> ByteArray:
    """Encode the video file; returns the poster frame (RGB)."""
    quality = str(comp["output"]["quality"])
    time_base = 1 / rate
    options = {"movflags": "+faststart"} if fmt == "mp4" else {}
    with av.open(str(path), mode="w", format=fmt, options=options) as container:
        if fmt == "mp4":
            video = container.add_stream("libx264", rate=rate, options=dict(X264[quality]))
        elif fmt == "webm":
            video = container.add_stream("libvpx-vp9", rate=rate, options=dict(VP9[quality]))
            video.codec_context.bit_rate = 0  # constant quality (crf)
        else:
            video = container.add_stream("gif", rate=rate)
        video.width, video.height = scene.ctx.width, scene.ctx.height
        video.pix_fmt = "pal8" if fmt == "gif" else "yuv420p"
        vctx = video.codec_context
        vctx.time_base = time_base
        if fmt != "gif":
            vctx.colorspace = vctx.color_primaries = vctx.color_trc = _BT709
            vctx.color_range = ColorRange.MPEG
            # Frame threads: faster and smaller output than PyAV's default slice threads.
            vctx.thread_type = "FRAME"
            vctx.thread_count = 0
        sound: _Sound | None = None
        if mixer is not None:
            audio = container.add_stream("aac" if fmt == "mp4" else "libopus", rate=SAMPLE_RATE)
            actx = audio.codec_context
            actx.layout = "stereo"
            actx.format = "fltp" if fmt == "mp4" else "flt"
            actx.bit_rate = (AAC_BIT_RATE if fmt == "mp4" else OPUS_BIT_RATE)[quality]
            total_samples = round(Fraction(frames) / rate * SAMPLE_RATE)
            container.start_encoding()  # opens both encoders before the audio thread uses one
            sound = _Sound(audio, total_samples, mixer)
            sound.start()
        producer = _Producer(
            scene, frames, start, rate, poster_index, _GifFrames(scene) if fmt == "gif" else _YuvRing(scene)
        )
        producer.start()
        try:
            index = 0
            while (frame := producer.get()) is not None:
                clock.check_cancel()
                frame.pts = index
                frame.time_base = time_base
                container.mux(video.encode(frame))
                if sound is not None:
                    sound.drain(container)
                index += 1
                clock.report(99.0 * index / frames)
            container.mux(video.encode(None))
            if sound is not None:
                sound.finish(container)
        finally:
            producer.abort()
            if sound is not None:
                sound.abort()
    if producer.poster is None:  # pragma: no cover - the poster index is always within the frames
        raise RenderError("the poster frame was not produced")
    return producer.poster
