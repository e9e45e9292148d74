"""Client mistakes get a clear 4xx problem document, never a 500, and change nothing."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"]
    return body


def count_templates(client: Any) -> int:
    """Templates a test created (the built-in hello template is always there)."""
    items = client.get("/templates", params={"limit": 100}).json()["items"]
    return sum(1 for t in items if t["labels"].get("builtin") != "true")


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        (b'{"name": "a", "composition": {"version": 2}', "not valid JSON"),
        (b'{"name": "\xff", "composition": {"version": 2}}', "not valid UTF-8"),
        (b'{"name": "a\\u0000b", "composition": {"version": 2}}', "NUL"),
        (b'{"name": "\\ud800", "composition": {"version": 2}}', "surrogate"),
        (b'{"name": "a", "composition": {"version": NaN}}', "not valid JSON"),
        (b"", "must not be empty"),  # an empty body where one is required
    ],
)
def test_malformed_bodies_are_400(client: Any, raw: bytes, needle: str) -> None:
    r = client.post("/templates", content=raw, headers={"content-type": "application/json"})
    body = assert_problem(r, 400)
    assert needle in body["detail"] + "".join(e["detail"] for e in body.get("errors", []))
    assert count_templates(client) == 0


def test_nul_in_key_is_named_by_pointer(client: Any) -> None:
    r = client.post(
        "/templates",
        content=b'{"name": "a", "labels": {"k\\u0000": "v"}, "composition": {"version": 2}}',
        headers={"content-type": "application/json"},
    )
    assert assert_problem(r, 400)["errors"][0]["pointer"] == "/labels/k\x00"


def test_nul_in_query_and_path(client: Any) -> None:
    assert_problem(client.get("/jobs", params={"cursor": "a\x00b"}), 400)
    assert_problem(client.get("/jobs/%00"), 400)


def test_schema_violation_is_422_with_pointer(client: Any) -> None:
    r = client.post(
        "/templates", json={"name": "", "composition": {"version": 2, "tracks": [{"clips": [{"type": "text"}]}]}}
    )
    pointers = {e["pointer"] for e in assert_problem(r, 422)["errors"]}
    assert "/name" in pointers
    assert any(p.startswith("/composition/tracks/0/clips/0") for p in pointers)


def test_unknown_ids_are_404(client: Any) -> None:
    unknown = uuid.uuid4()
    for path in (
        f"/jobs/{unknown}",
        f"/templates/{unknown}",
        f"/models/{unknown}",
        f"/assets/{unknown}",
        f"/assets/{unknown}/content",
    ):
        assert_problem(client.get(path), 404)
    assert_problem(client.post(f"/jobs/{unknown}/cancel"), 404)
    assert_problem(client.delete(f"/models/{unknown}"), 404)


def test_unknown_path_is_404(client: Any) -> None:
    assert_problem(client.get("/nowhere"), 404)


def test_wrong_method_is_405_with_allow(client: Any) -> None:
    r = client.put("/jobs", json={})
    assert_problem(r, 405)
    assert set(r.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    r = client.post(f"/jobs/{uuid.uuid4()}", json={})
    assert_problem(r, 405)
    assert "GET" in r.headers["allow"]


def test_too_large_body_is_413(client: Any) -> None:
    big = b'{"name": "' + b"x" * (2 << 20) + b'", "composition": {"version": 2}}'
    assert_problem(client.post("/templates", content=big, headers={"content-type": "application/json"}), 413)


def test_too_large_chunked_body_is_413(client: Any) -> None:
    def chunks() -> Any:
        yield b'{"name": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'", "composition": {"version": 2}}'

    r = client.post("/templates", content=chunks(), headers={"content-type": "application/json"})
    assert_problem(r, 413)
    assert count_templates(client) == 0


def test_wrong_content_type_is_415(client: Any) -> None:
    assert_problem(client.post("/templates", content=b"name=x", headers={"content-type": "text/plain"}), 415)


def test_upload_without_file_is_400(client: Any) -> None:
    assert_problem(client.post("/assets", data={"name": "x"}, files={"other": ("a", b"1")}), 400)


def test_upload_too_large_is_413_and_stores_nothing(app: Any, client: Any) -> None:
    from gala.config import Settings

    rt = app.app.extensions["gala"]
    rt.settings = Settings(
        data_dir=rt.settings.data_dir, database_url=rt.settings.database_url, asset_max_upload_bytes=1000
    )
    r = client.post("/assets", files={"file": ("a.bin", b"\0" * 5000)})
    assert_problem(r, 413)
    assert client.get("/assets").json()["items"] == []
    storage_root = rt.settings.storage_local_root
    assert not storage_root.exists() or not any(p.is_file() for p in storage_root.rglob("*"))
