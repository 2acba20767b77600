"""a personal calendar feed of follow-ups

Each staff member may subscribe a calendar program to their open follow-ups through a secret URL;
only a SHA-256 hash of the secret is stored, so revoking is clearing it.

Revision ID: 0015_calendar_feed
Revises: 0014_valuation_rules
Create Date: 2026-12-02 04:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0015_calendar_feed"
down_revision = "0014_valuation_rules"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("calendar_token_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("calendar_token_created_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_user_account_calendar_token_hash", ["calendar_token_hash"], unique=True)


def downgrade():
    with op.batch_alter_table("user_account") as batch:
        batch.drop_index("ix_user_account_calendar_token_hash")
        batch.drop_column("calendar_token_created_at")
        batch.drop_column("calendar_token_hash")
