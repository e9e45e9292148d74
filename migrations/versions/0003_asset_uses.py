"""asset uses: which template versions and jobs render with which assets

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:04:43.185424

A new table only, so the previous deploy keeps working on the upgraded database. Nothing to
backfill: asset ids appear in compositions only from format version 2, which arrives with it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "asset_uses",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.Column("job_id", sa.Uuid(), nullable=True),
        sa.Column("pointer", sa.String(length=512), nullable=False),
        sa.CheckConstraint(
            "(job_id IS NULL) <> (template_id IS NULL AND template_version IS NULL)"
            " AND ((template_id IS NULL) = (template_version IS NULL))",
            name=op.f("ck_asset_uses_one_user"),
        ),
        sa.ForeignKeyConstraint(
            ["asset_id"], ["assets.id"], name=op.f("fk_asset_uses_asset_id_assets"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"], name=op.f("fk_asset_uses_job_id_jobs"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["template_id", "template_version"],
            ["template_versions.template_id", "template_versions.version"],
            name="fk_asset_uses_template_version_template_versions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_uses")),
    )
    with op.batch_alter_table("asset_uses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_asset_uses_asset_id"), ["asset_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_asset_uses_job_id"), ["job_id"], unique=False)
        batch_op.create_index(
            "ix_asset_uses_template_id_template_version", ["template_id", "template_version"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("asset_uses", schema=None) as batch_op:
        batch_op.drop_index("ix_asset_uses_template_id_template_version")
        batch_op.drop_index(batch_op.f("ix_asset_uses_job_id"))
        batch_op.drop_index(batch_op.f("ix_asset_uses_asset_id"))
    op.drop_table("asset_uses")
