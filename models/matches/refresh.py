"""Recomputing stored suggestions after a change: the background jobs' entry points (web/queue).

A changed vacancy is ranked again for every organisation that may match it (its owner and the
partners it is shared with); a changed candidate makes their organisation's open vacancies (own and
shared, the most recently changed first, at most ``limit``) ranked again. Each call flushes only.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.common import stamps
from models.enums import VacancyStatus
from models.jobs import imports
from models.jobs.records import DONE, FAILED, ApiImport
from models.matches.queries import visible_condition
from models.matches.suggestion import SuggestionRun
from models.matches.suggestions import refresh_suggestions
from models.vacancies.vacancy import Vacancy, VacancyShare

SUGGESTIONS_REFRESHED = stamps.SUGGESTIONS_REFRESHED  # a stamp: when the last refresh job finished


def organisations_for(session: Session, vacancy_id: int) -> set[int]:
    """Ids of the organisations that may match the vacancy: its owner and the partners it is shared with."""
    owner = session.scalar(select(Vacancy.organisation_id).where(Vacancy.id == vacancy_id))
    if owner is None:
        return set()
    return {owner, *session.scalars(select(VacancyShare.organisation_id).where(VacancyShare.vacancy_id == vacancy_id))}


def for_vacancy(session: Session, vacancy_id: int, min_score: float) -> int:
    """Rank the vacancy again for its owner and every partner it is shared with; how many lists were stored."""
    vacancy = session.get(Vacancy, vacancy_id)
    if vacancy is None or vacancy.status == VacancyStatus.SUBMITTED:
        return 0
    org_ids = organisations_for(session, vacancy_id)
    organisations = session.scalars(select(Organisation).where(Organisation.id.in_(org_ids)).order_by(Organisation.id))
    done = 0
    for organisation in organisations:
        refresh_suggestions(session, vacancy, organisation, min_score=min_score)
        done += 1
    stamps.bump(session, SUGGESTIONS_REFRESHED)
    return done


def for_organisation(session: Session, organisation_id: int, min_score: float, limit: int,
                     after_each: Callable[[], None] | None = None) -> int:
    """Rank the organisation's candidates again for its open vacancies (own and shared, at most ``limit``).

    ``after_each`` runs after each vacancy's list is stored: the worker commits there, so that on
    SQLite its write lock is held for one vacancy at a time (tens of milliseconds), not for the whole
    refresh (4 s for the demo's 107 vacancies), while pages wait for it."""
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        return 0
    vacancy_ids = sorted(session.scalars(  # pairs locked in one order: no deadlock between jobs
        select(Vacancy.id).where(Vacancy.status == VacancyStatus.OPEN, visible_condition(organisation_id))
        .order_by(Vacancy.updated_at.desc(), Vacancy.id.desc()).limit(limit)))
    for vacancy_id in vacancy_ids:
        vacancy = session.get(Vacancy, vacancy_id)
        if vacancy is not None:  # deleted since an earlier commit
            refresh_suggestions(session, vacancy, session.get(Organisation, organisation_id), min_score=min_score)
        if after_each is not None:
            after_each()
    stamps.bump(session, SUGGESTIONS_REFRESHED)
    return len(vacancy_ids)


def waits_for_import(session: Session, vacancy: Vacancy, organisation_id: int, limit: int, stale_seconds: int) -> bool:
    """Whether the organisation's stored suggestions for the open vacancy leave out candidates of its
    API import that a refresh will rank: more of the import is arriving (the refresh waits for its last
    body: web/queue/jobs.py), or one finished after they were computed and the vacancy is among the
    ``limit`` that `for_organisation` ranks (its refresh is on its way)."""
    if vacancy.status != VacancyStatus.OPEN:
        return False
    if imports.waiting(session, organisation_id, stale_seconds):
        return True
    computed = select(SuggestionRun.computed_at).where(SuggestionRun.vacancy_id == vacancy.id,
                                                       SuggestionRun.organisation_id == organisation_id)
    later = session.scalar(select(ApiImport.id).where(
        ApiImport.organisation_id == organisation_id, ApiImport.status.in_((DONE, FAILED)),
        ApiImport.finished_at > computed.scalar_subquery()).limit(1))
    if later is None:
        return False
    ahead = session.scalar(select(func.count(Vacancy.id)).where(
        Vacancy.status == VacancyStatus.OPEN, visible_condition(organisation_id),
        or_(Vacancy.updated_at > vacancy.updated_at,
            and_(Vacancy.updated_at == vacancy.updated_at, Vacancy.id > vacancy.id))))
    return ahead < limit


def never_computed(session: Session, limit: int) -> list[tuple[int, int]]:
    """(vacancy id, organisation id) of open vacancies an organisation may match for but never had
    suggestions computed for (imported ones, ones from before the queue ran), at most ``limit``."""
    pairs = []
    for organisation_id in session.scalars(select(Organisation.id).order_by(Organisation.id)):
        stored = exists().where(SuggestionRun.vacancy_id == Vacancy.id, SuggestionRun.organisation_id == organisation_id)
        ids = session.scalars(select(Vacancy.id).where(
            Vacancy.status == VacancyStatus.OPEN, visible_condition(organisation_id), ~stored)
            .order_by(Vacancy.id).limit(limit - len(pairs)))
        pairs.extend((vacancy_id, organisation_id) for vacancy_id in ids)
        if len(pairs) >= limit:
            break
    return pairs


def for_pair(session: Session, vacancy_id: int, organisation_id: int, min_score: float) -> None:
    """Rank one vacancy for one organisation."""
    vacancy, organisation = session.get(Vacancy, vacancy_id), session.get(Organisation, organisation_id)
    if vacancy is not None and organisation is not None:
        refresh_suggestions(session, vacancy, organisation, min_score=min_score)
        stamps.bump(session, SUGGESTIONS_REFRESHED)
