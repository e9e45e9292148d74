"""``GET /assets/{id}/content``: whole bodies, single byte ranges, If-Range (RFC 9110 §13.1.5, §14)."""

from __future__ import annotations

import gc
import hashlib
import os
import warnings
from datetime import timedelta
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import quote, unquote

import pytest

from tests.api import media

# Uploads must be media: 8-bit PCM takes any bytes as samples, so the payload stays distinguishable.
PAYLOAD = bytes(range(256)) * 4 + b"tail-of-the-file"
DATA = media.wav(PAYLOAD)  # 1084 bytes
OTHER = media.wav(PAYLOAD[::-1])  # different bytes, same length
N = len(DATA)


def _upload(client: Any, data: bytes, **form: str) -> dict[str, Any]:
    r = client.post("/assets", files={"file": ("x.bin", data)}, data=form or None)
    assert r.status_code == 201, r.text
    return r.json()


@pytest.fixture
def asset(client: Any) -> dict[str, Any]:
    return _upload(client, DATA)


def _get(client: Any, asset: dict[str, Any], **headers: str) -> Any:
    return client.get(asset["content_url"], headers=headers)


def _assert_whole(r: Any, data: bytes = DATA) -> None:
    assert r.status_code == 200, dict(r.headers)
    assert r.content == data
    assert r.headers["Content-Length"] == str(len(data))
    assert "Content-Range" not in r.headers


def _assert_partial(r: Any, start: int, end: int, data: bytes = DATA) -> None:
    assert r.status_code == 206, dict(r.headers)
    assert r.headers["Content-Range"] == f"bytes {start}-{end}/{len(data)}"
    assert r.headers["Content-Length"] == str(end - start + 1)
    assert r.content == data[start : end + 1]


def _assert_416(r: Any, size: int) -> None:
    assert r.status_code == 416, r.text
    assert r.headers["Content-Range"] == f"bytes */{size}"
    assert r.headers["Content-Type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == 416
    assert body["title"]


# --- the whole representation ------------------------------------------------------------------


def test_whole_body_and_headers(client: Any, asset: dict[str, Any]) -> None:
    r = _get(client, asset)
    _assert_whole(r)
    assert hashlib.sha256(r.content).hexdigest() == asset["sha256"] == hashlib.sha256(DATA).hexdigest()
    assert asset["size_bytes"] == N
    assert r.headers["Content-Type"].split(";")[0] == asset["mime"]
    assert r.headers["ETag"] == f'"{asset["sha256"]}"'
    assert r.headers["Accept-Ranges"] == "bytes"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Content-Disposition"].startswith("attachment;")
    last_modified = parsedate_to_datetime(r.headers["Last-Modified"])
    assert last_modified.tzinfo is not None
    assert r.headers["Last-Modified"].endswith(" GMT")
    # Last-Modified is the creation time, to the second.
    created = parsedate_to_datetime(format_datetime(last_modified, usegmt=True))
    assert abs(created - last_modified) < timedelta(seconds=1)


def test_range_header_absent_means_whole_even_with_if_range(client: Any, asset: dict[str, Any]) -> None:
    # RFC 9110 §13.1.5: If-Range without Range is ignored.
    r = _get(client, asset, **{"If-Range": f'"{asset["sha256"]}"'})
    _assert_whole(r)


def test_unknown_asset_is_404(client: Any) -> None:
    r = client.get("/assets/01a20cab-00cd-7dfe-9dcd-3dc0e5423c02/content")
    assert r.status_code == 404
    r = client.get("/assets/01a20cab-00cd-7dfe-9dcd-3dc0e5423c02/content", headers={"Range": "bytes=0-0"})
    assert r.status_code == 404


# --- satisfiable single ranges -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-0", 0, 0),
        ("bytes=0-1", 0, 1),
        ("bytes=100-199", 100, 199),  # middle
        ("bytes=10-", 10, N - 1),  # open
        (f"bytes={N - 1}-", N - 1, N - 1),  # last byte, open
        (f"bytes={N - 1}-{N - 1}", N - 1, N - 1),
        ("bytes=1000-99999", 1000, N - 1),  # end past the size is clamped
        ("bytes=0-99999999999999999999999", 0, N - 1),
        (f"bytes=0-{N - 1}", 0, N - 1),  # the whole file as a range
        ("bytes=-5", N - 5, N - 1),  # suffix
        ("bytes=-1", N - 1, N - 1),
        (f"bytes=-{N}", 0, N - 1),
        (f"bytes=-{N + 500}", 0, N - 1),  # suffix longer than the file
        ("BYTES=3-4", 3, 4),  # range units are case-insensitive (§14.1)
    ],
)
def test_single_range(client: Any, asset: dict[str, Any], header: str, start: int, end: int) -> None:
    r = _get(client, asset, Range=header)
    _assert_partial(r, start, end)
    assert r.headers["ETag"] == f'"{asset["sha256"]}"'
    assert r.headers["Accept-Ranges"] == "bytes"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "Last-Modified" in r.headers
    assert r.headers["Content-Type"].split(";")[0] == asset["mime"]


