"""How a handler reaches the :class:`Runtime` of the app serving it."""

from __future__ import annotations

from flask import current_app

from gala.runtime import Runtime


def runtime() -> Runtime:
    rt: Runtime = current_app.extensions["gala"]
    return rt
