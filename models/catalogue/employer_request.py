"""An employer's request to meet the person behind a public profile."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import RequestStatus

if TYPE_CHECKING:
    from models.accounts.user import User
    from models.register.employer import Employer

    from .profile import PublicProfile


class EmployerRequest(Versioned, Timestamps, Base):
    __tablename__ = "employer_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("public_profile.id", ondelete="SET NULL"), index=True
    )
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))  # employer account
    requester_name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str] = mapped_column(String(200))
    kvk: Mapped[str | None] = mapped_column(String(8))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    status: Mapped[RequestStatus] = mapped_column(
        str_enum(RequestStatus, "request_status"), default=RequestStatus.NEW, index=True
    )
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    follow_up_on: Mapped[date | None]
    # "Vraag de kandidaat": the account manager only sees a pseudonym, so the question goes as a task
    # to the candidate's own matcher (the candidate's owner), who records the answer here
    # (models/catalogue/candidate_questions.py). Staff only: the employer never sees these fields.
    asked_user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    asked_at: Mapped[datetime | None]
    answer: Mapped[str | None] = mapped_column(String(8))  # "yes" / "no"
    answer_note: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    answered_at: Mapped[datetime | None]

    profile: Mapped[PublicProfile | None] = relationship()
    employer: Mapped[Employer | None] = relationship()
    asked_user: Mapped[User | None] = relationship(foreign_keys=[asked_user_id])
