"""SQLAlchemy 2 plumbing: the declarative base, UUIDv7 keys, engine and session factories, the unit of work."""

from __future__ import annotations

import logging
import secrets
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, create_engine, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
JSONDoc = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


def uuid7() -> uuid.UUID:
    """A time-ordered UUID (RFC 9562 version 7): keyset pagination by id is creation order."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(secrets.token_bytes(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b
    return uuid.UUID(int=value)


# How long a connection waits for a lock another connection holds, unless its process says
# otherwise: workers and tools wait this long on SQLite (on PostgreSQL, the server's default: no
# limit). The API passes its own, short wait (API_DATABASE_LOCK_TIMEOUT_SECONDS) so that a locked
# database gets a quick 503 with Retry-After instead of a request hanging (gala.errors).
SQLITE_LOCK_TIMEOUT_SECONDS = 30.0


def make_engine(url: str, *, lock_timeout_seconds: float | None = None) -> Engine:
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"pool_pre_ping": True}
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        busy = SQLITE_LOCK_TIMEOUT_SECONDS if lock_timeout_seconds is None else lock_timeout_seconds
        # The API serves from a thread pool and workers are separate processes.
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": busy}
    elif parsed.get_backend_name() == "postgresql" and lock_timeout_seconds is not None:
        # A startup option, not a SET: a SET in the pool's first transaction is undone by its rollback.
        options = f"-c lock_timeout={max(1, round(lock_timeout_seconds * 1000))}"
        if given := parsed.query.get("options"):  # keep the URL's own options (connect_args replace them)
            options = f"{given if isinstance(given, str) else ' '.join(given)} {options}"
        kwargs["connect_args"] = {"options": options}
    engine = create_engine(url, **kwargs)
    if sqlite:
        event.listen(engine, "connect", partial(_sqlite_pragmas, busy_ms=max(1, round(busy * 1000))))
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any, *, busy_ms: int) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={busy_ms:d}")
    cur.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    with factory() as session, session.begin():
        yield session


class UnitOfWork:
    """One transaction that services share, and what to do once it has committed.

    A service receives a unit of work instead of opening its own transaction, so a caller can
    make several changes atomic (a batch of N jobs is one commit). Effects outside the database
    (sending a broker message) are registered with :meth:`after_commit`: they run only once the
    rows they talk about are committed, never for a rolled-back transaction.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._after_commit: list[Callable[[], None]] = []

    def after_commit(self, hook: Callable[[], None]) -> None:
        self._after_commit.append(hook)

    def _run_hooks(self) -> None:
        hooks, self._after_commit = self._after_commit, []
        for hook in hooks:
            try:
                hook()
            except Exception:  # committed is committed: a hook's failure must not undo or hide it
                log.exception("after-commit hook failed (the outbox relay retries dispatches)")


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[UnitOfWork]:
    """Commit on success, then run the after-commit hooks; roll back (and run none) on any exception."""
    with factory() as session:
        uow = UnitOfWork(session)
        with session.begin():
            yield uow
        uow._run_hooks()


__all__ = [
    "Base",
    "JSONDoc",
    "UTCDateTime",
    "UnitOfWork",
    "make_engine",
    "make_sessionmaker",
    "transaction",
    "unit_of_work",
    "utcnow",
    "uuid7",
]
