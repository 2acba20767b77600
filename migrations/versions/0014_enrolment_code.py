"""one-time enrolment code for linking a second factor

A staff account without an authenticator (new, or after a reset) links one only with a one-time
code that the creator or resetter was shown; stored as a SHA-256 hash with an expiry.

Revision ID: 0014_enrolment_code
Revises: 0013
Create Date: 2026-12-01 23:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0014_enrolment_code'
down_revision = "0014_candidate_file"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('user_account') as batch:
        batch.add_column(sa.Column('enrolment_code_hash', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('enrolment_code_expires_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('user_account') as batch:
        batch.drop_column('enrolment_code_expires_at')
        batch.drop_column('enrolment_code_hash')
