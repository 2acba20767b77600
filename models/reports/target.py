"""Yearly targets of the report indicators, set by coordinators per organisation."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps


class ReportTarget(Timestamps, Base):
    """One indicator's target for one year (e.g. 125 social-return jobs in 2026, 90% ladder in beeld)."""

    __tablename__ = "report_target"
    __table_args__ = (
        UniqueConstraint("organisation_id", "indicator", "year"),
        CheckConstraint("value >= 0", name="value_not_negative"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    indicator: Mapped[str] = mapped_column(String(64))
    year: Mapped[int]
    value: Mapped[Decimal] = mapped_column(Numeric(10, 1))
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
