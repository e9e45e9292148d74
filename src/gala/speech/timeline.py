"""Joins the runs and pauses of a script into one PCM buffer with word and phoneme times, in samples."""

from __future__ import annotations

from dataclasses import dataclass, field

from gala.speech.model import Phoneme, Word


@dataclass
class TimelineBuilder:
    sample_rate: int
    pcm: bytearray = field(default_factory=bytearray)
    words: list[Word] = field(default_factory=list)
    phonemes: list[Phoneme] = field(default_factory=list)

    @property
    def position(self) -> int:
        return len(self.pcm) // 2

    def silence(self, seconds: float) -> None:
        self.pcm += bytes(2 * round(seconds * self.sample_rate))

    def add_run(self, pcm: bytes, words: list[Word], phonemes: list[Phoneme]) -> None:
        """Append a run's audio; its word/phoneme times are relative to the run's first sample."""
        base, first_word = self.position, len(self.words)
        self.pcm += pcm
        self.words += [Word(w.text, w.offset, w.length, base + w.start, base + w.end) for w in words]
        self.phonemes += [
            Phoneme(p.ipa, p.word + first_word if p.word >= 0 else -1, base + p.start, base + p.end) for p in phonemes
        ]
