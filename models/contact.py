"""Contact moments with employers, each with an optional follow-up."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamps, Versioned, str_enum
from .enums import Channel

if TYPE_CHECKING:
    from .employer import ContactPerson, Employer
    from .user import User


class ContactMoment(Versioned, Timestamps, Base):
    __tablename__ = "contact_moment"
    __table_args__ = (
        Index("ix_contact_moment_employer_date", "employer_id", "occurred_on"),
        Index("ix_contact_moment_follow_up", "follow_up_owner_id", "follow_up_done_at", "follow_up_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_person.id", ondelete="SET NULL")
    )
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "channel"))
    occurred_on: Mapped[date]
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    follow_up_on: Mapped[date | None]
    follow_up_action: Mapped[str | None] = mapped_column(String(300))
    follow_up_owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    follow_up_done_at: Mapped[datetime | None]

    employer: Mapped[Employer] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    follow_up_owner: Mapped[User | None] = relationship(foreign_keys=[follow_up_owner_id])
    contact_person: Mapped[ContactPerson | None] = relationship()
