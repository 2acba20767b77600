"""Participatiebanen: work while keeping the benefit, with a premium, for a limited term."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import Outflow

if TYPE_CHECKING:
    from models.candidates.candidate import Candidate
    from models.register.employer import Employer


class Participatiebaan(Versioned, Timestamps, Base):
    """A term from ``started_on`` to at most ``ends_on`` (start + the maximum term); kept on erasure."""

    __tablename__ = "participatiebaan"
    __table_args__ = (
        CheckConstraint("ends_on >= started_on", name="ends_order"),
        CheckConstraint("ended_on IS NULL OR ended_on >= started_on", name="ended_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id", ondelete="SET NULL"), index=True)
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id", ondelete="SET NULL"))
    started_on: Mapped[date]
    ends_on: Mapped[date] = mapped_column(index=True)
    hours_per_week: Mapped[int | None]
    premium_cents: Mapped[int]  # per premium period, fixed at the start
    premium_months: Mapped[int]
    ended_on: Mapped[date | None]
    outflow: Mapped[Outflow | None] = mapped_column(str_enum(Outflow, "outflow_pb"))
    end_note: Mapped[str | None] = mapped_column(String(300))

    candidate: Mapped[Candidate | None] = relationship()
    employer: Mapped[Employer | None] = relationship()
