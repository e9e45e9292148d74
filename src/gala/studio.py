"""The web studio at ``/studio``: the React app built into ``frontend/dist`` (``make studio``).

Static files are answered as they are (hashed ``assets/`` cached for a year); any other path under
``/studio/`` answers ``index.html``, so the studio's own router handles deep links and reloads.
The build is looked for on each request, so building it while the API runs is enough. Without
one (a machine without Node.js, or before the first build) ``/studio`` answers a short page saying
how to build it; the API itself does not depend on it. Imports only Flask: the API process stays
light (tests/api/test_api_process_av.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Response, redirect, send_from_directory
from werkzeug.security import safe_join

DIST = Path(__file__).resolve().parents[2] / "frontend" / "dist"
PREFIX = "/studio"
# Vite names everything under assets/ by its content hash: a new build has new names.
IMMUTABLE = "public, max-age=31536000, immutable"

NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GALA Studio is not built</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
<h1>GALA Studio is not built on this machine</h1>
<p>The studio is a React app in <code>frontend/</code>; the API serves its build from
<code>frontend/dist</code>. Build it with Node.js 20 and npm (from the repository root):</p>
<pre>make studio</pre>
<p>then reload this page. <code>make install</code> builds it too when <code>npm</code> is on the
PATH. Everything else works without it: the API, <a href="/ui/">Swagger UI</a> and the
<code>gala</code> command line. See docs/studio.md.</p>
</body></html>
"""


def install(flask_app: Any, dist: Path = DIST) -> None:
    """Serve ``dist`` at ``/studio`` on ``flask_app``."""

    @flask_app.get(PREFIX)
    def studio_root() -> Any:
        return redirect(f"{PREFIX}/", code=308)

    @flask_app.get(f"{PREFIX}/")
    @flask_app.get(f"{PREFIX}/<path:path>")
    def studio(path: str = "") -> Any:
        index = dist / "index.html"
        if not index.is_file():
            return Response(NOT_BUILT, status=503, mimetype="text/html")
        found = safe_join(str(dist), path) if path else None
        if found is not None and Path(found).is_file():
            response = send_from_directory(dist, path)
            if path.startswith("assets/"):
                response.headers["Cache-Control"] = IMMUTABLE
            return response
        if path.startswith("assets/"):
            return Response("no such file in the studio's build\n", status=404, mimetype="text/plain")
        # A route of the studio (or a missing file): the app, never cached, decides what it shows.
        response = send_from_directory(dist, "index.html")
        response.headers["Cache-Control"] = "no-cache"
        return response
