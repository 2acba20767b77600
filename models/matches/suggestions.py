"""Suggestions for a vacancy: computing them with the matcher, storing them, and the API payload."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from matching.documents import Taxonomy
from models.accounts.organisation import Organisation
from models.base import utcnow
from models.candidates.candidate import Candidate
from models.enums import SuggestionStatus, VacancyStatus
from models.matches import index_cache
from models.matches.documents import docs_by_id, vacancy_docs
from models.matches.suggestion import Suggestion, SuggestionRun, lock_pair
from models.vacancies.vacancy import Vacancy, VacancyShare

if TYPE_CHECKING:  # matching.explain and .rank pull in scikit-learn: imported where they are used
    from matching.explain import Reason
    from matching.rank import Suggestion as Ranked

DEFAULT_TOP = 20
DEFAULT_MIN_SCORE = 0.2  # the app passes MATCH_MIN_SCORE; this is for scripts and tests


class UnknownVacancy(LookupError):
    """No vacancy with that external id is visible to the organisation (the API answers 404)."""


@dataclass
class RefreshResult:
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0
    below: int = 0  # met the hard requirements but scored under the minimum relevance


def render_reasons(reasons: list, taxonomy: Taxonomy) -> list[str]:
    """matching.explain.render_reasons, imported on first use: scikit-learn is behind it, not needed at boot."""
    from matching import explain

    return explain.render_reasons(reasons, taxonomy)


def reason_items(reasons: list[Reason], taxonomy: Taxonomy) -> list[dict]:
    """Structured reasons as JSON-ready dicts, each with its Dutch sentence under "text" and the labels
    of its concepts under "labels" (a page renders it in its own language from those: web.matches.reasons)."""
    items = []
    for reason in reasons:
        item = {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(reason).items()}
        item["text"] = next(iter(render_reasons([reason], taxonomy)), "")
        item["labels"] = {str(c): taxonomy.labels[c] for c in reason.concepts if c in taxonomy.labels}
        items.append(item)
    return items


def rank(session: Session, vacancy: Vacancy, organisation_id: int, top: int,
         exclude: set[int] = frozenset(), min_score: float = 0.0) -> tuple[list[Ranked], Taxonomy]:
    """The best ``top`` active candidates of the organisation for the vacancy, never one breaking a hard requirement."""
    ranked, _below, tax = rank_counted(session, vacancy, organisation_id, top, exclude, min_score)
    return ranked, tax


def rank_counted(session: Session, vacancy: Vacancy, organisation_id: int, top: int,
                 exclude: set[int] = frozenset(), min_score: float = 0.0) -> tuple[list[Ranked], int, Taxonomy]:
    """`rank`, plus how many candidates met the hard requirements but scored under ``min_score``."""
    entry = index_cache.get_index(session, organisation_id)
    doc = vacancy_docs(session, [vacancy])[0]
    with entry.lock:
        ranked, below = entry.index.ranking(doc, top=top, exclude=exclude, fetch=_fetch(session, organisation_id),
                                            min_score=min_score)
    return ranked, below, entry.index.taxonomy or Taxonomy()


def _fetch(session: Session, organisation_id: int):
    """The ranked candidates' docs (for their reasons) from the database: the snapshot holds none."""
    return lambda ids: docs_by_id(session, organisation_id, ids)


def left_out(session: Session, vacancy: Vacancy, organisation_id: int,
             limit: int = 100) -> tuple[list[Ranked], int, Taxonomy]:
    """Candidates of the organisation who meet the hard requirements but are not in the stored list:
    the best ``limit`` of them (best first, with reasons), how many there are, and the taxonomy."""
    stored = set(session.scalars(select(Suggestion.candidate_id).where(
        Suggestion.vacancy_id == vacancy.id, Suggestion.organisation_id == organisation_id)))
    entry = index_cache.get_index(session, organisation_id)
    doc = vacancy_docs(session, [vacancy])[0]
    with entry.lock:
        ranked = entry.index.suggest(doc, top=limit, exclude=stored, fetch=_fetch(session, organisation_id))
        eligible = entry.index.eligible(doc, exclude=stored)
    return ranked, eligible, entry.index.taxonomy or Taxonomy()


