"""What an upload is, from its bytes; a client's declared type or file name is never trusted.

The container format comes from the renderer's own sniffer (:func:`renderer.assets.sniff`, run in
the API's sandbox: it lives beside PyAV), so the API accepts exactly what the renderer can open,
and nothing that FFmpeg would have to *guess* (playlists, concat lists, AVI, text). This module
adds what the API needs on top: the MIME type to store and serve, and which asset kinds the bytes
may be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Every type an upload may have, by kind, for the 415 answer and the contract's description.
SUPPORTED: dict[str, tuple[str, ...]] = {
    "image": ("image/png", "image/jpeg", "image/webp"),
    "audio": (
        "audio/wav",
        "audio/mpeg",
        "audio/aac",
        "audio/mp4",
        "audio/ogg",
        "audio/flac",
        "audio/webm",
        "audio/x-matroska",
    ),
    "video": ("video/mp4", "video/quicktime", "video/webm", "video/x-matroska"),
    "font": ("font/ttf", "font/otf", "font/collection"),
}
SUPPORTED_TYPES: tuple[str, ...] = tuple(t for types in SUPPORTED.values() for t in types)
SUPPORTED_IN_WORDS = (
    "images PNG, JPEG, WebP; audio WAV, MP3, AAC (ADTS), M4A, Ogg (Vorbis, Opus, FLAC), FLAC; "
    "video MP4, MOV, WebM, MKV; fonts TrueType, OpenType"
)

# Sniffed format -> MIME type (audio/video containers get theirs from the kind, below).
_SINGLE_KIND = {
    "png": ("image", "image/png"),
    "jpeg": ("image", "image/jpeg"),
    "webp": ("image", "image/webp"),
    "wav": ("audio", "audio/wav"),
    "mp3": ("audio", "audio/mpeg"),
    "aac": ("audio", "audio/aac"),
    # RFC 7845: Ogg Opus files are audio/ogg too; the codec is in `media.audio_codec`.
    "ogg": ("audio", "audio/ogg"),
    "flac": ("audio", "audio/flac"),
    "truetype": ("font", "font/ttf"),
    "opentype": ("font", "font/otf"),
    "ttc": ("font", "font/collection"),
}
# ISO BMFF major brands that promise audio only (iTunes audio, audio books).
_AUDIO_BRANDS = frozenset({b"M4A ", b"M4B ", b"M4P "})


@dataclass(frozen=True)
class Sniffed:
    """The container ``format`` (the renderer's word) and the kinds it may be, most likely first."""

    format: str
    kinds: tuple[str, ...]
    _head: bytes

    def mime(self, kind: str) -> str:
        if self.format in _SINGLE_KIND:
            return _SINGLE_KIND[self.format][1]
        if self.format == "mp4":
            if kind == "audio":
                return "audio/mp4"
            return "video/quicktime" if self._head[8:12] == b"qt  " else "video/mp4"
        # Matroska: the EBML header's DocType says whether it is the WebM profile.
        webm = b"webm" in self._head
        if kind == "audio":
            return "audio/webm" if webm else "audio/x-matroska"
        return "video/webm" if webm else "video/x-matroska"


def classify(fmt: str | None, path: Path) -> Sniffed | None:
    """What the file at ``path``, of the renderer's sniffed format ``fmt``, may be; None when it is
    no format GALA accepts."""
    if fmt is None:
        return None
    with path.open("rb") as fh:
        head = fh.read(64)
    if fmt in _SINGLE_KIND:
        return Sniffed(fmt, (_SINGLE_KIND[fmt][0],), head)
    if fmt == "mp4" and head[8:12] in _AUDIO_BRANDS:
        return Sniffed(fmt, ("audio",), head)
    if fmt in ("mp4", "matroska"):
        # The same containers hold films and songs: probing tells (a video stream or not).
        return Sniffed(fmt, ("video", "audio"), head)
    return None  # a format the renderer knows but GALA does not accept as an upload
