"""Profiles approved by the bulk publication say so

public_profile.auto_checked: the bulk publication (models/catalogue/publishing/bulk.py) approved the
profile with the privacy check only; no person read it. The catalogue card then says "Automatisch
gecontroleerd" and the staff page no longer "Laatst beoordeeld" as if someone had. Existing approved
profiles count as bulk-approved when nobody is named as reviewer (the command line's bulk run) or
when they still hold sentences to check (only the bulk publication leaves those).

Revision ID: 0020_auto_checked
Revises: 0019_sentences_to_check
"""
import sqlalchemy as sa
from alembic import op

revision = "0020_auto_checked"
down_revision = "0019_sentences_to_check"
branch_labels = None
depends_on = None

PROFILE = sa.table("public_profile", sa.column("reviewed_at", sa.DateTime), sa.column("reviewed_by_id", sa.Integer),
                   sa.column("sentences_to_check", sa.Integer), sa.column("auto_checked", sa.Boolean))


def upgrade():
    op.add_column("public_profile", sa.Column("auto_checked", sa.Boolean(), nullable=False,
                                              server_default=sa.false()))
    op.execute(PROFILE.update().where(PROFILE.c.reviewed_at.is_not(None), sa.or_(
        PROFILE.c.reviewed_by_id.is_(None), PROFILE.c.sentences_to_check > 0)).values(auto_checked=True))


def downgrade():
    with op.batch_alter_table("public_profile") as batch:
        batch.drop_column("auto_checked")
