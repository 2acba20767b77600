"""Derived data kept in step with every ORM edit: listeners installed explicitly, never on import.

Coordinates follow postcode and place (of vacancies and candidates); a candidate whose linked terms
change counts as updated; candidate edits and placements bump the matcher's index stamp; a public
profile's wordings are indexed for the catalogue; an employer's last contact date follows its
contact moments; every candidate and vacancy change takes a change number (models/common/stamps.py),
and a deleted candidate leaves a removal row, so the matcher's index finds what changed without
comparing clocks. ``install`` registers all of it once: ``create_app`` calls it for the app's
session, so web requests, commands, tests and bench scripts (which all build an app) get the
same behaviour. Bulk Core inserts (the importer) bypass these hooks and do the same explicitly.
"""
from __future__ import annotations

from sqlalchemy import event, inspect, update
from sqlalchemy.orm import Session

from matching.geo import locate
from models.base import utcnow
from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.catalogue import index as catalogue_index
from models.catalogue.index import CatalogueTerm, ProfileTerm
from models.catalogue.profile import PublicProfile
from models.common import stamps
from models.register import contact
from models.register.contact import ContactMoment
from models.taxonomy.concept import Concept, ConceptAlias, ConceptRelation
from models.vacancies.vacancy import Vacancy, VacancyTerm

_CANDIDATE_PARTS = (CandidatePersonal, CandidateTerm)
# What a public catalogue page is made of: a change to any of them makes cached pages stale.
_CATALOGUE_RELEVANT = (PublicProfile, ProfileTerm, CatalogueTerm, Concept, ConceptAlias, ConceptRelation)
# What the council report reads (models/reports/): a change to any of these makes stored reports stale.
_REPORT_MODULES = ("models.candidates.", "models.placements.", "models.sroi.", "models.reports.",
                   "models.accounts.organisation", "models.catalogue.profile", "models.register.employer")


def _report_relevant(obj) -> bool:
    return type(obj).__module__.startswith(_REPORT_MODULES)


def point_values(postcode: str | None, city: str | None) -> dict[str, float | None]:
    """{"lat", "lon"} of a postcode, else of a place; both None when neither is known."""
    point = locate(postcode, city)
    return {"lat": point.lat if point else None, "lon": point.lon if point else None}


def _changed(obj, *names: str) -> bool:
    state = inspect(obj)
    return state.pending or any(state.attrs[n].history.has_changes() for n in names)


def _locate_vacancy(vacancy: Vacancy) -> None:
    if _changed(vacancy, "postcode", "city"):
        for key, value in point_values(vacancy.postcode, vacancy.city).items():
            setattr(vacancy, key, value)


def _locate_candidate(session: Session, personal: CandidatePersonal) -> None:
    if not _changed(personal, "postcode", "city"):
        return
    candidate = personal.candidate or session.get(Candidate, personal.candidate_id)
    if candidate is not None:
        for key, value in point_values(personal.postcode, personal.city or candidate.place).items():
            setattr(candidate, key, value)


def _touch_candidate(session: Session, term: CandidateTerm) -> None:
    candidate = session.get(Candidate, term.candidate_id) if term.candidate_id else None
    if candidate is not None and candidate not in session.deleted:
        candidate.updated_at = utcnow()


def _before_flush(session: Session, _context, _instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Vacancy):
            _locate_vacancy(obj)
        elif isinstance(obj, CandidatePersonal):
            _locate_candidate(session, obj)
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, CandidateTerm):
            _touch_candidate(session, obj)


def _changed_rows(session: Session) -> tuple[set[int], set[int], list[tuple[int, int]]]:
    """Ids of the candidates and vacancies this flush changed, and the (id, organisation) of deleted candidates."""
    candidates: set[int] = set()
    vacancies: set[int] = set()
    removed = []
    for obj in (*session.new, *session.dirty):
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        if isinstance(obj, Candidate):
            candidates.add(obj.id)
        elif isinstance(obj, _CANDIDATE_PARTS):
            candidates.add(obj.candidate_id)
        elif isinstance(obj, Vacancy):
            vacancies.add(obj.id)
        elif isinstance(obj, VacancyTerm):
            vacancies.add(obj.vacancy_id)
    for obj in session.deleted:
        if isinstance(obj, Candidate):
            removed.append((obj.id, obj.organisation_id))
        elif isinstance(obj, _CANDIDATE_PARTS):
            candidates.add(obj.candidate_id)
        elif isinstance(obj, VacancyTerm):
            vacancies.add(obj.vacancy_id)
    gone = {cid for cid, _org in removed}
    return {c for c in candidates if c and c not in gone}, {v for v in vacancies if v}, removed


def _after_flush(session: Session, _context) -> None:
    if any(isinstance(o, _CATALOGUE_RELEVANT) for o in (*session.new, *session.dirty, *session.deleted)):
        # A publish, a withdrawal, an edit: every worker's cached catalogue pages are stale at once.
        stamps.bump(session, stamps.CATALOGUE, connection=session.connection())
    if any(_report_relevant(o) for o in (*session.new, *session.dirty, *session.deleted)):
        stamps.bump(session, stamps.REPORTS, connection=session.connection())
    candidates, vacancies, removed = _changed_rows(session)
    if not (candidates or vacancies or removed):
        return
    # Core statements: the number is derived data, it must not count as an edit (Versioned).
    connection = session.connection()
    number = stamps.next_change(connection)
    if candidates:
        table = Candidate.__table__
        connection.execute(update(table).where(table.c.id.in_(sorted(candidates))).values(change_no=number))
    if vacancies:
        table = Vacancy.__table__
        connection.execute(update(table).where(table.c.id.in_(sorted(vacancies))).values(change_no=number))
    if removed:
        stamps.record_removals(connection, removed, number)


_LISTENERS = (
    ("before_flush", _before_flush),
    ("after_flush", _after_flush),
)
_MAPPER_LISTENERS = (
    (PublicProfile, "after_insert", catalogue_index.reindex_profile),
    (PublicProfile, "after_update", catalogue_index.reindex_profile),
    (ContactMoment, "after_insert", contact.contact_logged),
    (ContactMoment, "after_update", contact.contact_changed),
    (ContactMoment, "after_delete", contact.contact_removed),
)


def install(sessions) -> None:
    """Register the listeners on ``sessions`` (a Session class, sessionmaker or scoped_session)
    and on the mapped classes; calling it again changes nothing."""
    for name, listener in _LISTENERS:
        if not event.contains(sessions, name, listener):
            event.listen(sessions, name, listener)
    for cls, name, listener in _MAPPER_LISTENERS:
        if not event.contains(cls, name, listener):
            event.listen(cls, name, listener)
