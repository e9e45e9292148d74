"""GALA's signer against the standardwebhooks package, an independent implementation."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from gala.webhooks import signing


def test_secrets_are_standard_and_random() -> None:
    a, b = signing.new_secret(), signing.new_secret()
    assert a != b
    assert a.startswith("whsec_")
    assert len(base64.b64decode(a.removeprefix("whsec_"))) == 32


def test_the_reference_verifier_accepts_our_signature() -> None:
    secret = signing.new_secret()
    body = '{"type":"job.done","data":{"job_id":"x","title":"¿Qué?"}}'.encode()
    now = int(time.time())
    headers = signing.headers(secret, "msg_42", now, body)
    assert Webhook(secret).verify(body, headers)["data"]["title"] == "¿Qué?"
    ref = Webhook(secret).sign("msg_42", datetime.fromtimestamp(now, UTC), body.decode())
    assert headers["webhook-signature"] == ref


@pytest.mark.parametrize("change", ["body", "id", "timestamp", "secret"])
def test_any_change_breaks_the_signature(change: str) -> None:
    secret, body, now = signing.new_secret(), b'{"a":1}', int(time.time())
    headers = signing.headers(secret, "msg_1", now, body)
    if change == "body":
        body = b'{"a":2}'
    elif change == "id":
        headers["webhook-id"] = "msg_2"
    elif change == "timestamp":
        headers["webhook-timestamp"] = str(now - 1)
    else:
        secret = signing.new_secret()
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body, headers)


@pytest.mark.parametrize(
    "bad", ["abc", "whsec_", "whsec_!!!!", "whsec_" + base64.b64encode(b"x" * 8).decode(), "whsec_" + "A" * 100]
)
def test_malformed_secrets_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="secret"):
        signing.key(bad)
