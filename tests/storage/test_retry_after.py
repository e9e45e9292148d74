"""Retry-After as a remote store sends it: delta-seconds, an HTTP date, or junk (ignored)."""

from __future__ import annotations

from gala.storage.retry import parse_retry_after


def test_retry_after_takes_ascii_delta_seconds_and_ignores_junk() -> None:
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 12 ") == 12.0
    assert parse_retry_after("³") is None  # a digit to str.isdigit(), not to float()
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a date in the past
