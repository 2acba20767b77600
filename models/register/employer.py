"""Employers in the register, their contact persons and agreements (covenants)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, false, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import EmployerSize, EmployerStatus

if TYPE_CHECKING:
    from models.accounts.user import User


class Employer(Versioned, Timestamps, Base):
    __tablename__ = "employer"
    __table_args__ = (
        UniqueConstraint("organisation_id", "external_id"),
        Index("ix_employer_org_kvk", "organisation_id", "kvk"),
        Index("ix_employer_org_name", "organisation_id", "name"),
        # The register list's sort orders, each walked in index order (see register_queries).
        # INCLUDE name: PostgreSQL answers from an expression index alone only when it also holds
        # the column the expression reads; deep pages then need no table rows.
        Index("ix_employer_org_lower_name", "organisation_id", func.lower(text("name")), "id",
              postgresql_include=["name"]),
        Index("ix_employer_org_city_name", "organisation_id", "city", func.lower(text("name")), "id",
              postgresql_include=["name"]),
        Index("ix_employer_org_status_name", "organisation_id", "status", func.lower(text("name")), "id",
              postgresql_include=["name"]),
        Index("ix_employer_org_last_contact", "organisation_id", "last_contact_on", "id",
              postgresql_ops={"last_contact_on": "DESC NULLS LAST", "id": "DESC"}),
        Index("ix_employer_org_first_contact", "organisation_id", "first_contact_on"),
        CheckConstraint("kvk IS NULL OR length(kvk) = 8", name="kvk_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    kvk: Mapped[str | None] = mapped_column(String(8))
    sector: Mapped[str | None] = mapped_column(String(200))  # a code of models.taxonomy.sectors
    # A sector text (from an import or the register before the fixed list) that maps onto no code: shown to a
    # coordinator under "Sectoren toewijzen" until someone picks the sector.
    sector_unmapped: Mapped[str | None] = mapped_column(String(200))
    size: Mapped[EmployerSize | None] = mapped_column(str_enum(EmployerSize, "employer_size"))
    address: Mapped[str | None] = mapped_column(String(200))  # business address, not personal
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[EmployerStatus] = mapped_column(
        str_enum(EmployerStatus, "employer_status"), default=EmployerStatus.PROSPECT
    )
    social_enterprise: Mapped[bool] = mapped_column(default=False)
    # Sells trajectories (language and work, coaching, ...) to the municipality: a "provider".
    is_provider: Mapped[bool] = mapped_column(default=False, server_default=false())
    account_manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id"), index=True
    )
    notes: Mapped[str | None] = mapped_column(Text)
    import_hash: Mapped[str | None] = mapped_column(String(64))
    # Derived: the latest ContactMoment.occurred_on, kept by register_contacts.log_contact_moment.
    last_contact_on: Mapped[date | None] = mapped_column()
    # Derived likewise: the earliest ContactMoment.occurred_on (the contact report's "new employers").
    first_contact_on: Mapped[date | None] = mapped_column()

    account_manager: Mapped[User | None] = relationship()
    contact_persons: Mapped[list[ContactPerson]] = relationship(
        back_populates="employer", cascade="all, delete-orphan"
    )
    agreements: Mapped[list[Agreement]] = relationship(
        back_populates="employer", cascade="all, delete-orphan"
    )


class ContactPerson(Versioned, Timestamps, Base):
    """Someone at the employer; their details are visible to staff only."""

    __tablename__ = "contact_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))

    employer: Mapped[Employer] = relationship(back_populates="contact_persons")


class Agreement(Versioned, Timestamps, Base):
    """A covenant, e.g. "5 placements in 2027 for statushouders"; progress counts placements."""

    __tablename__ = "agreement"
    __table_args__ = (
        CheckConstraint("target_count > 0", name="target_positive"),
        CheckConstraint("period_end >= period_start", name="period_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(
        ForeignKey("employer.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(String(300))
    target_count: Mapped[int]
    period_start: Mapped[date]
    period_end: Mapped[date]
    target_group: Mapped[str | None] = mapped_column(String(32))

    employer: Mapped[Employer] = relationship(back_populates="agreements")
