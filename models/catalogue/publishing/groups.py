"""Keeping the published set k-anonymous: re-check one (region, education) partition at a time."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.candidates.candidate import Candidate, CandidatePersonal
from models.catalogue.profile import PublicProfile
from models.catalogue.publishing.draft import age_band, headline, search_text
from models.catalogue.publishing.kanon import Record, Shown, assign_levels, shown_at, violations
from models.catalogue.publishing.place import find_place, region_centroid
from models.enums import ProfileStatus

# Reviewed and not withdrawn: published, or approved and waiting for enough similar profiles.
IN_PLAY = or_(
    PublicProfile.status == ProfileStatus.PUBLISHED,
    and_(PublicProfile.status == ProfileStatus.DRAFT, PublicProfile.reviewed_at.is_not(None)),
)


def _same(column, value):
    return column.is_(None) if value is None else column == value


def fine_record(profile: PublicProfile, place: str | None, birth_date: date | None, today: date) -> Record:
    """The profile's own values before any coarsening (from its candidate when there is one)."""
    if profile.candidate_id is None:
        return Record(profile.id, profile.age_band, profile.place, profile.region, profile.education)
    found = find_place(place)
    return Record(profile.id, age_band(birth_date, today), found.name if found else None,
                  profile.region, profile.education)


def partition(session: Session, region: str | None, education: str | None, today: date,
              exclude_id: int | None = None) -> list[tuple[PublicProfile, Record]]:
    """Profiles in play sharing ``region`` and ``education``, with their fine values."""
    query = (
        select(PublicProfile, Candidate.place, CandidatePersonal.birth_date)
        .outerjoin(Candidate, Candidate.id == PublicProfile.candidate_id)
        .outerjoin(CandidatePersonal, CandidatePersonal.candidate_id == Candidate.id)
        .where(IN_PLAY, _same(PublicProfile.region, region), _same(PublicProfile.education, education))
    )
    if exclude_id is not None:
        query = query.where(PublicProfile.id != exclude_id)
    return [(p, fine_record(p, place, born, today)) for p, place, born in session.execute(query)]


def _set(obj, **values) -> None:
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)


def show(profile: PublicProfile, record: Record, level: int) -> None:
    """Write the displayed values of ``level`` onto ``profile`` (place, band, point, headline)."""
    shown = shown_at(record, level)
    if shown.place is not None:
        found = find_place(shown.place)
        point = (found.lat, found.lon) if found else (None, None)
    else:
        point = region_centroid(shown.region) if shown.region else None
        point = point or (None, None)
    location = shown.place or shown.region
    title = headline(profile.occupations, profile.hours_min, profile.hours_max, location)
    _set(profile, age_band=shown.age_band, place=shown.place, lat=point[0], lon=point[1],
         headline=title)
    _set(profile, search_text=search_text(profile))


def rebalance(session: Session, region: str | None, education: str | None, *, k: int,
              today: date, now: datetime | None = None) -> dict[str, int]:
    """Re-check one partition: coarsen, publish waiting profiles, hold back what cannot reach k."""
    now = now or utcnow()
    session.flush()
    rows = partition(session, region, education, today)
    levels = assign_levels((r for _p, r in rows), k)
    counts = {"published": 0, "held": 0}
    for profile, record in rows:
        level = levels[record.id]
        if level is None:
            if profile.status == ProfileStatus.PUBLISHED:
                profile.status = ProfileStatus.DRAFT
                profile.published_at = None
            counts["held"] += 1
            continue
        show(profile, record, level)
        if profile.status != ProfileStatus.PUBLISHED:
            profile.status = ProfileStatus.PUBLISHED
            profile.published_at = now
        counts["published"] += 1
    session.flush()
    return counts


def preview_level(session: Session, profile: PublicProfile, record: Record, *, k: int,
                  today: date) -> int | None:
    """The level ``profile`` would be shown at if it were published now; None: it would wait."""
    others = [r for _p, r in partition(session, record.region, record.education, today, profile.id)]
    return assign_levels([*others, record], k)[record.id]


def published_violations(session: Session, k: int) -> dict[Shown, int]:
    """Every displayed (age band, place, region, education) of the published set held by < k."""
    rows = session.execute(
        select(PublicProfile.age_band, PublicProfile.place, PublicProfile.region, PublicProfile.education)
        .where(PublicProfile.status == ProfileStatus.PUBLISHED)
    )
    return violations((tuple(r) for r in rows), k)
