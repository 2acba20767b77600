"""A suggested candidate for a vacancy and what the people reviewing it decided."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Float, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import SuggestionStatus

if TYPE_CHECKING:
    from models.candidates.candidate import Candidate
    from models.vacancies.vacancy import Vacancy

# The funnel step a status stands for, and the column holding when it was first reached.
STEP_COLUMNS = {"proposed": "proposed_at", "introduced": "introduced_at", "interview": "interview_at",
                "hired": "hired_at"}


class Suggestion(Versioned, Timestamps, Base):
    __tablename__ = "suggestion"
    __table_args__ = (
        UniqueConstraint("vacancy_id", "candidate_id"),
        Index("ix_suggestion_status", "status", "created_at"),
        Index("ix_suggestion_organisation_created", "organisation_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    # The organisation whose matcher handles it (a partner proposing for a shared vacancy).
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[SuggestionStatus] = mapped_column(
        str_enum(SuggestionStatus, "suggestion_status"), default=SuggestionStatus.NEW
    )
    reject_reason: Mapped[str | None] = mapped_column(String(64))
    reject_note: Mapped[str | None] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reviewed_at: Mapped[datetime | None]
    status_changed_at: Mapped[datetime | None]
    history: Mapped[list] = mapped_column(JSON, default=list)  # [{status, at, by}]
    # When each funnel step was first reached (created_at is "suggested"); set once, never cleared.
    proposed_at: Mapped[datetime | None]
    introduced_at: Mapped[datetime | None]
    interview_at: Mapped[datetime | None]
    hired_at: Mapped[datetime | None]

    vacancy: Mapped[Vacancy] = relationship()
    candidate: Mapped[Candidate] = relationship()

    def mark_reached(self, status: SuggestionStatus | str, at: datetime) -> None:
        """Record ``at`` as when the funnel step of ``status`` was reached, unless it already was."""
        column = STEP_COLUMNS.get(SuggestionStatus(status).value)
        if column is not None and getattr(self, column) is None:
            setattr(self, column, at)


class SuggestionRun(Base):
    """When an organisation's suggestions for a vacancy were last computed (also when none were found),
    so the review queue can tell "nothing fits" from "not computed yet"."""

    __tablename__ = "suggestion_run"
    __table_args__ = (UniqueConstraint("vacancy_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    computed_at: Mapped[datetime]


def lock_pair(session: Session, vacancy_id: int, organisation_id: int) -> None:
    """Hold the (vacancy, organisation) pair's suggestions until this transaction ends: a refresh
    (models/matches/suggestions.py) and a placement closing them take turns. PostgreSQL: an advisory
    lock (staff editing the vacancy do not wait for it); SQLite serialises writers by itself."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(CAST(:v AS integer), CAST(:o AS integer))"),
                        {"v": vacancy_id, "o": organisation_id})
