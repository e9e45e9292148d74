"""API keys at the door: the contract's ``bearerAuth`` scheme, enforced through Connexion.

The contract says which scope each operation needs (``security`` on the operation, else the
document's own, which asks for ``admin``: an operation that forgets to say is closed, not open);
``/health`` and ``/health/ready`` say ``security: []``. Connexion's security middleware reads
those requirements and calls the handler built here with each operation's required scopes, so
the scopes are written once, in the contract. Failures are :class:`gala.errors.Unauthorized`
(401 with ``WWW-Authenticate: Bearer``) and :class:`gala.errors.Forbidden` (403), rendered as
problem+json by the one error handler.

With auth off (``API_AUTH=off``, or ``auto`` on a loopback address) the app is given the
contract without its security requirements (:func:`without_security`): nothing is checked, and
the document it serves says so.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from connexion.lifecycle import ConnexionRequest
from connexion.security import AbstractSecurityHandler
from starlette.concurrency import run_in_threadpool

from gala.errors import Forbidden, Unauthorized
from gala.runtime import Runtime
from gala.services import keys

SCHEME = "bearerAuth"
MISSING = "This operation needs an API key: send `Authorization: Bearer <key>` (see `gala keys create`)."
INVALID = "The API key is not valid: it is malformed, unknown or revoked."


def check(rt: Runtime, authorization: str | None, needed: str | None) -> keys.Caller:
    """The caller an ``Authorization`` header names, allowed to do what ``needed`` needs; else raise."""
    kind, _, token = (authorization or "").strip().partition(" ")
    if not kind:
        raise Unauthorized(MISSING)
    if kind.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            "The Authorization header must be `Bearer <key>`.",
            headers={"WWW-Authenticate": 'Bearer realm="gala", error="invalid_request"'},
        )
    caller = keys.authenticate(rt, token.strip())
    if caller is None:
        raise Unauthorized(INVALID, headers={"WWW-Authenticate": 'Bearer realm="gala", error="invalid_token"'})
    if needed is not None and not keys.grants(caller.scope, needed):
        raise Forbidden(f"This operation needs a key with the {needed!r} scope; this key has {caller.scope!r}.")
    return caller


def _needed(required_scopes: list[str] | None) -> str | None:
    """The one level a requirement asks for: the highest scope it lists (None: any valid key)."""
    listed = [s for s in required_scopes or [] if s in keys.SCOPES]
    return max(listed, key=keys.SCOPES.index) if listed else None


def security_map(rt: Runtime) -> dict[str, type[AbstractSecurityHandler]]:
    """Connexion's ``security_map``: our handler for ``http``/``bearer`` schemes, bound to ``rt``."""

    class Bearer(AbstractSecurityHandler):
        def get_fn(self, security_scheme: Mapping[str, Any], required_scopes: list[str]) -> Callable[..., Any]:
            needed = _needed(required_scopes)

            async def verify(request: ConnexionRequest) -> dict[str, Any]:
                # A primary-key read (and at most one write a minute): off the event loop.
                caller = await run_in_threadpool(check, rt, request.headers.get("Authorization"), needed)
                return {"sub": str(caller.key_id), "scope": caller.scope, "caller": caller}

            return verify

    return {"bearer": Bearer}


def current_caller() -> keys.Caller | None:
    """The key the current request was authenticated with; None when auth is off."""
    from connexion.context import context

    try:
        info = context.get("token_info")
    except LookupError:  # outside a Connexion request (a test calling a service directly)
        return None
    caller = info.get("caller") if isinstance(info, dict) else None
    return caller if isinstance(caller, keys.Caller) else None


def without_security(document: dict[str, Any]) -> dict[str, Any]:
    """The contract as an app with auth off enforces it: no security requirements anywhere."""
    open_document = copy.deepcopy(document)
    open_document.pop("security", None)
    for item in open_document.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                operation.pop("security", None)
    return open_document
