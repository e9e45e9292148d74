"""Settings: one frozen object, read from the environment once, passed explicitly.

Variable names follow the design document (``STORAGE_PROVIDER``, ``STORAGE_LOCAL_ROOT``,
``GDRIVE_*``, ``WORKER_CLEANUP_LOCAL``); the rest are GALA's own and listed in
``infra/.env.example``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Every environment variable Settings.from_env reads, in one place, so deployments can be checked
# against it: tests/deploy/test_compose.py checks infra/docker-compose.yml with it, and checks it
# against from_env's source. Add a name here when from_env learns to read it.
ENV_NAMES: tuple[str, ...] = (
    "GALA_DATA_DIR", "DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL",
    "STORAGE_PROVIDER", "STORAGE_LOCAL_ROOT",
    "API_HOST", "API_PORT", "API_MAX_BODY_BYTES", "API_DATABASE_LOCK_TIMEOUT_SECONDS", "ASSET_MAX_UPLOAD_BYTES",
    "ASSET_MAX_PIXELS", "ASSET_MAX_DURATION_SECONDS",
    "API_VALIDATE_REQUESTS", "API_VALIDATE_RESPONSES", "API_CORS_ORIGINS",
    "GALA_ENV", "LOG_LEVEL",
    "JOB_LEASE_SECONDS", "JOB_MAX_ATTEMPTS", "REAPER_INTERVAL_SECONDS", "MAX_RENDER_SECONDS",
    "WORKER_CLEANUP_LOCAL", "WORKER_METRICS_HOST", "WORKER_METRICS_PORT",
    # Storage providers (docs: infra/.env.example, "storage").
    "GDRIVE_CLIENT_ID", "GDRIVE_CLIENT_SECRET", "GDRIVE_REFRESH_TOKEN", "GDRIVE_FOLDER_ID",
    "GDRIVE_API_BASE_URL", "GDRIVE_TOKEN_URI", "GDRIVE_UPLOAD_CHUNK_BYTES",
    "S3_BUCKET", "S3_ENDPOINT_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PREFIX",
    "S3_ADDRESSING_STYLE", "S3_MULTIPART_THRESHOLD_BYTES",
    "STORAGE_MAX_RETRIES", "STORAGE_RETRY_MAX_SECONDS", "STAGING_MAX_AGE_HOURS",
    "GALA_ENV_FILE",
)  # fmt: skip

# Google Drive resumable uploads send chunks in multiples of 256 KiB (the API rejects others).
GDRIVE_CHUNK_UNIT = 256 * 1024
S3_ADDRESSING_STYLES = ("auto", "path", "virtual")


class ConfigError(ValueError):
    """A setting is missing or inconsistent; the message says what to set."""


def _bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"{name} must be 1/0, true/false, yes/no or on/off, got {raw!r}")


def _int(name: str, raw: str, *, minimum: int = 0) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


@dataclasses.dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    database_url: str = ""
    broker_url: str = ""
    storage_provider: str = "localfs"
    storage_local_root: Path = Path()
    api_host: str = "127.0.0.1"
    api_port: int = 8080
    api_max_body_bytes: int = 1 << 20
    # How long an API request waits for a database lock another transaction holds before it
    # answers 503 with Retry-After (workers keep a longer wait: gala.db.make_engine).
    api_database_lock_timeout_seconds: float = 2.0
    asset_max_upload_bytes: int = 2 << 30
    # Uploaded media caps (decompression bombs, hours-long files): pixels of an image or video
    # frame, and seconds of audio/video. Over them an upload is refused with 422.
    asset_max_pixels: int = 40_000_000
    asset_max_duration_seconds: int = 3600
    validate_requests: bool = True
    validate_responses: bool = True
    environment: str = "development"
    log_level: str = "INFO"
    # Jobs: a worker holds a job under a lease it renews while it works; the reaper re-enqueues
    # jobs whose lease expired (a lost worker, or a message an embedded broker lost).
    job_lease_seconds: float = 30.0
    job_max_attempts: int = 3
    reaper_interval_seconds: float = 5.0
    # The longest render GALA expects; the broker's visibility timeout is set above it.
    max_render_seconds: int = 3600
    worker_cleanup_local: bool = True
    # Observability: a worker serves its own /metrics here when the port is set (multi-host;
    # docs/scaling.md). 0 = off (on one host the API aggregates via PROMETHEUS_MULTIPROC_DIR).
    worker_metrics_host: str = "127.0.0.1"
    worker_metrics_port: int = 0
    # Origins allowed to call the API from a browser (Swagger UI on :8081). Empty = no CORS.
    api_cors_origins: tuple[str, ...] = ()
    # Staging directories of failed jobs are kept (golden rule) and swept by the reaper after this.
    staging_max_age_hours: float = 72.0
    # Google Drive (design document): an OAuth client plus the refresh token `gala gdrive auth`
    # prints. The folder is optional (default: the Drive root). Secrets stay out of repr().
    gdrive_client_id: str = ""
    gdrive_client_secret: str = dataclasses.field(default="", repr=False)
    gdrive_refresh_token: str = dataclasses.field(default="", repr=False)
    gdrive_folder_id: str = ""
    # Test/advanced: where the Drive API and Google's token endpoint are (tests run a local Drive
    # v3 server). Empty = Google's.
    gdrive_api_base_url: str = ""
    gdrive_token_uri: str = ""
    gdrive_upload_chunk_bytes: int = 8 * 1024 * 1024
    # S3-compatible object storage (AWS S3, MinIO, Cloudflare R2, GCS interoperability).
    s3_bucket: str = ""
    s3_endpoint_url: str = ""  # empty = AWS
    s3_region: str = ""
    s3_access_key_id: str = ""  # empty = boto3's own credential chain (AWS_* variables, roles)
    s3_secret_access_key: str = dataclasses.field(default="", repr=False)
    s3_prefix: str = ""
    s3_addressing_style: str = "auto"
    s3_multipart_threshold_bytes: int = 16 * 1024 * 1024
    # Remote providers retry transient failures (429, 5xx, dropped connections) this many times,
    # with truncated exponential back-off and jitter capped at the second setting.
    storage_max_retries: int = 6
    storage_retry_max_seconds: float = 32.0

    def __post_init__(self) -> None:
        # Derived defaults live in the data directory, so one variable moves everything.
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'gala.db'}")
        if self.storage_local_root == Path():
            object.__setattr__(self, "storage_local_root", self.data_dir / "storage")
        if not self.broker_url:
            object.__setattr__(self, "broker_url", f"sqla+sqlite:///{self.data_dir / 'broker.db'}")
        if self.storage_provider not in {"localfs", "gdrive", "s3"}:
            raise ConfigError(f"STORAGE_PROVIDER must be one of localfs, gdrive, s3; got {self.storage_provider!r}")
        self._check_gdrive()
        self._check_s3()

    def _check_gdrive(self) -> None:
        missing = [
            name
            for name, value in (
                ("GDRIVE_CLIENT_ID", self.gdrive_client_id),
                ("GDRIVE_CLIENT_SECRET", self.gdrive_client_secret),
                ("GDRIVE_REFRESH_TOKEN", self.gdrive_refresh_token),
            )
            if not value
        ]
        # Client id and secret alone are the state before `gala gdrive auth`; a token without its
        # client cannot be refreshed.
        if missing and (self.storage_provider == "gdrive" or self.gdrive_refresh_token):
            hint = " (run `gala gdrive auth` to get the refresh token)" if "GDRIVE_REFRESH_TOKEN" in missing else ""
            raise ConfigError(f"Google Drive storage needs {', '.join(missing)}: set it in .env{hint}")
        urls = (("GDRIVE_API_BASE_URL", self.gdrive_api_base_url), ("GDRIVE_TOKEN_URI", self.gdrive_token_uri))
        for name, url in urls:
            if url and not url.startswith(("http://", "https://")):
                raise ConfigError(f"{name} must be an http(s) URL, got {url!r}")
        if self.gdrive_upload_chunk_bytes <= 0 or self.gdrive_upload_chunk_bytes % GDRIVE_CHUNK_UNIT:
            raise ConfigError(
                f"GDRIVE_UPLOAD_CHUNK_BYTES must be a positive multiple of {GDRIVE_CHUNK_UNIT} (256 KiB), "
                f"got {self.gdrive_upload_chunk_bytes}"
            )

    def _check_s3(self) -> None:
        if self.storage_provider == "s3" and not self.s3_bucket:
            raise ConfigError("STORAGE_PROVIDER=s3 needs S3_BUCKET (and S3_ENDPOINT_URL for MinIO, R2 or GCS)")
        if bool(self.s3_access_key_id) != bool(self.s3_secret_access_key):
            raise ConfigError("set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (boto3's own chain)")
        if self.s3_addressing_style not in S3_ADDRESSING_STYLES:
            raise ConfigError(f"S3_ADDRESSING_STYLE must be auto, path or virtual; got {self.s3_addressing_style!r}")
        if self.s3_endpoint_url and not self.s3_endpoint_url.startswith(("http://", "https://")):
            raise ConfigError(f"S3_ENDPOINT_URL must be an http(s) URL, got {self.s3_endpoint_url!r}")
        if self.s3_multipart_threshold_bytes < 5 * 1024 * 1024:
            raise ConfigError("S3_MULTIPART_THRESHOLD_BYTES must be at least 5242880 (S3's smallest part)")

    @property
    def gdrive_configured(self) -> bool:
        return bool(self.gdrive_client_id and self.gdrive_client_secret and self.gdrive_refresh_token)

    @property
    def s3_configured(self) -> bool:
        return bool(self.s3_bucket)

    @property
    def staging_dir(self) -> Path:
        """Where workers render before outputs are stored (local staging, per the design document)."""
        return self.data_dir / "staging"

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``env``; by default the process environment over the ``.env`` file."""
        env = environment() if env is None else env
        kwargs: dict[str, Any] = {}
        if "GALA_DATA_DIR" in env:
            kwargs["data_dir"] = Path(env["GALA_DATA_DIR"])
        if "DATABASE_URL" in env:
            kwargs["database_url"] = env["DATABASE_URL"]
        # REDIS_URL is what most deployments already set; CELERY_BROKER_URL wins when both are.
        broker = env.get("CELERY_BROKER_URL") or env.get("REDIS_URL")
        if broker:
            kwargs["broker_url"] = broker
        if "STORAGE_PROVIDER" in env:
            kwargs["storage_provider"] = env["STORAGE_PROVIDER"].strip().lower()
        if "STORAGE_LOCAL_ROOT" in env:
            kwargs["storage_local_root"] = Path(env["STORAGE_LOCAL_ROOT"])
        if "API_HOST" in env:
            kwargs["api_host"] = env["API_HOST"]
        if "API_PORT" in env:
            kwargs["api_port"] = _int("API_PORT", env["API_PORT"], minimum=1)
        if "API_MAX_BODY_BYTES" in env:
            kwargs["api_max_body_bytes"] = _int("API_MAX_BODY_BYTES", env["API_MAX_BODY_BYTES"], minimum=1)
        if "API_DATABASE_LOCK_TIMEOUT_SECONDS" in env:
            raw = env["API_DATABASE_LOCK_TIMEOUT_SECONDS"]
            kwargs["api_database_lock_timeout_seconds"] = _float("API_DATABASE_LOCK_TIMEOUT_SECONDS", raw)
            if not kwargs["api_database_lock_timeout_seconds"] > 0:  # 0 is "no limit" to PostgreSQL
                raise ConfigError(f"API_DATABASE_LOCK_TIMEOUT_SECONDS must be more than 0, got {raw!r}")
        if "ASSET_MAX_UPLOAD_BYTES" in env:
            kwargs["asset_max_upload_bytes"] = _int("ASSET_MAX_UPLOAD_BYTES", env["ASSET_MAX_UPLOAD_BYTES"], minimum=1)
        if "ASSET_MAX_PIXELS" in env:
            kwargs["asset_max_pixels"] = _int("ASSET_MAX_PIXELS", env["ASSET_MAX_PIXELS"], minimum=1)
        if "ASSET_MAX_DURATION_SECONDS" in env:
            kwargs["asset_max_duration_seconds"] = _int(
                "ASSET_MAX_DURATION_SECONDS", env["ASSET_MAX_DURATION_SECONDS"], minimum=1
            )
        if "API_VALIDATE_REQUESTS" in env:
            kwargs["validate_requests"] = _bool("API_VALIDATE_REQUESTS", env["API_VALIDATE_REQUESTS"])
        if "API_VALIDATE_RESPONSES" in env:
            kwargs["validate_responses"] = _bool("API_VALIDATE_RESPONSES", env["API_VALIDATE_RESPONSES"])
        if "GALA_ENV" in env:
            kwargs["environment"] = env["GALA_ENV"]
        if "JOB_LEASE_SECONDS" in env:
            kwargs["job_lease_seconds"] = float(_int("JOB_LEASE_SECONDS", env["JOB_LEASE_SECONDS"], minimum=1))
        if "JOB_MAX_ATTEMPTS" in env:
            kwargs["job_max_attempts"] = _int("JOB_MAX_ATTEMPTS", env["JOB_MAX_ATTEMPTS"], minimum=1)
        if "REAPER_INTERVAL_SECONDS" in env:
            kwargs["reaper_interval_seconds"] = float(
                _int("REAPER_INTERVAL_SECONDS", env["REAPER_INTERVAL_SECONDS"], minimum=1)
            )
        if "MAX_RENDER_SECONDS" in env:
            kwargs["max_render_seconds"] = _int("MAX_RENDER_SECONDS", env["MAX_RENDER_SECONDS"], minimum=1)
        if "WORKER_CLEANUP_LOCAL" in env:
            kwargs["worker_cleanup_local"] = _bool("WORKER_CLEANUP_LOCAL", env["WORKER_CLEANUP_LOCAL"])
        if "LOG_LEVEL" in env:
            kwargs["log_level"] = env["LOG_LEVEL"].upper()
        if "WORKER_METRICS_HOST" in env:
            kwargs["worker_metrics_host"] = env["WORKER_METRICS_HOST"]
        if "WORKER_METRICS_PORT" in env:
            kwargs["worker_metrics_port"] = _int("WORKER_METRICS_PORT", env["WORKER_METRICS_PORT"])
        if "API_CORS_ORIGINS" in env:
            kwargs["api_cors_origins"] = tuple(o.strip() for o in env["API_CORS_ORIGINS"].split(",") if o.strip())
        kwargs.update(_storage_kwargs(env))
        return cls(**kwargs)


