"""Retrying remote storage calls: truncated exponential back-off with jitter, and retry counting."""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Counted here always (tests and `gala storage check` read it in-process) and, when the metrics
# module is there, as the Prometheus counter gala_storage_upload_retries_total{provider}.
UPLOAD_RETRIES: Counter[str] = Counter()
_metrics_hook: Callable[[str], None] | None
try:
    from gala.metrics import storage_upload_retry as _metrics_hook
except ImportError:  # a build without the metrics module: the local counter is enough
    _metrics_hook = None

# Honour a server's Retry-After up to this long; a longer wait is better spent failing the attempt
# (the job is retried later, with its staging file kept).
MAX_RETRY_AFTER_SECONDS = 300.0


def count_upload_retry(provider: str) -> None:
    UPLOAD_RETRIES[provider] += 1
    if _metrics_hook is not None:
        _metrics_hook(provider)


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
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
