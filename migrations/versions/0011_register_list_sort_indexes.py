"""Register list: a denormalised last contact date and an index per sort order.

Revision ID: 0011
Revises: 0008
Create Date: 2026-11-23 20:19:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0008'
branch_labels = None
depends_on = None

LAST_CONTACT_OPS = {'last_contact_on': 'DESC NULLS LAST', 'id': 'DESC'}


def upgrade():
    with op.batch_alter_table('employer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_contact_on', sa.Date(), nullable=True))
    # Backfill from the contact moments (kept up to date by register_contacts from now on).
    op.execute("UPDATE employer SET last_contact_on = (SELECT max(occurred_on) FROM contact_moment"
               " WHERE contact_moment.employer_id = employer.id)")
    op.create_index('ix_employer_org_last_contact', 'employer', ['organisation_id', 'last_contact_on', 'id'],
                    postgresql_ops=LAST_CONTACT_OPS)
    # Case-blind name orders: lower(name) expression indexes (SQLite and PostgreSQL alike); on
    # PostgreSQL INCLUDE name, without which it never answers from an expression index alone.
    op.create_index('ix_employer_org_lower_name', 'employer', ['organisation_id', sa.text('lower(name)'), 'id'],
                    postgresql_include=['name'])
    op.create_index('ix_employer_org_city_name', 'employer',
                    ['organisation_id', 'city', sa.text('lower(name)'), 'id'], postgresql_include=['name'])
    op.create_index('ix_employer_org_status_name', 'employer',
                    ['organisation_id', 'status', sa.text('lower(name)'), 'id'], postgresql_include=['name'])


def downgrade():
    for name in ('ix_employer_org_status_name', 'ix_employer_org_city_name', 'ix_employer_org_lower_name',
                 'ix_employer_org_last_contact'):
        op.drop_index(name, table_name='employer')
    with op.batch_alter_table('employer', schema=None) as batch_op:
        batch_op.drop_column('last_contact_on')
