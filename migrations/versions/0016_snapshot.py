"""Change numbers for the matcher's index snapshots: candidate.change_no, vacancy.change_no, candidate_removal

Every candidate and vacancy change takes a number from the ``changes`` counter row of cache_stamp
(upserted in the change's own transaction, so numbers follow commit order); the index applies
``change_no > last seen`` instead of comparing updated_at with a margin. Deleted candidates leave a
candidate_removal row. cache_stamp.version becomes a BIGINT (the counter never wraps).

Revision ID: 0016_snapshot
Revises: 0015_matcher
"""
import sqlalchemy as sa
from alembic import op

revision = "0016_snapshot"
down_revision = "0015_matcher"
branch_labels = None
depends_on = None


def upgrade():
    for table in ("candidate", "vacancy"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("change_no", sa.BigInteger(), server_default="0", nullable=False))
    op.create_index("ix_candidate_org_change_no", "candidate", ["organisation_id", "change_no"])
    with op.batch_alter_table("cache_stamp") as batch_op:
        batch_op.alter_column("version", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
    op.create_table(
        "candidate_removal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("change_no", sa.BigInteger(), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_candidate_removal")),
    )
    op.create_index(op.f("ix_candidate_removal_organisation_id"), "candidate_removal", ["organisation_id"])
    op.create_index(op.f("ix_candidate_removal_change_no"), "candidate_removal", ["change_no"])


def downgrade():
    op.drop_index(op.f("ix_candidate_removal_change_no"), table_name="candidate_removal")
    op.drop_index(op.f("ix_candidate_removal_organisation_id"), table_name="candidate_removal")
    op.drop_table("candidate_removal")
    with op.batch_alter_table("cache_stamp") as batch_op:
        batch_op.alter_column("version", existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False)
    op.drop_index("ix_candidate_org_change_no", table_name="candidate")
    for table in ("vacancy", "candidate"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("change_no")
