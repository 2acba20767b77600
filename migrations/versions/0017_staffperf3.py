"""Employer-contacts report at scale: the first contact date and two contact-moment indexes

employer.first_contact_on: the earliest contact moment's date, kept in step like last_contact_on,
so "new employers in a period" is a range count instead of a minimum per employer over every moment.
ix_contact_moment_org_date (PostgreSQL: INCLUDE employer, author, channel) lets the report read a
period's moments from the index alone; ix_contact_moment_org_open_follow_up holds only open follow-ups.

Revision ID: 0017_staffperf3
Revises: 0016_jobs
"""
import sqlalchemy as sa
from alembic import op

revision = "0017_staffperf3"
down_revision = "0016_jobs"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("employer") as batch_op:
        batch_op.add_column(sa.Column("first_contact_on", sa.Date(), nullable=True))
    op.execute("UPDATE employer SET first_contact_on = (SELECT min(occurred_on) FROM contact_moment"
               " WHERE contact_moment.employer_id = employer.id)")
    op.create_index("ix_employer_org_first_contact", "employer", ["organisation_id", "first_contact_on"])
    op.create_index("ix_contact_moment_org_date", "contact_moment", ["organisation_id", "occurred_on"],
                    postgresql_include=["employer_id", "author_id", "channel"])
    op.create_index("ix_contact_moment_org_open_follow_up", "contact_moment", ["organisation_id", "follow_up_on"],
                    postgresql_include=["follow_up_owner_id"], postgresql_where=sa.text("follow_up_done_at IS NULL"),
                    sqlite_where=sa.text("follow_up_done_at IS NULL"))


def downgrade():
    op.drop_index("ix_contact_moment_org_open_follow_up", table_name="contact_moment")
    op.drop_index("ix_contact_moment_org_date", table_name="contact_moment")
    op.drop_index("ix_employer_org_first_contact", table_name="employer")
    with op.batch_alter_table("employer") as batch_op:
        batch_op.drop_column("first_contact_on")
