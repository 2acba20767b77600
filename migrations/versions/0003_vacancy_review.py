"""Vacancy review: the employer is optional until a public submission is accepted; reason for refusal.

Revision ID: 0003
Revises: 0009
Create Date: 2026-11-23 19:17:01
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rejection_reason", sa.String(length=300), nullable=True))
        batch_op.alter_column("employer_id", existing_type=sa.INTEGER(), nullable=True)


def downgrade():
    # Submitted vacancies without an employer cannot survive the NOT NULL; drop them first.
    op.execute("DELETE FROM vacancy WHERE employer_id IS NULL")
    with op.batch_alter_table("vacancy", schema=None) as batch_op:
        batch_op.alter_column("employer_id", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("rejection_reason")
