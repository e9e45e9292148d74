"""Encoding a composition to an MP4 (H.264 + AAC) and a JPEG thumbnail."""

from __future__ import annotations

import math
import pathlib
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import av
import numpy as np
from av.audio.stream import AudioStream
from av.container import OutputContainer
from av.video.reformatter import ColorRange, Colorspace
from av.video.stream import VideoStream

from .composition import normalise
from .errors import RenderCanceled, RenderError
from .raster import ByteArray, Compositor

SAMPLE_RATE = 48000
AUDIO_FRAME_SAMPLES = 1024  # the AAC encoder's frame size
AUDIO_RAMP_SECONDS = 0.01  # fade the tone in/out to avoid clicks
X264_OPTIONS = {"preset": "veryfast", "crf": "23"}
AUDIO_BIT_RATE = 128_000
JPEG_QUALITY = 3  # mjpeg qscale: 2 (best) .. 31
PROGRESS_INTERVAL = 0.25  # seconds of wall time between progress calls
CANCEL_POLL_INTERVAL = 0.1  # seconds of wall time between should_cancel polls
_FF_QP2LAMBDA = 118
# ITU-R BT.709 tags for the H.264 stream (matches the RGB->YUV matrix used).
_BT709 = 1


@dataclass(frozen=True)
class RenderOutput:
    video_path: pathlib.Path
    thumbnail_path: pathlib.Path
    duration: float
    width: int
    height: int
    fps: float
    frames: int


def frame_rate(fps: float) -> Fraction:
    """Exact frame rate for ``fps`` (29.97 -> 2997/100, 30000/1001 stays)."""
    return Fraction(fps).limit_denominator(1001)


class _Clock:
    """Rate-limits the progress and cancel callbacks."""

    def __init__(
        self,
        progress: Callable[[float], None] | None,
        should_cancel: Callable[[], bool] | None,
    ) -> None:
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


def _tone(first: int, count: int, total: int, audio: dict[str, Any] | None) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Stereo planar float samples ``first .. first+count`` of the soundtrack."""
    if audio is None or float(audio["volume"]) == 0.0:
        return np.zeros((2, count), dtype=np.float32)
    index = np.arange(first, first + count, dtype=np.float64)
    wave = float(audio["volume"]) * np.sin(index * (2.0 * math.pi * float(audio["tone_hz"]) / SAMPLE_RATE))
    ramp = max(1.0, AUDIO_RAMP_SECONDS * SAMPLE_RATE)
    envelope = np.minimum(1.0, np.minimum(index, (total - 1) - index) / ramp)
    mono = (wave * np.clip(envelope, 0.0, 1.0)).astype(np.float32)
    return np.stack((mono, mono))


class _Soundtrack:
    """Encodes the AAC track on a helper thread, in parallel with the video.

    FFmpeg releases the GIL while encoding, so the audio costs almost no wall
    time on a multi-core machine.  Packets come back through a bounded queue
    and are muxed by the caller's thread (the container is not thread-safe);
    the bound keeps memory flat however long the video is.
    """

    _QUEUE_PACKETS = 64

    def __init__(self, stream: AudioStream, total: int, audio: dict[str, Any] | None) -> None:
        self._stream = stream
        self._total = total
        self._audio = audio
        self._queue: queue.Queue[list[av.Packet[Any]] | None] = queue.Queue(maxsize=self._QUEUE_PACKETS)
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="renderer-audio", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _put(self, item: list[av.Packet[Any]] | None) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        try:
            sent = 0
            time_base = Fraction(1, SAMPLE_RATE)
            while sent < self._total and not self._stop.is_set():
                count = min(AUDIO_FRAME_SAMPLES, self._total - sent)
                samples = _tone(sent, count, self._total, self._audio)
                frame = av.AudioFrame.from_ndarray(samples, format="fltp", layout="stereo")
                frame.sample_rate = SAMPLE_RATE
                frame.pts = sent
                frame.time_base = time_base
                if not self._put(self._stream.encode(frame)):
                    return
                sent += count
            if not self._stop.is_set():
                self._put(self._stream.encode(None))
        except BaseException as exc:  # handed over to the caller's thread
            self._error = exc
        finally:
            self._put(None)

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
        """Wait for the rest of the track and mux it."""
        while (packets := self._queue.get()) is not None:
            container.mux(packets)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def _to_yuv(rgb: ByteArray) -> av.VideoFrame:
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
    return frame.reformat(
        format="yuv420p",
        dst_colorspace=Colorspace.ITU709,
        dst_color_range=ColorRange.MPEG,
    )


def write_jpeg(rgb: ByteArray, path: pathlib.Path) -> None:
    """Encode an RGB image as a baseline JPEG with PyAV's mjpeg encoder."""
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
        raise RenderError("the thumbnail could not be encoded")
    with path.open("wb") as fh:
        for packet in packets:
            fh.write(bytes(packet))


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


