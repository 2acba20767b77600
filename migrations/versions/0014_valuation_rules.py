"""valuation rules as data, report targets: table sources and regions, instrument rules, activity units, PSO, statushouder flag

- building_block_table: where the values come from (source_url, source_checked_on), whether the table
  is only an example (no traceable source), and the municipalities whose contracts it values.
- building_block_table_version.rules: how each instrument counts (paid / other / none) and PSO reductions.
- building_block.unit: activity rates per hour, activity, day or euro invoiced ('fixed' activities
  become 'activity': a one-off amount per activity).
- sroi_obligation: the contractor's PSO rung and the reduction it gave; sroi_activity.unit.
- sroi_authority_access: read-only access of the contracting authority's contract manager.
- report_target: yearly targets of report indicators, set by coordinators in the interface.
- placement: statushouder is a bonus flag, never a target group; rows recorded with target group
  'statushouder' keep the flag and are put on Participatiewet (the benefit of nearly all of them).

Revision ID: 0014_valuation_rules
Revises: 0013
"""
from alembic import op
import sqlalchemy as sa


revision = "0014_valuation_rules"
down_revision = "0014_enrolment_code"
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
    op.create_table(
        "report_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.Numeric(precision=10, scale=1), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("value >= 0", name=op.f("ck_report_target_value_not_negative")),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_report_target_year_range")),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_report_target_organisation_id_organisation"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["set_by_id"], ["user_account.id"],
                                name=op.f("fk_report_target_set_by_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_target")),
        sa.UniqueConstraint("organisation_id", "indicator", "year",
                            name=op.f("uq_report_target_organisation_id_indicator_year")),
    )
    op.create_index(op.f("ix_report_target_organisation_id"), "report_target", ["organisation_id"])
    op.create_table(
        "sroi_authority_access",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.String(length=200), nullable=False),
        sa.Column("granted_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_sroi_authority_access_user_id_user_account"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_sroi_authority_access_organisation_id_organisation"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["granted_by_id"], ["user_account.id"],
                                name=op.f("fk_sroi_authority_access_granted_by_id_user_account"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sroi_authority_access")),
        sa.UniqueConstraint("user_id", name=op.f("uq_sroi_authority_access_user_id")),
    )
    op.create_index(op.f("ix_sroi_authority_access_organisation_id"), "sroi_authority_access", ["organisation_id"])


def downgrade():
    op.drop_index(op.f("ix_sroi_authority_access_organisation_id"), table_name="sroi_authority_access")
    op.drop_table("sroi_authority_access")
    op.drop_index(op.f("ix_report_target_organisation_id"), table_name="report_target")
    op.drop_table("report_target")
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
