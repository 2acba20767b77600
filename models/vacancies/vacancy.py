"""Vacancies, their linked skills, and sharing with partner organisations."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, BigInteger, CheckConstraint, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum, utcnow
from models.enums import DutchLevel, Education, VacancySource, VacancyStatus

if TYPE_CHECKING:
    from models.accounts.organisation import Organisation
    from models.register.employer import Employer


class Vacancy(Versioned, Timestamps, Base):
    __tablename__ = "vacancy"
    __table_args__ = (
        UniqueConstraint("organisation_id", "external_id"),
        Index("ix_vacancy_org_status", "organisation_id", "status"),
        CheckConstraint("hours_min BETWEEN 1 AND 48", name="hours_min_range"),
        CheckConstraint("hours_max BETWEEN 1 AND 48", name="hours_max_range"),
        CheckConstraint("hours_min <= hours_max", name="hours_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    # The change number (models/common/stamps.py) of its last change or of its terms' (models/events.py).
    change_no: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # None only while a vacancy sent in through the public site awaits review.
    employer_id: Mapped[int | None] = mapped_column(ForeignKey("employer.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    occupation: Mapped[str | None] = mapped_column(String(200))
    occupation_concept_id: Mapped[int | None] = mapped_column(
        ForeignKey("concept.id", ondelete="SET NULL")
    )
    description: Mapped[str | None] = mapped_column(Text)
    required_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    preferred_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    education_min: Mapped[Education | None] = mapped_column(str_enum(Education, "education"))
    driving_licence: Mapped[str | None] = mapped_column(String(4))
    dutch_min: Mapped[DutchLevel | None] = mapped_column(str_enum(DutchLevel, "dutch_level"))
    start_date: Mapped[date | None]
    closing_date: Mapped[date | None]
    status: Mapped[VacancyStatus] = mapped_column(
        str_enum(VacancyStatus, "vacancy_status"), default=VacancyStatus.OPEN
    )
    source: Mapped[VacancySource] = mapped_column(
        str_enum(VacancySource, "vacancy_source"), default=VacancySource.STAFF
    )
    sroi_obligation_id: Mapped[int | None] = mapped_column(
        ForeignKey("sroi_obligation.id", ondelete="SET NULL")
    )
    # Sent in through the public site: who to call back (an employer's business contact).
    submitted_by: Mapped[dict | None] = mapped_column(JSON)
    rejection_reason: Mapped[str | None] = mapped_column(String(300))  # a refused submission
    import_hash: Mapped[str | None] = mapped_column(String(64))

    employer: Mapped[Employer | None] = relationship()
    organisation: Mapped[Organisation] = relationship()
    terms: Mapped[list[VacancyTerm]] = relationship(cascade="all, delete-orphan")
    shares: Mapped[list[VacancyShare]] = relationship(cascade="all, delete-orphan")


class VacancyTerm(Base):
    """A required or preferred skill as written, with its linked concept."""

    __tablename__ = "vacancy_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(
        ForeignKey("vacancy.id", ondelete="CASCADE"), index=True
    )
    required: Mapped[bool]
    wording: Mapped[str] = mapped_column(String(200))
    concept_id: Mapped[int | None] = mapped_column(
        ForeignKey("concept.id", ondelete="SET NULL"), index=True
    )
    confidence: Mapped[float | None] = mapped_column(Float)


class VacancyShare(Base):
    """The vacancy is visible, read-only, to this partner organisation's staff."""

    __tablename__ = "vacancy_share"
    __table_args__ = (UniqueConstraint("vacancy_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    shared_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    shared_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation] = relationship()
