"""contractor view of social-return obligations

Staff give an employer account access as contact person of a contractor (``sroi_contractor_access``,
one employer per account). The contractor proposes activities; staff approve or reject them, so an
activity keeps who proposed it, who reviewed it and when, and the reason of a rejection.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-24 00:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('sroi_contractor_access',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_sroi_contractor_access_employer_id_employer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['granted_by_id'], ['user_account.id'], name=op.f('fk_sroi_contractor_access_granted_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_sroi_contractor_access_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sroi_contractor_access')),
    sa.UniqueConstraint('user_id', name=op.f('uq_sroi_contractor_access_user_id'))
    )
    with op.batch_alter_table('sroi_contractor_access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sroi_contractor_access_employer_id'), ['employer_id'], unique=False)

    with op.batch_alter_table('sroi_activity', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proposed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('rejection_reason', sa.Text(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_sroi_activity_proposed_by_id_user_account'), 'user_account', ['proposed_by_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_sroi_activity_reviewed_by_id_user_account'), 'user_account', ['reviewed_by_id'], ['id'], ondelete='SET NULL')


def downgrade():
    with op.batch_alter_table('sroi_activity', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_sroi_activity_reviewed_by_id_user_account'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_sroi_activity_proposed_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('rejection_reason')
        batch_op.drop_column('reviewed_at')
        batch_op.drop_column('reviewed_by_id')
        batch_op.drop_column('proposed_by_id')

    with op.batch_alter_table('sroi_contractor_access', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sroi_contractor_access_employer_id'))

    op.drop_table('sroi_contractor_access')
