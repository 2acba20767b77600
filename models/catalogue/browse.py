"""Reading the public catalogue: published profiles only, filtered, sorted and paged in two queries.

Nothing here touches Candidate or CandidatePersonal: the catalogue is built from PublicProfile rows
with status ``published`` and their indexed wordings, so no personal data can reach it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import ARRAY, Integer, any_, case, cast, func, literal, select
from sqlalchemy.orm import Session

from matching.geo import ROAD_FACTOR, Point, travel_km
from matching.levels import EDUCATION_RANK
from models.catalogue.index import ProfileTerm
from models.catalogue.profile import PublicProfile
from models.catalogue.search import Vocabulary, expand_query, expansion, sector_terms, term_ids, vocabulary
from models.common import paging
from models.enums import ProfileStatus
from models.taxonomy.terms import normalise

PER_PAGE = 20
COUNT_CAP = 1000  # beyond this the catalogue says "meer dan 1.000 kandidaten"
DIRECT_WEIGHT = 100  # a wording the search text names counts as this many related wordings
KM_PER_DEGREE_LAT = 110.57
KM_PER_DEGREE_LON_EQUATOR = 111.32


@dataclass
class Filters:
    """What an employer asked for; None or empty means 'any'."""

    q: str = ""
    occupation: str = ""
    sector: str = ""
    hours: int | None = None  # a profile fits when hours_min <= hours <= hours_max
    near: Point | None = None
    within_km: int | None = None  # estimated road distance, like the matcher's travel_km
    education: str | None = None  # minimum level
    licence: str | None = None
    available_before: date | None = None
    sort: str = "relevance"  # or "newest"
    published_since: datetime | None = None  # saved searches: what is new since the last visit


@dataclass(frozen=True)
class Page(paging.Page[PublicProfile]):
    """One page of results; ``distances`` holds the estimated road km per profile id when asked."""

    distances: dict[int, float] = field(default_factory=dict)
    capped: bool = False  # more than COUNT_CAP matched; ``total`` is then COUNT_CAP

    @property
    def profiles(self) -> list[PublicProfile]:
        return self.items


def _having_terms(session: Session, vocab: Vocabulary, terms: set[str], *,
                  kinds: tuple[str, ...] = ("occupation", "skill")):
    members = select(ProfileTerm.profile_id).where(ProfileTerm.term_id.in_(term_ids(vocab, terms, kinds)))
    if session.get_bind().dialect.name == "sqlite":
        # "id + 0": SQLite then checks membership while walking the listing index, instead of
        # fetching every row of a common wording (licence B) in random order.
        return (PublicProfile.id + 0).in_(members)
    # PostgreSQL plans a plain semi-join well once it sees literal term ids (their frequencies
    # are in its statistics): a common wording is checked per row along the listing index, a rare
    # one is intersected first. With "id + 0" it fetched every profile of a wording first.
    return PublicProfile.id.in_(members)


def _conditions(session: Session, vocab: Vocabulary | None, f: Filters) -> list:
    conds = []
    if f.occupation:
        conds.append(_having_terms(session, vocab, expand_query(session, f.occupation, vocab), kinds=("occupation",)))
    if f.sector:
        conds.append(_having_terms(session, vocab, sector_terms(session, f.sector, vocab)))
    if f.licence:
        conds.append(_having_terms(session, vocab, {normalise(f.licence)}, kinds=("licence",)))
    if f.hours is not None:
        conds += [PublicProfile.hours_min <= f.hours, PublicProfile.hours_max >= f.hours]
    if f.education:
        rank = EDUCATION_RANK[f.education]
        conds.append(PublicProfile.education.in_(sorted(k for k, r in EDUCATION_RANK.items() if r >= rank)))
    if f.available_before:
        conds.append(PublicProfile.available_from <= f.available_before)
    if f.published_since:
        conds.append(PublicProfile.published_at > f.published_since)
    if f.near is not None and f.within_km:
        # Straight-line radius for the road distance asked; flat-earth maths is exact enough at
        # these ranges and needs no trigonometry in SQL (SQLite has none by default).
        radius = f.within_km / ROAD_FACTOR
        dlat = radius / KM_PER_DEGREE_LAT
        kx = KM_PER_DEGREE_LON_EQUATOR * math.cos(math.radians(f.near.lat))
        dlon = radius / kx
        dy = (PublicProfile.lat - f.near.lat) * KM_PER_DEGREE_LAT
        dx = (PublicProfile.lon - f.near.lon) * kx
        conds += [
            PublicProfile.lat.between(f.near.lat - dlat, f.near.lat + dlat),
            PublicProfile.lon.between(f.near.lon - dlon, f.near.lon + dlon),
            dx * dx + dy * dy <= radius * radius,
        ]
    return conds


def _among_matches(wanted):
    """PostgreSQL: ``id = ANY(the matching profile ids as one array)``.

    Joined on its own, PostgreSQL read every public_profile row and hash-joined the matches (its
    cost grew with the catalogue). Handed the ids as an array it walks the primary key for just
    those, so a typo search costs what its matches cost (both lookups use ix_profile_term_term_profile).
    """
    matched = select(func.array_agg(ProfileTerm.profile_id)).where(wanted).scalar_subquery()
    return PublicProfile.id == any_(cast(matched, ARRAY(Integer)))


def asks_for_words(f: Filters) -> bool:
    """Whether ``f`` looks up wordings (a search text, an occupation, a sector or a licence): only then
    does a search need the catalogue's vocabulary."""
    return bool(f.q.strip() or f.occupation or f.sector or f.licence)


