"""Trajectories bought from providers for a candidate, and the budget per provider and year."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import TrajectoryKind, TrajectoryResult

if TYPE_CHECKING:
    from models.register.employer import Employer


class Trajectory(Versioned, Timestamps, Base):
    """One trajectory: bought on a day, started, ended with a result. Kept (detached) on erasure."""

    __tablename__ = "trajectory"
    __table_args__ = (
        CheckConstraint("cost_cents >= 0", name="cost_positive"),
        CheckConstraint("planned_end_on IS NULL OR started_on IS NULL OR planned_end_on >= started_on",
                        name="planned_end_order"),
        CheckConstraint("ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on", name="end_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id", ondelete="SET NULL"), index=True)
    kind: Mapped[TrajectoryKind] = mapped_column(str_enum(TrajectoryKind, "trajectory_kind"))
    provider_id: Mapped[int] = mapped_column(ForeignKey("employer.id"), index=True)
    bought_on: Mapped[date]
    started_on: Mapped[date | None]
    planned_end_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    result: Mapped[TrajectoryResult | None] = mapped_column(str_enum(TrajectoryResult, "trajectory_result"))
    cost_cents: Mapped[int | None]
    external_id: Mapped[str | None] = mapped_column(String(64))  # the source system's key, if imported

    provider: Mapped[Employer] = relationship()


class TrajectoryBudget(Timestamps, Base):
    """How many trajectories of a provider the organisation budgeted for a year (e.g. 50)."""

    __tablename__ = "trajectory_budget"
    __table_args__ = (
        UniqueConstraint("organisation_id", "provider_id", "year"),
        CheckConstraint("budgeted >= 0", name="budgeted_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))
    year: Mapped[int]
    budgeted: Mapped[int]
    amount_cents: Mapped[int | None]

    provider: Mapped[Employer] = relationship()
