"""Request hygiene before routing: control characters in paths, and body size limits."""

from __future__ import annotations

import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gala.errors import BadRequest, PayloadTooLarge

UPLOAD_OPERATIONS = frozenset({"assets.create", "batches.upload"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class RejectControlCharacters:
    """A path with control characters is a malformed request (400) before any router sees it.

    Connexion's routers disagree about them (a trailing newline matches ``$`` in one and not in
    the next), which left an operation half-routed and crashing.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _CONTROL.search(scope.get("path", "")):
            raise BadRequest("The request path contains control characters.")
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware placed after routing: uploads get the asset limit, everything else the API limit."""

    def __init__(self, app: ASGIApp, *, api_limit: int, upload_limit: int) -> None:
        self.app = app
        self.api_limit = api_limit
        # A multipart envelope adds headers and boundaries around the file itself.
        self.upload_limit = upload_limit + 64 * 1024

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        routing = scope.get("extensions", {}).get("connexion_routing", {})
        limit = self.upload_limit if routing.get("operation_id") in UPLOAD_OPERATIONS else self.api_limit
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            raise PayloadTooLarge(f"The request body ({declared} bytes) exceeds the limit of {limit} bytes.")
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise PayloadTooLarge(f"The request body exceeds the limit of {limit} bytes.")
            return message

        await self.app(scope, limited, send)


def _content_length(scope: Scope) -> int | None:
    headers: Any = scope.get("headers", [])
    for name, value in headers:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
