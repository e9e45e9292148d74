"""Keyframes and easing, evaluated for one time or a whole numpy array of times."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]


def ease(name: str, u: F64) -> F64:
    """Map progress ``u`` (0..1) through the easing ``name``."""
    if name == "ease_in":
        return u * u
    if name == "ease_out":
        return 1.0 - (1.0 - u) * (1.0 - u)
    if name == "ease_in_out":
        return u * u * (3.0 - 2.0 * u)
    if name == "hold":
        return np.where(u >= 1.0, 1.0, 0.0)
    return u


def ease1(name: str, u: float) -> float:
    return float(ease(name, np.asarray([min(1.0, max(0.0, u))], dtype=np.float64))[0])


def evaluate(frames: Sequence[dict[str, Any]], t: F64) -> F64:
    """Values of a keyframe list at times ``t`` (seconds from the clip start).

    Before the first keyframe the first value holds; after the last, the last
    one.  A keyframe's ``easing`` shapes the segment that starts at it.
    """
    times = np.asarray([float(f["t"]) for f in frames], dtype=np.float64)
    values = np.asarray([float(f["value"]) for f in frames], dtype=np.float64)
    if len(frames) == 1:
        return np.full_like(t, values[0], dtype=np.float64)
    seg = np.clip(np.searchsorted(times, t, side="right") - 1, 0, len(frames) - 2)
    t0, t1 = times[seg], times[seg + 1]
    u = np.clip((t - t0) / (t1 - t0), 0.0, 1.0)
    eased = np.empty_like(u)
    for i, frame in enumerate(frames[:-1]):
        mask = seg == i
        if mask.any():
            eased[mask] = ease(str(frame.get("easing", "linear")), u[mask])
    return values[seg] + (values[seg + 1] - values[seg]) * eased


def evaluate1(frames: Sequence[dict[str, Any]], t: float) -> float:
    return float(evaluate(frames, np.asarray([t], dtype=np.float64))[0])
