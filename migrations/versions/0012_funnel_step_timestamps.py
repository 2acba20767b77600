"""funnel step timestamps on suggestions

The funnel report read every suggestion's ``history`` JSON per request; it now reads when each step
was first reached from its own column. Existing rows are backfilled from ``history`` (the earliest
``at`` per status); a step implied by the current status without a history entry stays empty.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23 20:50:00

"""
import json
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

STEPS = {"proposed": "proposed_at", "introduced": "introduced_at", "interview": "interview_at", "hired": "hired_at"}
BATCH = 1000


def upgrade():
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        for column in STEPS.values():
            batch_op.add_column(sa.Column(column, sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_suggestion_organisation_created', ['organisation_id', 'created_at'], unique=False)
    _backfill(op.get_bind())


def _when(value):
    """An ISO timestamp from history as an aware datetime (UTC when it carries no zone), or None."""
    try:
        at = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return at.astimezone(UTC) if at.tzinfo else at.replace(tzinfo=UTC)


def _firsts(history):
    """The earliest ``at`` per funnel step in one suggestion's history."""
    if isinstance(history, str):
        history = json.loads(history)
    firsts = {}
    for entry in history or []:
        column = STEPS.get(entry.get("status")) if isinstance(entry, dict) else None
        at = _when(entry.get("at")) if column else None
        if at is not None and (column not in firsts or at < firsts[column]):
            firsts[column] = at
    return firsts


def _backfill(bind):
    suggestion = sa.table('suggestion', sa.column('id', sa.Integer), sa.column('history', sa.JSON),
                          *(sa.column(c, sa.DateTime(timezone=True)) for c in STEPS.values()))
    last = 0
    while True:
        rows = bind.execute(sa.select(suggestion.c.id, suggestion.c.history).where(suggestion.c.id > last)
                            .order_by(suggestion.c.id).limit(BATCH)).all()
        if not rows:
            return
        last = rows[-1].id
        by_columns = {}
        for row in rows:
            firsts = _firsts(row.history)
            if firsts:
                by_columns.setdefault(tuple(sorted(firsts)), []).append({"sid": row.id, **firsts})
        for columns, params in by_columns.items():
            bind.execute(suggestion.update().where(suggestion.c.id == sa.bindparam("sid"))
                         .values({c: sa.bindparam(c) for c in columns}), params)


def downgrade():
    with op.batch_alter_table('suggestion', schema=None) as batch_op:
        batch_op.drop_index('ix_suggestion_organisation_created')
        for column in reversed(list(STEPS.values())):
            batch_op.drop_column(column)