# --- unsatisfiable ranges ----------------------------------------------------------------------


@pytest.mark.parametrize("header", [f"bytes={N}-", f"bytes={N}-{N + 10}", "bytes=5000-", "bytes=-0"])
def test_unsatisfiable_range_is_416(client: Any, asset: dict[str, Any], header: str) -> None:
    _assert_416(_get(client, asset, Range=header), N)


def test_unsatisfiable_range_with_stale_if_range_is_whole(client: Any, asset: dict[str, Any]) -> None:
    # A failed If-Range means the Range is ignored altogether, so there is nothing to be unsatisfiable.
    r = _get(client, asset, Range=f"bytes={N}-", **{"If-Range": '"stale"'})
    _assert_whole(r)


# --- ranges the server ignores (answered with the whole representation) ------------------------


@pytest.mark.parametrize(
    "header",
    [
        "bytes=0-1,3-4",  # multiple ranges
        "bytes=0-1, 5-",
        "bytes=abc",
        "bytes=",
        "bytes=-",
        "bytes=1-2-3",
        "bytes=+1-2",
        "bytes=0x1-2",
        "items=0-1",  # unknown unit
        "0-1",
        "bytes=5-2",  # last-pos < first-pos: invalid (§14.1.1)
        "",
    ],
)
def test_ignored_range_gives_whole(client: Any, asset: dict[str, Any], header: str) -> None:
    _assert_whole(_get(client, asset, Range=header))


# --- If-Range ----------------------------------------------------------------------------------


def test_if_range_current_etag_gives_partial(client: Any, asset: dict[str, Any]) -> None:
    r = _get(client, asset, Range="bytes=2-9", **{"If-Range": f'"{asset["sha256"]}"'})
    _assert_partial(r, 2, 9)


@pytest.mark.parametrize(
    "if_range",
    [
        '"0000000000000000000000000000000000000000000000000000000000000000"',
        '"stale"',
        "{sha}",  # unquoted: not an entity-tag, not a date
        'W/"{sha}"',  # weak: If-Range uses the strong comparison (§13.1.5, §8.8.3.2)
        '"{sha}", "{sha}"',
        "not a date",
    ],
)
def test_if_range_mismatch_gives_whole(client: Any, asset: dict[str, Any], if_range: str) -> None:
    r = _get(client, asset, Range="bytes=2-9", **{"If-Range": if_range.format(sha=asset["sha256"])})
    _assert_whole(r)


def test_if_range_date_equal_to_last_modified_gives_partial(client: Any, asset: dict[str, Any]) -> None:
    last_modified = _get(client, asset).headers["Last-Modified"]
    r = _get(client, asset, Range="bytes=-3", **{"If-Range": last_modified})
    _assert_partial(r, N - 3, N - 1)


def test_if_range_rfc850_date_gives_partial(client: Any, asset: dict[str, Any]) -> None:
    when = parsedate_to_datetime(_get(client, asset).headers["Last-Modified"])
    r = _get(client, asset, Range="bytes=0-3", **{"If-Range": when.strftime("%A, %d-%b-%y %H:%M:%S GMT")})
    _assert_partial(r, 0, 3)


def test_if_range_asctime_date_gives_partial(client: Any, asset: dict[str, Any]) -> None:
    when = parsedate_to_datetime(_get(client, asset).headers["Last-Modified"])
    r = _get(client, asset, Range="bytes=0-3", **{"If-Range": when.strftime("%a %b %e %H:%M:%S %Y")})
    _assert_partial(r, 0, 3)


@pytest.mark.parametrize("delta", [timedelta(hours=-1), timedelta(seconds=-1), timedelta(seconds=1)])
def test_if_range_other_date_gives_whole(client: Any, asset: dict[str, Any], delta: timedelta) -> None:
    # §13.1.5: a date validator matches only if it is exactly the Last-Modified time.
    when = parsedate_to_datetime(_get(client, asset).headers["Last-Modified"]) + delta
    r = _get(client, asset, Range="bytes=2-9", **{"If-Range": format_datetime(when, usegmt=True)})
    _assert_whole(r)


def test_if_range_after_content_changes(client: Any) -> None:
    # Two assets, different bytes: the first one's ETag is stale for the second.
    first = _upload(client, DATA)
    second = _upload(client, OTHER)
    r = _get(client, second, Range="bytes=0-3", **{"If-Range": f'"{first["sha256"]}"'})
    _assert_whole(r, OTHER)
    r = _get(client, second, Range="bytes=0-3", **{"If-Range": f'"{second["sha256"]}"'})
    _assert_partial(r, 0, 3, OTHER)


# --- the empty representation ------------------------------------------------------------------


