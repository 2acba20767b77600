"""concept version for optimistic locking

Coordinators now edit taxonomy concepts in the web interface; the edit form carries the version.

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-23 19:37:07.228162

"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('concept', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('concept', schema=None) as batch_op:
        batch_op.drop_column('version')
