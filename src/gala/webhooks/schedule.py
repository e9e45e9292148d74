"""When to try a delivery again: exponential back-off with jitter, for about a day.

The waits are ``Settings.webhook_retry_schedule`` (``WEBHOOK_RETRY_SCHEDULE``; by default 5 s,
5 min, 30 min, 2 h, 5 h and 10 h: seven attempts over about 17.6 h; tests compress them to
fractions of a second). Each wait is stretched or shrunk by up to :data:`JITTER` at random, so
that endpoints recovering together are not all hit at once.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

JITTER = 0.2


def next_delay(schedule: Sequence[float], attempts_made: int, rng: random.Random | None = None) -> float | None:
    """Seconds to wait after ``attempts_made`` attempts failed, or None: no attempt is left."""
    if attempts_made < 1 or attempts_made > len(schedule):
        return None
    base = schedule[attempts_made - 1]
    spread = (rng or random).uniform(-JITTER, JITTER)  # jitter, not a secret
    return max(0.0, base * (1 + spread))
