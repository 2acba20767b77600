"""What waits for a staff member, counted for the start page (one small query per area shown).

Each counter answers for one person in their own organisation; the start page shows a count only
when it is above zero, beside the area it belongs to, linked to where the work is done.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.catalogue.employer_request import EmployerRequest
from models.enums import RequestStatus, SuggestionStatus, VacancyStatus
from models.matches.queries import visible_condition
from models.matches.suggestion import Suggestion
from models.register.contact import ContactMoment
from models.vacancies.vacancy import Vacancy


def vacancies_with_new_suggestions(session: Session, user: User, today: date) -> int:
    """Open vacancies (own and shared) with suggestions for the organisation that nobody reviewed yet."""
    return session.scalar(
        select(func.count(func.distinct(Suggestion.vacancy_id)))
        .join(Vacancy, Vacancy.id == Suggestion.vacancy_id)
        .where(Suggestion.organisation_id == user.organisation_id, Suggestion.status == SuggestionStatus.NEW,
               Vacancy.status == VacancyStatus.OPEN, visible_condition(user.organisation_id))) or 0


def follow_ups_due(session: Session, user: User, today: date) -> int:
    """The person's own open follow-ups planned for today or earlier."""
    return session.scalar(
        select(func.count(ContactMoment.id))
        .where(ContactMoment.organisation_id == user.organisation_id, ContactMoment.follow_up_owner_id == user.id,
               ContactMoment.follow_up_done_at.is_(None), ContactMoment.follow_up_on <= today)) or 0


def new_requests(session: Session, user: User, today: date) -> int:
    """Employers' requests to meet a candidate that nobody has picked up yet."""
    return session.scalar(
        select(func.count(EmployerRequest.id))
        .where(EmployerRequest.organisation_id == user.organisation_id,
               EmployerRequest.status == RequestStatus.NEW)) or 0


def submitted_vacancies(session: Session, user: User, today: date) -> int:
    """Vacancies employers sent in through the public site, waiting for review."""
    return session.scalar(
        select(func.count(Vacancy.id))
        .where(Vacancy.organisation_id == user.organisation_id, Vacancy.status == VacancyStatus.SUBMITTED)) or 0


# start page entry -> (counter, where the waiting work is listed)
COUNTERS: dict[str, tuple[Callable[[Session, User, date], int], str]] = {
    "matches.queue": (vacancies_with_new_suggestions, "matches.queue"),
    "employers.follow_ups": (follow_ups_due, "employers.follow_ups"),
    "requests.index": (new_requests, "requests.index"),
    "vacancies.index": (submitted_vacancies, "vacancies.review_queue"),
}


def waiting(session: Session, user: User, today: date, endpoints: list[str]) -> dict[str, tuple[int, str]]:
    """{entry endpoint: (count, endpoint of the list)} for the given entries with something waiting."""
    found = {}
    for endpoint in endpoints:
        if endpoint in COUNTERS:
            counter, target = COUNTERS[endpoint]
            count = counter(session, user, today)
            if count:
                found[endpoint] = (count, target)
    return found
