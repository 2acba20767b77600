"""The candidate's file over time: participatieladder assessments and plans of action."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps

if TYPE_CHECKING:
    from models.accounts.user import User


class LadderAssessment(Timestamps, Base):
    """A rung assessed on a day, with the rung expected 12 months later; never edited, only added."""

    __tablename__ = "ladder_assessment"
    __table_args__ = (
        CheckConstraint("rung BETWEEN 1 AND 6", name="rung_range"),
        CheckConstraint("expected_rung BETWEEN 1 AND 6", name="expected_rung_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    rung: Mapped[int]
    assessed_on: Mapped[date]
    expected_rung: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(Text)
    assessed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    source: Mapped[str] = mapped_column(String(16), default="staff")  # staff | import

    assessed_by: Mapped[User | None] = relationship()


class ActionPlan(Timestamps, Base):
    """A version of the integral plan of action; the newest one is the current plan."""

    __tablename__ = "action_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidate.id", ondelete="CASCADE"), index=True)
    drawn_up_on: Mapped[date]
    goals: Mapped[str] = mapped_column(Text)
    steps: Mapped[str] = mapped_column(Text)
    next_review_on: Mapped[date | None]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship()
