"""The skill and occupation taxonomy: concepts, their wordings, and which belong together."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Float, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum, utcnow
from models.enums import ConceptKind


class Concept(Versioned, Timestamps, Base):
    __tablename__ = "concept"
    __table_args__ = (UniqueConstraint("kind", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ConceptKind] = mapped_column(str_enum(ConceptKind, "concept_kind"), index=True)
    code: Mapped[str] = mapped_column(String(255))  # ESCO URI or a local slug
    label: Mapped[str] = mapped_column(String(255))
    sector: Mapped[str | None] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(50), default="werkbrug")

    aliases: Mapped[list[ConceptAlias]] = relationship(
        back_populates="concept", cascade="all, delete-orphan"
    )


class ConceptAlias(Base):
    """A wording of a concept: synonym, spelling variant, English term, compound form."""

    __tablename__ = "concept_alias"
    __table_args__ = (UniqueConstraint("concept_id", "normalised"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    concept_id: Mapped[int] = mapped_column(ForeignKey("concept.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(255))
    normalised: Mapped[str] = mapped_column(String(255), index=True)

    concept: Mapped[Concept] = relationship(back_populates="aliases")


class ConceptRelation(Base):
    """An occupation needs a skill (weight 1 essential, lower optional), or is related to another."""

    __tablename__ = "concept_relation"
    __table_args__ = (UniqueConstraint("from_id", "to_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    from_id: Mapped[int] = mapped_column(ForeignKey("concept.id", ondelete="CASCADE"), index=True)
    to_id: Mapped[int] = mapped_column(ForeignKey("concept.id", ondelete="CASCADE"), index=True)
    weight: Mapped[float] = mapped_column(Float, default=1.0)


class UnmatchedWording(Base):
    """Free wording from imports and vacancies that no concept matched, for coordinators to link."""

    __tablename__ = "unmatched_wording"
    __table_args__ = (UniqueConstraint("normalised"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wording: Mapped[str] = mapped_column(String(200))
    normalised: Mapped[str] = mapped_column(String(200))
    seen_count: Mapped[int] = mapped_column(default=1)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    linked_concept_id: Mapped[int | None] = mapped_column(
        ForeignKey("concept.id", ondelete="SET NULL")
    )
    # Proposals worked out by the queue (worklist.store_proposals): [[concept id, label, kind,
    # confidence, by meaning], …] and the linker key they were made with, so the page needs no linker.
    proposals: Mapped[list | None] = mapped_column(JSON)
    proposals_key: Mapped[str | None] = mapped_column(String(40))
