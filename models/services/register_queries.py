"""Read queries of the register: the filtered employer list (page and export) in constant queries."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from models.contact import ContactMoment
from models.employer import Employer
from models.enums import EmployerStatus, VacancyStatus
from models.sroi import SroiObligation
from models.user import User
from models.vacancy import Vacancy

PAGE_SIZE = 25
SORTS = ("name", "city", "status", "last_contact")


@dataclass(frozen=True)
class EmployerFilters:
    """What the list shows; each field is also a query-string parameter of the list page."""

    q: str = ""
    status: str = ""
    manager: int | None = None
    open_vacancies: bool = False
    sroi: bool = False
    sort: str = "name"


@dataclass(frozen=True)
class EmployerRow:
    employer: Employer
    manager_name: str | None
    last_contact: date | None
    open_vacancies: int


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _last_contact():
    return (select(func.max(ContactMoment.occurred_on))
            .where(ContactMoment.employer_id == Employer.id).correlate(Employer).scalar_subquery())


def _open_count():
    return (select(func.count(Vacancy.id))
            .where(Vacancy.employer_id == Employer.id, Vacancy.status == VacancyStatus.OPEN)
            .correlate(Employer).scalar_subquery())


def filtered(organisation_id: int, filters: EmployerFilters) -> Select:
    """A select of the ids of the organisation's employers that pass ``filters``."""
    query = select(Employer.id).where(Employer.organisation_id == organisation_id)
    q = filters.q.strip()
    if q:
        pattern = _like(q)
        compact = q.replace(" ", "").replace(".", "")
        conditions = [func.lower(Employer.name).like(pattern, escape="\\"),
                      func.lower(Employer.city).like(pattern, escape="\\"),
                      func.lower(Employer.sector).like(pattern, escape="\\")]
        if compact.isdigit():
            conditions.append(Employer.kvk.like(compact + "%"))
        query = query.where(or_(*conditions))
    if filters.status in {s.value for s in EmployerStatus}:
        query = query.where(Employer.status == EmployerStatus(filters.status))
    if filters.manager:
        query = query.where(Employer.account_manager_id == filters.manager)
    if filters.open_vacancies:
        query = query.where(exists().where(Vacancy.employer_id == Employer.id,
                                           Vacancy.status == VacancyStatus.OPEN))
    if filters.sroi:
        query = query.where(exists().where(SroiObligation.contractor_id == Employer.id))
    return query


def _ordered(query: Select, sort: str, last_contact) -> Select:
    name = func.lower(Employer.name)
    order = {
        "name": (name, Employer.id),
        "city": (func.lower(Employer.city), name, Employer.id),
        "status": (Employer.status, name, Employer.id),
        # Most recent contact first; never contacted last.
        "last_contact": (last_contact.is_(None), last_contact.desc(), Employer.id),
    }[sort if sort in SORTS else "name"]
    return query.order_by(*order)


def count(session: Session, organisation_id: int, filters: EmployerFilters) -> int:
    """How many employers pass ``filters``."""
    return session.scalar(select(func.count()).select_from(filtered(organisation_id, filters).subquery()))


def rows(session: Session, organisation_id: int, filters: EmployerFilters, page: int = 1,
         per_page: int | None = PAGE_SIZE) -> list[EmployerRow]:
    """One page of the list (``per_page`` None: all rows, for exports), aggregates included."""
    last_contact, open_count = _last_contact(), _open_count()
    ids = filtered(organisation_id, filters).subquery()
    query = (select(Employer, User.name, last_contact.label("last_contact"), open_count.label("open"))
             .join(ids, ids.c.id == Employer.id)
             .outerjoin(User, User.id == Employer.account_manager_id))
    query = _ordered(query, filters.sort, last_contact)
    if per_page is not None:
        query = query.limit(per_page).offset((max(page, 1) - 1) * per_page)
    return [EmployerRow(e, m, lc, oc or 0) for e, m, lc, oc in session.execute(query)]
