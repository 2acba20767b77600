"""form_submission (one-time tokens of create forms) and the natural key of a placement

A create form carries a one-time token; the token is inserted in the transaction that stores the
record, so a double click, a retry or a resubmit after Back finds the first submission instead of
storing a second record. A placement of the same candidate at the same employer from the same day is
the same placement: a unique index says so (the demo data and earlier placements hold no such pair;
erased candidates leave NULL, which the index does not compare).

Revision ID: 0016_once
Revises: 0016_staffperf
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_once"
down_revision = "0016_staffperf"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "form_submission",
        sa.Column("token", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result_url", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_form_submission")),
    )
    op.create_index(op.f("ix_form_submission_created_at"), "form_submission", ["created_at"], unique=False)
    duplicates = op.get_bind().execute(sa.text(
        "SELECT count(*) FROM (SELECT 1 FROM placement WHERE candidate_id IS NOT NULL "
        "GROUP BY candidate_id, employer_id, start_date HAVING count(*) > 1) AS pairs")).scalar()
    if duplicates:
        raise RuntimeError(
            f"{duplicates} candidate/employer/start date combination(s) have more than one placement; "
            "list them with SELECT candidate_id, employer_id, start_date FROM placement GROUP BY 1, 2, 3 "
            "HAVING count(*) > 1, keep one placement of each and delete the others, then upgrade again")
    op.create_index("uq_placement_candidate_employer_start", "placement",
                    ["candidate_id", "employer_id", "start_date"], unique=True)


def downgrade():
    op.drop_index("uq_placement_candidate_employer_start", table_name="placement")
    op.drop_index(op.f("ix_form_submission_created_at"), table_name="form_submission")
    op.drop_table("form_submission")
