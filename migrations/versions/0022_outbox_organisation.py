"""The outbox knows whose mail it holds

outbox_message.organisation_id: the organisation whose work a message belongs to. The outbox page
(/beheer/uitgaande-mail) listed every organisation's mail to every coordinator: UWV's letters to
employers about its candidates and its mail to its own staff showed up for the municipality. The page
now shows only the signed-in user's organisation. Existing rows are backfilled from what they relate
to: a message to a staff member belongs to that member's organisation; a message to an employer's
address about a profile ("... profiel K-XXXX") belongs to the profile's organisation; any other
message to the address of a meet request belongs to that request's organisation when all requests
from that address are with one organisation. What stays unknown (an employer's account mail,
saved-search alerts) stays NULL and is shown to no organisation.

Revision ID: 0022_outbox_organisation
Revises: 0021_sqlite_name_indexes
"""
import sqlalchemy as sa
from alembic import op

revision = "0022_outbox_organisation"
down_revision = "0021_sqlite_name_indexes"
branch_labels = None
depends_on = None

OUTBOX = sa.table("outbox_message", sa.column("id", sa.Integer), sa.column("organisation_id", sa.Integer),
                  sa.column("to_address", sa.String), sa.column("subject", sa.String))
USER = sa.table("user_account", sa.column("email", sa.String), sa.column("organisation_id", sa.Integer))
PROFILE = sa.table("public_profile", sa.column("code", sa.String), sa.column("organisation_id", sa.Integer))
REQUEST = sa.table("employer_request", sa.column("email", sa.String), sa.column("organisation_id", sa.Integer))


def upgrade():
    with op.batch_alter_table("outbox_message") as batch:
        batch.add_column(sa.Column("organisation_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_outbox_message_organisation_id"), ["organisation_id"])
        batch.create_foreign_key(batch.f("fk_outbox_message_organisation_id_organisation"), "organisation",
                                 ["organisation_id"], ["id"])
    unknown = OUTBOX.c.organisation_id.is_(None)
    # 1. Mail to a staff member: that member's organisation.
    staff = (sa.select(USER.c.organisation_id).where(sa.func.lower(USER.c.email) == sa.func.lower(OUTBOX.c.to_address),
                                                     USER.c.organisation_id.is_not(None))
             .limit(1).scalar_subquery())
    op.execute(OUTBOX.update().where(unknown).values(organisation_id=staff))
    # 2. Mail about a profile: the profile's organisation (the code ends the subject).
    about = (sa.select(PROFILE.c.organisation_id)
             .where(OUTBOX.c.subject.like(sa.literal("%profiel ") + PROFILE.c.code)).limit(1).scalar_subquery())
    op.execute(OUTBOX.update().where(unknown).values(organisation_id=about))
    # 3. Other mail to a meet request's address: that request's organisation, when it is the only one.
    same_address = sa.func.lower(REQUEST.c.email) == sa.func.lower(OUTBOX.c.to_address)
    orgs = sa.select(sa.func.count(sa.distinct(REQUEST.c.organisation_id))).where(same_address).scalar_subquery()
    one = sa.select(sa.func.min(REQUEST.c.organisation_id)).where(same_address).scalar_subquery()
    op.execute(OUTBOX.update().where(unknown, orgs == 1).values(organisation_id=one))


def downgrade():
    with op.batch_alter_table("outbox_message") as batch:
        batch.drop_constraint(batch.f("fk_outbox_message_organisation_id_organisation"), type_="foreignkey")
        batch.drop_index(batch.f("ix_outbox_message_organisation_id"))
        batch.drop_column("organisation_id")