def refresh_suggestions(session: Session, vacancy: Vacancy, organisation: Organisation,
                        top: int = DEFAULT_TOP, min_score: float = DEFAULT_MIN_SCORE) -> RefreshResult:
    """Recompute the organisation's suggestions for a vacancy and store them.

    Reviewed suggestions keep their state and reasons (and are not ranked again); the best
    ``top`` other candidates scoring at least ``min_score`` appear as ``new``; ``new`` ones that
    no longer make the list (or now break a hard requirement) are removed. Flushes only.

    Two refreshes of the same vacancy and organisation (two worker threads, a job and a staff
    member's recompute) take turns: the second reads what the first stored, instead of inserting
    the same suggestions again.
    """
    lock_pair(session, vacancy.id, organisation.id)
    result = RefreshResult()
    stored = {s.candidate_id: s for s in session.scalars(select(Suggestion).where(
        Suggestion.vacancy_id == vacancy.id, Suggestion.organisation_id == organisation.id))}
    reviewed = {cid for cid, s in stored.items() if s.status != SuggestionStatus.NEW}
    result.kept = len(reviewed)
    ranked = []
    if vacancy.status == VacancyStatus.OPEN:
        ranked, result.below, tax = rank_counted(session, vacancy, organisation.id, top, exclude=reviewed,
                                                 min_score=min_score)
    chosen = set()
    for item in ranked:
        chosen.add(item.candidate_id)
        reasons = reason_items(item.reasons, tax)
        existing = stored.get(item.candidate_id)
        if existing is None:
            session.add(Suggestion(vacancy_id=vacancy.id, candidate_id=item.candidate_id,
                                   organisation_id=organisation.id, score=item.score, reasons=reasons,
                                   status=SuggestionStatus.NEW, history=[]))
            result.added += 1
        elif existing.score != item.score or existing.reasons != reasons:
            existing.score, existing.reasons = item.score, reasons
            result.updated += 1
    stale = [s.id for cid, s in stored.items() if s.status == SuggestionStatus.NEW and cid not in chosen]
    if stale:
        session.execute(delete(Suggestion).where(Suggestion.id.in_(stale)).execution_options(synchronize_session="fetch"))
        result.removed = len(stale)
    _record_run(session, vacancy.id, organisation.id)
    session.flush()
    return result


def _record_run(session: Session, vacancy_id: int, organisation_id: int) -> None:
    run = session.scalar(select(SuggestionRun).where(SuggestionRun.vacancy_id == vacancy_id,
                                                     SuggestionRun.organisation_id == organisation_id))
    if run is None:
        session.add(SuggestionRun(vacancy_id=vacancy_id, organisation_id=organisation_id, computed_at=utcnow()))
    else:
        run.computed_at = utcnow()


def visible_vacancy(session: Session, organisation_id: int, external_id: str) -> Vacancy:
    """The organisation's own vacancy with this external id, else one shared with it; UnknownVacancy if none."""
    own = session.scalar(select(Vacancy).where(Vacancy.organisation_id == organisation_id,
                                               Vacancy.external_id == external_id))
    if own is not None:
        return own
    shared = session.scalar(
        select(Vacancy).join(VacancyShare, VacancyShare.vacancy_id == Vacancy.id)
        .where(VacancyShare.organisation_id == organisation_id, Vacancy.external_id == external_id)
        .order_by(Vacancy.id).limit(1))
    if shared is None:
        raise UnknownVacancy(external_id)
    return shared


def suggestions_payload(session: Session, organisation: Organisation, vacancy_external_id: str,
                        top: int = 10, min_score: float = DEFAULT_MIN_SCORE) -> dict:
    """The contract's JSON: {"vacancy", "suggestions": [{"candidate", "score", "reasons"}]}, best first.

    Candidates are the organisation's own active ones; nobody who breaks a hard requirement, and
    nobody scoring under ``min_score`` (the app passes MATCH_MIN_SCORE, the staff pages' minimum).
    Raises UnknownVacancy when the vacancy is neither the organisation's nor shared with it.
    """
    vacancy = visible_vacancy(session, organisation.id, vacancy_external_id)
    ranked, tax = rank(session, vacancy, organisation.id, max(0, top), min_score=min_score)
    ids = [r.candidate_id for r in ranked]
    external = {cid: ext for cid, ext in session.execute(
        select(Candidate.id, Candidate.external_id).where(Candidate.id.in_(ids)))} if ids else {}
    return {
        "vacancy": vacancy.external_id,
        "suggestions": [
            {"candidate": external[r.candidate_id], "score": float(r.score),
             "reasons": render_reasons(r.reasons, tax)}
            for r in ranked
        ],
    }
