"""One guarded POST of a webhook: pinned address, short timeouts, no redirects, capped reading.

:func:`post` never raises for what the receiver or the network does: every outcome is an
:class:`Outcome` the deliverer records (status, duration, a capped snippet of the body, or the
error), so that every attempt shows in ``GET /webhooks/{id}/deliveries``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from gala.webhooks import guard

# The bytes of a response read at most (the rest is never read), and kept as its snippet.
SNIPPET_BYTES = 1024
CONNECT_TIMEOUT_SECONDS = 5.0
USER_AGENT = "GALA-Webhooks/1"


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    duration_ms: int
    snippet: str | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def post(url: str, body: bytes, headers: dict[str, str], *, timeout_seconds: float, allow_private: bool) -> Outcome:
    started = time.monotonic()

    def done(status: int | None, snippet: str | None = None, error: str | None = None) -> Outcome:
        return Outcome(status, round((time.monotonic() - started) * 1000), snippet, error)

    try:
        target = guard.check(url, allow_private=allow_private)  # resolved now, for this attempt
    except guard.Refused as exc:
        return done(None, error=f"refused: {exc}")
    timeout = httpx.Timeout(timeout_seconds, connect=min(CONNECT_TIMEOUT_SECONDS, timeout_seconds))
    sent = {
        **headers,
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "accept-encoding": "identity",  # the snippet is read raw: no compressed bytes
        "host": target.host_header,
    }
    # trust_env=False: no proxy from the environment (the proxy would pick the address).
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        request = client.build_request(
            "POST", target.pinned_url, content=body, headers=sent, extensions={"sni_hostname": target.host}
        )
        try:
            response = client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            return done(None, error=f"timed out ({type(exc).__name__})")
        except httpx.HTTPError as exc:
            return done(None, error=f"{type(exc).__name__}: {exc}"[:500])
        try:
            snippet = _read_capped(response)
        except httpx.HTTPError as exc:  # the status is known; the body broke off
            return done(response.status_code, error=f"reading the response: {type(exc).__name__}")
        finally:
            response.close()
    return done(response.status_code, snippet=snippet)


def _read_capped(response: httpx.Response) -> str:
    """At most :data:`SNIPPET_BYTES` of the body, as text (undecodable bytes replaced)."""
    got = bytearray()
    for chunk in response.iter_raw():
        got += chunk
        if len(got) >= SNIPPET_BYTES:
            break
    return bytes(got[:SNIPPET_BYTES]).decode("utf-8", errors="replace")
