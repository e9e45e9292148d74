"""SubRip (.srt) parsing for caption clips."""

from __future__ import annotations

import re

_TIME = r"(\d{1,3}):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?"
_CUE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|\{\\[^}]*\}")


class SrtError(ValueError):
    """The text is not valid SubRip; the message names the cue."""


def _seconds(h: str, m: str, s: str, ms: str | None) -> float:
    millis = int((ms or "0").ljust(3, "0"))
    return int(h) * 3600 + int(m) * 60 + int(s) + millis / 1000


def parse_srt(text: str) -> list[dict[str, object]]:
    """``[{"start", "end", "text"}, ...]`` from SubRip text; tags (``<i>``, ``{\\an8}``) are removed."""
    cues: list[dict[str, object]] = []
    blocks = re.split(r"\r?\n\s*\r?\n", text.replace("\ufeff", "").strip())
    for number, block in enumerate(blocks, start=1):
        lines = [line.rstrip("\r") for line in block.splitlines()]
        if not lines or not any(line.strip() for line in lines):
            continue
        if lines[0].strip().isdigit() and len(lines) > 1:
            lines = lines[1:]
        match = _CUE.match(lines[0])
        if match is None:
            raise SrtError(
                f"cue {number}: expected a time line like 00:00:01,000 --> 00:00:02,000, got {lines[0][:40]!r}"
            )
        groups = match.groups()
        start = _seconds(*groups[:4])
        end = _seconds(*groups[4:])
        if end <= start:
            raise SrtError(f"cue {number}: ends ({end:g} s) before it starts ({start:g} s)")
        body = "\n".join(_TAG.sub("", line).strip() for line in lines[1:]).strip()
        if body:
            cues.append({"start": start, "end": end, "text": body})
    if not cues:
        raise SrtError("no cues found")
    return cues
