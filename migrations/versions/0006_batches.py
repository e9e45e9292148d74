"""batches: a template rendered for many rows; jobs.batch_id/batch_row/batch_held; job_events.batch_id

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 10:10:00.000000

A new table and nullable (or defaulted) columns, so the previous deploy keeps working on the
upgraded database: its jobs have no batch, and it never holds a job back.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from gala.db import JSONDoc, UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("options", JSONDoc, nullable=False),
        sa.Column("basename_column", sa.String(length=64), nullable=True),
        sa.Column("labels", JSONDoc, nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("concurrency", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["template_id"], ["templates.id"], name=op.f("fk_batches_template_id_templates"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batches")),
    )
    with op.batch_alter_table("batches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_batches_template_id"), ["template_id"], unique=False)
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("batch_row", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("batch_held", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_foreign_key(
            batch_op.f("fk_jobs_batch_id_batches"), "batches", ["batch_id"], ["id"], ondelete="CASCADE"
        )
        batch_op.create_index("ix_jobs_batch_id_status", ["batch_id", "status"], unique=False)
    with op.batch_alter_table("job_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Uuid(), nullable=True))
        batch_op.create_index("ix_job_events_batch_id_id", ["batch_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("job_events", schema=None) as batch_op:
        batch_op.drop_index("ix_job_events_batch_id_id")
        batch_op.drop_column("batch_id")
    with op.batch_alter_table("jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_jobs_batch_id_status")
        batch_op.drop_constraint(batch_op.f("fk_jobs_batch_id_batches"), type_="foreignkey")
        batch_op.drop_column("batch_held")
        batch_op.drop_column("batch_row")
        batch_op.drop_column("batch_id")
    with op.batch_alter_table("batches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_batches_template_id"))
    op.drop_table("batches")
