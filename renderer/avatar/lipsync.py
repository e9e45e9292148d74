"""Lip-sync measured from the rendered media alone: mouth openness from pixels against the speech envelope.

Independent of how the video was made: it needs decoded frames (RGB arrays), the box where the mouth
is, and the decoded audio. Pure numpy.

- Openness of frame n: the fraction of the mouth box that is dark (luma below `dark_luma`): an open
  mouth shows its dark interior, a closed one shows lips and skin.
- Envelope of frame n: the RMS of the audio heard while frame n is on screen, [n / fps, (n + 1) / fps).
- Both are correlated (Pearson) at every lag in [-max_lag, +max_lag] frames. A positive lag means the
  mouth moves *after* the sound (sound early); EBU R37 tolerates sound up to 40 ms early and 60 ms late,
  so +40 ms / -60 ms in this sign.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
MouthBox = tuple[int, int, int, int]


def mouth_openness(frames: Iterable[npt.NDArray[np.uint8]], box: MouthBox, *, dark_luma: float = 80.0) -> F64:
    """Per frame, the fraction of `box` (x0, y0, x1, y1) whose luma (BT.601) is below `dark_luma`."""
    x0, y0, x1, y1 = box
    values: list[float] = []
    for frame in frames:
        region = frame[y0:y1, x0:x1, :3].astype(np.float32)
        luma = region[..., 0] * 0.299 + region[..., 1] * 0.587 + region[..., 2] * 0.114
        values.append(float(np.count_nonzero(luma < dark_luma)) / max(1, luma.size))
    return np.asarray(values, dtype=np.float64)


def speech_envelope(samples: npt.ArrayLike, sample_rate: int, fps: float, frames: int) -> F64:
    """RMS of mono `samples` over each video frame's time on screen (frames past the audio get 0)."""
    audio = np.asarray(samples, dtype=np.float64)
    if audio.ndim > 1:
        audio = audio.mean(axis=0 if audio.shape[0] < audio.shape[1] else 1)
    # Frame boundaries in samples, computed from the absolute frame index (no accumulated rounding).
    edges = np.minimum(np.round(np.arange(frames + 1) * sample_rate / fps).astype(np.int64), audio.size)
    squares = np.concatenate(([0.0], np.cumsum(audio * audio)))
    counts = np.maximum(edges[1:] - edges[:-1], 1)
    energy = (squares[edges[1:]] - squares[edges[:-1]]) / counts
    return np.asarray(np.sqrt(np.maximum(energy, 0.0)), dtype=np.float64)


@dataclass(frozen=True)
class LipSync:
    """The lag that best lines the mouth up with the sound, and how well it does."""

    lag_frames: int  # positive: the mouth moves after the sound
    lag_ms: float
    lag_fine_frames: float  # a parabola through the peak and its neighbours: the lag between frames
    correlation: float  # Pearson correlation at that lag
    at_zero: float  # correlation with no shift
    curve: tuple[tuple[int, float], ...]  # (lag, correlation) for every lag tried
    frames: int
    fps: float


def _pearson(a: F64, b: F64) -> float:
    a = a - a.mean()
    b = b - b.mean()
    denominator = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / denominator) if denominator > 0 else 0.0


def cross_correlate(mouth: npt.ArrayLike, envelope: npt.ArrayLike, fps: float, *, max_lag: int = 10) -> LipSync:
    """Correlate mouth[n + lag] with envelope[n] for lag in [-max_lag, max_lag] over their overlap."""
    m = np.asarray(mouth, dtype=np.float64)
    e = np.asarray(envelope, dtype=np.float64)
    n = min(m.size, e.size)
    if n <= 2 * max_lag + 2:
        raise ValueError(f"need more than {2 * max_lag + 2} frames to try lags of +-{max_lag}, got {n}")
    m, e = m[:n], e[:n]
    curve: list[tuple[int, float]] = []
    for lag in range(-max_lag, max_lag + 1):
        r = _pearson(m[lag:], e[: n - lag]) if lag >= 0 else _pearson(m[: n + lag], e[-lag:])
        curve.append((lag, r))
    best_lag, best = max(curve, key=lambda item: (item[1], -abs(item[0])))
    fine = float(best_lag)
    if -max_lag < best_lag < max_lag:
        left, right = dict(curve)[best_lag - 1], dict(curve)[best_lag + 1]
        bend = left - 2 * best + right
        if bend < 0:
            fine += 0.5 * (left - right) / bend
    return LipSync(
        lag_frames=best_lag,
        lag_ms=best_lag * 1000.0 / fps,
        lag_fine_frames=fine,
        correlation=best,
        at_zero=dict(curve)[0],
        curve=tuple(curve),
        frames=n,
        fps=fps,
    )


def measure(
    frames: Iterable[npt.NDArray[np.uint8]],
    box: MouthBox,
    samples: npt.ArrayLike,
    sample_rate: int,
    fps: float,
    *,
    max_lag: int = 10,
    dark_luma: float = 80.0,
) -> LipSync:
    """Lip-sync of decoded media: openness of `box` in `frames` against the RMS of `samples`."""
    mouth = mouth_openness(frames, box, dark_luma=dark_luma)
    envelope = speech_envelope(samples, sample_rate, fps, mouth.size)
    return cross_correlate(mouth, envelope, fps, max_lag=max_lag)
