"""API keys at the door (issue 11 §4): 401 without a valid key, 403 for a scope too low, revoked
keys refused at once, tokens never stored in clear, the per-key cap on queued jobs; auth on or
off by API_AUTH and the bind address. Real app, real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from gala.config import ConfigError, Settings, is_loopback
from gala.db import Base
from gala.orm import ApiKey, Job
from gala.runtime import Runtime
from gala.services import keys
from gala.services.builtin import HELLO_ID

PROBLEM = "application/problem+json"


@pytest.fixture
def secured(settings: Settings) -> Iterator[tuple[Any, Runtime]]:
    from gala.app import create_app

    app = create_app(settings.replace(api_auth="required", api_key_max_queued_jobs=2))
    yield app, app.app.extensions["gala"]
    app.app.extensions["gala"].close()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def secret_of(token: str) -> str:
    parsed = keys.parse(token)
    assert parsed is not None
    return parsed[1]


def template_body(name: str = "Promo") -> dict[str, Any]:
    composition = {"version": 2, "output": {"size": {"width": 32, "height": 32}, "duration": 1}, "tracks": []}
    return {"name": name, "composition": composition}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}, bearer("not-a-gala-key")],
    ids=["none", "basic", "empty-bearer", "garbage"],
)
def test_no_valid_key_is_401_problem_with_www_authenticate(
    secured: tuple[Any, Runtime], headers: dict[str, str]
) -> None:
    client = secured[0].test_client()
    for method, path in (("GET", "/jobs"), ("POST", "/templates"), ("GET", f"/templates/{HELLO_ID}")):
        r = client.request(method, path, headers=headers, json=template_body() if method == "POST" else None)
        assert_problem(r, 401)
        assert r.headers["www-authenticate"].startswith("Bearer")


def test_unknown_key_and_wrong_secret_are_401(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    client = app.test_client()
    _, token = keys.create(rt, "admin")
    unknown = f"gala_{uuid.uuid4().hex}_{secret_of(token)}"
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (unknown, tampered):
        r = client.get("/jobs", headers=bearer(bad))
        assert_problem(r, 401)
        assert 'error="invalid_token"' in r.headers["www-authenticate"]
    assert client.get("/jobs", headers=bearer(token)).status_code == 200


def test_scopes_are_levels_and_the_wrong_one_is_403(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    client = app.test_client()
    read = keys.create(rt, "read", "reader")[1]
    write = keys.create(rt, "write")[1]
    admin = keys.create(rt, "admin")[1]

    assert client.get("/templates", headers=bearer(read)).status_code == 200
    body = assert_problem(client.post("/templates", json=template_body(), headers=bearer(read)), 403)
    assert "'write' scope" in body["detail"]
    for token in (write, admin):
        assert client.post("/templates", json=template_body(), headers=bearer(token)).status_code == 201
        assert client.get("/templates", headers=bearer(token)).status_code == 200


def test_a_revoked_key_is_401_at_once(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    client = app.test_client()
    key, token = keys.create(rt, "write")
    assert client.get("/jobs", headers=bearer(token)).status_code == 200
    keys.revoke(rt, key.id)
    keys.revoke(rt, key.id)  # twice is a no-op
    assert_problem(client.get("/jobs", headers=bearer(token)), 401)


def test_health_and_the_contract_stay_open(secured: tuple[Any, Runtime]) -> None:
    client = secured[0].test_client()
    assert client.get("/health").status_code == 200
    assert client.get("/health/ready").status_code in (200, 503)  # open either way: never 401
    document = client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert document["security"] == [{"bearerAuth": ["admin"]}]


def test_metrics_need_a_read_key(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    client = app.test_client()
    r = client.get("/metrics")
    assert_problem(r, 401)
    assert r.headers["www-authenticate"].startswith("Bearer")
    r = client.get("/metrics", headers=bearer(keys.create(rt, "read")[1]))
    assert r.status_code == 200
    assert "gala_" in r.text


def test_last_used_at_is_recorded(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    key, token = keys.create(rt, "read")
    assert key.last_used_at is None
    app.test_client().get("/jobs", headers=bearer(token))
    with rt.sessions() as session:
        assert session.get(ApiKey, key.id).last_used_at is not None  # type: ignore[union-attr]


def test_tokens_are_not_stored_in_clear(secured: tuple[Any, Runtime], settings: Settings) -> None:
    app, rt = secured
    made = [keys.create(rt, scope, f"k-{scope}") for scope in keys.SCOPES]
    client = app.test_client()
    for _, token in made:
        assert client.get("/jobs", headers=bearer(token)).status_code == 200  # stored well enough to check
    secrets_ = [secret_of(token) for _, token in made]
    # Every row of every table, as text: neither a token nor its secret part appears.
    dump = []
    with rt.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            dump.extend(repr(tuple(row)) for row in conn.execute(select(table)))
        if conn.dialect.name == "postgresql":
            dump.extend(repr(r) for r in conn.execute(text("SELECT * FROM api_keys")))
    joined = "\n".join(dump)
    assert all(str(key.id) in joined for key, _ in made)  # the rows are in the dump
    for secret in secrets_:
        assert secret not in joined
    # And the database file itself (SQLite): not in its bytes, WAL included.
    if rt.engine.dialect.name == "sqlite":
        rt.engine.dispose()
        database = Path(str(rt.engine.url.database))
        raw = b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
        for secret in secrets_:
            assert secret.encode() not in raw


def test_per_key_cap_on_queued_jobs_is_429_with_retry_after(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    client = app.test_client()
    first, first_token = keys.create(rt, "write")
    other_token = keys.create(rt, "write")[1]
    body = {"template_id": str(HELLO_ID), "params": {"title": "x"}}
    for _ in range(2):  # API_KEY_MAX_QUEUED_JOBS=2 in this app
        assert client.post("/jobs", json=body, headers=bearer(first_token)).status_code == 201
    r = client.post("/jobs", json=body, headers=bearer(first_token))
    assert "API_KEY_MAX_QUEUED_JOBS" in assert_problem(r, 429)["detail"]
    assert int(r.headers["retry-after"]) > 0
    # Another key has its own allowance; the jobs remember who made them.
    assert client.post("/jobs", json=body, headers=bearer(other_token)).status_code == 201
    with rt.sessions() as session:
        owners = [row.api_key_id for row in session.scalars(select(Job))]
    assert owners.count(first.id) == 2
    assert len(owners) == 3


def test_auto_means_required_unless_bound_to_loopback(settings: Settings) -> None:
    assert [is_loopback(h) for h in ("127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost")] == [True] * 5
    assert [is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.10", "api", "")] == [False] * 5
    assert not settings.auth_required  # the default: auto on 127.0.0.1
    assert settings.replace(api_host="0.0.0.0").auth_required
    assert not settings.replace(api_host="0.0.0.0", api_auth="off").auth_required
    assert settings.replace(api_auth="required").auth_required
    assert Settings.from_env({"API_AUTH": "Required"}).api_auth == "required"
    with pytest.raises(ConfigError, match="API_AUTH"):
        Settings.from_env({"API_AUTH": "maybe"})


def test_off_on_loopback_serves_an_open_contract(client: Any) -> None:
    """The default test app (auto, 127.0.0.1): no key needed, and its contract says so."""
    assert client.get("/jobs").status_code == 200
    document = client.get("/openapi.json").json()
    assert "security" not in document
    assert all("security" not in op for item in document["paths"].values() for op in item.values())


def test_a_non_loopback_bind_requires_keys(settings: Settings) -> None:
    from gala.app import create_app

    app = create_app(settings.replace(api_host="0.0.0.0"))
    try:
        assert_problem(app.test_client().get("/jobs"), 401)
    finally:
        app.app.extensions["gala"].close()


def test_every_operation_names_its_scope() -> None:
    """GETs need read, other methods write; only /health* are open (the contract is the one owner)."""
    import yaml

    document = yaml.safe_load((Path(__file__).parents[2] / "openapi" / "gala.yaml").read_text())
    assert document["security"] == [{"bearerAuth": ["admin"]}]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            if path.startswith("/health"):
                assert operation["security"] == [], path
                continue
            expected = "read" if method == "get" else "write"
            assert operation.get("security", document["security"]) in (
                [{"bearerAuth": [expected]}],
                [{"bearerAuth": ["admin"]}],
            ), f"{method} {path}"
            assert {"401", "403"} <= set(operation["responses"]), f"{method} {path}"


def test_tokens_are_high_entropy_and_parse() -> None:
    key_id = uuid.uuid4()
    assert keys.parse(f"gala_{key_id.hex}_a_b-c") == (key_id, "a_b-c")  # the secret may hold "_"
    assert keys.parse("gala_nothex_secret") is None
    assert keys.parse("other_" + uuid.uuid4().hex + "_s") is None
    assert keys.SECRET_BYTES >= 32
    assert [keys.grants("write", s) for s in keys.SCOPES] == [True, True, False]


def test_swagger_ui_on_its_own_origin_can_send_the_key(settings: Settings) -> None:
    """Compose: Swagger UI on :8081 calls :8080 with Authorization; the preflight needs no key."""
    from gala.app import create_app

    origin = "http://localhost:8081"
    app = create_app(settings.replace(api_auth="required", api_cors_origins=(origin,)))
    try:
        client = app.test_client()
        preflight = client.options(
            "/jobs",
            headers={
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization,content-type",
            },
        )
        assert preflight.status_code == 200
        assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
        refused = client.get("/jobs", headers={"Origin": origin})
        assert_problem(refused, 401)
        assert refused.headers["access-control-allow-origin"] == origin
        assert "www-authenticate" in refused.headers["access-control-expose-headers"].lower()
    finally:
        app.app.extensions["gala"].close()


def test_keys_api_is_admin_only_and_never_shows_a_token(secured: tuple[Any, Runtime]) -> None:
    app, rt = secured
    client = app.test_client()
    admin = keys.create(rt, "admin")[1]
    writer = keys.create(rt, "write")[1]
    assert_problem(client.get("/keys", headers=bearer(writer)), 403)
    assert_problem(client.post("/keys", json={"scope": "read"}, headers=bearer(writer)), 403)

    made = client.post("/keys", json={"scope": "read", "name": "from-api"}, headers=bearer(admin))
    assert made.status_code == 201, made.text
    created = made.json()
    assert made.headers["location"] == f"/keys/{created['id']}"
    token = created["token"]
    assert client.get("/jobs", headers=bearer(token)).status_code == 200
    assert_problem(client.post("/templates", json=template_body(), headers=bearer(token)), 403)

    listed = client.get("/keys", headers=bearer(admin))
    assert listed.status_code == 200
    assert {k["name"] for k in listed.json()["items"]} >= {"from-api"}
    assert secret_of(token) not in listed.text
    assert "token" not in client.get(f"/keys/{created['id']}", headers=bearer(admin)).json()

    revoked = client.post(f"/keys/{created['id']}/revoke", headers=bearer(admin))
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert_problem(client.get("/jobs", headers=bearer(token)), 401)
    assert_problem(client.get(f"/keys/{uuid.uuid4()}", headers=bearer(admin)), 404)
