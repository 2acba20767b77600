"""Outreach: people on a benefit for long without active service, approached step by step."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import OutreachReferral

if TYPE_CHECKING:
    from models.accounts.user import User
    from models.candidates.candidate import Candidate


class OutreachContact(Versioned, Timestamps, Base):
    """One person in a campaign; each step's date is set once, in order. Detached on erasure."""

    __tablename__ = "outreach_contact"
    __table_args__ = (UniqueConstraint("campaign", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    campaign: Mapped[str] = mapped_column(String(100))
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id", ondelete="SET NULL"), index=True)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    selected_on: Mapped[date]
    approached_on: Mapped[date | None]
    talked_on: Mapped[date | None]
    follow_up_on: Mapped[date | None]
    referred_on: Mapped[date | None]
    referred_to: Mapped[OutreachReferral | None] = mapped_column(str_enum(OutreachReferral, "outreach_referral"))

    candidate: Mapped[Candidate | None] = relationship()
    assigned_to: Mapped[User | None] = relationship()
