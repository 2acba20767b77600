"""fixed-window rate-limit counters; on PostgreSQL a trigram index on the catalogue's wordings

- throttle_counter: one row per scope, key and hourly window, upserted per catalogue page view
  (replaces a count over throttle_event plus an insert on the public catalogue's hot path).
- catalogue_term.term: a pg_trgm GIN index on PostgreSQL only (SQLite has no such index), so a
  typo search finds its wordings by trigram similarity at a cost that follows the matches.

Revision ID: 0015_perf
Revises: 0014_valuation_rules
"""
from alembic import op
import sqlalchemy as sa


revision = "0015_perf"
down_revision = "0014_valuation_rules"
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
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX IF NOT EXISTS ix_catalogue_term_trgm ON catalogue_term USING gin (term gin_trgm_ops)")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_catalogue_term_trgm")
    op.drop_table("throttle_counter")
