"""Social-return obligations, their non-placement activities, and versioned bouwblokken tables."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamps, Versioned, str_enum
from .enums import ActivityKind, ActivityStatus, BlockKind, BlockUnit

if TYPE_CHECKING:
    from models.register.employer import Employer
    from models.accounts.user import User


class SroiObligation(Versioned, Timestamps, Base):
    __tablename__ = "sroi_obligation"
    __table_args__ = (
        CheckConstraint("percentage > 0 AND percentage <= 100", name="percentage_range"),
        CheckConstraint("contract_sum_cents > 0", name="sum_positive"),
        CheckConstraint("period_end >= period_start", name="period_order"),
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
    amount: Mapped[int] = mapped_column(BigInteger)  # cents for purchases, hours otherwise
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


class BuildingBlockTable(Timestamps, Base):
    """A region's bouwblokken table; its content lives in dated versions."""

    __tablename__ = "building_block_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(Text)

    versions: Mapped[list[BuildingBlockTableVersion]] = relationship(
        back_populates="table", order_by="BuildingBlockTableVersion.valid_from",
        cascade="all, delete-orphan",
    )


class BuildingBlockTableVersion(Timestamps, Base):
    """Immutable once used: editing a table makes a new version from a new date."""

    __tablename__ = "building_block_table_version"
    __table_args__ = (
        UniqueConstraint("table_id", "valid_from"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("building_block_table.id", ondelete="CASCADE"))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    table: Mapped[BuildingBlockTable] = relationship(back_populates="versions")
    blocks: Mapped[list[BuildingBlock]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="BuildingBlock.id"
    )


class BuildingBlock(Base):
    __tablename__ = "building_block"
    __table_args__ = (
        UniqueConstraint("version_id", "code"),
        CheckConstraint("value_cents >= 0", name="value_not_negative"),
        CheckConstraint("max_counted_months IS NULL OR max_counted_months > 0", name="months_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("building_block_table_version.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    kind: Mapped[BlockKind] = mapped_column(str_enum(BlockKind, "block_kind"))
    unit: Mapped[BlockUnit] = mapped_column(str_enum(BlockUnit, "block_unit"))
    value_cents: Mapped[int] = mapped_column(BigInteger)
    max_counted_months: Mapped[int | None]
    conditions: Mapped[dict] = mapped_column(JSON, default=dict)

    version: Mapped[BuildingBlockTableVersion] = relationship(back_populates="blocks")
