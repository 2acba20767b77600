"""fixed-window rate-limit counters for the public catalogue

- throttle_counter: one row per scope, key and hourly window, upserted per catalogue page view
  (replaces a count over throttle_event plus an insert on the public catalogue's hot path).

Revision ID: 0015_perf
Revises: 0015_notifications
"""
from alembic import op
import sqlalchemy as sa


revision = "0015_perf"
down_revision = "0015_sectors"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "throttle_counter",
        sa.Column("scope", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("window_start", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "key", "window_start", name=op.f("pk_throttle_counter")),
    )


def downgrade():
    op.drop_table("throttle_counter")
