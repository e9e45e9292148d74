"""Opening untrusted audio/video safely with FFmpeg (PyAV): forced demuxers, probing, streaming readers.

Every media file the renderer touches goes through this module or :mod:`renderer.assets` (kinds,
limits, sniffing and Pillow decoding, which need no FFmpeg).  The rules:

* The container format is decided by **sniffing the first bytes** and then **forced** when the
  file is opened: FFmpeg never probes, so a file named ``.mp4`` that holds an HLS playlist, an
  AVI with an HLS playlist inside, or an ``ffconcat`` list is refused as ``unsupported`` before
  FFmpeg reads it.  Only these demuxers are ever used: ``mov,mp4,m4a,3gp,3g2,mj2``,
  ``matroska,webm``, ``wav``, ``mp3``, ``aac``, ``ogg``, ``flac``.  Images go through Pillow with
  its formats restricted to PNG, JPEG and WebP.
* FFmpeg may use the ``file`` protocol only (``protocol_whitelist``), nested demuxers are limited
  to the forced one (``format_whitelist``), and the MOV demuxer's external references stay off.
* Pixels, sides and durations are capped (:class:`Limits`); Pillow's decompression-bomb check is
  applied with our own cap before any pixel is decoded.

Errors are :class:`~renderer.errors.MediaError` with a ``reason`` in ``unsupported``,
``corrupt``, ``too_large``, ``too_long``.  The API calls :func:`probe` on upload.
"""

from __future__ import annotations

import math
import pathlib
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import av
import numpy as np
import numpy.typing as npt
from av.audio.resampler import AudioResampler
from av.container import InputContainer

from .assets import (
    CHANNELS,
    DEFAULT_LIMITS,
    SAMPLE_RATE,
    Limits,
    MediaInfo,
    check_format,
    check_pixels,
    load_font_file,
    load_image,
)
from .errors import MediaError

# Limits and MediaInfo are part of probe's signature, so they are offered here too.
__all__ = ["DEMUXERS", "AudioReader", "Limits", "MediaInfo", "VideoReader", "open_container", "probe", "safe_open"]

# Sniffed format -> the FFmpeg demuxer forced when opening it.
DEMUXERS: dict[str, str] = {
    "mp4": "mov,mp4,m4a,3gp,3g2,mj2",
    "matroska": "matroska,webm",
    "wav": "wav",
    "mp3": "mp3",
    "aac": "aac",
    "ogg": "ogg",
    "flac": "flac",
}


def open_container(path: pathlib.Path, fmt: str) -> InputContainer:
    """Open ``path`` with FFmpeg, the demuxer forced to the one for ``fmt`` and only local file access."""
    demuxer = DEMUXERS.get(fmt)
    if demuxer is None:
        raise MediaError(f"{path.name}: {fmt} is not a supported container", reason="unsupported")
    options = {
        "protocol_whitelist": "file",
        "format_whitelist": demuxer,
    }
    if fmt == "mp4":
        options["enable_drefs"] = "0"  # never follow references to other files
        options["use_absolute_path"] = "0"
    try:
        container = av.open("file:" + str(path.resolve()), mode="r", format=demuxer, options=options)
    except av.FFmpegError as exc:
        raise MediaError(f"{path.name} could not be opened as {fmt}: it looks corrupt", reason="corrupt") from exc
    return container


def safe_open(path: pathlib.Path, kind: str) -> InputContainer:
    """Sniff, check and open an audio/video file for ``kind`` (``video`` or ``audio``)."""
    return open_container(path, check_format(path, kind))


def _stream_duration(container: InputContainer) -> float | None:
    if container.duration is not None and container.duration > 0:
        return float(container.duration) / av.time_base
    best: float | None = None
    for stream in container.streams:
        if stream.duration is not None and stream.time_base is not None:
            seconds = float(stream.duration * stream.time_base)
            best = seconds if best is None else max(best, seconds)
    return best


