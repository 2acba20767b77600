"""Job seekers: the matching profile, and their personal data kept in a separate table."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import JSON, BigInteger, CheckConstraint, Float, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import CandidateStatus, DutchLevel, Education, TermKind

if TYPE_CHECKING:
    from models.accounts.user import User
    from models.candidates.screening import ScreeningRoute
    from models.catalogue.profile import PublicProfile


class Candidate(Versioned, Timestamps, Base):
    """What the matcher and the public profile may use; no name, address or birth date here."""

    __tablename__ = "candidate"
    __table_args__ = (
        UniqueConstraint("organisation_id", "external_id"),
        CheckConstraint("hours_min BETWEEN 1 AND 48", name="hours_min_range"),
        CheckConstraint("hours_max BETWEEN 1 AND 48", name="hours_max_range"),
        CheckConstraint("hours_min <= hours_max", name="hours_order"),
        CheckConstraint("ladder BETWEEN 1 AND 6", name="ladder_range"),
        CheckConstraint("expected_ladder BETWEEN 1 AND 6", name="expected_ladder_range"),
        CheckConstraint("max_travel_km BETWEEN 0 AND 500", name="travel_range"),
        Index("ix_candidate_org_change_no", "organisation_id", "change_no"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    # The change number (models/common/stamps.py) of the last change the matcher's index sees:
    # the candidate, its personal record or its terms. Written by models/events.py and the importer.
    change_no: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    external_id: Mapped[str] = mapped_column(String(64))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    status: Mapped[CandidateStatus] = mapped_column(
        str_enum(CandidateStatus, "candidate_status"), default=CandidateStatus.ACTIVE
    )
    place: Mapped[str | None] = mapped_column(String(100))  # town only, never the postcode
    lat: Mapped[float | None] = mapped_column(Float)  # centroid of the PC4 area or place
    lon: Mapped[float | None] = mapped_column(Float)
    education: Mapped[Education | None] = mapped_column(str_enum(Education, "education"))
    dutch_level: Mapped[DutchLevel | None] = mapped_column(str_enum(DutchLevel, "dutch_level"))
    driving_licences: Mapped[list[str]] = mapped_column(JSON, default=list)
    certificates: Mapped[list[str]] = mapped_column(JSON, default=list)
    hours_min: Mapped[int | None]
    hours_max: Mapped[int | None]
    available_from: Mapped[date | None]
    max_travel_km: Mapped[int | None]
    desired_occupations: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    ladder: Mapped[int | None]
    ladder_assessed_on: Mapped[date | None]
    # The rung expected in 12 months and when that was judged; "in beeld" needs both recent.
    expected_ladder: Mapped[int | None]
    expected_ladder_on: Mapped[date | None]
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    benefit_since: Mapped[date | None]
    plan_updated_on: Mapped[date | None]  # date of the current plan of action, if any
    next_review_on: Mapped[date | None]  # the current plan's next review (overdue on the caseload page)
    status_reason: Mapped[str | None] = mapped_column(String(300))
    screening_route_id: Mapped[int | None] = mapped_column(
        ForeignKey("screening_route.id", ondelete="SET NULL"), index=True
    )
    screened_on: Mapped[date | None]
    # Field ownership: source fields a person changed, {field: ISO timestamp}; the import skips them
    # (and reports it) until the source system delivers the same value (models/candidates/ownership).
    edited_fields: Mapped[dict | None] = mapped_column(JSON, default=dict)
    publish_consent: Mapped[bool] = mapped_column(default=False)
    consent_given_on: Mapped[date | None]
    consent_until: Mapped[date | None]
    last_active_on: Mapped[date | None]
    import_hash: Mapped[str | None] = mapped_column(String(64))

    personal: Mapped[CandidatePersonal | None] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", uselist=False
    )
    terms: Mapped[list[CandidateTerm]] = relationship(cascade="all, delete-orphan")
    owner: Mapped[User | None] = relationship()
    screening_route: Mapped[ScreeningRoute | None] = relationship()
    profile: Mapped[PublicProfile | None] = relationship(back_populates="candidate", uselist=False)

    def __repr__(self) -> str:  # never the name: reprs end up in logs
        return f"<Candidate {self.id}>"


class CandidatePersonal(Base):
    """Personal data: reading it is audit-logged; it never reaches a public page or export."""

    __tablename__ = "candidate_personal"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), primary_key=True
    )
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date]
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    experience: Mapped[str | None] = mapped_column(Text)
    about: Mapped[str | None] = mapped_column(Text)

    candidate: Mapped[Candidate] = relationship(back_populates="personal")

    def __repr__(self) -> str:
        return f"<CandidatePersonal {self.candidate_id}>"


class CandidateTerm(Base):
    """A skill, occupation or certificate as written, with the taxonomy concept it was linked to."""

    __tablename__ = "candidate_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[TermKind] = mapped_column(str_enum(TermKind, "term_kind"))
    wording: Mapped[str] = mapped_column(String(200))
    concept_id: Mapped[int | None] = mapped_column(
        ForeignKey("concept.id", ondelete="SET NULL"), index=True
    )
    confidence: Mapped[float | None] = mapped_column(Float)
