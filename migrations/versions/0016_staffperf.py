"""Staff pages at scale: the worklist's stored proposals

unmatched_wording.proposals / proposals_key: the proposals the queue worked out for a wording and
the linker key they were made with, so the worklist page shows them without building a linker.

Revision ID: 0016_staffperf
Revises: 0016_snapshot
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_staffperf"
down_revision = "0016_snapshot"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("unmatched_wording") as batch_op:
        batch_op.add_column(sa.Column("proposals", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("proposals_key", sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table("unmatched_wording") as batch_op:
        batch_op.drop_column("proposals_key")
        batch_op.drop_column("proposals")
