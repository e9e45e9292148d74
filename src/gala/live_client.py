"""Follow a job's or a batch's Server-Sent Events from a running GALA (``gala jobs wait``, ``gala batch``).

A dropped connection is resumed with ``Last-Event-ID`` (the server replays what was missed);
:class:`StreamFailed` says the stream cannot be used at all, so callers fall back to polling.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
from gala_client import Client

RECONNECTS = 5


class StreamFailed(Exception):
    """The server does not serve the stream (an old server, a proxy in the way)."""


def parse(lines: Iterator[str]) -> Iterator[tuple[str | None, str, dict[str, Any]]]:
    """SSE lines -> (id, event name, decoded data); comments and retry lines are skipped."""
    fields: dict[str, str] = {}
    for line in lines:
        if line == "":
            if "data" in fields:
                yield fields.get("id"), fields.get("event", "message"), json.loads(fields["data"])
            fields = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(":")
            fields[name] = value.removeprefix(" ")


def follow(client: Client, path: str, *, read_timeout: float = 60.0) -> Iterator[tuple[str, dict[str, Any]]]:
    """Events of ``path`` (``/jobs/<id>/events``) until the server ends the stream."""
    http = client.get_httpx_client()
    last: str | None = None
    failures = 0
    while True:
        headers = {"Accept": "text/event-stream"} | ({"Last-Event-ID": last} if last else {})
        try:
            # The server sends a comment every 15 s: a minute of silence means the link is gone.
            timeout = httpx.Timeout(10.0, read=read_timeout)
            with http.stream("GET", path, headers=headers, timeout=timeout) as response:
                if response.status_code != 200 or not response.headers.get("content-type", "").startswith(
                    "text/event-stream"
                ):
                    raise StreamFailed(f"{path} answered {response.status_code}")
                for event_id, name, data in parse(response.iter_lines()):
                    last = event_id or last
                    failures = 0
                    yield name, data
            return  # the server ended the stream: the job or batch has ended
        except httpx.TransportError as exc:
            failures += 1
            if failures > RECONNECTS:
                raise StreamFailed(f"{path}: {exc}") from exc
            time.sleep(min(2.0, 0.2 * 2**failures))