def test_empty_file(app: Any, client: Any) -> None:
    # An empty upload is refused now (not media); stored bytes can still be empty (older assets).
    empty = media.store(app, b"")
    assert empty["size_bytes"] == 0
    assert empty["sha256"] == hashlib.sha256(b"").hexdigest()
    r = _get(client, empty)
    _assert_whole(r, b"")
    assert r.headers["ETag"] == f'"{empty["sha256"]}"'
    _assert_416(_get(client, empty, Range="bytes=0-0"), 0)
    _assert_416(_get(client, empty, Range="bytes=0-"), 0)
    # A range that is ignored is still a plain 200.
    _assert_whole(_get(client, empty, Range="bytes=0-1,2-3"), b"")


# --- Content-Disposition -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fallback"),
    [
        ("vídeo ñ.bin", "v_deo _.bin"),
        ("plain.bin", "plain.bin"),
        ('quo"te\\s.bin', "quo_te_s.bin"),
        ("日本語.mp4", "___.mp4"),
    ],
)
def test_content_disposition_utf8_name(client: Any, name: str, fallback: str) -> None:
    created = _upload(client, media.wav(b"abc"), name=name)
    assert created["name"] == name
    disposition = _get(client, created).headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(name, safe='')}" in disposition
    assert f'filename="{fallback}"' in disposition
    # The header itself stays ASCII.
    disposition.encode("ascii")
    # The filename* value decodes back to the stored name.
    encoded = disposition.split("filename*=UTF-8''", 1)[1].split(";", 1)[0]

    assert unquote(encoded, encoding="utf-8", errors="strict") == name


def test_content_disposition_default_name_from_upload(client: Any) -> None:
    r = client.post("/assets", files={"file": ("clip ñ.bin", media.wav(b"abc"))})
    assert r.status_code == 201, r.text
    disposition = _get(client, r.json()).headers["Content-Disposition"]
    assert f"filename*=UTF-8''{quote(r.json()['name'], safe='')}" in disposition


# --- reassembly from ranges --------------------------------------------------------------------


def test_reassemble_from_256k_ranges(client: Any) -> None:
    data = media.wav(os.urandom(3 * 1024 * 1024 + 12345))
    created = _upload(client, data)
    assert created["sha256"] == hashlib.sha256(data).hexdigest()
    size = created["size_bytes"]
    assert size == len(data)
    step = 256 * 1024
    digest = hashlib.sha256()
    parts = 0
    for start in range(0, size, step):
        r = _get(
            client,
            created,
            Range=f"bytes={start}-{start + step - 1}",
            **{"If-Range": f'"{created["sha256"]}"'},
        )
        end = min(start + step, size) - 1
        assert r.status_code == 206
        assert r.headers["Content-Range"] == f"bytes {start}-{end}/{size}"
        assert len(r.content) == end - start + 1
        digest.update(r.content)
        parts += 1
    assert parts == -(-size // step)
    assert digest.hexdigest() == created["sha256"]
    _assert_416(_get(client, created, Range=f"bytes={size}-"), size)


# --- HEAD --------------------------------------------------------------------------------------


# HEAD leaves the stored file to the garbage collector (see test_head_closes_the_stored_file); these
# tests check the headers only, so that warning is not theirs to report.
_IGNORE_LEAK = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@_IGNORE_LEAK[0]
@_IGNORE_LEAK[1]
def test_head_mirrors_get_headers_without_body(client: Any, asset: dict[str, Any]) -> None:
    got = _get(client, asset)
    r = client.head(asset["content_url"])
    assert r.status_code == 200
    assert r.content == b""
    for name in (
        "Content-Type",
        "Content-Length",
        "ETag",
        "Accept-Ranges",
        "Last-Modified",
        "X-Content-Type-Options",
        "Content-Disposition",
    ):
        assert r.headers[name] == got.headers[name], name


def test_head_unknown_asset_is_404(client: Any) -> None:
    r = client.head("/assets/01a20cab-00cd-7dfe-9dcd-3dc0e5423c02/content")
    assert r.status_code == 404


@_IGNORE_LEAK[0]
@_IGNORE_LEAK[1]
def test_head_ignores_range(client: Any, asset: dict[str, Any]) -> None:
    r = client.head(asset["content_url"], headers={"Range": "bytes=0-0"})
    assert r.status_code == 200
    assert "Content-Range" not in r.headers
    assert r.headers["Content-Length"] == str(N)


def test_head_closes_the_stored_file(client: Any, asset: dict[str, Any]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        r = client.head(asset["content_url"])
        del r
        gc.collect()
    leaks = [w for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaks == [], [str(w.message) for w in leaks]


def test_get_closes_the_stored_file(client: Any, asset: dict[str, Any]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        for headers in ({}, {"Range": "bytes=1-2"}, {"Range": "bytes=-4"}):
            r = client.get(asset["content_url"], headers=headers)
            assert r.status_code in (200, 206)
            del r
        gc.collect()
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
