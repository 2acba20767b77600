"""api imports and exports made by the worker

Revision ID: 0016_jobs
Revises: 0016_once
Create Date: 2026-12-02 08:10:00

An API import over IMPORT_INLINE_MAX_BYTES is stored (api_import: body, state, answer) and run by
the worker; its status URL reads the row. A staff export over EXPORT_INLINE_MAX_ROWS is made by
the worker (export_job: who asked, which list, the file's state).

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0016_jobs"
down_revision = "0016_once"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "api_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("token_prefix", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_api_import_organisation_id_organisation"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_import")),
        sa.UniqueConstraint("public_id", name=op.f("uq_api_import_public_id")),
    )
    op.create_index(op.f("ix_api_import_organisation_id"), "api_import", ["organisation_id"])
    op.create_index("ix_api_import_state", "api_import", ["status", "updated_at"])
    op.create_table(
        "export_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_id", sa.String(length=32), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=32), nullable=False),
        sa.Column("fmt", sa.String(length=8), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("origin", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("filename", sa.String(length=200), nullable=True),
        sa.Column("error", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_export_job_organisation_id_organisation"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_export_job_user_id_user_account"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_export_job")),
        sa.UniqueConstraint("public_id", name=op.f("uq_export_job_public_id")),
    )
    op.create_index(op.f("ix_export_job_organisation_id"), "export_job", ["organisation_id"])
    op.create_index(op.f("ix_export_job_user_id"), "export_job", ["user_id"])
    op.create_index(op.f("ix_export_job_created_at"), "export_job", ["created_at"])


def downgrade():
    op.drop_table("export_job")
    op.drop_table("api_import")
