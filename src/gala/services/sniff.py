"""What a file is, from its bytes; a client's declared type is never trusted."""

from __future__ import annotations

from pathlib import Path

import puremagic

# The kinds GALA accepts, by sniffed MIME type. Anything else is stored as opaque `other`.
KINDS = {
    "image/png": "image",
    "image/jpeg": "image",
    "image/webp": "image",
    "audio/wav": "audio",
    "audio/x-wav": "audio",
    "audio/mpeg": "audio",
    "audio/aac": "audio",
    "audio/mp4": "audio",
    "audio/x-m4a": "audio",
    "audio/ogg": "audio",
    "audio/opus": "audio",
    "audio/flac": "audio",
    "audio/x-flac": "audio",
    "video/mp4": "video",
    "video/quicktime": "video",
    "video/webm": "video",
    "video/x-matroska": "video",
    "font/ttf": "font",
    "font/otf": "font",
}

_FONT_SIGNATURES = {b"\x00\x01\x00\x00": "font/ttf", b"true": "font/ttf", b"OTTO": "font/otf"}


def sniff(path: Path) -> tuple[str, str]:
    """Return ``(mime, kind)`` for the file at ``path``."""
    with path.open("rb") as fh:
        head = fh.read(4)
    if head in _FONT_SIGNATURES:
        mime = _FONT_SIGNATURES[head]
        return mime, "font"
    try:
        mime = puremagic.from_file(str(path), mime=True) or ""
    except (puremagic.PureError, ValueError, OSError):
        mime = ""
    kind = KINDS.get(mime)
    if kind is None:
        return "application/octet-stream", "other"
    return mime, kind
