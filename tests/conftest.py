"""Shared fixtures: a migrated database per backend, an app, a client.

The database legs: SQLite always; PostgreSQL when ``GALA_TEST_POSTGRES_URL`` is set (CI sets it
and a configured but unreachable server fails the run rather than skipping it).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from gala.config import Settings
from gala.db import Base
from gala.migrate import upgrade

POSTGRES_URL = os.environ.get("GALA_TEST_POSTGRES_URL")
REDIS_URL = os.environ.get("GALA_TEST_REDIS_URL")

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)] if POSTGRES_URL else ["sqlite"]


@contextmanager
def scratch_postgres(prefix: str) -> Iterator[str]:
    """A scratch database on the configured PostgreSQL server, dropped afterwards."""
    assert POSTGRES_URL, "GALA_TEST_POSTGRES_URL is not set"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    with scratch_postgres("gala_test") as url:
        yield url


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "postgresql":
        url: str = request.getfixturevalue("postgres_server_url")
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'gala.db'}"
    upgrade(Settings(data_dir=tmp_path_factory.mktemp("migrate"), database_url=url))
    return url


def _truncate(settings: Settings) -> None:
    from gala.db import make_engine

    engine = make_engine(settings.database_url)
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                names = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
                conn.execute(text(f"TRUNCATE {names} CASCADE"))
            else:
                for table in reversed(Base.metadata.sorted_tables):
                    conn.execute(table.delete())
    finally:
        engine.dispose()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    s = Settings(data_dir=tmp_path / "data", database_url=database_url)
    _truncate(s)
    return s


@pytest.fixture
def app(settings: Settings) -> Iterator[Any]:
    from gala.app import create_app

    application = create_app(settings)
    yield application
    application.app.extensions["gala"].close()


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()
