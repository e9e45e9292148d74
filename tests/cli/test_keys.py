"""``gala keys`` and the key on the wire, end to end: a real API process with API_AUTH=required
(on 127.0.0.1), keys made by the local admin commands, and the resource commands sending
GALA_API_KEY through the generated client."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, text

from gala.cli import main
from gala.cli_keys import SCOPES
from gala.config import Settings
from gala.migrate import upgrade
from gala.platform import Platform, child_env, free_port
from gala.services import keys
from tests.test_cli import SETTINGS_VARS, RunningPlatform, runner_env

TOKEN = re.compile(r"^gala_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def secured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPlatform]:
    """The API alone (no worker: nothing here renders), keys required although on loopback."""
    data = tmp_path_factory.mktemp("secured")
    env = child_env(GALA_DATA_DIR=str(data / "data"), API_AUTH="required")
    for name in SETTINGS_VARS:
        if name not in ("GALA_DATA_DIR", "API_AUTH"):
            env.pop(name, None)
    upgrade(Settings.from_env(env))
    running = Platform(env=env, port=free_port(), workers=(), log_dir=data / "logs")
    with running.running(timeout=60):
        yield RunningPlatform(running.url, env, data / "logs")


def run(platform: RunningPlatform, *args: str, key: str | None = None) -> Result:
    env = {**runner_env(Path(platform.env["GALA_DATA_DIR"])), "GALA_URL": platform.url, "API_AUTH": "required"}
    env["GALA_API_KEY"] = key
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def make_key(platform: RunningPlatform, scope: str, name: str = "") -> tuple[str, str]:
    result = run(platform, "keys", "create", "--scope", scope, "--name", name)
    assert result.exit_code == 0, result.stderr
    token = result.stdout.strip()
    assert TOKEN.match(token), result.stdout  # the token alone on stdout: TOKEN=$(gala keys create ...)
    assert "shown only now" in result.stderr
    parsed = keys.parse(token)
    assert parsed is not None
    return token, str(parsed[0])


def test_cli_scopes_are_the_services() -> None:
    assert keys.SCOPES == SCOPES


def test_without_a_key_the_cli_says_401(secured: RunningPlatform) -> None:
    result = run(secured, "templates", "list")
    assert result.exit_code == 1
    assert "401 Unauthorized" in result.stderr
    assert "Authorization: Bearer" in result.stderr


def test_the_cli_sends_gala_api_key_and_scopes_apply(secured: RunningPlatform) -> None:
    reader, _ = make_key(secured, "read", "reader")
    writer, _ = make_key(secured, "write", "writer")
    listed = run(secured, "templates", "list", key=reader)
    assert listed.exit_code == 0, listed.stderr
    assert "hello" in listed.stdout
    refused = run(secured, "jobs", "submit", "hello", "--no-wait", "-p", "title=x", key=reader)
    assert refused.exit_code == 1
    assert "403 Forbidden" in refused.stderr
    assert "'write' scope" in refused.stderr
    submitted = run(secured, "jobs", "submit", "hello", "--no-wait", "-p", "title=x", key=writer)
    assert submitted.exit_code == 0, submitted.stderr
    assert "queued" in submitted.stdout


def test_list_shows_keys_never_tokens_and_revoke_locks_out(secured: RunningPlatform) -> None:
    token, key_id = make_key(secured, "read", "to-revoke")
    assert run(secured, "jobs", "list", key=token).exit_code == 0
    listed = run(secured, "keys", "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    record = next(r for r in json.loads(listed.stdout) if r["id"] == key_id)
    assert record["name"] == "to-revoke"
    assert record["scope"] == "read"
    assert record["last_used_at"] is not None
    assert record["revoked_at"] is None
    table = run(secured, "keys", "list")
    secret = token.rsplit("_", 1)[-1]
    assert key_id in table.stdout
    assert secret not in table.stdout + listed.stdout

    revoked = run(secured, "keys", "revoke", key_id)
    assert revoked.exit_code == 0, revoked.stderr
    assert f"revoked API key {key_id}" in revoked.stderr
    result = run(secured, "jobs", "list", key=token)
    assert result.exit_code == 1
    assert "401 Unauthorized" in result.stderr


def test_the_database_file_holds_no_token(secured: RunningPlatform) -> None:
    token, _ = make_key(secured, "admin")
    parsed = keys.parse(token)
    assert parsed is not None
    database = Path(secured.env["GALA_DATA_DIR"]) / "gala.db"
    raw = b"".join(p.read_bytes() for p in database.parent.glob("gala.db*"))
    assert parsed[1].encode() not in raw
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as conn:
        dump = "\n".join(conn.connection.driver_connection.iterdump())  # type: ignore[union-attr]
        assert conn.execute(text("SELECT count(*) FROM api_keys")).scalar_one() >= 1
    engine.dispose()
    assert parsed[1] not in dump
    assert token not in dump


def test_revoking_an_unknown_key_is_a_readable_error(secured: RunningPlatform) -> None:
    result = CliRunner().invoke(
        main,
        ["keys", "revoke", "01900000-0000-7000-8000-00000000dead"],
        env={**runner_env(Path(secured.env["GALA_DATA_DIR"]))},
    )
    assert result.exit_code == 1
    assert "There is no API key" in result.stderr
