"""notifications and each person's channel per kind

Revision ID: 0015_notifications
Revises: 0015_calendar_feed
Create Date: 2026-12-02 04:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0015_notifications"
down_revision = "0015_calendar_feed"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notification",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("title_values", sa.JSON(), nullable=False, server_default="{}"),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mailed_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("user_id", "key", name="uq_notification_user_key"),
    )
    op.create_index("ix_notification_user_read", "notification", ["user_id", "read_at", "created_at"])
    op.create_table(
        "notification_setting",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("kind", sa.String(length=32), primary_key=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
    )


def downgrade():
    op.drop_table("notification_setting")
    op.drop_index("ix_notification_user_read", table_name="notification")
    op.drop_table("notification")
