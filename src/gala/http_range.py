"""Single byte-range requests (RFC 9110 §13.1.5 If-Range, §14 Range) for stored media.

Multiple ranges are answered with the whole representation, which RFC 9110 allows
(a server MAY ignore Range); a syntactically invalid Range is ignored the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime

from gala.errors import RangeNotSatisfiable

_NUMERIC_ZONE = re.compile(r"[+-]\d{4}$")
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE | re.ASCII)


@dataclass(frozen=True)
class Plan:
    status: int
    start: int
    end: int | None  # inclusive; None = to the end
    headers: dict[str, str] = field(default_factory=dict)


def _if_range_matches(if_range: str, etag: str, last_modified: datetime) -> bool:
    value = if_range.strip()
    if value.startswith(('"', "W/")):
        return value == etag  # strong comparison; a weak validator never matches
    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return False
    if date.tzinfo is None:
        # asctime() dates carry no zone and mean GMT (RFC 9110 §5.6.7); "-0000" is an email zone,
        # not an HTTP-date.
        if _NUMERIC_ZONE.search(value):
            return False
        date = date.replace(tzinfo=UTC)
    return int(date.timestamp()) == int(last_modified.timestamp())


def plan_response(
    *, size: int, etag: str, last_modified: datetime, range_header: str | None, if_range: str | None
) -> Plan:
    base = {
        "ETag": etag,
        "Accept-Ranges": "bytes",
        "Last-Modified": format_datetime(last_modified, usegmt=True),
    }
    whole = Plan(200, 0, None, {**base, "Content-Length": str(size)})
    if not range_header:
        return whole
    if if_range is not None and not _if_range_matches(if_range, etag, last_modified):
        return whole
    match = _RANGE.match(range_header)
    if not match:
        return whole
    first, last = match.groups()
    if not first and not last:
        return whole
    if not first:  # suffix range: the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            raise _unsatisfiable(size)
        start, end = max(0, size - length), size - 1
    else:
        start = int(first)
        end = size - 1 if not last else min(int(last), size - 1)
        if last and int(last) < start:
            return whole  # invalid range-spec: ignore the header
        if start >= size:
            raise _unsatisfiable(size)
    headers = {**base, "Content-Range": f"bytes {start}-{end}/{size}", "Content-Length": str(end - start + 1)}
    return Plan(206, start, end, headers)


def _unsatisfiable(size: int) -> RangeNotSatisfiable:
    return RangeNotSatisfiable(
        f"The range is outside the {size} bytes of this asset.", headers={"Content-Range": f"bytes */{size}"}
    )
