"""The public, anonymised projection of a candidate, and what employer accounts keep."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum, utcnow
from models.enums import ProfileStatus

if TYPE_CHECKING:
    from models.candidates.candidate import Candidate


class PublicProfile(Versioned, Timestamps, Base):
    """Generated and reviewed; holds only what employers may see."""

    __tablename__ = "public_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidate.id", ondelete="SET NULL"), unique=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # pseudonym, e.g. K-7F3A
    status: Mapped[ProfileStatus] = mapped_column(
        str_enum(ProfileStatus, "profile_status"), default=ProfileStatus.DRAFT, index=True
    )
    headline: Mapped[str] = mapped_column(String(200), default="")
    age_band: Mapped[str | None] = mapped_column(String(16))
    place: Mapped[str | None] = mapped_column(String(100))
    region: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    education: Mapped[str | None] = mapped_column(String(32))
    dutch_level: Mapped[str | None] = mapped_column(String(2))
    occupations: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    certificates: Mapped[list[str]] = mapped_column(JSON, default=list)
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    available_from: Mapped[date | None]
    description: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")  # normalised, for the catalogue
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reviewed_at: Mapped[datetime | None]
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    withdrawn_at: Mapped[datetime | None]
    withdrawn_reason: Mapped[str | None] = mapped_column(String(200))
    checked_on: Mapped[date | None]  # when the team last checked the facts with the person
    # Sentences or list wordings of the approved text the learned gate asks a person to read again
    # (publishing/hints.py): set by the bulk publication, 0 once a matcher published from the preview.
    sentences_to_check: Mapped[int] = mapped_column(default=0, server_default="0")
    # Approved by the bulk publication (publishing/bulk.py): the privacy check read it, no person did,
    # so reviewed_at and checked_on are when the check ran. False once a person publishes it.
    auto_checked: Mapped[bool] = mapped_column(default=False, server_default=sa_false())

    candidate: Mapped[Candidate | None] = relationship(back_populates="profile")


class Favourite(Base):
    __tablename__ = "favourite"
    __table_args__ = (UniqueConstraint("user_id", "profile_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    profile_id: Mapped[int] = mapped_column(ForeignKey("public_profile.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SavedSearch(Timestamps, Base):
    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    query_string: Mapped[str] = mapped_column(String(1000))
    last_seen_at: Mapped[datetime | None]
