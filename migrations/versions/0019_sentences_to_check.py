"""Published profiles with sentences to check, findable in the candidate list

public_profile.sentences_to_check: how many sentences or list wordings of the approved text the learned
sentence gate asks a person to read again (models/catalogue/publishing/hints.py). The bulk publication
sets it (nobody read the text); a matcher publishing from the preview, where the hints are shown, sets
it to 0. Existing approved profiles are scored here once, so a profile published in bulk before this
revision is found as well (a profile a matcher published from the preview may be listed once more).

Revision ID: 0019_sentences_to_check
Revises: 0018_bias_result
"""
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op

revision = "0019_sentences_to_check"
down_revision = "0018_bias_result"
branch_labels = None
depends_on = None

PROFILE = sa.table("public_profile", sa.column("id", sa.Integer), sa.column("reviewed_at", sa.DateTime),
                   sa.column("status", sa.String), sa.column("description", sa.Text),
                   sa.column("occupations", sa.JSON), sa.column("skills", sa.JSON),
                   sa.column("certificates", sa.JSON), sa.column("sentences_to_check", sa.Integer))


def upgrade():
    op.add_column("public_profile", sa.Column("sentences_to_check", sa.Integer(), nullable=False,
                                              server_default="0"))
    _score_approved_profiles()


def _score_approved_profiles():
    """Approved profiles written before this revision get their count, in batches."""
    from models.catalogue.publishing.hints import profile_hints  # the gate's text rules, no app needed

    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(sa.select(PROFILE).where(PROFILE.c.id > last, PROFILE.c.reviewed_at.is_not(None),
                                                     PROFILE.c.status != "withdrawn")
                            .order_by(PROFILE.c.id).limit(1000)).all()
        if not rows:
            return
        for row in rows:
            count = len(profile_hints(SimpleNamespace(description=row.description or "",
                                                      occupations=row.occupations or [], skills=row.skills or [],
                                                      certificates=row.certificates or [])))
            if count:
                bind.execute(PROFILE.update().where(PROFILE.c.id == row.id).values(sentences_to_check=count))
        last = rows[-1].id


def downgrade():
    with op.batch_alter_table("public_profile") as batch:
        batch.drop_column("sentences_to_check")
