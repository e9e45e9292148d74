"""``captions``: timed lines (or SRT), each drawn like a text clip while its window is open."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Hashable, Mapping
from typing import Any

from ..checks import MAX_TEXT_LENGTH, Checker, show, type_name
from ..schema import described, param, ref
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
        self._drawn: dict[tuple[int, int | None], TextContent] = {}
        self.highlight: str | None = clip.get("highlight")

    def word_at(self, index: int, local_t: float) -> int | None:
        """With a highlight colour, the word of line ``index`` being said at ``local_t`` (None: between words)."""
        if self.highlight is None:
            return None
        words = self.lines[index].get("words") or ()
        spoken = [i for i, w in enumerate(words) if float(w["start"]) <= local_t]
        if not spoken or local_t >= float(words[spoken[-1]]["end"]) + GAP_HOLD_S:
            return None
        return spoken[-1]

    def line_at(self, local_t: float) -> int | None:
        """Index of the caption shown at ``local_t`` (the latest started one still open)."""
        latest = bisect.bisect_right(self._starts, local_t) - 1
        # Overlapping cues are rare: look at the few latest-started ones only.
        for i in range(latest, max(-1, latest - 4), -1):
            line = self.lines[i]
            if float(line["start"]) <= local_t < float(line["end"]):
                return i
        return None

    def _text(self, index: int, local_t: float) -> TextContent:
        word = self.word_at(index, local_t)
        if (index, word) not in self._drawn:
            if len(self._drawn) > 2:
                self._drawn.clear()
            line = self.lines[index]
            lit = None
            if word is not None and self.highlight is not None:
                w = line["words"][word]
                lit = (int(w["offset"]), int(w["offset"]) + int(w["length"]), self.highlight)
            self._drawn[(index, word)] = TextContent(self.clip, self.ctx, str(line["text"]), lit)
        return self._drawn[(index, word)]

    def natural_size(self, local_t: float) -> tuple[float, float]:
        index = self.line_at(local_t)
        return (0.0, 0.0) if index is None else self._text(index, local_t).natural_size(local_t)

    def key(self, local_t: float) -> Hashable:
        index = self.line_at(local_t)
        return None if index is None else (index, self.word_at(index, local_t))

    def render(self, local_t: float, src: tuple[float, float, float, float], size: tuple[int, int]) -> Sprite | None:
        index = self.line_at(local_t)
        return None if index is None else self._text(index, local_t).render(local_t, src, size)

    def close(self) -> None:
        self._drawn.clear()


MAX_LINES = 2000
LINE_CHARS = 42  # a caption line from speech holds at most about this many characters
PAUSE_S = 0.5  # a silence this long between words starts a new caption line
GAP_HOLD_S = 0.15  # a word stays lit this long after it ends (short gaps do not flicker)
_SENTENCE_END = (".", "!", "?", ";", ":", "…")


def check(c: Checker, where: str, obj: Mapping[str, Any], out: dict[str, Any]) -> None:
    out["from"] = obj.get("from")
    out["highlight"] = None if obj.get("highlight") is None else c.color(where, obj, "highlight", None)
    if obj.get("from") is not None:
        out["lines"] = lines_from_speech(c, where, obj)
    else:
        out["lines"] = caption_lines(c, where, obj)


def lines_from_speech(c: Checker, where: str, obj: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Caption lines, with word times, from the named `speech`/`avatar` clip's synthesized speech.

    Empty (not a problem) until GALA has synthesized that clip: the job is checked before then."""
    name = obj["from"]
    if obj.get("lines") is not None or obj.get("srt") is not None:
        c.fail(f"{where} needs exactly one of lines, srt or from")
        return []
    source = c.spoken.get(name) if isinstance(name, str) else None
    if source is None:
        known = ", ".join(sorted(c.spoken)) or "none in this composition"
        c.fail(f"{where}.from must name a speech or avatar clip (by its name); got {show(name)} (named: {known})")
        return []
    speech = source.get("speech")
    if not isinstance(speech, dict) or not isinstance(speech.get("timing"), dict):
        return []
    words = [w for w in speech["timing"].get("words") or [] if isinstance(w, dict)]
    text = speech.get("text") if isinstance(speech.get("text"), str) else None
    # The captions clip's times are its own: shift by the difference of the two clips' starts, when given.
    shift = 0.0
    starts = source.get("start"), obj.get("start")
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in starts):
        shift = float(starts[0]) - float(starts[1])  # type: ignore[arg-type]
    return group_words(words, text, shift)


