"""Audio: every sound of a composition mixed into 48 kHz stereo float, one chunk at a time.

A :class:`Sound` gives raw samples for a span of the timeline and a gain
envelope (volume, volume keyframes, fades, crossfades); the :class:`Mixer`
adds ducking for ``music`` under ``voice`` and sums everything.  Nothing is
held beyond the chunk being mixed and the decoders' small buffers.
"""

from __future__ import annotations

import math
import pathlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .animate import evaluate
from .assets import CHANNELS, SAMPLE_RATE
from .errors import MediaError

FloatArray = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]

if TYPE_CHECKING:
    from .media import AudioReader


def ramp_in(t: F64, start: float, duration: float) -> F64:
    if duration <= 0:
        return np.ones_like(t)
    return np.clip((t - start) / duration, 0.0, 1.0)


def ramp_out(t: F64, end: float, duration: float) -> F64:
    if duration <= 0:
        return np.ones_like(t)
    return np.clip((end - t) / duration, 0.0, 1.0)


class Sound:
    """A sound on the timeline from ``start`` to ``end`` (seconds) with a gain envelope."""

    def __init__(self, clip: dict[str, Any], start: float, end: float) -> None:
        self.start, self.end = start, end
        self.role = str(clip.get("role", "effect"))
        self.duck: dict[str, float] | None = clip.get("duck") if self.role == "music" else None
        self.volume = float(clip.get("volume", 1.0))
        self.keyframes: list[dict[str, Any]] | None = (clip.get("keyframes") or {}).get("volume")
        fade_in = float(clip.get("fade_in", 0.0))
        fade_out = float(clip.get("fade_out", 0.0))
        transition = clip.get("transition") or {}
        if transition.get("in") and transition["in"]["type"] == "fade":
            fade_in = max(fade_in, float(transition["in"]["duration"]))
        if transition.get("out") and transition["out"]["type"] == "fade":
            fade_out = max(fade_out, float(transition["out"]["duration"]))
        self.fade_in = fade_in
        self.fade_out = max(fade_out, float(clip.get("crossfade_out", 0.0)))

    @property
    def start_sample(self) -> int:
        return round(self.start * SAMPLE_RATE)

    @property
    def end_sample(self) -> int:
        return round(self.end * SAMPLE_RATE)

    def gain(self, t: F64) -> F64:
        base = self.volume if self.keyframes is None else evaluate(self.keyframes, t - self.start)
        inside = (t >= self.start) & (t < self.end)
        return inside * base * ramp_in(t, self.start, self.fade_in) * ramp_out(t, self.end, self.fade_out)

    def raw(self, first: int, count: int) -> FloatArray:
        """Samples ``first .. first+count`` of the timeline (silence outside the sound)."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class ToneSound(Sound):
    def __init__(self, clip: dict[str, Any], start: float, end: float) -> None:
        super().__init__(clip, start, end)
        self.frequency = float(clip["frequency"])

    def raw(self, first: int, count: int) -> FloatArray:
        n = np.arange(first, first + count, dtype=np.float64) - self.start_sample
        mono = np.sin(n * (2.0 * math.pi * self.frequency / SAMPLE_RATE)).astype(np.float32)
        return np.stack((mono, mono))


class MediaSound(Sound):
    """The sound of an audio/video asset, trimmed, optionally looped, decoded as it plays."""

    def __init__(
        self,
        clip: dict[str, Any],
        start: float,
        end: float,
        *,
        path: pathlib.Path,
        kind: str,
        trim_start: float,
        media_length: float | None,
        loop: bool,
    ) -> None:
        super().__init__(clip, start, end)
        self.path, self.kind = path, kind
        self.trim_start = trim_start
        self.length = None if media_length is None else max(0, round(media_length * SAMPLE_RATE))
        self.loop = loop and self.length is not None and self.length > 0
        self._reader: AudioReader | None = None
        self._silent = False
        self._next = -1  # timeline sample the reader delivers next
        self._media_pos = 0  # samples since trim_start delivered by the reader

    def _open(self, media_pos: int) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        try:
            from .media import AudioReader  # (FFmpeg only once a sound is mixed)

            self._reader = AudioReader(self.path, self.kind, self.trim_start + media_pos / SAMPLE_RATE)
        except MediaError as exc:
            if "no audio stream" not in str(exc):
                raise
            self._silent = True  # a video without sound
        self._media_pos = media_pos

    def _read(self, count: int) -> FloatArray:
        out = np.zeros((CHANNELS, count), dtype=np.float32)
        filled = 0
        while filled < count and not self._silent and self._reader is not None:
            want = count - filled
            if self.length is not None:
                left = self.length - self._media_pos
                if left <= 0:
                    if not self.loop:
                        break
                    self._open(0)
                    continue
                want = min(want, left)
            block = self._reader.read(want)
            out[:, filled : filled + want] = block
            filled += want
            self._media_pos += want
            if self._reader.exhausted:
                if not self.loop:
                    break
                self.length = self._media_pos if self.length is None else min(self.length, self._media_pos)
                self._open(0)
        return out

    def raw(self, first: int, count: int) -> FloatArray:
        out = np.zeros((CHANNELS, count), dtype=np.float32)
        lo = max(first, self.start_sample)
        hi = min(first + count, self.end_sample)
        if hi <= lo or self._silent:
            return out
        if lo != self._next or self._reader is None:
            pos = lo - self.start_sample
            if self.loop and self.length:
                pos %= self.length
            self._open(pos)
        if self._silent:
            return out
        out[:, lo - first : hi - first] = self._read(hi - lo)
        self._next = hi
        return out

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


def duck_gain(t: F64, voices: Sequence[tuple[float, float]], duck: dict[str, float]) -> F64:
    """Gain (level..1) for music at times ``t`` given the voice intervals."""
    level, attack, release = float(duck["level"]), float(duck["attack"]), float(duck["release"])
    gain = np.ones_like(t)
    if level >= 1.0:
        return gain
    for start, end in voices:
        if t[-1] < start or t[0] > end + release:
            continue
        down = np.clip((t - start) / attack, 0.0, 1.0) if attack > 0 else (t >= start).astype(np.float64)
        reached = min(1.0, (end - start) / attack) if attack > 0 else 1.0
        after = np.clip(1.0 - (t - end) / release, 0.0, 1.0) * reached if release > 0 else np.zeros_like(t)
        depth = np.where(t < end, down, after)
        np.minimum(gain, 1.0 - (1.0 - level) * depth, out=gain)
    return gain


class Mixer:
    """Mixes sounds for chunks of the timeline; ``offset`` is the range start in samples."""

    def __init__(self, sounds: Sequence[Sound], offset: int = 0) -> None:
        self.sounds = list(sounds)
        self.offset = offset
        self.voices = sorted((s.start, s.end) for s in self.sounds if s.role == "voice")

    def mix(self, first: int, count: int) -> FloatArray:
        """Output samples ``first .. first+count`` (counted from the start of the output)."""
        start = first + self.offset
        out = np.zeros((CHANNELS, count), dtype=np.float32)
        t: F64 | None = None
        for sound in self.sounds:
            if sound.end_sample <= start or sound.start_sample >= start + count:
                if sound.end_sample <= start:
                    sound.close()
                continue
            if t is None:
                t = (start + np.arange(count, dtype=np.float64)) / SAMPLE_RATE
            gain = sound.gain(t)
            if sound.duck is not None and self.voices:
                gain = gain * duck_gain(t, self.voices, sound.duck)
            out += sound.raw(start, count) * gain.astype(np.float32)
        np.clip(out, -1.0, 1.0, out=out)
        return out

    def close(self) -> None:
        for sound in self.sounds:
            sound.close()
