"""Keeps derived data in step with every ORM edit, whoever makes it.

Coordinates follow postcode and place (of vacancies and candidates); a candidate whose linked terms
change counts as updated; and candidate edits and placements bump the matcher's index stamp.
Bulk Core inserts (the importer) bypass these hooks and do the same explicitly.
"""
from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from matching.geo import locate
from models.base import utcnow
from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.placements.placement import Placement
from models.vacancies.vacancy import Vacancy

from models.common import stamps

_MATCH_RELEVANT = (Candidate, CandidatePersonal, CandidateTerm, Placement)


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


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Vacancy):
            _locate_vacancy(obj)
        elif isinstance(obj, CandidatePersonal):
            _locate_candidate(session, obj)
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        if isinstance(obj, CandidateTerm):
            _touch_candidate(session, obj)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context) -> None:
    touched = [o for o in (*session.new, *session.dirty, *session.deleted) if isinstance(o, _MATCH_RELEVANT)]
    if touched:
        stamps.bump(session, stamps.MATCH_INDEX, connection=session.connection())
