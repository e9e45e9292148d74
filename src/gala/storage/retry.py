"""Retrying remote storage calls: truncated exponential back-off with jitter.

Each retried upload is reported through the ``on_upload_retry`` callback a provider is built with
(:class:`gala.storage.provider.Retries`); the process wires it to its metrics.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Honour a server's Retry-After up to this long; a longer wait is better spent failing the attempt
# (the job is retried later, with its staging file kept).
MAX_RETRY_AFTER_SECONDS = 300.0


@dataclass
class Backoff:
    """``attempt`` n (1-based) waits min(cap, base * 2**(n-1)) scaled by a random factor in [0.5, 1].

    The jitter spreads retries from many workers apart; the cap keeps a long outage from growing
    the wait without bound. A server's ``Retry-After`` wins when it is given.
    """

    max_retries: int = 6
    base_seconds: float = 0.5
    cap_seconds: float = 32.0
    sleep: Callable[[float], None] = time.sleep
    rand: Callable[[], float] = field(default=random.random)

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        if retry_after is not None:
            return max(0.0, min(retry_after, MAX_RETRY_AFTER_SECONDS))
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** (attempt - 1))
        return float(ceiling * (0.5 + 0.5 * self.rand()))

    def wait(self, attempt: int, retry_after: float | None = None) -> float:
        seconds = self.delay(attempt, retry_after)
        self.sleep(seconds)
        return seconds


def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # isdigit() alone takes "³", which float() refuses
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
