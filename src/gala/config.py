"""Settings: one frozen object, read from the environment once, passed explicitly.

Variable names follow the design document (``STORAGE_PROVIDER``, ``STORAGE_LOCAL_ROOT``,
``GDRIVE_*``, ``WORKER_CLEANUP_LOCAL``); the rest are GALA's own and listed in
``infra/.env.example``.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from gala.storage import providers
from gala.storage.provider import ConfigError, Context, Retries, env_float, env_int

__all__ = ["ENV_NAMES", "ConfigError", "Settings", "environment"]

# Every environment variable Settings.from_env reads, in one place, so deployments can be checked
# against it: tests/deploy/test_compose.py checks infra/docker-compose.yml with it, and checks it
# against from_env's source. Add a name here when from_env learns to read it; each storage
# provider declares its own (gala.storage.providers), appended below.
CORE_ENV_NAMES: tuple[str, ...] = (
    "GALA_DATA_DIR", "DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL",
    "STORAGE_PROVIDER", "STORAGE_LOCAL_ROOT",
    "API_HOST", "API_PORT", "API_MAX_BODY_BYTES", "API_DATABASE_LOCK_TIMEOUT_SECONDS", "ASSET_MAX_UPLOAD_BYTES",
    "ASSET_MAX_PIXELS", "ASSET_MAX_DURATION_SECONDS",
    "API_VALIDATE_REQUESTS", "API_VALIDATE_RESPONSES", "API_CORS_ORIGINS",
    "API_AUTH", "API_KEY_MAX_QUEUED_JOBS",
    "GALA_ENV", "LOG_LEVEL",
    "JOB_LEASE_SECONDS", "JOB_MAX_ATTEMPTS", "REAPER_INTERVAL_SECONDS", "MAX_RENDER_SECONDS",
    "WORKER_CLEANUP_LOCAL", "WORKER_METRICS_HOST", "WORKER_METRICS_PORT",
    "STORAGE_MAX_RETRIES", "STORAGE_RETRY_MAX_SECONDS", "STAGING_MAX_AGE_HOURS",
    "GALA_ENV_FILE",
    "WEBHOOK_ALLOW_PRIVATE_TARGETS", "WEBHOOK_TIMEOUT_SECONDS", "WEBHOOK_RETRY_SCHEDULE",
    "WEBHOOK_DISABLE_AFTER_SECONDS", "WEBHOOK_DISABLE_AFTER_EXHAUSTED",
)  # fmt: skip
ENV_NAMES: tuple[str, ...] = CORE_ENV_NAMES + providers.env_names()


AUTH_MODES = ("auto", "required", "off")


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the API on this machine (127.0.0.0/8, ::1, localhost).

    ``0.0.0.0``, ``::``, a LAN address or any other name count as reachable from elsewhere.
    """
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ConfigError(f"{name} must be 1/0, true/false, yes/no or on/off, got {raw!r}")


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
    # API keys (docs/security.md): "required", "off", or "auto" = required unless the API is bound
    # to a loopback address (API_HOST), so the two-command path on 127.0.0.1 needs no key while a
    # published port (compose, 0.0.0.0) always does.
    api_auth: str = "auto"
    # The most jobs one key may have queued (not yet started); POST /jobs answers 429 over it.
    # 0 = no cap.
    api_key_max_queued_jobs: int = 100
    # Staging directories of failed jobs are kept (golden rule) and swept by the reaper after this.
    staging_max_age_hours: float = 72.0
    # Each configured storage provider's options, by provider name (gala.storage.providers reads
    # them from the provider's own variables; localfs is always there). Filled in from the
    # defaults when not given.
    storage_options: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    # Remote providers retry transient failures (429, 5xx, dropped connections) this many times,
    # with truncated exponential back-off and jitter capped at the second setting.
    storage_max_retries: int = 6
    storage_retry_max_seconds: float = 32.0
    # Webhooks (gala.webhooks, docs/webhooks.md): targets must be public addresses unless allowed;
    # each attempt's read timeout; the waits after attempts 1, 2, ... (5 s, 5 min, 30 min, 2 h, 5 h,
    # 10 h: seven attempts over about 17.6 h, each wait jittered by gala.webhooks.schedule); an
    # endpoint is disabled once every attempt has failed for the first setting's seconds, or
    # the second setting's deliveries in a row ran out of attempts.
    webhook_allow_private_targets: bool = False
    webhook_timeout_seconds: float = 10.0
    webhook_retry_schedule: tuple[float, ...] = (5.0, 300.0, 1800.0, 7200.0, 18000.0, 36000.0)
    webhook_disable_after_seconds: float = 86400.0
    webhook_disable_after_exhausted: int = 10

    def __post_init__(self) -> None:
        # Derived defaults live in the data directory, so one variable moves everything.
        if not self.database_url:
            object.__setattr__(self, "database_url", f"sqlite:///{self.data_dir / 'gala.db'}")
        if self.storage_local_root == Path():
            object.__setattr__(self, "storage_local_root", self.data_dir / "storage")
        if not self.broker_url:
            object.__setattr__(self, "broker_url", f"sqla+sqlite:///{self.data_dir / 'broker.db'}")
        # Providers the options leave out get what an empty environment gives them (localfs is
        # always on); this also checks that the default provider is a known, configured one.
        options = providers.read({}, self.storage_provider, given=self.storage_options)
        object.__setattr__(self, "storage_options", options)

    @property
    def auth_required(self) -> bool:
        """Whether every operation except /health* needs an API key (``api_auth`` resolved)."""
        if self.api_auth == "auto":
            return not is_loopback(self.api_host)
        return self.api_auth == "required"

    def storage_context(self, on_upload_retry: Callable[[str], None] | None = None) -> Context:
        """What every storage provider is built with: the local root and the retry policy."""
        retries = Retries(max_retries=self.storage_max_retries, cap_seconds=self.storage_retry_max_seconds)
        if on_upload_retry is not None:
            retries = dataclasses.replace(retries, on_upload_retry=on_upload_retry)
        return Context(local_root=self.storage_local_root, retries=retries)

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
            kwargs["api_port"] = env_int("API_PORT", env["API_PORT"], minimum=1)
        if "API_MAX_BODY_BYTES" in env:
            kwargs["api_max_body_bytes"] = env_int("API_MAX_BODY_BYTES", env["API_MAX_BODY_BYTES"], minimum=1)
        if "API_DATABASE_LOCK_TIMEOUT_SECONDS" in env:
            raw = env["API_DATABASE_LOCK_TIMEOUT_SECONDS"]
            kwargs["api_database_lock_timeout_seconds"] = env_float("API_DATABASE_LOCK_TIMEOUT_SECONDS", raw)
            if not kwargs["api_database_lock_timeout_seconds"] > 0:  # 0 is "no limit" to PostgreSQL
                raise ConfigError(f"API_DATABASE_LOCK_TIMEOUT_SECONDS must be more than 0, got {raw!r}")
        if "ASSET_MAX_UPLOAD_BYTES" in env:
            kwargs["asset_max_upload_bytes"] = env_int(
                "ASSET_MAX_UPLOAD_BYTES", env["ASSET_MAX_UPLOAD_BYTES"], minimum=1
            )
        if "ASSET_MAX_PIXELS" in env:
            kwargs["asset_max_pixels"] = env_int("ASSET_MAX_PIXELS", env["ASSET_MAX_PIXELS"], minimum=1)
        if "ASSET_MAX_DURATION_SECONDS" in env:
            kwargs["asset_max_duration_seconds"] = env_int(
                "ASSET_MAX_DURATION_SECONDS", env["ASSET_MAX_DURATION_SECONDS"], minimum=1
            )
        if "API_VALIDATE_REQUESTS" in env:
            kwargs["validate_requests"] = _bool("API_VALIDATE_REQUESTS", env["API_VALIDATE_REQUESTS"])
        if "API_VALIDATE_RESPONSES" in env:
            kwargs["validate_responses"] = _bool("API_VALIDATE_RESPONSES", env["API_VALIDATE_RESPONSES"])
        if "GALA_ENV" in env:
            kwargs["environment"] = env["GALA_ENV"]
        if "JOB_LEASE_SECONDS" in env:
            kwargs["job_lease_seconds"] = float(env_int("JOB_LEASE_SECONDS", env["JOB_LEASE_SECONDS"], minimum=1))
        if "JOB_MAX_ATTEMPTS" in env:
            kwargs["job_max_attempts"] = env_int("JOB_MAX_ATTEMPTS", env["JOB_MAX_ATTEMPTS"], minimum=1)
        if "REAPER_INTERVAL_SECONDS" in env:
            kwargs["reaper_interval_seconds"] = float(
                env_int("REAPER_INTERVAL_SECONDS", env["REAPER_INTERVAL_SECONDS"], minimum=1)
            )
        if "MAX_RENDER_SECONDS" in env:
            kwargs["max_render_seconds"] = env_int("MAX_RENDER_SECONDS", env["MAX_RENDER_SECONDS"], minimum=1)
        if "WORKER_CLEANUP_LOCAL" in env:
            kwargs["worker_cleanup_local"] = _bool("WORKER_CLEANUP_LOCAL", env["WORKER_CLEANUP_LOCAL"])
        if "LOG_LEVEL" in env:
            kwargs["log_level"] = env["LOG_LEVEL"].upper()
        if "WORKER_METRICS_HOST" in env:
            kwargs["worker_metrics_host"] = env["WORKER_METRICS_HOST"]
        if "WORKER_METRICS_PORT" in env:
            kwargs["worker_metrics_port"] = env_int("WORKER_METRICS_PORT", env["WORKER_METRICS_PORT"])
        if "API_AUTH" in env:
            kwargs["api_auth"] = env["API_AUTH"].strip().lower() or "auto"
            if kwargs["api_auth"] not in AUTH_MODES:
                raise ConfigError(f"API_AUTH must be one of {', '.join(AUTH_MODES)}, got {env['API_AUTH']!r}")
        if "API_KEY_MAX_QUEUED_JOBS" in env:
            kwargs["api_key_max_queued_jobs"] = env_int("API_KEY_MAX_QUEUED_JOBS", env["API_KEY_MAX_QUEUED_JOBS"])
        if "API_CORS_ORIGINS" in env:
            kwargs["api_cors_origins"] = tuple(o.strip() for o in env["API_CORS_ORIGINS"].split(",") if o.strip())
        kwargs.update(_storage_kwargs(env))
        kwargs.update(_webhook_kwargs(env))
        kwargs["storage_options"] = providers.read(env, kwargs.get("storage_provider", cls.storage_provider))
        return cls(**kwargs)


