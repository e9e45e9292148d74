"""``gala swagger-ui``: Swagger UI 5 on its own port (:8081 in the design document).

It shows the *live* contract: every load of ``/openapi.json`` here fetches the API's own
``/openapi.json`` (``--spec-url``), so the page never drifts from what the API enforces. The
document is served from this origin (no CORS needed to read it) with ``servers`` pointed at the
API's public URL (``--api-url``), so "Try it out" calls the API directly; the API allows this
origin through ``API_CORS_ORIGINS``.

The static files are flask-swagger-ui's (Swagger UI 5, which renders OpenAPI 3.1), the same
ones the API serves at ``/ui/``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import httpx
from flask import Flask, Response
from flask_swagger_ui import get_swaggerui_blueprint

FETCH_TIMEOUT_SECONDS = 5.0
# For both copies of the page (here and the API's /ui/): "Authorize" reads the contract's
# securitySchemes; persistAuthorization keeps the key it is given across page reloads.
SWAGGER_UI_CONFIG = {"app_name": "GALA API", "persistAuthorization": True}


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def create_app(spec_url: str, api_url: str | None = None) -> Flask:
    api_url = (api_url or origin(spec_url)).rstrip("/")
    app = Flask(__name__)

    @app.get("/openapi.json")
    def live_spec() -> Response:
        try:
            response = httpx.get(spec_url, timeout=FETCH_TIMEOUT_SECONDS)
            response.raise_for_status()
            document: dict[str, Any] = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            problem = {
                "type": "about:blank",
                "title": "Bad Gateway",
                "status": 502,
                "detail": f"Could not fetch the API's contract from {spec_url}: {type(exc).__name__}: {exc}",
            }
            return Response(json.dumps(problem), status=502, mimetype="application/problem+json")
        document["servers"] = [{"url": api_url, "description": "GALA API"}]
        return Response(json.dumps(document, ensure_ascii=False), mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> Response:
        return Response('{"status":"ok"}', mimetype="application/json")

    # base_url "" puts the page at "/" with its assets at "/swagger-ui.css" and so on.
    app.register_blueprint(
        get_swaggerui_blueprint("", "/openapi.json", config=SWAGGER_UI_CONFIG, blueprint_name="swagger_ui")
    )
    return app


def serve(host: str, port: int, spec_url: str, api_url: str | None = None, log_config: Any = None) -> None:
    import uvicorn
    from a2wsgi import WSGIMiddleware

    uvicorn.run(WSGIMiddleware(create_app(spec_url, api_url)), host=host, port=port, log_config=log_config)  # type: ignore[arg-type]
