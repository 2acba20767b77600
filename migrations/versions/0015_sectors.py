"""employer sector from the fixed list

Existing free texts are mapped onto a sector code (models.taxonomy.sectors.sector_of); a text that maps
onto none is kept in sector_unmapped, where a coordinator assigns it under "Sectoren toewijzen".

Revision ID: 0015_sectors
Revises: 0015_notifications
Create Date: 2026-12-02 04:50:00

"""
from alembic import op
import sqlalchemy as sa

from models.taxonomy.sectors import sector_of


revision = "0015_sectors"
down_revision = "0015_notifications"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("employer") as batch:
        batch.add_column(sa.Column("sector_unmapped", sa.String(length=200), nullable=True))
    employer = sa.table("employer", sa.column("id", sa.Integer), sa.column("sector", sa.String),
                        sa.column("sector_unmapped", sa.String))
    bind = op.get_bind()
    rows = bind.execute(sa.select(employer.c.id, employer.c.sector).where(employer.c.sector.is_not(None))).all()
    for row_id, text in rows:
        code = sector_of(text)
        values = {"sector": code, "sector_unmapped": None if code else text.strip()[:200] or None}
        bind.execute(employer.update().where(employer.c.id == row_id).values(**values))


def downgrade():
    employer = sa.table("employer", sa.column("sector", sa.String), sa.column("sector_unmapped", sa.String))
    op.execute(employer.update().where(employer.c.sector_unmapped.is_not(None))
               .values(sector=employer.c.sector_unmapped))
    with op.batch_alter_table("employer") as batch:
        batch.drop_column("sector_unmapped")
