"""Initiative reviews: the configurable recognition sheet and reviewers' scores.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

"""
from alembic import op  # noqa: F401
import sqlalchemy as sa  # noqa: F401


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    # Tables are added by the initiatives feature (owner: initiative reviews).
    pass


def downgrade():
    pass