def probe(path: pathlib.Path, kind: str, limits: Limits = DEFAULT_LIMITS) -> MediaInfo:
    """Check that ``path`` is a usable asset of ``kind`` and describe it.

    ``kind`` is ``image``, ``video``, ``audio`` or ``font``.  The file is
    sniffed, opened with a forced demuxer and its first frame decoded.
    Raises :class:`MediaError` (``reason``: ``unsupported``, ``corrupt``,
    ``too_large``, ``too_long``).  Never reads any other file.
    """
    path = pathlib.Path(path)
    fmt = check_format(path, kind)
    if kind == "font":
        load_font_file(path, 24)
        return MediaInfo(kind=kind, format=fmt)
    if kind == "image":
        img = load_image(path, limits)
        return MediaInfo(kind=kind, format=fmt, width=img.width, height=img.height)
    with open_container(path, fmt) as container:
        try:
            return _probe_av(path, kind, fmt, container, limits)
        except MediaError:
            raise
        except (av.FFmpegError, ValueError, IndexError) as exc:
            raise MediaError(f"{path.name} could not be decoded: it looks corrupt", reason="corrupt") from exc


def _probe_av(path: pathlib.Path, kind: str, fmt: str, container: InputContainer, limits: Limits) -> MediaInfo:
    videos = container.streams.video
    audios = container.streams.audio
    if kind == "video" and not videos:
        raise MediaError(f"{path.name} has no video stream", reason="unsupported")
    if kind == "audio" and not audios:
        raise MediaError(f"{path.name} has no audio stream", reason="unsupported")
    info: dict[str, Any] = {}
    if videos and kind == "video":
        vs = videos[0]
        check_pixels(path.name, vs.codec_context.width, vs.codec_context.height, limits)
        info.update(
            width=vs.codec_context.width,
            height=vs.codec_context.height,
            video_codec=vs.codec_context.name,
            fps=float(vs.average_rate) if vs.average_rate else None,
        )
    if audios:
        aus = audios[0]
        info.update(
            audio_codec=aus.codec_context.name,
            channels=aus.codec_context.channels,
            sample_rate=aus.codec_context.sample_rate,
        )
    duration = _stream_duration(container)
    if duration is not None and duration > limits.max_duration:
        raise MediaError(
            f"{path.name} is too long: {duration:.1f} s (at most {limits.max_duration:g} s)", reason="too_long"
        )
    # Decode one frame: a file whose header parses but whose data does not is corrupt.
    stream = videos[0] if kind == "video" else audios[0]
    decoded = False
    for frame in container.decode(stream):
        if kind == "video" and isinstance(frame, av.VideoFrame):
            check_pixels(path.name, frame.width, frame.height, limits)
        decoded = True
        break
    if not decoded:
        raise MediaError(f"{path.name} holds no decodable {kind}: it looks corrupt", reason="corrupt")
    if duration is None:
        raise MediaError(f"{path.name} does not say how long it is: it looks corrupt", reason="corrupt")
    return MediaInfo(kind=kind, format=fmt, duration=duration, **info)


FloatArray = npt.NDArray[np.float32]