def _storage_kwargs(env: Mapping[str, str]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    for name in (
        "GDRIVE_CLIENT_ID", "GDRIVE_CLIENT_SECRET", "GDRIVE_REFRESH_TOKEN", "GDRIVE_FOLDER_ID",
        "GDRIVE_API_BASE_URL", "GDRIVE_TOKEN_URI",
        "S3_BUCKET", "S3_ENDPOINT_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PREFIX",
    ):  # fmt: skip
        if name in env:
            kwargs[name.lower()] = env[name].strip()
    if "S3_ADDRESSING_STYLE" in env:
        kwargs["s3_addressing_style"] = env["S3_ADDRESSING_STYLE"].strip().lower()
    if "GDRIVE_UPLOAD_CHUNK_BYTES" in env:
        kwargs["gdrive_upload_chunk_bytes"] = _int("GDRIVE_UPLOAD_CHUNK_BYTES", env["GDRIVE_UPLOAD_CHUNK_BYTES"])
    if "S3_MULTIPART_THRESHOLD_BYTES" in env:
        raw = env["S3_MULTIPART_THRESHOLD_BYTES"]
        kwargs["s3_multipart_threshold_bytes"] = _int("S3_MULTIPART_THRESHOLD_BYTES", raw)
    if "STORAGE_MAX_RETRIES" in env:
        kwargs["storage_max_retries"] = _int("STORAGE_MAX_RETRIES", env["STORAGE_MAX_RETRIES"])
    if "STORAGE_RETRY_MAX_SECONDS" in env:
        kwargs["storage_retry_max_seconds"] = _float("STORAGE_RETRY_MAX_SECONDS", env["STORAGE_RETRY_MAX_SECONDS"])
    if "STAGING_MAX_AGE_HOURS" in env:
        kwargs["staging_max_age_hours"] = _float("STAGING_MAX_AGE_HOURS", env["STAGING_MAX_AGE_HOURS"])
    return kwargs


def _float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not value >= 0:  # also rejects NaN
        raise ConfigError(f"{name} must be at least 0, got {raw!r}")
    return value


def environment() -> dict[str, str]:
    """The process environment over the ``.env`` file: ``GALA_ENV_FILE``, else ``./.env`` if present.

    One file feeds the API and every worker (design document); a variable set in the real
    environment always wins over the file. python-dotenv parses the file because its syntax is
    the one docker compose's ``env_file`` reads (quotes, ``export``, comments), so the same
    ``infra/.env`` works for both.
    """
    from dotenv import dotenv_values

    named = os.environ.get("GALA_ENV_FILE")
    path = Path(named) if named else Path(".env")
    if named and not path.is_file():
        raise ConfigError(f"GALA_ENV_FILE={named} does not exist")
    merged = {k: v for k, v in dotenv_values(path).items() if v is not None} if path.is_file() else {}
    merged.update(os.environ)
    return merged
