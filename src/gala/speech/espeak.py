"""espeak-ng, the default engine: fast, many languages, robotic. Runs in a GPL helper process."""

from __future__ import annotations

from pathlib import Path

from gala.speech.helper import HelperProcess
from gala.speech.markup import Run, parse
from gala.speech.model import Phoneme, Speech, SpeechInputError, SpeechRequest, Word, check_duration, check_text
from gala.speech.timeline import TimelineBuilder

HELPER = Path(__file__).with_name("espeak_helper.py")
NORMAL_WPM = 175  # espeak-ng's default rate; VoiceSettings.rate multiplies it
MIN_WPM, MAX_WPM = 80, 450  # what espeak-ng accepts
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _run_ssml(run: Run) -> tuple[str, list[int]]:
    """The SSML sent for one run, and for each of its characters the plain-text offset it came from
    (-1 for markup), so espeak-ng's word positions map back to the script's text."""
    parts: list[str] = []
    origin: list[int] = []

    def markup(tag: str) -> None:
        parts.append(tag)
        origin.extend([-1] * len(tag))

    markup("<speak>")
    for span in run.spans:
        if span.emphasis:
            markup("<emphasis>")
        for i, ch in enumerate(span.text):
            piece = _ESCAPES.get(ch, ch)
            parts.append(piece)
            origin.extend([span.offset + i] * len(piece))
        if span.emphasis:
            markup("</emphasis>")
    markup("</speak>")
    return "".join(parts), origin


def _timings(events: list[list[object]], origin: list[int], text: str, total: int) -> tuple[list[Word], list[Phoneme]]:
    """Words and phonemes of one run from the helper's events ([kind, text_position, length, sample, ipa])."""
    words: list[Word] = []
    phonemes: list[Phoneme] = []
    open_phoneme: tuple[str, int, int] | None = None  # (ipa, word, start)
    word_start: int | None = None  # set by a word event until that word's first phoneme

    def close(at: int) -> None:
        nonlocal open_phoneme
        if open_phoneme is not None:
            ipa, word, start = open_phoneme
            if at > start:
                phonemes.append(Phoneme(ipa, word, start, at))
            open_phoneme = None

    for kind, position, length, sample, ipa in events:
        at = min(int(sample), total)  # type: ignore[call-overload]
        if kind == "word":
            first = int(position) - 1  # type: ignore[call-overload]
            sources = [o for o in origin[max(first, 0) : first + int(length)] if o >= 0]  # type: ignore[call-overload]
            close(at)
            if sources:
                offset, end = sources[0], sources[-1] + 1
                words.append(Word(text[offset:end], offset, end - offset, at, at))
                word_start = at
        elif kind == "phoneme":
            close(at)
            if ipa:  # an empty phoneme is a pause
                # espeak-ng reports a stop consonant at its release; its closure starts with the word.
                start = at if word_start is None else word_start
                open_phoneme = (str(ipa), len(words) - 1, start)
                word_start = None
        else:
            close(at)
    close(total)
    # A word ends where its last phoneme ends (its trailing pause is not part of it).
    ends: dict[int, int] = {}
    for p in phonemes:
        if p.word >= 0:
            ends[p.word] = p.end
    words = [Word(w.text, w.offset, w.length, w.start, max(w.start, ends.get(i, w.start))) for i, w in enumerate(words)]
    return words, phonemes


class EspeakEngine:
    """espeak-ng through its helper process; one helper per engine, started on first use."""

    name = "espeak-ng"

    def __init__(self, timeout_s: float = 10.0) -> None:
        self._helper = HelperProcess("espeak-ng", HELPER)
        self._timeout_s = timeout_s
        self._voices: dict[str, tuple[str, ...]] | None = None

    @property
    def helper_pid(self) -> int | None:
        return self._helper.pid

    def close(self) -> None:
        self._helper.close()

    def voices(self) -> dict[str, tuple[str, ...]]:
        if self._voices is None:
            answer, _ = self._helper.call({"op": "voices"}, self._timeout_s)
            listed = tuple(answer["languages"])
            # espeak-ng also resolves a bare language ("en") to its main regional voice.
            bare = {code.split("-")[0] for code in listed}
            self._voices = {"languages": tuple(sorted(set(listed) | bare)), "voices": tuple(answer["variants"])}
        return self._voices

    def voice_name(self, language: str, voice: str | None) -> str:
        catalog = self.voices()
        if language not in catalog["languages"]:
            raise SpeechInputError(
                f"espeak-ng has no language {language!r}", field="language", allowed=catalog["languages"]
            )
        if voice is not None and voice not in catalog["voices"]:
            raise SpeechInputError(f"espeak-ng has no voice {voice!r}", field="voice", allowed=catalog["voices"])
        return language if voice is None else f"{language}+{voice}"

    def synthesize(self, request: SpeechRequest) -> Speech:
        settings = request.voice
        settings.check()
        script = parse(request.text)
        check_text(script.text)
        voice = self.voice_name(settings.language, settings.voice)
        wpm = max(MIN_WPM, min(MAX_WPM, round(NORMAL_WPM * settings.rate)))
        out: TimelineBuilder | None = None
        pending_silence = 0.0
        for item in script.items:
            if not isinstance(item, Run):
                pending_silence += item.seconds
                continue
            ssml, origin = _run_ssml(item)
            # Bounded by the text: espeak-ng runs near 1000x realtime, so this is generous.
            timeout = self._timeout_s + len(ssml) / 1000
            answer, pcm = self._helper.call(
                {"op": "synthesize", "voice": voice, "rate_wpm": wpm, "pitch": settings.pitch, "ssml": ssml}, timeout
            )
            if out is None:
                out = TimelineBuilder(int(answer["sample_rate"]))
            out.silence(pending_silence)
            pending_silence = 0.0
            words, phonemes = _timings(answer["events"], origin, script.text, len(pcm) // 2)
            out.add_run(pcm, words, phonemes)
            check_duration(out.position, out.sample_rate)
        assert out is not None  # check_text guarantees a run
        out.silence(pending_silence)
        return Speech(bytes(out.pcm), out.sample_rate, tuple(out.words), tuple(out.phonemes), self.name, voice)
