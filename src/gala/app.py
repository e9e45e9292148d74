"""The API application factory. Nothing is built at import time."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

import connexion
import yaml
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolver
from flask import Response
from flask_swagger_ui import get_swaggerui_blueprint
from sqlalchemy.exc import OperationalError, ProgrammingError

from gala import studio
from gala.api import auth, problems
from gala.api.limits import BodyLimit, RejectControlCharacters
from gala.config import Settings, is_loopback
from gala.errors import GalaError
from gala.logs import JobIdMiddleware
from gala.metrics import CONTENT_TYPE as METRICS_CONTENT_TYPE
from gala.metrics import Exposition, HttpMetricsMiddleware, storage_upload_retry
from gala.openapi31 import add_api, allowed_methods, load_document, validator_map
from gala.runtime import Runtime
from gala.services import builtin
from gala.swagger_ui import SWAGGER_UI_CONFIG

log = logging.getLogger(__name__)
SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "gala.yaml"


def spec_path() -> Path:
    return SPEC_PATH


@cache
def _document(path: Path) -> dict[str, Any]:
    return load_document(path)


def prepare_database(rt: Runtime) -> None:
    """Make sure the built-in templates exist. A database that is down or not migrated yet is
    logged, not fatal: the API starts, and readiness reports the database until it is fixed."""
    try:
        builtin.ensure(rt)
    except (OperationalError, ProgrammingError) as exc:
        log.warning("database not ready (%s); is it up, and migrated (`gala migrate`)?", type(exc).__name__)


def resolve_operation(operation_id: str) -> Any:
    """``jobs.create`` -> ``gala.api.jobs.create``; ``jobs.list`` -> ``gala.api.jobs.list_``."""
    module, _, name = operation_id.rpartition(".")
    handlers = import_module(f"gala.api.{module}")
    return getattr(handlers, name + "_", None) or getattr(handlers, name)


def _sandbox_lifespan(rt: Runtime) -> Callable[[Any], AbstractAsyncContextManager[None]]:
    """Previews and upload probing run in renderer processes (gala.sandbox). The server starts
    them in the background once the app is built, so that the first preview finds them warm
    without their imports (PyAV, numpy) competing with the API's own start-up; it stops them on
    shutdown. Without a server (tests, the CLI) they start on first use."""

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        del app
        rt.sandbox.warm()
        try:
            yield
        finally:
            rt.sandbox.close()

    return lifespan


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> connexion.FlaskApp:
    settings = settings or Settings.from_env()
    rt = runtime or Runtime.from_settings(
        settings,
        on_upload_retry=storage_upload_retry,
        lock_timeout_seconds=settings.api_database_lock_timeout_seconds,
    )
    prepare_database(rt)
    document = _document(spec_path())
    if settings.auth_required:
        log.info("API keys required (API_AUTH=%s, API_HOST=%s)", settings.api_auth, settings.api_host)
    else:
        # Nothing is checked, and the contract served at /openapi.json says so (docs/security.md).
        document = auth.without_security(document)
        level = logging.INFO if is_loopback(settings.api_host) else logging.WARNING
        log.log(level, "API keys not checked (API_AUTH=%s, API_HOST=%s)", settings.api_auth, settings.api_host)

    app = connexion.FlaskApp(__name__, lifespan=_sandbox_lifespan(rt))
    add_api(
        app,
        document,
        resolver=Resolver(function_resolver=resolve_operation),
        security_map=auth.security_map(rt),
        strict_validation=True,
        validate_responses=settings.validate_responses,
        validator_map=validator_map(enabled=settings.validate_requests),
        # /ui and /openapi.* are served below: Connexion's bundled Swagger UI 4 cannot show 3.1.
        swagger_ui_options=SwaggerUIOptions(swagger_ui=False, serve_spec=False),
    )
    problems.install(app, allowed_methods(document))
    app.add_middleware(RejectControlCharacters, position=MiddlewarePosition.BEFORE_SWAGGER)
    app.add_middleware(
        BodyLimit,
        position=MiddlewarePosition.BEFORE_VALIDATION,
        api_limit=settings.api_max_body_bytes,
        upload_limit=settings.asset_max_upload_bytes,
    )
    # Observability (docs/scaling.md): every request counted by operationId, error responses
    # included; the routed {job_id} bound to the request's log lines.
    app.add_middleware(HttpMetricsMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION)
    app.add_middleware(JobIdMiddleware, position=MiddlewarePosition.BEFORE_VALIDATION)
    if settings.api_cors_origins:
        # Swagger UI on its own origin (:8081, `gala swagger-ui`) sends "Try it out" requests here.
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            position=MiddlewarePosition.BEFORE_EXCEPTION,
            allow_origins=list(settings.api_cors_origins),
            allow_methods=["*"],
            allow_headers=["*"],
            # Browsers hide other response headers from scripts unless they are listed here.
            expose_headers=["ETag", "Location", "Content-Range", "Accept-Ranges", "Retry-After", "WWW-Authenticate"],
        )

    flask_app = app.app
    flask_app.extensions["gala"] = rt
    flask_app.config["MAX_FORM_MEMORY_SIZE"] = settings.api_max_body_bytes
    _serve_spec(flask_app, document)
    _serve_metrics(flask_app, Exposition(rt), rt if settings.auth_required else None)
    flask_app.register_blueprint(
        get_swaggerui_blueprint("/ui", "/openapi.json", config=SWAGGER_UI_CONFIG), url_prefix="/ui"
    )
    studio.install(flask_app)
    return app


METRICS_SCOPE = "read"


def _serve_metrics(flask_app: Any, exposition: Exposition, rt: Runtime | None) -> None:
    # Operational, not part of the contract (Prometheus text, scraped by Prometheus, never by
    # the generated clients): served beside /openapi.json, outside the OpenAPI operations. With
    # auth on it needs a key with the read scope, like the reads it summarises (docs/security.md).
    from flask import request

    @flask_app.get("/metrics")
    def metrics() -> Response:
        if rt is not None:
            try:
                auth.check(rt, request.headers.get("Authorization"), METRICS_SCOPE)
            except GalaError as exc:
                body = json.dumps(exc.to_problem())
                return Response(body, status=exc.status, headers=exc.headers, content_type=problems.PROBLEM)
        return Response(exposition.render(), content_type=METRICS_CONTENT_TYPE)


def _serve_spec(flask_app: Any, document: dict[str, Any]) -> None:
    as_json = json.dumps(document, ensure_ascii=False)
    as_yaml = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)

    @flask_app.get("/openapi.json")
    def openapi_json() -> Response:
        return Response(as_json, mimetype="application/json")

    @flask_app.get("/openapi.yaml")
    def openapi_yaml() -> Response:
        return Response(as_yaml, mimetype="application/yaml")