def render(
    composition: dict[str, Any],
    out_dir: pathlib.Path,
    *,
    basename: str = "output",
    progress: Callable[[float], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> RenderOutput:
    """Render ``composition`` to ``out_dir/{basename}.mp4`` and ``.jpg``.

    ``progress`` receives a percentage (0..100) at most every 0.25 s and once
    with 100 when both files are in place.  ``should_cancel`` is polled at
    about every 0.1 s while rendering; when it returns True the render stops,
    partial files are removed and :class:`RenderCanceled` is raised.  Any
    failure leaves no partial file behind: output is written under temporary
    names and renamed into place only on success.
    """
    comp = normalise(composition)
    _check_basename(basename)
    out_dir = pathlib.Path(out_dir)
    output = comp["output"]
    width, height = int(output["width"]), int(output["height"])
    rate = frame_rate(float(output["fps"]))
    frames = max(1, round(float(output["duration"]) * rate))
    encoded = Fraction(frames) / rate
    total_samples = round(encoded * SAMPLE_RATE)
    thumb_index = min(frames - 1, math.floor(float(output["thumbnail_at"]) * float(rate) + 1e-6))

    clock = _Clock(progress, should_cancel)
    clock.check_cancel(force=True)
    clock.report(0.0, force=True)

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"the output folder {out_dir} could not be created: {exc.strerror}") from exc
    token = secrets.token_hex(6)
    video_tmp = out_dir / f".{basename}.{token}.mp4.part"
    thumb_tmp = out_dir / f".{basename}.{token}.jpg.part"
    video_path = out_dir / f"{basename}.mp4"
    thumb_path = out_dir / f"{basename}.jpg"

    try:
        compositor = Compositor(comp)
        _encode_video(comp, compositor, video_tmp, rate, frames, total_samples, clock)
        clock.check_cancel(force=True)
        write_jpeg(compositor.frame_at(float(thumb_index / rate)), thumb_tmp)
        clock.check_cancel(force=True)
        video_tmp.replace(video_path)
        try:
            thumb_tmp.replace(thumb_path)
        except BaseException:
            video_path.unlink(missing_ok=True)
            raise
    except BaseException as exc:
        video_tmp.unlink(missing_ok=True)
        thumb_tmp.unlink(missing_ok=True)
        if isinstance(exc, av.FFmpegError):
            raise RenderError(f"encoding failed: {exc}") from exc
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise RenderError(f"the output files could not be written: {reason}") from exc
        raise

    clock.report(100.0, force=True)
    return RenderOutput(
        video_path=video_path,
        thumbnail_path=thumb_path,
        duration=float(encoded),
        width=width,
        height=height,
        fps=float(rate),
        frames=frames,
    )


def _encode_video(
    comp: dict[str, Any],
    compositor: Compositor,
    path: pathlib.Path,
    rate: Fraction,
    frames: int,
    total_samples: int,
    clock: _Clock,
) -> None:
    time_base = 1 / rate
    with av.open(str(path), mode="w", format="mp4", options={"movflags": "+faststart"}) as container:
        video = container.add_stream("libx264", rate=rate, options=dict(X264_OPTIONS))
        video.width = compositor.width
        video.height = compositor.height
        video.pix_fmt = "yuv420p"
        ctx = video.codec_context
        ctx.time_base = time_base
        ctx.colorspace = _BT709
        ctx.color_primaries = _BT709
        ctx.color_trc = _BT709
        ctx.color_range = ColorRange.MPEG
        # Frame threads: faster and ~15% smaller output than PyAV's default slice threads.
        ctx.thread_type = "FRAME"
        ctx.thread_count = 0

        audio = container.add_stream("aac", rate=SAMPLE_RATE)
        audio.codec_context.layout = "stereo"
        audio.codec_context.format = "fltp"
        audio.codec_context.bit_rate = AUDIO_BIT_RATE
        container.start_encoding()  # opens both encoders before the audio thread uses one
        soundtrack = _Soundtrack(audio, total_samples, comp["audio"])
        soundtrack.start()
        try:
            _encode_frames(container, video, compositor, frames, time_base, soundtrack, clock)
        finally:
            soundtrack.abort()


def _encode_frames(
    container: OutputContainer,
    video: VideoStream,
    compositor: Compositor,
    frames: int,
    time_base: Fraction,
    soundtrack: _Soundtrack,
    clock: _Clock,
) -> None:

    last_state: tuple[int, ...] | None = None
    frame: av.VideoFrame | None = None
    for index in range(frames):
        clock.check_cancel()
        state = compositor.state(float(index * time_base))
        if frame is None or state != last_state:
            # Only recompute when something visible changed (e.g. a fade);
            # otherwise the previous YUV frame is sent again.
            frame = _to_yuv(compositor.frame(state))
            last_state = state
        frame.pts = index
        frame.time_base = time_base
        container.mux(video.encode(frame))
        soundtrack.drain(container)
        clock.report(99.0 * (index + 1) / frames)
    container.mux(video.encode(None))
    soundtrack.finish(container)
