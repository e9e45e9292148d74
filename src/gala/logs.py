"""Logging: JSON lines in production, readable lines in development, the job id on every line.

One switch, ``GALA_ENV``: ``production`` writes one JSON object per line (for a log shipper);
anything else writes ``time level logger [job=<id>] message``. Every record gets a ``job_id``
attribute from a context variable, so a line logged anywhere below a job — the services, the
storage providers, Celery — carries the job without each call site passing it:

* the worker binds it around each task (:func:`job_context` in ``worker.tasks``);
* the API binds it for requests whose path names a job (:class:`JobIdMiddleware`, after
  Connexion has routed the request and extracted ``{job_id}``).

The API's Flask handlers run in a thread pool that copies the request's context, so the binding
made in the ASGI middleware reaches them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import logging.config
import os
import traceback
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

JOB_ID: ContextVar[str | None] = ContextVar("gala_job_id", default=None)

HUMAN_FORMAT = "%(asctime)s %(levelname)s %(name)s%(job_tag)s %(message)s"
# LogRecord attributes that are plumbing, not data: left out of the JSON object's extras.
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "job_id", "job_tag"}
_QUIET = ("httpx", "alembic.runtime.plugins")


def current_job_id() -> str | None:
    return JOB_ID.get()


@contextlib.contextmanager
def job_context(job_id: object) -> Iterator[None]:
    """Bind ``job_id`` to every log line emitted inside the block (in this thread or task)."""
    token = JOB_ID.set(str(job_id) if job_id is not None else None)
    try:
        yield
    finally:
        JOB_ID.reset(token)


class JobIdFilter(logging.Filter):
    """Adds ``record.job_id`` (or None) and ``record.job_tag`` (`` [job=<id>]`` or empty)."""

    def filter(self, record: logging.LogRecord) -> bool:
        job_id = getattr(record, "job_id", None) or JOB_ID.get()
        record.job_id = job_id
        record.job_tag = f" [job={job_id}]" if job_id else ""
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, message, job_id, exc, and any ``extra=``."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        job_id = getattr(record, "job_id", None)
        if job_id:
            entry["job_id"] = job_id
        if record.exc_info:
            entry["exc"] = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        for key, value in vars(record).items():
            if key not in _RECORD_FIELDS and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | None) else repr(value)
        return json.dumps(entry, ensure_ascii=False)


def is_production(environment: str) -> bool:
    return environment.strip().lower() == "production"


def dict_config(environment: str = "development", level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for every GALA process (uvicorn gets it too, per worker)."""
    formatter: dict[str, Any] = (
        {"()": f"{__name__}.JsonFormatter"} if is_production(environment) else {"format": HUMAN_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"job_id": {"()": f"{__name__}.JobIdFilter"}},
        "formatters": {"gala": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "gala",
                "filters": ["job_id"],
            }
        },
        "root": {"level": level.upper(), "handlers": ["stderr"]},
        # uvicorn's loggers hand their records to the root handler instead of printing their own.
        "loggers": {
            **{name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error", "uvicorn.access")},
            **{name: {"level": "WARNING"} for name in _QUIET},
        },
    }


def configure(environment: str = "development", level: str = "INFO") -> None:
    logging.config.dictConfig(dict_config(environment, level))


def configure_from_env(level: str | None = None) -> None:
    """Configure from ``GALA_ENV`` and ``LOG_LEVEL`` as the settings see them (``.env`` included),
    without failing on an unrelated bad setting: the command reports that one, readably."""
    from gala.config import ConfigError, environment

    try:
        env = environment()
    except ConfigError:
        env = dict(os.environ)
    configure(env.get("GALA_ENV", "development"), level or env.get("LOG_LEVEL", "INFO"))


class JobIdMiddleware:
    """ASGI: binds the ``{job_id}`` path parameter (set by Connexion's routing) for the request."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        job_id = (scope.get("path_params") or {}).get("job_id") if scope.get("type") == "http" else None
        if job_id is None:
            await self.app(scope, receive, send)
            return
        with job_context(job_id):
            await self.app(scope, receive, send)
