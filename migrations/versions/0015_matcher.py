"""employer_request: "vraag de kandidaat" routed to the candidate's matcher, and the answer

The account manager handling an employer's request sees only a pseudonym; the question goes as a
task to the candidate's owner (asked_user_id, asked_at), who records the answer (yes/no and a note
without personal data) for the account manager. Staff only; the employer never sees these columns.

Revision ID: 0015_matcher
Revises: 0015_queue
"""
import sqlalchemy as sa
from alembic import op

revision = "0015_matcher"
down_revision = "0015_queue"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("employer_request") as batch_op:
        batch_op.add_column(sa.Column("asked_user_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("asked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("answer", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("answer_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("answered_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_employer_request_asked_user_id"), ["asked_user_id"], unique=False)
        batch_op.create_foreign_key(batch_op.f("fk_employer_request_asked_user_id_user_account"),
                                    "user_account", ["asked_user_id"], ["id"])
        batch_op.create_foreign_key(batch_op.f("fk_employer_request_answered_by_id_user_account"),
                                    "user_account", ["answered_by_id"], ["id"])


def downgrade():
    with op.batch_alter_table("employer_request") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_employer_request_answered_by_id_user_account"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_employer_request_asked_user_id_user_account"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_employer_request_asked_user_id"))
        for column in ("answered_at", "answered_by_id", "answer_note", "answer", "asked_at", "asked_user_id"):
            batch_op.drop_column(column)