def _storage_kwargs(env: Mapping[str, str]) -> dict[str, Any]:
    """The storage settings common to every provider (each provider reads its own)."""
    kwargs: dict[str, Any] = {}
    if "STORAGE_MAX_RETRIES" in env:
        kwargs["storage_max_retries"] = env_int("STORAGE_MAX_RETRIES", env["STORAGE_MAX_RETRIES"])
    if "STORAGE_RETRY_MAX_SECONDS" in env:
        kwargs["storage_retry_max_seconds"] = env_float("STORAGE_RETRY_MAX_SECONDS", env["STORAGE_RETRY_MAX_SECONDS"])
    if "STAGING_MAX_AGE_HOURS" in env:
        kwargs["staging_max_age_hours"] = env_float("STAGING_MAX_AGE_HOURS", env["STAGING_MAX_AGE_HOURS"])
    return kwargs


def _webhook_kwargs(env: Mapping[str, str]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if "WEBHOOK_ALLOW_PRIVATE_TARGETS" in env:
        raw = env["WEBHOOK_ALLOW_PRIVATE_TARGETS"]
        kwargs["webhook_allow_private_targets"] = _bool("WEBHOOK_ALLOW_PRIVATE_TARGETS", raw)
    if "WEBHOOK_TIMEOUT_SECONDS" in env:
        kwargs["webhook_timeout_seconds"] = env_float("WEBHOOK_TIMEOUT_SECONDS", env["WEBHOOK_TIMEOUT_SECONDS"])
    if "WEBHOOK_RETRY_SCHEDULE" in env:
        raw = env["WEBHOOK_RETRY_SCHEDULE"]
        kwargs["webhook_retry_schedule"] = tuple(
            env_float("WEBHOOK_RETRY_SCHEDULE", part) for part in raw.split(",") if part.strip()
        )
        if not kwargs["webhook_retry_schedule"]:
            raise ConfigError(f"WEBHOOK_RETRY_SCHEDULE must list at least one wait in seconds, got {raw!r}")
    if "WEBHOOK_DISABLE_AFTER_SECONDS" in env:
        raw = env["WEBHOOK_DISABLE_AFTER_SECONDS"]
        kwargs["webhook_disable_after_seconds"] = env_float("WEBHOOK_DISABLE_AFTER_SECONDS", raw)
    if "WEBHOOK_DISABLE_AFTER_EXHAUSTED" in env:
        raw = env["WEBHOOK_DISABLE_AFTER_EXHAUSTED"]
        kwargs["webhook_disable_after_exhausted"] = env_int("WEBHOOK_DISABLE_AFTER_EXHAUSTED", raw, minimum=1)
    return kwargs


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
