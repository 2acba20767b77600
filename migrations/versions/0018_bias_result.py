"""The bias monitor's counts, computed by a job instead of in the page

bias_result: per organisation the counts per group in each open vacancy's top 10 and among its
eligible candidates (aggregates, no candidate), with a digest of the data they were computed from.

Revision ID: 0018_bias_result
Revises: 0017_staffperf3
"""
import sqlalchemy as sa
from alembic import op

revision = "0018_bias_result"
down_revision = "0017_staffperf3"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "bias_result",
        sa.Column("organisation_id", sa.Integer(), sa.ForeignKey("organisation.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("vacancies", sa.JSON(), nullable=False),
    )


def downgrade():
    op.drop_table("bias_result")
