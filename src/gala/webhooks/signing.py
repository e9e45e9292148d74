"""Standard Webhooks signatures: ``webhook-id``, ``webhook-timestamp``, ``webhook-signature``.

The signed content is ``"{id}.{timestamp}.{body}"``; the signature is ``v1,`` and the base64 of
its HMAC-SHA256 under the secret's decoded bytes. Secrets are ``whsec_`` and base64 (the
spec's format, which its reference libraries accept as is). Receivers verify with any of them
(tests verify GALA's with the ``standardwebhooks`` package).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

PREFIX = "whsec_"
SECRET_BYTES = 32  # the spec asks for 24 to 64 random bytes


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def key(secret: str) -> bytes:
    """The secret's bytes; ValueError if it is not ``whsec_`` and base64 of 24 to 64 bytes."""
    if not secret.startswith(PREFIX):
        raise ValueError(f"a secret starts with {PREFIX}")
    try:
        raw = base64.b64decode(secret[len(PREFIX) :], validate=True)
    except binascii.Error:
        raise ValueError("a secret is whsec_ followed by base64") from None
    if not 24 <= len(raw) <= 64:
        raise ValueError("a secret holds 24 to 64 bytes")
    return raw


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    content = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key(secret), content, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The three headers of one attempt (the id stays; the timestamp is the attempt's)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
    }
