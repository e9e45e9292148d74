"""A real webhook receiver on 127.0.0.1, and an app and runtime that may send to it.

The receiver does what the Standard Webhooks spec asks of one: it verifies every signature
with the ``standardwebhooks`` package (an implementation independent of GALA's) and processes a
message id once, whatever the number of times it arrives. What it answers to each request is
scripted by the test: 200, a 500, or a reply later than the sender's timeout.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from gala.config import Settings
from gala.runtime import Runtime
from gala.webhooks import deliverer

# The sender's read timeout in these tests; a "slow" reply comes after it.
TIMEOUT_SECONDS = 0.4
SCHEDULE = (0.05, 0.05, 0.05, 0.05, 0.05)


@dataclass
class Received:
    message_id: str
    timestamp: str
    body: bytes
    verified: bool


# A plan answers (message id, how many times that id arrived so far) with "ok", "500", "slow",
# "redirect" or "big".
Plan = Callable[[str, int], str]


@dataclass
class Receiver:
    url: str = ""
    secret: str | None = None
    plan: Plan = lambda _id, _n: "ok"
    requests: list[Received] = field(default_factory=list)
    processed: list[str] = field(default_factory=list)  # ids whose effect ran: once each
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, headers: dict[str, str], body: bytes) -> str:
        message_id = headers.get("webhook-id", "")
        verified = False
        if self.secret is not None:
            try:
                Webhook(self.secret).verify(body, headers)
                verified = True
            except WebhookVerificationError:
                verified = False
        with self.lock:
            seen = sum(1 for r in self.requests if r.message_id == message_id)
            self.requests.append(Received(message_id, headers.get("webhook-timestamp", ""), body, verified))
            if verified and message_id not in self.processed:  # dedupe by webhook-id
                self.processed.append(message_id)
        return self.plan(message_id, seen + 1)


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            answer = receiver.handle({k.lower(): v for k, v in self.headers.items()}, body)
            try:
                if answer == "slow":
                    time.sleep(TIMEOUT_SECONDS * 2)
                if answer == "redirect":
                    self.send_response(302)
                    self.send_header("location", receiver.url + "elsewhere")
                    self.send_header("content-length", "0")
                    self.end_headers()
                    return
                status = 500 if answer == "500" else 200
                reply = b"x" * 5000 if answer == "big" else (b"oops" if status == 500 else b"ok")
                self.send_response(status)
                self.send_header("content-length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)
            except (BrokenPipeError, ConnectionResetError):  # the sender gave up (a timeout)
                pass

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(rec))
    server.daemon_threads = True
    rec.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield rec
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def hook_settings(settings: Settings) -> Settings:
    return settings.replace(
        webhook_allow_private_targets=True,
        webhook_timeout_seconds=TIMEOUT_SECONDS,
        webhook_retry_schedule=SCHEDULE,
    )


@pytest.fixture
def hook_app(hook_settings: Settings) -> Iterator[Any]:
    from gala.app import create_app

    application = create_app(hook_settings)
    yield application
    application.app.extensions["gala"].close()


@pytest.fixture
def hook_client(hook_app: Any) -> Any:
    return hook_app.test_client()


@pytest.fixture
def rt(hook_settings: Settings) -> Iterator[Runtime]:
    runtime = Runtime.from_settings(hook_settings)
    yield runtime
    runtime.close()


def settle(rt: Runtime, done: Callable[[], bool], *, seconds: float = 30.0) -> None:
    """Run deliverer rounds (as the worker thread does) until ``done()`` or time is up."""
    deadline = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < deadline, "deliveries did not settle in time"
        deliverer.run_round(rt)
        time.sleep(0.02)
