"""Liveness and readiness."""

from __future__ import annotations

from gala.api import views
from gala.api.context import runtime
from gala.api.views import Reply
from gala.errors import ServiceUnavailable
from gala.services import health


def live() -> Reply:
    return views.ok({"status": "ok"})


def ready() -> Reply:
    checks = health.readiness(runtime())
    failed = sorted(name for name, result in checks.items() if result["status"] != "ok")
    if failed:
        raise ServiceUnavailable(f"Not ready: {', '.join(failed)} failed.", extra={"checks": checks})
    return views.ok({"status": "ok", "checks": checks})
