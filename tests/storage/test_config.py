"""Storage settings: names from the design document, start-up errors that say what to set, one .env."""

from __future__ import annotations

from pathlib import Path

import pytest

from gala.config import ConfigError, Settings
from gala.runtime import storage_registry
from gala.storage import StorageError, providers

DRIVE = {"GDRIVE_CLIENT_ID": "id", "GDRIVE_CLIENT_SECRET": "secret", "GDRIVE_REFRESH_TOKEN": "token"}


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"STORAGE_PROVIDER": "gdrive"}, "GDRIVE_CLIENT_ID, GDRIVE_CLIENT_SECRET, GDRIVE_REFRESH_TOKEN"),
        (
            {"STORAGE_PROVIDER": "gdrive", "GDRIVE_CLIENT_ID": "i", "GDRIVE_CLIENT_SECRET": "s"},
            "GDRIVE_REFRESH_TOKEN: set it in .env (run `gala gdrive auth`",
        ),
        ({"GDRIVE_REFRESH_TOKEN": "t"}, "GDRIVE_CLIENT_ID, GDRIVE_CLIENT_SECRET"),
        ({"STORAGE_PROVIDER": "s3"}, "STORAGE_PROVIDER=s3 needs S3_BUCKET"),
        ({"S3_BUCKET": "b", "S3_ACCESS_KEY_ID": "k"}, "set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"),
        ({"S3_ADDRESSING_STYLE": "sideways"}, "S3_ADDRESSING_STYLE must be auto, path or virtual"),
        ({"GDRIVE_UPLOAD_CHUNK_BYTES": "1000"}, "multiple of 262144"),
        ({"GDRIVE_API_BASE_URL": "ftp://x"}, "GDRIVE_API_BASE_URL must be an http(s) URL"),
        ({"STAGING_MAX_AGE_HOURS": "soon"}, "STAGING_MAX_AGE_HOURS must be a number"),
        ({"STORAGE_PROVIDER": "dropbox"}, "STORAGE_PROVIDER must be one of localfs, gdrive, s3"),
    ],
)
def test_missing_or_inconsistent_settings_fail_at_start_saying_what_to_set(env: dict[str, str], says: str) -> None:
    with pytest.raises(ConfigError, match=None) as info:
        Settings.from_env(env)
    assert says in str(info.value)


def test_client_id_and_secret_alone_are_fine_before_gdrive_auth() -> None:
    settings = Settings.from_env({"GDRIVE_CLIENT_ID": "i", "GDRIVE_CLIENT_SECRET": "s"})
    assert "gdrive" not in settings.storage_options
    assert storage_registry(settings).providers == ["localfs"]


def test_secrets_stay_out_of_repr() -> None:
    settings = Settings.from_env({**DRIVE, "S3_BUCKET": "b", "S3_ACCESS_KEY_ID": "k", "S3_SECRET_ACCESS_KEY": "sk"})
    assert "secret" not in repr(settings)
    assert "'token'" not in repr(settings)
    assert "'sk'" not in repr(settings)


def test_every_configured_provider_is_served_whichever_is_the_default(tmp_path: Path) -> None:
    env = {**DRIVE, "S3_BUCKET": "b", "S3_ENDPOINT_URL": "http://127.0.0.1:9", "GALA_DATA_DIR": str(tmp_path)}
    registry = storage_registry(Settings.from_env({**env, "STORAGE_PROVIDER": "s3"}))
    assert registry.providers == ["gdrive", "localfs", "s3"]
    assert registry.default.provider == "s3"
    assert registry.get("gdrive").provider == "gdrive"  # older assets stay readable
    assert registry.get("localfs").provider == "localfs"


def test_an_unconfigured_provider_says_what_to_set(tmp_path: Path) -> None:
    registry = storage_registry(Settings(data_dir=tmp_path))
    with pytest.raises(StorageError) as info:
        registry.get("gdrive")
    assert "GDRIVE_CLIENT_ID, GDRIVE_CLIENT_SECRET and GDRIVE_REFRESH_TOKEN" in str(info.value)
    assert info.value.permanent


def test_dotenv_file_feeds_settings_without_overriding_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file = tmp_path / "gala.env"
    env_file.write_text(
        "# one file for the API and the workers\n"
        "STORAGE_PROVIDER=s3\n"
        "S3_BUCKET=from-file\n"
        'S3_PREFIX="gala/"\n'
        "export STAGING_MAX_AGE_HOURS=12\n"
    )
    for name in ("STORAGE_PROVIDER", "S3_BUCKET", "S3_PREFIX", "STAGING_MAX_AGE_HOURS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GALA_ENV_FILE", str(env_file))
    monkeypatch.setenv("S3_BUCKET", "from-environment")
    settings = Settings.from_env()
    s3 = settings.storage_options["s3"]
    assert (settings.storage_provider, s3.bucket, s3.prefix) == ("s3", "from-environment", "gala/")
    assert settings.staging_max_age_hours == 12.0


def test_dotenv_in_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".env").write_text("STAGING_MAX_AGE_HOURS=5\n")
    monkeypatch.delenv("GALA_ENV_FILE", raising=False)
    monkeypatch.delenv("STAGING_MAX_AGE_HOURS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Settings.from_env().staging_max_age_hours == 5.0


def test_a_named_env_file_that_is_missing_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GALA_ENV_FILE", str(tmp_path / "nope.env"))
    with pytest.raises(ConfigError, match="GALA_ENV_FILE"):
        Settings.from_env()


def test_env_example_documents_every_storage_setting() -> None:
    example = (Path(__file__).parents[2] / "infra" / ".env.example").read_text()
    common = ("STORAGE_PROVIDER", "STORAGE_LOCAL_ROOT", "STORAGE_MAX_RETRIES", "STORAGE_RETRY_MAX_SECONDS")
    for name in (*common, "STAGING_MAX_AGE_HOURS", *providers.env_names()):
        assert f"{name}=" in example, name