def search(session: Session, f: Filters, page: int = 1, per_page: int = PER_PAGE,
           vocab: Vocabulary | None = None) -> Page:
    """A page of published profiles matching ``f``; page numbers beyond the last show the last.

    One ordered id query (at most COUNT_CAP + 1 rows) gives the count and the page, one more loads
    the page's profiles. Counting stops at COUNT_CAP: a walk along the listing index then ends early
    instead of visiting every profile, so even 100,000 profiles answer quickly. ``vocab``: the
    vocabulary the caller already holds for this request (saves its stamp query).
    """
    # One stamp query for the whole search, and none when no wording is asked for.
    if vocab is None and asks_for_words(f):
        vocab = vocabulary(session)
    conds = _conditions(session, vocab, f)
    order = [PublicProfile.published_at.desc(), PublicProfile.id.desc()]
    ids = select(PublicProfile.id).where(PublicProfile.status == ProfileStatus.PUBLISHED, *conds)
    if f.q.strip():
        asked = expansion(session, f.q, vocab)
        wanted = ProfileTerm.term_id.in_(term_ids(vocab, set(asked.found), ("occupation", "skill")))
        # A wording the text names outweighs any number of related ones: "kok" puts cooks first,
        # not a sorter whose skills (stress-resistant, teamwork) are related to cooking.
        named = term_ids(vocab, set(asked.direct), ("occupation", "skill"))
        weight = case((ProfileTerm.term_id.in_(named), DIRECT_WEIGHT), else_=1) if named else literal(1)
        hits = (select(ProfileTerm.profile_id, func.sum(weight).label("hits")).where(wanted)
                .group_by(ProfileTerm.profile_id).subquery())
        ids = ids.join(hits, hits.c.profile_id == PublicProfile.id)
        if session.get_bind().dialect.name == "postgresql":
            ids = ids.where(_among_matches(wanted))
        if f.sort != "newest":
            order.insert(0, hits.c.hits.desc())
    ids = ids.order_by(*order)
    first = list(session.scalars(ids.limit(COUNT_CAP + 1)))
    capped = len(first) > COUNT_CAP
    total = COUNT_CAP if capped else len(first)
    number = paging.clamp(page, total, per_page)
    offset = (number - 1) * per_page
    if offset + per_page <= len(first) or not capped:
        page_ids = first[offset:offset + per_page]
    else:  # deep pages of a very large result
        page_ids = list(session.scalars(ids.limit(per_page).offset(offset)))
    rows = {p.id: p for p in session.scalars(select(PublicProfile).where(PublicProfile.id.in_(page_ids)))} if page_ids else {}
    profiles = [rows[i] for i in page_ids if i in rows]
    distances = {}
    if f.near is not None:
        distances = {p.id: travel_km(f.near, Point(p.lat, p.lon)) for p in profiles if p.lat is not None}
    return Page(profiles, number, per_page, total, distances=distances, capped=capped)


def profile_by_code(session: Session, code: str) -> PublicProfile | None:
    """The published or withdrawn profile with pseudonym ``code``; None for drafts and unknown codes."""
    return session.scalar(select(PublicProfile).where(
        PublicProfile.code == code[:16],
        PublicProfile.status.in_([ProfileStatus.PUBLISHED, ProfileStatus.WITHDRAWN]),
    ))
