"""Read queries of the register: the filtered employer list (page and export) in constant queries."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, exists, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal
from sqlalchemy.types import Boolean

from models.accounts.user import User
from models.enums import EmployerStatus, VacancyStatus
from models.register.employer import Employer
from models.sroi.obligation import SroiObligation
from models.taxonomy.sectors import SECTORS
from models.vacancies.vacancy import Vacancy

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


class contains_ci(ColumnElement):
    """``column`` contains ``text``, ignoring case: ILIKE, or SQLite's LIKE (already case-blind)."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("pattern", InternalTraversal.dp_clauseelement)]

    def __init__(self, column, text: str):
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        self.column, self.pattern = column, literal(f"%{escaped}%")


@compiles(contains_ci)
def _contains_ci(element, compiler, **kw):
    return f"{compiler.process(element.column, **kw)} ILIKE {compiler.process(element.pattern, **kw)} ESCAPE '\\'"


@compiles(contains_ci, "sqlite")
def _contains_ci_sqlite(element, compiler, **kw):
    # lower() on every row would halve the speed of a search and fold nothing LIKE does not.
    return f"{compiler.process(element.column, **kw)} LIKE {compiler.process(element.pattern, **kw)} ESCAPE '\\'"


def _open_count():
    return (select(func.count(Vacancy.id))
            .where(Vacancy.employer_id == Employer.id, Vacancy.status == VacancyStatus.OPEN)
            .correlate(Employer).scalar_subquery())


def filtered(organisation_id: int, filters: EmployerFilters) -> Select:
    """A select of the ids of the organisation's employers that pass ``filters``."""
    query = select(Employer.id).where(Employer.organisation_id == organisation_id)
    q = filters.q.strip()
    digits = q.replace(" ", "").replace(".", "")
    if digits.isdigit() and 4 <= len(digits) <= 8:
        # A KvK number (or its start): a range on the (organisation_id, kvk) index.
        query = query.where(Employer.kvk.between(digits.ljust(8, "0"), digits.ljust(8, "9")))
    elif q:
        named = [code for code, label in SECTORS.items() if q.lower() in label.lower() or q.lower() in code]
        query = query.where(or_(contains_ci(Employer.name, q), contains_ci(Employer.city, q),
                                Employer.sector.in_(named), contains_ci(Employer.sector_unmapped, q)))
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


def _ordered(query: Select, sort: str) -> Select:
    # Each order is one of the employer table's (organisation_id, ...) indexes, walked in order;
    # names sort case-blind through the lower(name) expression in those indexes.
    name = func.lower(Employer.name)
    order = {
        "name": (name, Employer.id),
        "city": (Employer.city, name, Employer.id),
        "status": (Employer.status, name, Employer.id),
        # Most recent contact first; never contacted last (the denormalised last_contact_on).
        "last_contact": (Employer.last_contact_on.desc().nulls_last(), Employer.id.desc()),
    }[sort if sort in SORTS else "name"]
    return query.order_by(*order)


def count(session: Session, organisation_id: int, filters: EmployerFilters) -> int:
    """How many employers pass ``filters``."""
    return session.scalar(select(func.count()).select_from(filtered(organisation_id, filters).subquery()))


def rows(session: Session, organisation_id: int, filters: EmployerFilters, page: int = 1,
         per_page: int | None = PAGE_SIZE) -> list[EmployerRow]:
    """One page of the list (``per_page`` None: all rows, for exports), aggregates included.

    Two statements: the page's ids (filtering and sorting touch only the employer table and its
    indexes), then those employers with their aggregates, computed for these rows only.
    """
    ids_query = _ordered(filtered(organisation_id, filters), filters.sort)
    if per_page is not None:
        ids_query = ids_query.limit(per_page).offset((max(page, 1) - 1) * per_page)
    ids = list(session.scalars(ids_query))
    if not ids:
        return []
    found: dict[int, EmployerRow] = {}
    for start in range(0, len(ids), 5_000):  # exports: stay below bound-parameter limits
        chunk = ids[start:start + 5_000]
        query = (select(Employer, User.name, Employer.last_contact_on, _open_count())
                 .outerjoin(User, User.id == Employer.account_manager_id).where(Employer.id.in_(chunk)))
        for employer, manager, last, open_ in session.execute(query):
            found[employer.id] = EmployerRow(employer, manager, last, open_ or 0)
    return [found[i] for i in ids]