class VideoReader:
    """Streams the frames of a video asset, picked by time (frame-rate conversion by choosing frames).

    :meth:`frame_at` returns the latest frame whose time is at or before ``t``
    (seconds in the media), decoding forward; going backwards (or jumping far
    ahead) seeks.  Only the current and the next frame are held.
    """

    _SEEK_AHEAD = 2.0  # seconds: jumping further ahead than this seeks instead of decoding through

    def __init__(self, path: pathlib.Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.name = path.name
        self._container = safe_open(path, "video")
        try:
            self._stream = self._container.streams.video[0]
        except IndexError as exc:
            self._container.close()
            raise MediaError(f"{path.name} has no video stream", reason="unsupported") from exc
        self._stream.thread_type = "AUTO"
        ctx = self._stream.codec_context
        check_pixels(path.name, ctx.width, ctx.height, limits)
        self.width, self.height = ctx.width, ctx.height
        self._limits = limits
        self._frames: Iterator[av.VideoFrame] | None = None
        self._current: av.VideoFrame | None = None
        self._current_t = -math.inf
        self._next: av.VideoFrame | None = None
        self._next_t = -math.inf
        self._eof = False
        tb = self._stream.time_base
        self._time_base = tb if tb is not None else Fraction(1, 90000)

    def _time_of(self, frame: av.VideoFrame) -> float:
        if frame.pts is None:
            return self._current_t + 1e-3 if math.isfinite(self._current_t) else 0.0
        return float(frame.pts * self._time_base)

    def _advance(self) -> None:
        if self._frames is None:
            self._frames = self._container.decode(self._stream)
        try:
            frame = next(self._frames)
        except StopIteration:
            self._eof = True
            self._next = None
            return
        except av.FFmpegError as exc:
            raise MediaError(f"{self.name} could not be decoded: it looks corrupt", reason="corrupt") from exc
        if frame.width != self.width or frame.height != self.height:
            check_pixels(self.name, frame.width, frame.height, self._limits)
        self._next = frame
        self._next_t = self._time_of(frame)

    def _seek(self, t: float) -> None:
        self._container.seek(max(0, int(t / self._time_base)), stream=self._stream, backward=True)
        self._frames = None
        self._current, self._current_t = None, -math.inf
        self._next, self._eof = None, False
        self._advance()

    def frame_at(self, t: float) -> av.VideoFrame | None:
        """The frame on screen at media time ``t``; the last frame past the end; None if empty."""
        if self._current is not None and t < self._current_t - 1e-6:
            self._seek(t)
        elif self._next is None and not self._eof:
            if t > self._SEEK_AHEAD:
                self._seek(t)
            else:
                self._advance()
        elif self._next is not None and t - self._next_t > self._SEEK_AHEAD:
            self._seek(t)
        while self._next is not None and (self._next_t <= t + 1e-6 or self._current is None):
            self._current, self._current_t = self._next, self._next_t
            self._advance()
        return self._current

    def close(self) -> None:
        self._frames = None
        self._container.close()


class AudioReader:
    """Streams the sound of an audio/video asset as 48 kHz stereo float32, from ``start`` seconds.

    :meth:`read` returns exactly ``count`` samples (shape ``(2, count)``),
    padded with silence past the end; :attr:`ended` tells when the media is
    exhausted.
    """

    def __init__(self, path: pathlib.Path, kind: str, start: float = 0.0) -> None:
        self.name = path.name
        self._container = safe_open(path, kind)
        if not self._container.streams.audio:
            self._container.close()
            raise MediaError(f"{path.name} has no audio stream", reason="unsupported")
        self._stream = self._container.streams.audio[0]
        self._resampler = AudioResampler(format="fltp", layout="stereo", rate=SAMPLE_RATE)
        self._pending: list[FloatArray] = []
        self._pending_len = 0
        self.ended = False
        self._skip = 0
        if start > 0:
            tb = self._stream.time_base or Fraction(1, SAMPLE_RATE)
            self._container.seek(max(0, int(start / tb)), stream=self._stream, backward=True)
        self._start = start
        self._first = True
        self._frames: Iterator[av.AudioFrame] = self._container.decode(self._stream)

    def _pull(self) -> bool:
        try:
            frame = next(self._frames)
        except StopIteration:
            out = self._resampler.resample(None)
            self._push(out)
            self.ended = True
            return False
        except av.FFmpegError as exc:
            raise MediaError(f"{self.name} could not be decoded: it looks corrupt", reason="corrupt") from exc
        if self._first:
            self._first = False
            begins = float(frame.time) if frame.time is not None else 0.0
            self._skip = max(0, round((self._start - begins) * SAMPLE_RATE))
        frame.pts = None  # the resampler keeps its own clock
        self._push(self._resampler.resample(frame))
        return True

    def _push(self, frames: list[av.AudioFrame]) -> None:
        for out in frames:
            data = out.to_ndarray().astype(np.float32, copy=False)
            if data.ndim == 1:  # pragma: no cover - packed layouts are not requested
                data = data.reshape(CHANNELS, -1)
            if self._skip:
                cut = min(self._skip, data.shape[1])
                data = data[:, cut:]
                self._skip -= cut
            if data.shape[1]:
                self._pending.append(data)
                self._pending_len += data.shape[1]

    def read(self, count: int) -> FloatArray:
        while self._pending_len < count and not self.ended:
            self._pull()
        out = np.zeros((CHANNELS, count), dtype=np.float32)
        filled = 0
        while filled < count and self._pending:
            block = self._pending[0]
            take = min(count - filled, block.shape[1])
            out[:, filled : filled + take] = block[:, :take]
            filled += take
            if take == block.shape[1]:
                self._pending.pop(0)
            else:
                self._pending[0] = block[:, take:]
            self._pending_len -= take
        return out

    @property
    def exhausted(self) -> bool:
        return self.ended and self._pending_len == 0

    def close(self) -> None:
        self._container.close()
