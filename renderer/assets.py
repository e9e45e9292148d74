"""Asset files without FFmpeg: kinds, limits, format sniffing, and Pillow decoding of images and fonts.

The API checks compositions and sniffs uploads with these; nothing here imports PyAV, so importing
it does not load FFmpeg.  Probing and decoding audio/video live in :mod:`renderer.media`.
"""

from __future__ import annotations

import pathlib
import warnings
from dataclasses import dataclass
from typing import Any, Literal

from PIL import Image, ImageFont

from .errors import MediaError

AssetKind = Literal["image", "video", "audio", "font"]
ASSET_KINDS: tuple[str, ...] = ("image", "video", "audio", "font")

SAMPLE_RATE = 48000
CHANNELS = 2

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


def check_pixels(name: str, width: int, height: int, limits: Limits) -> None:
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
                check_pixels(path.name, img.width, img.height, limits)
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


def load_image_as_given(path: pathlib.Path, limits: Limits = DEFAULT_LIMITS) -> Image.Image:
    """An image asset, RGBA when the file has transparency, else RGB: so a part that must be cut out (a
    puppet's) can be refused by name instead of silently made opaque."""
    image = load_image(path, limits)
    with Image.open(path) as raw:
        has_alpha = raw.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in raw.info
    return image if has_alpha else image.convert("RGB")


def load_font_file(path: pathlib.Path, size: int) -> ImageFont.FreeTypeFont:
    """A font asset at ``size`` pixels; a file FreeType cannot read is a clear error."""
    check_format(path, "font")
    try:
        return ImageFont.truetype(str(path), size)
    except (OSError, ValueError) as exc:
        raise MediaError(f"{path.name} is not a usable font (TrueType/OpenType)", reason="corrupt") from exc
