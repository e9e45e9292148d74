"""The speech markup: a small SSML subset, parsed into spoken runs and pauses.

Accepted (documented in docs/speech.md):
  <speak> ... </speak>         optional root
  <break time="500ms"/>        a pause of exactly that length ("ms" or "s", at most MAX_BREAK_SECONDS)
  <emphasis> ... </emphasis>   stressed words (engines that cannot stress ignore it)
  &amp; &lt; &gt; &quot; &apos; the XML entities; a bare "&" is kept as text, so plain text needs no escaping

Pauses are cut here rather than handed to the engine: espeak-ng merges an SSML break with the
sentence pause around it, so its length would depend on punctuation. Cutting gives exact silence.
Anything else in angle brackets is an error that names the position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gala.speech.model import MAX_BREAK_SECONDS, SpeechInputError

_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)((?:\s+[\w-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTR = re.compile(r"([\w-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TIME = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$")
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'"}
_ENTITY = re.compile("|".join(_ENTITIES))


@dataclass(frozen=True)
class Span:
    """Text spoken in one style; `offset` is where it starts in the script's plain text."""

    text: str
    offset: int
    emphasis: bool = False


@dataclass(frozen=True)
class Run:
    """Spans spoken in one go, between pauses."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Pause:
    seconds: float


@dataclass(frozen=True)
class Script:
    items: tuple[Run | Pause, ...]
    text: str  # the plain text: every span's text, in order (word offsets point into it)


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], text)


def _break_seconds(attrs: str, where: int) -> float:
    values = {m.group(1): m.group(2) if m.group(2) is not None else m.group(3) for m in _ATTR.finditer(attrs)}
    if set(values) != {"time"}:
        raise SpeechInputError(f'<break> at character {where} takes exactly one attribute, time="500ms"', field="text")
    m = _TIME.match(values["time"])
    if m is None:
        raise SpeechInputError(
            f'<break time="{values["time"]}"> at character {where}: use e.g. "500ms" or "1.5s"', field="text"
        )
    seconds = float(m.group(1)) / (1000.0 if m.group(2) == "ms" else 1.0)
    if seconds > MAX_BREAK_SECONDS:
        raise SpeechInputError(f"<break> at character {where} is longer than {MAX_BREAK_SECONDS} s", field="text")
    return seconds


def parse(source: str) -> Script:
    """Parse markup (or plain text, which is markup without tags)."""
    items: list[Run | Pause] = []
    spans: list[Span] = []
    plain: list[str] = []
    length = 0
    emphasis = 0
    stack: list[str] = []

    def add_text(raw: str, where: int) -> None:
        nonlocal length
        if "<" in raw:
            raise SpeechInputError(
                f'unfinished markup at character {where + raw.index("<")} (write a literal "<" as &lt;)', field="text"
            )
        text = _unescape(raw)
        if text:
            spans.append(Span(text, length, emphasis > 0))
            plain.append(text)
            length += len(text)

    def end_run() -> None:
        if any(span.text.strip() for span in spans):
            items.append(Run(tuple(spans)))
        spans.clear()

    pos = 0
    for m in _TAG.finditer(source):
        add_text(source[pos : m.start()], pos)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1) == "/", m.group(2).lower(), m.group(3), m.group(4) == "/"
        if name == "break" and not closing and selfclosing:
            seconds = _break_seconds(attrs, m.start())
            end_run()
            items.append(Pause(seconds))
            # A pause separates words, so the plain text gets a space where the tag was.
            add_text(" ", m.start())
            spans.clear()
        elif name in ("speak", "emphasis") and not selfclosing and not attrs.strip():
            if closing:
                if not stack or stack[-1] != name:
                    raise SpeechInputError(f"</{name}> at character {m.start()} closes nothing", field="text")
                stack.pop()
                if name == "emphasis":
                    emphasis -= 1
            else:
                if name == "speak" and (stack or "".join(plain).strip() or items):
                    raise SpeechInputError("<speak> may only be the first tag", field="text")
                stack.append(name)
                if name == "emphasis":
                    emphasis += 1
        else:
            raise SpeechInputError(
                f"unsupported markup {m.group(0)!r} at character {m.start()}; "
                'use <break time="500ms"/> or <emphasis>...</emphasis> (write a literal "<" as &lt;)',
                field="text",
            )
    add_text(source[pos:], pos)
    if stack:
        raise SpeechInputError(f"<{stack[-1]}> is never closed", field="text")
    end_run()
    return Script(tuple(items), "".join(plain))
