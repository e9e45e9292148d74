"""api keys: the api_keys table; jobs.api_key_id (who submitted a job, for the per-key cap)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 10:20:00.000000

A new table and a nullable column, so the previous deploy keeps working on the upgraded
database (it never sets the column). Existing jobs keep NULL: they belong to no key.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from gala.db import UTCDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("secret_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_used_at", UTCDateTime(), nullable=True),
        sa.Column("revoked_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
    )
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("api_key_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_jobs_api_key_id_api_keys"), "api_keys", ["api_key_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_index("ix_jobs_api_key_status", ["api_key_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_jobs_api_key_status")
        batch_op.drop_constraint(batch_op.f("fk_jobs_api_key_id_api_keys"), type_="foreignkey")
        batch_op.drop_column("api_key_id")
    op.drop_table("api_keys")
