"""``captions``: timed lines (or SRT), each drawn like a text clip while its window is open."""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Mapping
from typing import Any

from ..checks import MAX_TEXT_LENGTH, Checker, show, type_name
from ..schema import param, ref
from ..srt import SrtError, parse_srt
from .base import Context, Sprite
from .groups import VISUAL, text_style
from .spec import VISUAL_KEYFRAMES, ClipType
from .text import TextContent


class CaptionsContent:
    static = False
    fits = False
    margin = True

    def __init__(self, clip: dict[str, Any], ctx: Context) -> None:
        self.clip = clip
        self.ctx = ctx
        self.lines: list[dict[str, Any]] = sorted(clip["lines"], key=lambda line: float(line["start"]))
        self._starts = [float(line["start"]) for line in self.lines]
        self._drawn: dict[int, TextContent] = {}

    def line_at(self, local_t: float) -> int | None:
        """Index of the caption shown at ``local_t`` (the latest started one still open)."""
        latest = bisect.bisect_right(self._starts, local_t) - 1
        # Overlapping cues are rare: look at the few latest-started ones only.
        for i in range(latest, max(-1, latest - 4), -1):
            line = self.lines[i]
            if float(line["start"]) <= local_t < float(line["end"]):
                return i
        return None

    def _text(self, index: int) -> TextContent:
        if index not in self._drawn:
            if len(self._drawn) > 2:
                self._drawn.clear()
            self._drawn[index] = TextContent(self.clip, self.ctx, str(self.lines[index]["text"]))
        return self._drawn[index]

    def natural_size(self, local_t: float) -> tuple[float, float]:
        index = self.line_at(local_t)
        return (0.0, 0.0) if index is None else self._text(index).natural_size(local_t)

    def key(self, local_t: float) -> Hashable:
        return self.line_at(local_t)

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite | None:
        index = self.line_at(local_t)
        return None if index is None else self._text(index).render(local_t, src, size)

    def close(self) -> None:
        self._drawn.clear()


MAX_LINES = 2000


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["lines"] = caption_lines(c, where, obj)


def caption_lines(c: Checker, where: str, obj: Mapping[str, Any]) -> list[dict[str, Any]]:
    has_lines, has_srt = obj.get("lines") is not None, obj.get("srt") is not None
    if has_lines == has_srt:
        c.fail(f"{where} needs exactly one of lines or srt")
        return []
    if has_srt:
        srt = obj["srt"]
        if not isinstance(srt, str):
            c.fail(f"{where}.srt must be SubRip text (a string), got {type_name(srt)}")
            return []
        try:
            raw_lines: list[Any] = list(parse_srt(srt))
        except SrtError as exc:
            c.fail(f"{where}.srt is not valid SubRip: {exc}")
            return []
        label = f"{where}.srt"
    else:
        raw_lines = obj["lines"] if isinstance(obj["lines"], list) else []
        if not isinstance(obj["lines"], list) or not raw_lines:
            c.fail(f"{where}.lines must be a non-empty list of {{start, end, text}}, got {show(obj['lines'])}")
            return []
        label = f"{where}.lines"
    if len(raw_lines) > MAX_LINES:
        c.fail(f"{label} has too many lines ({len(raw_lines)}, at most {MAX_LINES})")
        return []
    lines: list[dict[str, Any]] = []
    for i, raw in enumerate(raw_lines):
        ll = f"{label}[{i}]"
        item = c.mapping(ll, raw)
        if item is None:
            continue
        c.unknown_keys(ll, item, frozenset({"start", "end", "text"}))
        start = c.seconds(ll, item, "start", 0.0)
        if item.get("end") is None:
            c.fail(f"{ll}.end is required (seconds from the clip start)")
            continue
        end = c.positive(ll, item, "end", start + 1)
        if end <= start:
            c.fail(f"{ll}.end ({end:g}) must be after its start ({start:g})")
        lines.append({"start": start, "end": end, "text": c.text_value(ll, item, "text")})
    return lines


def last_line_end(c: Checker, where: str, clip: dict[str, Any]) -> float | None:
    """``length: "auto"``: the end of the last line."""
    return max((line["end"] for line in clip["lines"]), default=None)


CLIP = ClipType(
    name="captions",
    component="CaptionsClip",
    fields={
        "description": "Subtitles. Exactly one of `lines` and `srt`; times are seconds from the clip start.",
        "properties": {
            "lines": param(
                {"type": ["array", "null"], "minItems": 1, "maxItems": MAX_LINES, "items": ref("CaptionLine")}
            ),
            "srt": param({"type": ["string", "null"]}, description="SubRip text; tags like `<i>` are removed."),
        },
    },
    check=check,
    keyframes=VISUAL_KEYFRAMES,
    groups=(VISUAL, text_style(size=48.0, max_width=0.8, stroke={"color": "#000000", "width": 3})),
    components={
        "CaptionLine": {
            "type": "object",
            "additionalProperties": False,
            "required": ["start", "end", "text"],
            "properties": {
                "start": {"type": "number", "minimum": 0},
                "end": {"type": "number", "exclusiveMinimum": 0, "description": "After `start`."},
                "text": {"type": "string", "minLength": 1, "maxLength": MAX_TEXT_LENGTH},
            },
        }
    },
    visual=CaptionsContent,
    natural_length=last_line_end,
    default_position="bottom",
)
