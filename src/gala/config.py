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
    asset_max_upload_bytes: int = 2 << 30
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

    @property
    def staging_dir(self) -> Path:
        """Where workers render before outputs are stored (local staging, per the design document)."""
        return self.data_dir / "staging"

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
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
        if "ASSET_MAX_UPLOAD_BYTES" in env:
            kwargs["asset_max_upload_bytes"] = _int("ASSET_MAX_UPLOAD_BYTES", env["ASSET_MAX_UPLOAD_BYTES"], minimum=1)
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
        return cls(**kwargs)
