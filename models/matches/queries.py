"""Read-side queries of the matcher's pages: the review queue and a vacancy's suggestions."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, joinedload

from models.accounts.organisation import Organisation
from models.candidates.candidate import Candidate
from models.common.paging import Page, clamp, paginate
from models.enums import SuggestionStatus, VacancyStatus
from models.matches.suggestion import Suggestion, SuggestionRun
from models.register.employer import Employer
from models.vacancies.vacancy import Vacancy, VacancyShare

PAGE_SIZE = 25
SUGGESTIONS_PER_PAGE = 50  # a vacancy's suggestions: the house size of a long list
IN_PROGRESS = (SuggestionStatus.PROPOSED, SuggestionStatus.INTRODUCED, SuggestionStatus.INTERVIEW)


def visible_condition(organisation_id: int):
    """SQL condition: the vacancy is the organisation's own or shared with it."""
    shared = exists().where(VacancyShare.vacancy_id == Vacancy.id, VacancyShare.organisation_id == organisation_id)
    return or_(Vacancy.organisation_id == organisation_id, shared)


def is_visible(session: Session, vacancy: Vacancy, organisation_id: int) -> bool:
    """True when the vacancy is the organisation's own or shared with it."""
    return vacancy.organisation_id == organisation_id or session.scalar(
        select(VacancyShare.id).where(VacancyShare.vacancy_id == vacancy.id,
                                      VacancyShare.organisation_id == organisation_id)) is not None


@dataclass
class QueueRow:
    vacancy: Vacancy
    employer: str
    owner: str | None  # the sharing organisation's name, None for own vacancies
    new: int
    in_progress: int
    computed: bool
    latest: object


def queue(session: Session, organisation_id: int, page: int = 1) -> tuple[list[QueueRow], int]:
    """Open vacancies the organisation may match for, with its counts of new and running suggestions.

    Newest new suggestion first (vacancies without suggestions last); three queries whatever the page.
    ``computed`` is False while the background job has not ranked the vacancy for the organisation yet.
    """
    counts = (
        select(Suggestion.vacancy_id.label("vacancy_id"),
               func.sum(case((Suggestion.status == SuggestionStatus.NEW, 1), else_=0)).label("new"),
               func.sum(case((Suggestion.status.in_(IN_PROGRESS), 1), else_=0)).label("in_progress"),
               func.count(Suggestion.id).label("total"),
               func.max(case((Suggestion.status == SuggestionStatus.NEW, Suggestion.created_at))).label("latest"))
        .where(Suggestion.organisation_id == organisation_id).group_by(Suggestion.vacancy_id).subquery()
    )
    where = and_(Vacancy.status == VacancyStatus.OPEN, visible_condition(organisation_id))
    computed = exists().where(SuggestionRun.vacancy_id == Vacancy.id, SuggestionRun.organisation_id == organisation_id)
    found = paginate(session, (
        select(Vacancy, Employer.name, Organisation.name, counts.c.new, counts.c.in_progress,
               or_(counts.c.total > 0, computed), counts.c.latest)
        .join(Employer, Employer.id == Vacancy.employer_id, isouter=True)
        .join(Organisation, Organisation.id == Vacancy.organisation_id)
        .join(counts, counts.c.vacancy_id == Vacancy.id, isouter=True)
        .where(where)
        .order_by(case((counts.c.latest.is_(None), 1), else_=0), counts.c.latest.desc(), Vacancy.id.desc())
    ), page, PAGE_SIZE)
    out = [QueueRow(v, employer or "", None if v.organisation_id == organisation_id else owner, int(new or 0),
                    int(running or 0), bool(count), latest)
           for v, employer, owner, new, running, count, latest in found]
    return Page(out, found.page, found.per_page, found.total)


def _own(vacancy_id: int, organisation_id: int):
    return Suggestion.vacancy_id == vacancy_id, Suggestion.organisation_id == organisation_id


def was_computed(session: Session, vacancy_id: int, organisation_id: int) -> bool:
    """Whether the organisation's suggestions for the vacancy were ever computed (also when none were found)."""
    return session.scalar(select(SuggestionRun.id).where(SuggestionRun.vacancy_id == vacancy_id,
                                                         SuggestionRun.organisation_id == organisation_id)) is not None


def own_counts(session: Session, vacancy: Vacancy, organisation_id: int) -> dict[SuggestionStatus, int]:
    """How many of the organisation's suggestions for the vacancy are in each status (only those with any)."""
    return {SuggestionStatus(status): int(n) for status, n in session.execute(
        select(Suggestion.status, func.count()).where(*_own(vacancy.id, organisation_id))
        .group_by(Suggestion.status)).all()}


def own_page(session: Session, vacancy: Vacancy, organisation_id: int, page: int, total: int) -> Page[Suggestion]:
    """Page ``page`` (kept within range of ``total``, from ``own_counts``) of the organisation's suggestions
    for the vacancy, best first, ``SUGGESTIONS_PER_PAGE`` to a page, with candidate and personal data loaded."""
    number = clamp(page, total, SUGGESTIONS_PER_PAGE)
    items = list(session.scalars(
        select(Suggestion).where(*_own(vacancy.id, organisation_id))
        .options(joinedload(Suggestion.candidate).joinedload(Candidate.personal))
        .order_by(Suggestion.score.desc(), Suggestion.candidate_id)
        .limit(SUGGESTIONS_PER_PAGE).offset((number - 1) * SUGGESTIONS_PER_PAGE)
    ).unique())
    return Page(items, number, SUGGESTIONS_PER_PAGE, total)


def page_of(session: Session, suggestion: Suggestion) -> int:
    """The page of its vacancy's list (for its organisation, best first) that shows ``suggestion``."""
    before = session.scalar(select(func.count()).select_from(Suggestion).where(
        *_own(suggestion.vacancy_id, suggestion.organisation_id),
        or_(Suggestion.score > suggestion.score,
            and_(Suggestion.score == suggestion.score, Suggestion.candidate_id < suggestion.candidate_id)))) or 0
    return before // SUGGESTIONS_PER_PAGE + 1


def partner_suggestions(session: Session, vacancy: Vacancy) -> list[tuple[Suggestion, str]]:
    """(suggestion, partner name) of partners' proposals for the owner's vacancy; no candidate data loaded."""
    reviewed = [s for s in SuggestionStatus if s not in (SuggestionStatus.NEW, SuggestionStatus.REJECTED)]
    return [tuple(r) for r in session.execute(
        select(Suggestion, Organisation.name).join(Organisation, Organisation.id == Suggestion.organisation_id)
        .where(Suggestion.vacancy_id == vacancy.id, Suggestion.organisation_id != vacancy.organisation_id,
               Suggestion.status.in_(reviewed))
        .order_by(Suggestion.status_changed_at.desc(), Suggestion.id)
    )]


def open_visible_vacancies(session: Session, organisation_id: int) -> list[Vacancy]:
    """Every open vacancy the organisation may match for (own and shared), employer loaded."""
    return list(session.scalars(
        select(Vacancy).where(Vacancy.status == VacancyStatus.OPEN, visible_condition(organisation_id))
        .options(joinedload(Vacancy.employer)).order_by(Vacancy.id)))
