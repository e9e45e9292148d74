"""One exception tree, one problem+json (RFC 9457) rendering.

    GalaError                      500  unexpected, never shows internals
    ├── ClientError                4xx  the caller can fix it
    │   ├── BadRequest             400  malformed syntax, encoding or parameters
    │   ├── Unauthorized           401  no API key, or one that is unknown or revoked
    │   ├── Forbidden              403  the API key's scope does not allow this operation
    │   ├── NotFound               404
    │   ├── Conflict               409  the resource's state forbids it
    │   ├── PayloadTooLarge        413
    │   ├── UnsupportedMediaType   415
    │   ├── RangeNotSatisfiable    416
    │   ├── Unprocessable          422  well-formed but breaks the schema or a rule
    │   └── TooManyRequests        429  busy: retry after ``Retry-After`` seconds
    └── ServiceUnavailable         503  a dependency is down, or the database is locked: retry after
                                        ``Retry-After`` seconds (:func:`database_busy`)

Services raise these; the API turns them into problem documents in one handler
(:func:`gala.api.problems.install`). ``errors`` entries name the field with a JSON pointer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldError:
    detail: str
    pointer: str | None = None  # JSON pointer into the request body
    parameter: str | None = None
    location: str | None = None  # query, path, header, cookie

    def to_dict(self) -> dict[str, str]:
        out = {"detail": self.detail}
        if self.pointer is not None:
            out["pointer"] = self.pointer
        if self.parameter is not None:
            out["parameter"] = self.parameter
        if self.location is not None:
            out["in"] = self.location
        return out


@dataclass
class GalaError(Exception):
    detail: str = "The server could not complete the request."
    errors: list[FieldError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    status = 500
    title = "Internal Server Error"
    slug = "internal"

    def __post_init__(self) -> None:
        super().__init__(self.detail)

    def to_problem(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": f"urn:gala:problem:{self.slug}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            body["instance"] = instance
        if self.errors:
            body["errors"] = [e.to_dict() for e in self.errors]
        body.update(self.extra)
        return body


class ClientError(GalaError):
    status = 400
    title = "Bad Request"
    slug = "bad-request"


class BadRequest(ClientError):
    pass


class Unauthorized(ClientError):
    status = 401
    title = "Unauthorized"
    slug = "unauthorized"

    def __post_init__(self) -> None:
        super().__post_init__()
        # RFC 9110: a 401 names the scheme the client should use (RFC 6750 for bearer tokens).
        self.headers.setdefault("WWW-Authenticate", 'Bearer realm="gala"')


class Forbidden(ClientError):
    status = 403
    title = "Forbidden"
    slug = "forbidden"


class NotFound(ClientError):
    status = 404
    title = "Not Found"
    slug = "not-found"


class Conflict(ClientError):
    status = 409
    title = "Conflict"
    slug = "conflict"


class PayloadTooLarge(ClientError):
    status = 413
    title = "Content Too Large"
    slug = "too-large"


class UnsupportedMediaType(ClientError):
    status = 415
    title = "Unsupported Media Type"
    slug = "unsupported-media-type"


class RangeNotSatisfiable(ClientError):
    status = 416
    title = "Range Not Satisfiable"
    slug = "range-not-satisfiable"


class Unprocessable(ClientError):
    status = 422
    title = "Unprocessable Content"
    slug = "validation"


class TooManyRequests(ClientError):
    status = 429
    title = "Too Many Requests"
    slug = "too-many-requests"


class ServiceUnavailable(GalaError):
    status = 503
    title = "Service Unavailable"
    slug = "unavailable"


# "Someone else holds the lock; try again": SQLite's primary result codes SQLITE_BUSY and
# SQLITE_LOCKED (the low byte, so extended codes such as SQLITE_BUSY_SNAPSHOT count too), and
# PostgreSQL's lock_not_available (lock_timeout ran out) and query_canceled (statement_timeout).
_SQLITE_BUSY_CODES = frozenset({5, 6})
_POSTGRES_BUSY_STATES = frozenset({"55P03", "57014"})
DATABASE_RETRY_AFTER_SECONDS = 1


def database_busy(exc: BaseException) -> ServiceUnavailable | None:
    """The 503 for a database error that means "locked by another transaction", else None.

    The API waits only briefly for a lock (``API_DATABASE_LOCK_TIMEOUT_SECONDS``, see
    :func:`gala.db.make_engine`), so a long-held lock reaches the caller as this, quickly, and its
    transaction has been rolled back: retrying the same request is safe. ``exc`` is SQLAlchemy's
    wrapper (its ``orig`` is the driver's error) or the driver's error itself.
    """
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    state = getattr(orig, "sqlstate", None)
    if (isinstance(code, int) and code & 0xFF in _SQLITE_BUSY_CODES) or state in _POSTGRES_BUSY_STATES:
        return ServiceUnavailable(
            "The database is busy: another transaction holds a lock this request needs; "
            f"retry in {DATABASE_RETRY_AFTER_SECONDS} s.",
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
        )
    return None
