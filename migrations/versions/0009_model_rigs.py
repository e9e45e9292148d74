"""model rigs: model_references.role (what each reference image is to a puppet or photo model) and
models.rig (anchors, and a photo's located face)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 12:50:00.000000

Two nullable columns, so the previous deploy keeps working on the upgraded database (it never
sets them). Existing models keep NULL: an `avatar` or `builtin` model has no rig.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from gala.db import JSONDoc

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("model_references", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=32), nullable=True))
    with op.batch_alter_table("models", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rig", JSONDoc, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("models", schema=None) as batch_op:
        batch_op.drop_column("rig")
    with op.batch_alter_table("model_references", schema=None) as batch_op:
        batch_op.drop_column("role")
