"""Catalogue search index: the normalised wordings of public profiles, and the listing index.

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-23 19:22:07.338854

"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('catalogue_term',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_catalogue_term')),
    sa.UniqueConstraint('kind', 'term', name=op.f('uq_catalogue_term_kind_term'))
    )
    op.create_table('profile_term',
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('term_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['profile_id'], ['public_profile.id'], name=op.f('fk_profile_term_profile_id_public_profile'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['term_id'], ['catalogue_term.id'], name=op.f('fk_profile_term_term_id_catalogue_term'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('profile_id', 'term_id', name=op.f('pk_profile_term'))
    )
    with op.batch_alter_table('profile_term', schema=None) as batch_op:
        batch_op.create_index('ix_profile_term_term_profile', ['term_id', 'profile_id'], unique=False)

    with op.batch_alter_table('public_profile', schema=None) as batch_op:
        batch_op.create_index('ix_public_profile_listing', ['status', 'published_at', 'available_from', 'hours_min',
                                                             'hours_max', 'education', 'lat', 'lon'], unique=False)

    _index_existing_profiles()


def _index_existing_profiles():
    """Profiles written before this revision get their wordings indexed, in batches."""
    from models.catalogue.index import index_rows, profile_terms

    bind = op.get_bind()
    profile = sa.table('public_profile', sa.column('id'), sa.column('occupations', sa.JSON),
                       sa.column('skills', sa.JSON), sa.column('licences', sa.JSON))
    last = 0
    while True:
        rows = bind.execute(sa.select(profile).where(profile.c.id > last).order_by(profile.c.id).limit(1000)).all()
        if not rows:
            return
        index_rows(bind, {r.id: profile_terms(r.occupations, r.skills, r.licences) for r in rows})
        last = rows[-1].id


def downgrade():
    with op.batch_alter_table('public_profile', schema=None) as batch_op:
        batch_op.drop_index('ix_public_profile_listing')

    with op.batch_alter_table('profile_term', schema=None) as batch_op:
        batch_op.drop_index('ix_profile_term_term_profile')

    op.drop_table('profile_term')
    op.drop_table('catalogue_term')
