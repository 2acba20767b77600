"""valuation rules as data: table sources and regions, instrument rules, activity units, PSO, statushouder flag

- building_block_table: where the values come from (source_url, source_checked_on), whether the table
  is only an example (no traceable source), and the municipalities whose contracts it values.
- building_block_table_version.rules: how each instrument counts (paid / other / none) and PSO reductions.
- building_block.unit: activity rates per hour, activity, day or euro invoiced ('fixed' activities
  become 'activity': a one-off amount per activity).
- sroi_obligation: the contractor's PSO rung and the reduction it gave; sroi_activity.unit.
- placement: statushouder is a bonus flag, never a target group; rows recorded with target group
  'statushouder' keep the flag and are put on Participatiewet (the benefit of nearly all of them).

Revision ID: 0014_valuation_rules
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa


revision = "0014_valuation_rules"
down_revision = "0013"
branch_labels = None
depends_on = None

OLD_UNITS = ("year", "month", "learning_year", "hour", "invoice", "fixed")
NEW_UNITS = ("year", "month", "learning_year", "hour", "activity", "day", "invoice", "fixed")


def _unit_check(units):
    return "unit IN (" + ", ".join(f"'{u}'" for u in units) + ")"


def upgrade():
    with op.batch_alter_table("building_block_table") as batch:
        batch.add_column(sa.Column("source_url", sa.String(length=500), nullable=True))
        batch.add_column(sa.Column("source_checked_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("example", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("municipalities", sa.JSON(), server_default=sa.text("'[]'"), nullable=False))
    with op.batch_alter_table("building_block_table_version") as batch:
        batch.add_column(sa.Column("rules", sa.JSON(), server_default=sa.text("'{}'"), nullable=False))
    with op.batch_alter_table("building_block") as batch:
        batch.drop_constraint(op.f("ck_building_block_block_unit"), type_="check")
        batch.create_check_constraint("block_unit", _unit_check(NEW_UNITS))
    op.execute("UPDATE building_block SET unit = 'activity' WHERE kind = 'activity' AND unit = 'fixed'")
    with op.batch_alter_table("sroi_obligation") as batch:
        batch.add_column(sa.Column("pso_rung", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pso_reduction_percent", sa.Integer(), server_default="0", nullable=False))
        batch.create_check_constraint("pso_rung_range", "pso_rung IS NULL OR pso_rung BETWEEN 1 AND 3")
        batch.create_check_constraint("pso_reduction_range", "pso_reduction_percent BETWEEN 0 AND 100")
    with op.batch_alter_table("sroi_activity") as batch:
        batch.add_column(sa.Column("unit", sa.String(length=16), nullable=True))
    op.execute("UPDATE placement SET statushouder = true, target_group = 'participatiewet' "
               "WHERE target_group = 'statushouder'")


def downgrade():
    with op.batch_alter_table("sroi_activity") as batch:
        batch.drop_column("unit")
    with op.batch_alter_table("sroi_obligation") as batch:
        batch.drop_constraint(op.f("ck_sroi_obligation_pso_reduction_range"), type_="check")
        batch.drop_constraint(op.f("ck_sroi_obligation_pso_rung_range"), type_="check")
        batch.drop_column("pso_reduction_percent")
        batch.drop_column("pso_rung")
    op.execute("UPDATE building_block SET unit = 'fixed' WHERE unit IN ('activity', 'day')")
    with op.batch_alter_table("building_block") as batch:
        batch.drop_constraint(op.f("ck_building_block_block_unit"), type_="check")
        batch.create_check_constraint("block_unit", _unit_check(OLD_UNITS))
    with op.batch_alter_table("building_block_table_version") as batch:
        batch.drop_column("rules")
    with op.batch_alter_table("building_block_table") as batch:
        batch.drop_column("municipalities")
        batch.drop_column("example")
        batch.drop_column("source_checked_on")
        batch.drop_column("source_url")
