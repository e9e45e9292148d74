"""Readiness: can this process reach the database, the broker and storage right now?"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from kombu import Connection
from sqlalchemy import text

from gala.runtime import Runtime


def _timed(check: Callable[[], None]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        check()
    except Exception as exc:  # every failure is a readiness answer, not a crash
        return {
            "status": "fail",
            "detail": f"{type(exc).__name__}: {exc}"[:500],
            "latency_ms": round((time.perf_counter() - started) * 1000, 2),
        }
    return {"status": "ok", "latency_ms": round((time.perf_counter() - started) * 1000, 2)}


def _database(rt: Runtime) -> None:
    with rt.engine.connect() as conn:
        conn.execute(text("SELECT 1"))


def _broker(rt: Runtime) -> None:
    with Connection(rt.settings.broker_url, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def readiness(rt: Runtime) -> dict[str, dict[str, Any]]:
    return {
        "database": _timed(lambda: _database(rt)),
        "broker": _timed(lambda: _broker(rt)),
        "storage": _timed(lambda: rt.storage.default.check()),
    }
