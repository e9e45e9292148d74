"""The ORM models and the Alembic migrations describe the same schema, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from gala.config import Settings
from gala.db import Base, make_engine


def test_models_and_migrations_agree(settings: Settings) -> None:
    engine = make_engine(settings.database_url)  # migrated to head by the database_url fixture
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert diff == []
    assert {t.name for t in Base.metadata.sorted_tables} <= tables
