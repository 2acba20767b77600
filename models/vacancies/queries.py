"""Which vacancies a member of staff may see (own and shared with them), filtered and paged."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from models.accounts.organisation import Organisation
from models.common.paging import Page, paginate
from models.enums import VacancyStatus
from models.register.employer import Employer
from models.vacancies.vacancy import Vacancy, VacancyShare

SCOPES = ("all", "own", "shared_with_us", "shared_by_us")


@dataclass
class Filters:
    """What the list shows: search words, status, employer, and whose vacancies."""

    q: str = ""
    status: str = ""
    employer_id: int | None = None
    scope: str = "all"
    updated_since: datetime | None = None


def _shared_with(org_id: int):
    return exists().where(VacancyShare.vacancy_id == Vacancy.id, VacancyShare.organisation_id == org_id)


def visible_clause(org_id: int):
    """Own vacancies, and others' vacancies shared with ``org_id`` (never their submissions)."""
    return or_(
        Vacancy.organisation_id == org_id,
        (_shared_with(org_id)) & (Vacancy.status != VacancyStatus.SUBMITTED),
    )


def get_visible(session: Session, org_id: int, vacancy_id: int) -> Vacancy | None:
    """The vacancy if ``org_id`` owns it or it is shared with them; None otherwise."""
    return session.scalar(
        select(Vacancy).where(Vacancy.id == vacancy_id, visible_clause(org_id))
        .options(joinedload(Vacancy.employer), joinedload(Vacancy.organisation))
    )


def filtered(org_id: int, filters: Filters) -> Select:
    """The select of visible vacancies matching ``filters``, newest first."""
    query = select(Vacancy).outerjoin(Employer, Employer.id == Vacancy.employer_id).where(visible_clause(org_id))
    if filters.scope == "own":
        query = query.where(Vacancy.organisation_id == org_id)
    elif filters.scope == "shared_with_us":
        query = query.where(Vacancy.organisation_id != org_id)
    elif filters.scope == "shared_by_us":
        query = query.where(Vacancy.organisation_id == org_id, exists().where(VacancyShare.vacancy_id == Vacancy.id))
    if filters.status:
        query = query.where(Vacancy.status == filters.status)
    else:
        query = query.where(Vacancy.status != VacancyStatus.SUBMITTED)  # those wait in the review queue
    if filters.employer_id:
        query = query.where(Vacancy.employer_id == filters.employer_id)
    if filters.updated_since:
        query = query.where(Vacancy.updated_at >= filters.updated_since)
    for word in filters.q.split()[:8]:
        like = f"%{word.replace('%', '').replace('_', '')}%"
        query = query.where(or_(Vacancy.title.ilike(like), Vacancy.occupation.ilike(like),
                                Vacancy.city.ilike(like), Employer.name.ilike(like)))
    return query.order_by(Vacancy.updated_at.desc(), Vacancy.id.desc())


def list_page(session: Session, org_id: int, filters: Filters, page: int, per_page: int) -> Page[Vacancy]:
    """One page with employer, owner and shares loaded in a fixed number of queries (past the end: the last)."""
    return paginate(session, filtered(org_id, filters).options(
        joinedload(Vacancy.employer), joinedload(Vacancy.organisation),
        selectinload(Vacancy.shares).joinedload(VacancyShare.organisation)), page, per_page)


EXPORT_HEADERS = (
    "Kenmerk", "Functietitel", "Werkgever", "Beroep", "Plaats", "Uren min", "Uren max", "Status",
    "Startdatum", "Sluitingsdatum", "Organisatie", "Gedeeld met", "Bijgewerkt",
)
EXPORT_LIMIT = 50_000


def export_rows(session: Session, org_id: int, filters: Filters) -> list[list]:
    """Rows of the filtered list for CSV/XLSX: business data only, never candidates."""
    vacancies = session.scalars(
        filtered(org_id, filters).limit(EXPORT_LIMIT)
        .options(joinedload(Vacancy.employer), joinedload(Vacancy.organisation),
                 selectinload(Vacancy.shares).joinedload(VacancyShare.organisation))
    ).unique().all()
    out = []
    for v in vacancies:
        own = v.organisation_id == org_id
        shared = ", ".join(sorted(s.organisation.name for s in v.shares)) if own else ""
        out.append([v.external_id, v.title, v.employer.name if v.employer else "", v.occupation, v.city,
                    v.hours_min, v.hours_max, v.status.value, v.start_date, v.closing_date,
                    v.organisation.name, shared, v.updated_at.date() if v.updated_at else None])
    return out


def submitted_count(session: Session, org_id: int) -> int:
    """How many public submissions wait for review in ``org_id``."""
    return session.scalar(select(func.count(Vacancy.id)).where(
        Vacancy.organisation_id == org_id, Vacancy.status == VacancyStatus.SUBMITTED)) or 0


def organisation_names(session: Session) -> dict[int, str]:
    """Organisation id → name."""
    return dict(session.execute(select(Organisation.id, Organisation.name)).all())
