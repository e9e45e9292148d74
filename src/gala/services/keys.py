"""API keys: creation, listing, revocation and the check every authenticated request makes.

A token is ``gala_<key id, 32 hex>_<secret>``; the secret is 32 random bytes from :mod:`secrets`
(43 URL-safe characters, 256 bits). Only the SHA-256 of the secret is stored. A slow password
hash (bcrypt, scrypt, Argon2) is not needed: those exist to slow down guessing *low-entropy*
secrets people choose, and nobody can enumerate 2**256 secrets however fast the hash is, even
with the table in hand. A fast hash also keeps the check cheap on every request. The key id in
the token finds the row by primary key; the hashes are compared in constant time
(:func:`hmac.compare_digest`), so the answer's timing says nothing about the stored hash.

Scopes are levels: ``read`` < ``write`` < ``admin``; a key holds one and may do what it and the
levels below it allow (an admin key can also write and read).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from gala.db import transaction, utcnow, uuid7
from gala.errors import NotFound
from gala.orm import ApiKey
from gala.runtime import Runtime
from gala.services.pagination import page

SCOPES: tuple[str, ...] = ("read", "write", "admin")
PREFIX = "gala_"
SECRET_BYTES = 32
# last_used_at is written at most this often per key: a write on every request would make each
# read a write transaction (and, on SQLite, a lock every request queues behind).
LAST_USED_RESOLUTION = timedelta(seconds=60)


def grants(scope: str, required: str) -> bool:
    """Whether a key with ``scope`` may do what ``required`` needs (scopes are levels)."""
    return scope in SCOPES and required in SCOPES and SCOPES.index(scope) >= SCOPES.index(required)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def parse(token: str) -> tuple[uuid.UUID, str] | None:
    """``(key id, secret)`` of a well-formed token, else None."""
    if not token.startswith(PREFIX):
        return None
    key_hex, sep, secret = token[len(PREFIX) :].partition("_")
    if not sep or len(key_hex) != 32 or not secret:
        return None
    try:
        return uuid.UUID(hex=key_hex), secret
    except ValueError:
        return None


@dataclass(frozen=True)
class Caller:
    """The key a request was authenticated with."""

    key_id: uuid.UUID
    scope: str
    name: str


def create(rt: Runtime, scope: str, name: str = "") -> tuple[ApiKey, str]:
    """Store a new key; returns the row and the token, which is shown once and never stored."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, got {scope!r}")
    secret = secrets.token_urlsafe(SECRET_BYTES)
    key = ApiKey(id=uuid7(), name=name, scope=scope, secret_sha256=_digest(secret), created_at=utcnow())
    with transaction(rt.sessions) as session:
        session.add(key)
    return key, f"{PREFIX}{key.id.hex}_{secret}"


def list_(rt: Runtime, *, include_revoked: bool = True) -> list[ApiKey]:
    query = select(ApiKey).order_by(ApiKey.created_at, ApiKey.id)
    if not include_revoked:
        query = query.where(ApiKey.revoked_at.is_(None))
    with rt.sessions() as session:
        return list(session.scalars(query))


def page_(rt: Runtime, *, limit: int, cursor: str | None) -> tuple[list[ApiKey], str | None]:
    """A page of keys, newest first (``GET /keys``)."""
    with rt.sessions() as session:
        rows, nxt = page(session, select(ApiKey), ApiKey.id, limit=limit, cursor=cursor)
    return list(rows), nxt


def get(rt: Runtime, key_id: uuid.UUID) -> ApiKey:
    with rt.sessions() as session:
        key = session.get(ApiKey, key_id)
    if key is None:
        raise NotFound(f"There is no API key {key_id}.")
    return key


def revoke(rt: Runtime, key_id: uuid.UUID) -> ApiKey:
    """Revoke a key (at once: the next request with it gets 401). Revoking twice is a no-op."""
    with transaction(rt.sessions) as session:
        key = session.get(ApiKey, key_id, with_for_update=True)
        if key is None:
            raise NotFound(f"There is no API key {key_id}.")
        if key.revoked_at is None:
            key.revoked_at = utcnow()
    return key


def authenticate(rt: Runtime, token: str, *, now: datetime | None = None) -> Caller | None:
    """The caller a bearer token names, or None for a malformed, unknown, wrong or revoked one."""
    parsed = parse(token)
    if parsed is None:
        return None
    key_id, secret = parsed
    with rt.sessions() as session:
        key = session.get(ApiKey, key_id)
        # Hash and compare even when the row is missing, so both paths cost the same.
        stored = key.secret_sha256 if key is not None else "0" * 64
        if not hmac.compare_digest(_digest(secret), stored) or key is None or key.revoked_at is not None:
            return None
        caller = Caller(key.id, key.scope, key.name)
        last_used = key.last_used_at
    now = now or utcnow()
    if last_used is None or now - last_used >= LAST_USED_RESOLUTION:
        with transaction(rt.sessions) as session:
            session.execute(update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=now))
    return caller
