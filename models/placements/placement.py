"""A person starting work: instrument, hours, outflow, and its social-return value."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import ContractType, Instrument, Outflow

if TYPE_CHECKING:
    from models.candidates.candidate import Candidate
    from models.register.employer import Employer


class Placement(Versioned, Timestamps, Base):
    """Anonymous facts (target group, age at start) are copied in so statistics survive erasure."""

    __tablename__ = "placement"
    __table_args__ = (
        CheckConstraint("hours_per_week BETWEEN 1 AND 48", name="hours_range"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        Index("ix_placement_org_start", "organisation_id", "start_date"),
        # The natural key: the same candidate at the same employer from the same day is one placement.
        Index("uq_placement_candidate_employer_start", "candidate_id", "employer_id", "start_date", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidate.id", ondelete="SET NULL"), index=True
    )
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id", ondelete="SET NULL"))
    suggestion_id: Mapped[int | None] = mapped_column(
        ForeignKey("suggestion.id", ondelete="SET NULL")
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("employer_request.id", ondelete="SET NULL")
    )
    start_date: Mapped[date]
    end_date: Mapped[date | None]  # planned or actual end; None = open-ended
    ended_early_on: Mapped[date | None]
    ended_early_reason: Mapped[str | None] = mapped_column(String(300))
    hours_per_week: Mapped[int]
    contract_type: Mapped[ContractType] = mapped_column(str_enum(ContractType, "contract_type"))
    instrument: Mapped[Instrument] = mapped_column(str_enum(Instrument, "instrument"))
    wage_subsidy: Mapped[bool] = mapped_column(default=False)
    target_group: Mapped[str | None] = mapped_column(String(32))
    benefit_months_at_start: Mapped[int | None]
    work_disability: Mapped[bool] = mapped_column(default=False)
    statushouder: Mapped[bool] = mapped_column(default=False)
    age_at_start: Mapped[int | None]
    outflow: Mapped[Outflow] = mapped_column(str_enum(Outflow, "outflow"), default=Outflow.NONE)
    outflow_on: Mapped[date | None]
    sroi_obligation_id: Mapped[int | None] = mapped_column(
        ForeignKey("sroi_obligation.id", ondelete="SET NULL"), index=True
    )
    value_cents: Mapped[int | None]
    value_explanation: Mapped[str | None] = mapped_column(Text)
    # A coordinator's explicit choice of building block; None lets the table's conditions decide.
    block_code: Mapped[str | None] = mapped_column(String(64))
    table_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("building_block_table_version.id")
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    candidate: Mapped[Candidate | None] = relationship()
    employer: Mapped[Employer] = relationship()
