"""Social-return obligations of contractors, their non-placement activities and contractor access."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import ActivityKind, ActivityStatus

if TYPE_CHECKING:
    from models.accounts.user import User
    from models.register.employer import Employer
    from models.sroi.building_block import BuildingBlockTable


class SroiObligation(Versioned, Timestamps, Base):
    __tablename__ = "sroi_obligation"
    __table_args__ = (
        CheckConstraint("percentage > 0 AND percentage <= 100", name="percentage_range"),
        CheckConstraint("contract_sum_cents > 0", name="sum_positive"),
        CheckConstraint("period_end >= period_start", name="period_order"),
        CheckConstraint("pso_rung IS NULL OR pso_rung BETWEEN 1 AND 3", name="pso_rung_range"),
        CheckConstraint("pso_reduction_percent BETWEEN 0 AND 100", name="pso_reduction_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    contract_name: Mapped[str] = mapped_column(String(200))
    contract_number: Mapped[str | None] = mapped_column(String(64))
    contracting_authority: Mapped[str] = mapped_column(String(200))
    contractor_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    contract_sum_cents: Mapped[int] = mapped_column(BigInteger)
    percentage: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("5.00"))
    period_start: Mapped[date]
    period_end: Mapped[date]
    table_id: Mapped[int] = mapped_column(ForeignKey("building_block_table.id"))
    # The contractor's rung on the prestatieladder socialer ondernemen (1-3, None = no certificate) and
    # the reduction of the obligation the table's rules give for it, fixed when the obligation is saved.
    pso_rung: Mapped[int | None]
    pso_reduction_percent: Mapped[int] = mapped_column(default=0, server_default="0")

    contractor: Mapped[Employer] = relationship()
    table: Mapped[BuildingBlockTable] = relationship()
    activities: Mapped[list[SroiActivity]] = relationship(
        back_populates="obligation", cascade="all, delete-orphan"
    )

    @property
    def obligation_cents(self) -> int:
        """The amount to realise: contract sum × percentage, rounded half up to a cent."""
        from decimal import ROUND_HALF_UP

        amount = Decimal(self.contract_sum_cents) * Decimal(self.percentage) / 100
        return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def required_cents(self) -> int:
        """What the contractor must realise: the obligation less the PSO reduction, rounded half up."""
        from decimal import ROUND_HALF_UP

        amount = Decimal(self.obligation_cents) * (100 - (self.pso_reduction_percent or 0)) / 100
        return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


class SroiActivity(Versioned, Timestamps, Base):
    """A purchase from a social enterprise, hours of social activity, or another contribution."""

    __tablename__ = "sroi_activity"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    obligation_id: Mapped[int] = mapped_column(
        ForeignKey("sroi_obligation.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ActivityKind] = mapped_column(str_enum(ActivityKind, "activity_kind"))
    occurred_on: Mapped[date]
    amount: Mapped[int] = mapped_column(BigInteger)  # cents for purchases, else hours, activities or days
    unit: Mapped[str | None] = mapped_column(String(16))  # the block unit amount is in (None: before 0014)
    evidence: Mapped[str] = mapped_column(Text)
    status: Mapped[ActivityStatus] = mapped_column(
        str_enum(ActivityStatus, "activity_status"), default=ActivityStatus.APPROVED
    )
    value_cents: Mapped[int | None] = mapped_column(BigInteger)
    value_explanation: Mapped[str | None] = mapped_column(Text)
    table_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("building_block_table_version.id")
    )
    # A contractor's proposal counts only once staff approve it; a rejection keeps its reason.
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]
    rejection_reason: Mapped[str | None] = mapped_column(Text)

    obligation: Mapped[SroiObligation] = relationship(back_populates="activities")


class ContractorAccess(Timestamps, Base):
    """An employer account that sees the obligations of one register employer as its contact person.

    A table of its own rather than a column on the account: user_account → employer next to
    employer.account_manager_id → user_account would make the two tables depend on each other.
    """

    __tablename__ = "sroi_contractor_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"), index=True)
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    employer: Mapped[Employer] = relationship()


class AuthorityAccess(Timestamps, Base):
    """An employer account of the contracting authority's contract manager: read-only sight of the
    obligations of the organisation whose contracting authority is ``authority`` (matched on the
    municipality, so 'Gemeente Dronten' and 'gemeente dronten' are one authority)."""

    __tablename__ = "sroi_authority_access"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    authority: Mapped[str] = mapped_column(String(200))
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
