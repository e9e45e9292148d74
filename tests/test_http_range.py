"""Unit tests of :func:`gala.http_range.plan_response` (RFC 9110 §13.1.5 If-Range, §14 Range)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from gala.errors import RangeNotSatisfiable
from gala.http_range import Plan, plan_response

SIZE = 1000
ETAG = '"' + "ab" * 32 + '"'
LAST_MODIFIED = datetime(2025, 3, 4, 5, 6, 7, 891011, tzinfo=UTC)
LM_HEADER = "Tue, 04 Mar 2025 05:06:07 GMT"


def plan(range_header: str | None, if_range: str | None = None, *, size: int = SIZE) -> Plan:
    return plan_response(
        size=size, etag=ETAG, last_modified=LAST_MODIFIED, range_header=range_header, if_range=if_range
    )


def assert_whole(p: Plan, size: int = SIZE) -> None:
    assert p.status == 200
    assert (p.start, p.end) == (0, None)
    assert p.headers["Content-Length"] == str(size)
    assert "Content-Range" not in p.headers


def assert_partial(p: Plan, start: int, end: int, size: int = SIZE) -> None:
    assert p.status == 206
    assert (p.start, p.end) == (start, end)
    assert p.headers["Content-Range"] == f"bytes {start}-{end}/{size}"
    assert p.headers["Content-Length"] == str(end - start + 1)


def assert_unsatisfiable(range_header: str, if_range: str | None = None, *, size: int = SIZE) -> None:
    with pytest.raises(RangeNotSatisfiable) as info:
        plan(range_header, if_range, size=size)
    assert info.value.status == 416
    assert info.value.headers == {"Content-Range": f"bytes */{size}"}


# --- common headers ----------------------------------------------------------------------------


@pytest.mark.parametrize("range_header", [None, "bytes=0-9", "bytes=0-1,2-3"])
def test_validators_on_every_plan(range_header: str | None) -> None:
    p = plan(range_header)
    assert p.headers["ETag"] == ETAG
    assert p.headers["Accept-Ranges"] == "bytes"
    assert p.headers["Last-Modified"] == LM_HEADER


@pytest.mark.parametrize("range_header", [None, ""])
def test_no_range_is_whole(range_header: str | None) -> None:
    assert_whole(plan(range_header))


# --- satisfiable ranges ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-0", 0, 0),
        ("bytes=0-499", 0, 499),
        ("bytes=500-999", 500, 999),
        ("bytes=500-", 500, 999),
        ("bytes=999-", 999, 999),
        ("bytes=10-10000", 10, 999),
        ("bytes=0-999999999999999999999999999", 0, 999),
        ("bytes=-1", 999, 999),
        ("bytes=-500", 500, 999),
        ("bytes=-1000", 0, 999),
        ("bytes=-1001", 0, 999),
        ("bytes=-99999999999999999999", 0, 999),
        ("bytes=007-008", 7, 8),  # leading zeros are still 1*DIGIT
        ("Bytes=1-2", 1, 2),
        (" bytes = 1 - 2 ", 1, 2),
    ],
)
def test_single_range(header: str, start: int, end: int) -> None:
    assert_partial(plan(header), start, end)


def test_one_byte_file() -> None:
    assert_partial(plan("bytes=0-0", size=1), 0, 0, size=1)
    assert_partial(plan("bytes=-5", size=1), 0, 0, size=1)
    assert_partial(plan("bytes=0-", size=1), 0, 0, size=1)
    assert_unsatisfiable("bytes=1-", size=1)


# --- unsatisfiable ranges ----------------------------------------------------------------------


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=1000-1000", "bytes=5000-6000", "bytes=-0", "bytes=-000"])
def test_unsatisfiable(header: str) -> None:
    assert_unsatisfiable(header)


@pytest.mark.parametrize("header", ["bytes=0-0", "bytes=0-", "bytes=-1", "bytes=-0"])
def test_empty_representation_has_no_satisfiable_range(header: str) -> None:
    assert_unsatisfiable(header, size=0)


def test_empty_representation_whole() -> None:
    assert_whole(plan(None, size=0), size=0)
    assert_whole(plan("bytes=0-1,2-3", size=0), size=0)


def test_unsatisfiable_message_names_the_size() -> None:
    with pytest.raises(RangeNotSatisfiable) as info:
        plan("bytes=2000-")
    assert "1000" in info.value.detail


# --- ignored ranges ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        "bytes=0-1,3-4",
        "bytes=0-1, 3-4",
        "bytes=-1,-2",
        "bytes=abc",
        "bytes=",
        "bytes=-",
        "bytes= - ",
        "bytes=1-2-3",
        "bytes=+1-2",
        "bytes=1.5-2",
        "bytes=0x10-",
        "bytes=-1-",
        "items=0-1",
        "bytesx=0-1",
        "0-1",
        "=0-1",
        "bytes=5-2",  # last-pos < first-pos (§14.1.1)
        "bytes=999-998",
    ],
)
def test_ignored_range_is_whole(header: str) -> None:
    assert_whole(plan(header))


def test_non_ascii_digits_are_not_digits() -> None:
    assert_whole(plan("bytes=\u0663-\u0664"))


def test_reversed_range_past_the_end_is_ignored_not_416() -> None:
    # An invalid range-spec is ignored before satisfiability is considered.
    assert_whole(plan("bytes=2000-1500"))


# --- If-Range: entity tags ---------------------------------------------------------------------


def test_if_range_current_etag() -> None:
    assert_partial(plan("bytes=0-9", ETAG), 0, 9)
    assert_partial(plan("bytes=0-9", f"  {ETAG}  "), 0, 9)


@pytest.mark.parametrize(
    "if_range",
    [
        '"other"',
        '""',
        f"W/{ETAG}",  # weak never matches (strong comparison, §8.8.3.2)
        ETAG.strip('"'),  # unquoted
        ETAG[:-1],  # unterminated
        f"{ETAG}, {ETAG}",  # If-Range takes one validator, not a list
        "*",
        "",
    ],
)
def test_if_range_etag_mismatch_is_whole(if_range: str) -> None:
    assert_whole(plan("bytes=0-9", if_range))


def test_if_range_mismatch_beats_unsatisfiable() -> None:
    assert_whole(plan("bytes=5000-", '"other"'))
    assert_unsatisfiable("bytes=5000-", ETAG)


def test_if_range_without_range_is_whole() -> None:
    assert_whole(plan(None, ETAG))
    assert_whole(plan(None, '"other"'))


# --- If-Range: dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "if_range",
    [
        LM_HEADER,  # IMF-fixdate
        "Tuesday, 04-Mar-25 05:06:07 GMT",  # obsolete RFC 850 format
        "tue, 04 mar 2025 05:06:07 gmt",
        " Tue, 04 Mar 2025 05:06:07 GMT ",
    ],
)
def test_if_range_date_equal_to_last_modified(if_range: str) -> None:
    assert_partial(plan("bytes=-10", if_range), 990, 999)


def test_if_range_asctime_date_equal_to_last_modified() -> None:
    assert_partial(plan("bytes=-10", "Tue Mar  4 05:06:07 2025"), 990, 999)


@pytest.mark.parametrize(
    "if_range",
    [
        "Tue, 04 Mar 2025 05:06:06 GMT",  # one second earlier
        "Tue, 04 Mar 2025 05:06:08 GMT",  # one second later: still not an exact match
        "Mon, 03 Mar 2025 05:06:07 GMT",
        format_datetime(LAST_MODIFIED - timedelta(days=365), usegmt=True),
        "Thu, 01 Jan 1970 00:00:00 GMT",
    ],
)
def test_if_range_other_date_is_whole(if_range: str) -> None:
    assert_whole(plan("bytes=-10", if_range))


@pytest.mark.parametrize(
    "if_range",
    [
        "not a date",
        "Tue, 32 Mar 2025 05:06:07 GMT",  # day out of range
        "Tue, 04 Foo 2025 05:06:07 GMT",
        "Tue, 04 Mar 2025 25:06:07 GMT",
        "Tue, 04 Mar 2025",
        "2025-03-04T05:06:07Z",  # ISO 8601 is not an HTTP-date
        "1741064767",
        "Tue, 04 Mar 2025 05:06:07 -0000",  # parses naive (zone unknown): not an HTTP-date
    ],
)
def test_if_range_invalid_date_is_whole(if_range: str) -> None:
    assert_whole(plan("bytes=-10", if_range))


def test_if_range_date_ignores_sub_second_precision() -> None:
    # Last-Modified carries seconds only; a date equal to it to the second matches.
    for micro in (0, 1, 999_999):
        p = plan_response(
            size=SIZE,
            etag=ETAG,
            last_modified=LAST_MODIFIED.replace(microsecond=micro),
            range_header="bytes=0-0",
            if_range=LM_HEADER,
        )
        assert_partial(p, 0, 0)


def test_if_range_date_with_unsatisfiable_range_is_416() -> None:
    assert_unsatisfiable("bytes=1000-", LM_HEADER)
