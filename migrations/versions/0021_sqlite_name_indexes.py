"""The register's case-blind name indexes again on SQLite, where later batch migrations dropped them

0011 created ix_employer_org_lower_name, ix_employer_org_city_name and ix_employer_org_status_name
(lower(name) expression indexes for the register list's sort orders). On SQLite every later
``batch_alter_table("employer")`` (0013 to 0017) copies the table and cannot reflect expression
indexes, so a database built by ``flask db upgrade`` on SQLite lost them (SQLAlchemy warned:
"Skipped unsupported reflection of expression-based index"). PostgreSQL alters in place and kept them.
This revision creates whichever of them is missing; tests/test_migrations.py checks every index of
the models by name after an upgrade.

Revision ID: 0021_sqlite_name_indexes
Revises: 0020_auto_checked
"""
import sqlalchemy as sa
from alembic import op

revision = "0021_sqlite_name_indexes"
down_revision = "0020_auto_checked"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_employer_org_lower_name": ["organisation_id", sa.text("lower(name)"), "id"],
    "ix_employer_org_city_name": ["organisation_id", "city", sa.text("lower(name)"), "id"],
    "ix_employer_org_status_name": ["organisation_id", "status", sa.text("lower(name)"), "id"],
}


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    present = {row[0] for row in bind.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'employer'")}
    for name, columns in INDEXES.items():
        if name not in present:
            op.create_index(name, "employer", columns)


def downgrade():
    pass  # the indexes belong to 0011, whose downgrade drops them