def group_words(words: list[dict[str, Any]], text: str | None, shift: float) -> list[dict[str, Any]]:
    """Words to caption lines: a new line after a sentence's end, a long pause, or LINE_CHARS."""

    def begins(i: int) -> int:
        # espeak-ng can start a word one letter late after markup ("<emphasis>Let's" gives "et"):
        # a word never starts right after a letter that itself follows a space.
        assert text is not None
        offset = int(words[i]["offset"])
        if 0 < offset < len(text) and text[offset - 1].isalnum() and (offset == 1 or not text[offset - 2].isalnum()):
            return offset - 1
        return offset

    def shown(i: int) -> str:
        w = words[i]
        if text is None:
            return str(w["text"])
        end = begins(i + 1) if i + 1 < len(words) else len(text)
        return text[begins(i) : end].strip() or str(w["text"])

    lines: list[dict[str, Any]] = []
    current: list[tuple[int, str]] = []

    def close() -> None:
        if not current:
            return
        parts: list[str] = []
        placed: list[dict[str, Any]] = []
        at = 0
        for i, piece in current:
            w = words[i]
            length = min(len(piece), max(1, len(str(w["text"])))) if text is not None else len(piece)
            placed.append(
                {"start": float(w["start"]) + shift, "end": float(w["end"]) + shift, "offset": at, "length": length}
            )
            parts.append(piece)
            at += len(piece) + 1
        lines.append({"start": placed[0]["start"], "end": placed[-1]["end"], "text": " ".join(parts), "words": placed})
        current.clear()

    for i in range(len(words)):
        piece = shown(i)
        if current and not any(ch.isalnum() for ch in piece):
            current[-1] = (current[-1][0], current[-1][1] + piece)  # punctuation an engine called a word
            continue
        if current:
            width = sum(len(p) + 1 for _, p in current) + len(piece)
            pause = float(words[i]["start"]) - float(words[current[-1][0]]["end"])
            if width > LINE_CHARS or pause >= PAUSE_S or current[-1][1].endswith(_SENTENCE_END):
                close()
        current.append((i, piece))
    close()
    # Each line stays up until the next starts (at most a pause later): reading, not flashing.
    for a, b in itertools.pairwise(lines):
        a["end"] = max(a["end"], min(b["start"], a["end"] + PAUSE_S))
    if lines:
        lines[-1]["end"] += GAP_HOLD_S
    return [line for line in lines if line["start"] >= 0 and line["end"] > line["start"]]


def caption_lines(c: Checker, where: str, obj: Mapping[str, Any]) -> list[dict[str, Any]]:
    has_lines, has_srt = obj.get("lines") is not None, obj.get("srt") is not None
    if has_lines == has_srt:
        c.fail(f"{where} needs exactly one of lines, srt or from")
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
        "description": "Subtitles. Exactly one of `lines`, `srt` and `from`; times are seconds from the clip start.",
        "properties": {
            "lines": param(
                {"type": ["array", "null"], "minItems": 1, "maxItems": MAX_LINES, "items": ref("CaptionLine")}
            ),
            "srt": param({"type": ["string", "null"]}, description="SubRip text; tags like `<i>` are removed."),
            "from": {
                "description": "The `name` of a `speech` or `avatar` clip: its words become the lines, timed "
                "as spoken (times shift by the two clips' starts when both are given).",
                "anyOf": [{"type": "string", "minLength": 1}, {"type": "null"}],
            },
            "highlight": described(
                "OptionalColor", "Word by word: the word being said in this colour (lines from `from`)."
            ),
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
