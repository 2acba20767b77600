"""The catalogue's search index: the normalised wordings of public profiles, kept in step by events
(installed by models.events).

Every skill, occupation and licence of a public profile is one row in ``profile_term`` pointing at
its wording in ``catalogue_term``. Filtering on a wording is then an indexed lookup instead of a
scan over JSON, on SQLite and PostgreSQL alike. The index follows every ORM insert and update of a
PublicProfile in the same transaction; code that bulk-inserts profiles with Core calls
``index_rows`` itself (the benchmark does).
"""
from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

from .profile import PublicProfile

# kind of wording -> the PublicProfile attribute it comes from
TERM_SOURCES = {"occupation": "occupations", "skill": "skills", "licence": "licences"}


class CatalogueTerm(Base):
    """One distinct normalised wording of the catalogue (never deleted: a stale one matches nothing)."""

    __tablename__ = "catalogue_term"
    __table_args__ = (UniqueConstraint("kind", "term"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    term: Mapped[str] = mapped_column(String(200))


class ProfileTerm(Base):
    """A public profile has a wording."""

    __tablename__ = "profile_term"
    __table_args__ = (Index("ix_profile_term_term_profile", "term_id", "profile_id"),)

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("public_profile.id", ondelete="CASCADE"), primary_key=True
    )
    term_id: Mapped[int] = mapped_column(
        ForeignKey("catalogue_term.id", ondelete="CASCADE"), primary_key=True
    )


def profile_terms(occupations, skills, licences) -> set[tuple[str, str]]:
    """The (kind, normalised wording) pairs of one profile."""
    from models.taxonomy.terms import normalise

    values = {"occupation": occupations, "skill": skills, "licence": licences}
    pairs = set()
    for kind, wordings in values.items():
        for wording in wordings or ():
            key = normalise(str(wording))[:200]
            if key:
                pairs.add((kind, key))
    return pairs


def term_ids(connection: Connection, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Ids of the given wordings, adding the ones not seen before."""
    known: dict[tuple[str, str], int] = {}
    terms = sorted({t for _, t in pairs})
    for start in range(0, len(terms), 500):
        rows = connection.execute(
            select(CatalogueTerm.id, CatalogueTerm.kind, CatalogueTerm.term)
            .where(CatalogueTerm.term.in_(terms[start:start + 500]))
        )
        known.update({(kind, term): id_ for id_, kind, term in rows})
    missing = sorted(pairs - known.keys())
    for kind, term in missing:
        known[(kind, term)] = connection.execute(
            insert(CatalogueTerm).values(kind=kind, term=term).returning(CatalogueTerm.id)
        ).scalar_one()
    return known


def index_rows(connection: Connection, profiles: dict[int, set[tuple[str, str]]]) -> None:
    """Replace the indexed wordings of the given profiles (profile id -> pairs) in one go."""
    if not profiles:
        return
    ids = term_ids(connection, set().union(*profiles.values()))
    connection.execute(delete(ProfileTerm).where(ProfileTerm.profile_id.in_(list(profiles))))
    rows = [{"profile_id": pid, "term_id": ids[p]} for pid, pairs in profiles.items() for p in pairs]
    if rows:
        connection.execute(insert(ProfileTerm), rows)


def reindex_profile(_mapper, connection: Connection, profile: PublicProfile) -> None:
    """Mapper listener (installed by models.events): keep one profile's wordings indexed."""
    index_rows(connection, {profile.id: profile_terms(profile.occupations, profile.skills, profile.licences)})


# The catalogue's listing walks this index newest first and filters on its columns without
# touching the (wide) table rows; count and page come from the same walk.
Index(
    "ix_public_profile_listing", PublicProfile.status, PublicProfile.published_at, PublicProfile.available_from,
    PublicProfile.hours_min, PublicProfile.hours_max, PublicProfile.education, PublicProfile.lat, PublicProfile.lon,
)
