"""Opening untrusted media safely: sniffing, forced demuxers, limits, and streaming readers.

Every media file the renderer touches goes through this module.  The rules:

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
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

import av
import numpy as np
import numpy.typing as npt
from av.audio.resampler import AudioResampler
from av.container import InputContainer
from PIL import Image, ImageFont

from .errors import MediaError

AssetKind = Literal["image", "video", "audio", "font"]
ASSET_KINDS: tuple[str, ...] = ("image", "video", "audio", "font")

SAMPLE_RATE = 48000
CHANNELS = 2

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
IMAGE_FORMATS: dict[str, str] = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}
FONT_FORMATS = ("truetype", "opentype", "ttc")

# Which sniffed formats each asset kind accepts.
ACCEPTED: dict[str, tuple[str, ...]] = {
    "image": ("png", "jpeg", "webp"),
    "video": ("mp4", "matroska"),
    "audio": ("wav", "mp3", "aac", "ogg", "flac", "mp4", "matroska"),
    "font": FONT_FORMATS,
}


@dataclass(frozen=True)
class Limits:
    """Caps applied to every media file (defaults suit a 4K-capable service)."""

    max_pixels: int = 40_000_000
    max_side: int = 16384
    max_duration: float = 3600.0


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class AssetFile:
    """A local media file the caller resolved for an asset id.

    ``duration`` (seconds, audio/video) may be given when already known from
    probing at upload time; otherwise the renderer probes the file itself.
    """

    path: pathlib.Path
    kind: str
    duration: float | None = None


@dataclass(frozen=True)
class MediaInfo:
    """What :func:`probe` learnt about a file. Absent properties are ``None``."""

    kind: str
    format: str  # the sniffed format: mp4, matroska, wav, mp3, aac, ogg, flac, png, jpeg, webp, truetype, ...
    duration: float | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    channels: int | None = None
    sample_rate: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def sniff(path: pathlib.Path) -> str | None:
    """The format of ``path`` from its first bytes, or None when it is none we accept."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        raise MediaError(f"{path.name} cannot be read: {exc.strerror}", reason="corrupt") from exc
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free") and head[4:8] != b"":
        return "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "matroska"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"ID3"):
        return "mp3"
    if len(head) >= 2 and head[0] == 0xFF:
        if head[1] & 0xF6 == 0xF0:  # ADTS sync word, layer 0
            return "aac"
        if head[1] & 0xE0 == 0xE0 and head[1] & 0x06 != 0:  # MPEG audio frame sync, layer I-III
            return "mp3"
    if head[:4] in (b"\x00\x01\x00\x00", b"true"):
        return "truetype"
    if head[:4] == b"OTTO":
        return "opentype"
    if head[:4] == b"ttcf":
        return "ttc"
    return None


def _describe_kind(kind: str) -> str:
    return {"image": "PNG, JPEG or WebP", "video": "MP4/MOV or WebM/MKV", "font": "TrueType or OpenType"}.get(
        kind, "WAV, MP3, AAC, Ogg, FLAC, MP4/M4A or WebM"
    )


def check_format(path: pathlib.Path, kind: str) -> str:
    """Sniff ``path`` and check it suits an asset of ``kind``; returns the format."""
    if kind not in ACCEPTED:
        raise ValueError(f"unknown asset kind {kind!r}")
    fmt = sniff(path)
    if fmt is None or fmt not in ACCEPTED[kind]:
        found = f" (looks like {fmt})" if fmt else ""
        raise MediaError(
            f"{path.name} is not a supported {kind} file{found}: expected {_describe_kind(kind)}",
            reason="unsupported",
        )
    return fmt


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


def _check_pixels(name: str, width: int, height: int, limits: Limits) -> None:
    if width <= 0 or height <= 0:
        raise MediaError(f"{name} declares an empty picture ({width}x{height})", reason="corrupt")
    if width > limits.max_side or height > limits.max_side or width * height > limits.max_pixels:
        raise MediaError(
            f"{name} is too large: {width}x{height} pixels (at most {limits.max_pixels / 1e6:g} megapixels "
            f"and {limits.max_side} pixels on a side)",
            reason="too_large",
        )


def load_image(path: pathlib.Path, limits: Limits = DEFAULT_LIMITS) -> Image.Image:
    """Decode an image asset to RGBA, refusing bombs before decoding any pixel."""
    fmt = check_format(path, "image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=[IMAGE_FORMATS[fmt]]) as img:
                _check_pixels(path.name, img.width, img.height, limits)
                img.seek(0)
                img.load()
                rgba = img.convert("RGBA")
    except MediaError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise MediaError(
            f"{path.name} is too large: it declares far more pixels than allowed "
            f"(at most {limits.max_pixels / 1e6:g} megapixels; a decompression bomb?)",
            reason="too_large",
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise MediaError(
            f"{path.name} is not a readable {fmt.upper()} image: it looks corrupt", reason="corrupt"
        ) from exc
    result: Image.Image = rgba
    return result


def load_font_file(path: pathlib.Path, size: int) -> ImageFont.FreeTypeFont:
    """A font asset at ``size`` pixels; a file FreeType cannot read is a clear error."""
    check_format(path, "font")
    try:
        return ImageFont.truetype(str(path), size)
    except (OSError, ValueError) as exc:
        raise MediaError(f"{path.name} is not a usable font (TrueType/OpenType)", reason="corrupt") from exc


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
        _check_pixels(path.name, vs.codec_context.width, vs.codec_context.height, limits)
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
            _check_pixels(path.name, frame.width, frame.height, limits)
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
        _check_pixels(path.name, ctx.width, ctx.height, limits)
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
            _check_pixels(self.name, frame.width, frame.height, self._limits)
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
