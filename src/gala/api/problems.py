"""Every error leaves as application/problem+json (RFC 9457), from this one place."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException

from gala.errors import GalaError, database_busy

log = logging.getLogger("gala.api")
PROBLEM = "application/problem+json"
_TITLES = {
    400: "Bad Request",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    413: "Content Too Large",
    415: "Unsupported Media Type",
    500: "Internal Server Error",
}


def _response(body: dict[str, Any], status: int, headers: dict[str, str] | None = None) -> ConnexionResponse:
    return ConnexionResponse(status_code=status, body=json.dumps(body), content_type=PROBLEM, headers=headers or {})


def gala_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, GalaError)
    if exc.status >= 500:
        log.error("%s %s -> %s: %s", request.method, request.url.path, exc.status, exc.detail)
    return _response(exc.to_problem(), exc.status, exc.headers)


def connexion_problem(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, ProblemException)
    status = exc.status or 500
    if status >= 500:
        log.error("%s %s -> %s: %s", request.method, request.url.path, status, exc.detail)
    body = {
        "type": "about:blank",
        "title": exc.title or _TITLES.get(status, "Error"),
        "status": status,
        "detail": str(exc.detail) if status < 500 else "The server could not complete the request.",
    }
    return _response(body, status, dict(exc.headers or {}))


def http_error_handler(allowed: Callable[[str], list[str]]) -> Callable[..., ConnexionResponse]:
    def http_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        headers = dict(exc.headers or {})
        detail = str(exc.detail)
        if status == 405:
            methods = allowed(request.url.path)
            headers["Allow"] = ", ".join(methods)
            detail = f"{request.method} is not allowed here; use {', '.join(methods)}."
        body = {
            "type": "about:blank",
            "title": _TITLES.get(status, "Error"),
            "status": status,
            "detail": detail,
        }
        return _response(body, status, headers)

    return http_error


def database_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """A locked database is a 503 with Retry-After (gala.errors.database_busy); any other, a 500."""
    busy = database_busy(exc)
    return gala_error(request, busy) if busy is not None else unexpected(request, exc)


def unexpected(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    body = {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "The server could not complete the request.",
    }
    return _response(body, 500)


def install(app: Any, allowed: Callable[[str], list[str]] = lambda path: []) -> None:
    app.add_error_handler(GalaError, gala_error)
    app.add_error_handler(ProblemException, connexion_problem)
    app.add_error_handler(HTTPException, http_error_handler(allowed))
    app.add_error_handler(DBAPIError, database_error)
    app.add_error_handler(Exception, unexpected)
