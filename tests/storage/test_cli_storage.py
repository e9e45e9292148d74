"""`gala storage check` end to end against each provider; `gala gdrive auth` fails clearly offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gala.cli import main
from tests.storage.conftest import DRIVE_CLIENT
from tests.storage.fake_drive import FakeDrive

STEPS = ["1/5 connect  ok", "2/5 write    ok", "3/5 read     ok", "4/5 range    ok", "5/5 delete   ok"]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    import os

    for name in list(os.environ):
        if name.startswith(("GALA_", "STORAGE_", "GDRIVE_", "S3_", "DATABASE_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("GALA_DATA_DIR", str(tmp_path / "data"))
    return monkeypatch


def _check_ok(output: str, provider: str) -> None:
    lines = output.splitlines()
    for step in STEPS:
        assert any(line.startswith(step) for line in lines), (step, output)
    assert lines[-1] == f"storage check OK (provider={provider})"


def test_storage_check_gdrive(clean_env: pytest.MonkeyPatch, fake_drive: FakeDrive) -> None:
    clean_env.setenv("STORAGE_PROVIDER", "gdrive")
    clean_env.setenv("GDRIVE_CLIENT_ID", DRIVE_CLIENT["client_id"])
    clean_env.setenv("GDRIVE_CLIENT_SECRET", DRIVE_CLIENT["client_secret"])
    clean_env.setenv("GDRIVE_REFRESH_TOKEN", "good-refresh-token")
    clean_env.setenv("GDRIVE_API_BASE_URL", fake_drive.url)
    clean_env.setenv("GDRIVE_TOKEN_URI", fake_drive.token_uri)
    result = CliRunner().invoke(main, ["storage", "check"])
    assert result.exit_code == 0, result.output
    _check_ok(result.output, "gdrive")
    assert fake_drive.files == {}, "the check deletes what it wrote"
    assert 206 in fake_drive.ops("media")


def test_storage_check_s3(clean_env: pytest.MonkeyPatch, moto_url: str, s3_bucket: str) -> None:
    for name, value in {
        "STORAGE_PROVIDER": "s3",
        "S3_BUCKET": s3_bucket,
        "S3_ENDPOINT_URL": moto_url,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "testing",
        "S3_SECRET_ACCESS_KEY": "testing",
    }.items():
        clean_env.setenv(name, value)
    result = CliRunner().invoke(main, ["storage", "check"])
    assert result.exit_code == 0, result.output
    _check_ok(result.output, "s3")


def test_storage_check_localfs(clean_env: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["storage", "check"])
    assert result.exit_code == 0, result.output
    _check_ok(result.output, "localfs")


def test_storage_check_reports_the_failing_step(clean_env: pytest.MonkeyPatch, fake_drive: FakeDrive) -> None:
    clean_env.setenv("STORAGE_PROVIDER", "gdrive")
    clean_env.setenv("GDRIVE_CLIENT_ID", DRIVE_CLIENT["client_id"])
    clean_env.setenv("GDRIVE_CLIENT_SECRET", DRIVE_CLIENT["client_secret"])
    clean_env.setenv("GDRIVE_REFRESH_TOKEN", "revoked-token")
    clean_env.setenv("GDRIVE_API_BASE_URL", fake_drive.url)
    clean_env.setenv("GDRIVE_TOKEN_URI", fake_drive.token_uri)
    result = CliRunner().invoke(main, ["storage", "check"])
    assert result.exit_code == 1
    assert "connect failed: Google Drive re-authorisation needed: run `gala gdrive auth`" in result.output


def test_storage_check_without_settings_says_what_to_set(clean_env: pytest.MonkeyPatch) -> None:
    clean_env.setenv("STORAGE_PROVIDER", "gdrive")
    result = CliRunner().invoke(main, ["storage", "check"])
    assert result.exit_code == 2
    assert "GDRIVE_CLIENT_ID, GDRIVE_CLIENT_SECRET, GDRIVE_REFRESH_TOKEN" in result.output


def test_gdrive_auth_needs_the_oauth_client(clean_env: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["gdrive", "auth", "--no-browser"])
    assert result.exit_code == 2
    assert "set GDRIVE_CLIENT_ID and GDRIVE_CLIENT_SECRET first" in result.output
    assert "Desktop app" in result.output
    clean_env.setenv("GDRIVE_CLIENT_ID", "id")
    result = CliRunner().invoke(main, ["gdrive", "auth", "--no-browser"])
    assert "set GDRIVE_CLIENT_SECRET first" in result.output


def test_gdrive_auth_is_documented() -> None:
    result = CliRunner().invoke(main, ["gdrive", "auth", "--help"])
    assert result.exit_code == 0
    assert "GDRIVE_REFRESH_TOKEN" in result.output
    assert "drive.file" in result.output
