"""Live progress: Server-Sent Events of a job or a batch (gala.services.live)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from flask import Response, request

from gala.api.context import runtime
from gala.services import live

HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # nginx: do not buffer the stream


def _response(frames: Iterator[str]) -> Response:
    body = (frame.encode() for frame in frames)  # WSGI bodies are bytes (direct_passthrough skips encoding)
    response = Response(body, mimetype="text/event-stream", direct_passthrough=True)
    response.headers.update(HEADERS)
    return response


def job(job_id: str) -> Response:
    after = live.parse_last_event_id(request.headers.get("Last-Event-ID"))
    return _response(live.job_stream(runtime(), uuid.UUID(job_id), after))


def batch(batch_id: str) -> Response:
    after = live.parse_last_event_id(request.headers.get("Last-Event-ID"))
    return _response(live.batch_stream(runtime(), uuid.UUID(batch_id), after))
