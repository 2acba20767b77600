"""The rows behind a figure: which placements, suggestions, contact moments or candidates were counted."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import extract, select
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate
from models.catalogue.profile import PublicProfile
from models.common.errors import N_
from models.common.paging import paginate
from models.matches.suggestion import Suggestion
from models.placements.placement import Placement
from models.register.contact import ContactMoment
from models.register.employer import Employer
from models.sroi.progress import INSTRUMENT_LABELS
from models.vacancies.vacancy import Vacancy

from . import Period, funnel
from .candidates import base as candidate_base
from .candidates import conditions
from .contacts import CHANNEL_LABELS, in_period, overdue
from .placements import TARGET_GROUP_LABELS, is_banenafspraak, outflow_in, started
from .sroi import counts_for_sroi

PER_PAGE = 50


@dataclass
class DrillList:
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    candidate_ids: list[int | None] = field(default_factory=list)  # per row, for a link to the record
    total: int = 0
    page: int = 1  # the page shown (past the end: the last)


class UnknownFigure(LookupError):
    """The family, figure or code does not exist (the view answers 404)."""


def _user_id(code: str):
    try:
        return int(code) or None
    except ValueError:
        raise UnknownFigure(code) from None


def _placement_where(figure: str, code: str, org_ids, period: Period) -> list:
    where = list(started(org_ids, period))
    if figure == "per_month":
        try:
            y, m = (int(x) for x in code.split("-"))
        except ValueError:
            raise UnknownFigure(code) from None
        return where + [extract("year", Placement.start_date) == y, extract("month", Placement.start_date) == m]
    if figure == "instrument" and code in INSTRUMENT_LABELS:
        return where + [Placement.instrument == code]
    if figure == "contract" and code in ("temporary", "permanent"):
        return where + [Placement.contract_type == code]
    if figure == "target_group":
        if code == "unknown":
            return where + [Placement.target_group.is_(None)]
        if code == "50plus":
            return where + [Placement.age_at_start >= 50]
        if code == "statushouder":
            return where + [Placement.statushouder.is_(True)]
        if code in TARGET_GROUP_LABELS:
            return where + [Placement.target_group == code]
    if figure == "outflow" and code in ("full", "partial"):
        return [*outflow_in(org_ids, period), Placement.outflow == code]
    if figure in ("banenafspraak", "sroi_jobs") and code.isdigit():
        extra = is_banenafspraak() if figure == "banenafspraak" else counts_for_sroi()
        return where + [extra, extract("year", Placement.start_date) == int(code)]
    raise UnknownFigure(figure)


def placements(session: Session, figure: str, code: str, org_ids, period: Period, page: int) -> DrillList:
    """The placements counted in one bar."""
    where = _placement_where(figure, code, org_ids, period)
    result = DrillList([N_("Plaatsing"), N_("Start"), N_("Einde"), N_("Instrument"), N_("Doelgroep"), N_("Werkgever"), N_("Klantnummer")])
    found = paginate(session, select(Placement, Employer.name, Candidate.external_id, Candidate.id)
                     .join(Employer, Employer.id == Placement.employer_id)
                     .outerjoin(Candidate, Candidate.id == Placement.candidate_id).where(*where)
                     .order_by(Placement.start_date, Placement.id), page, PER_PAGE)
    result.total, result.page = found.total, found.page
    for p, employer, number, candidate_id in found:
        result.rows.append([p.id, p.start_date, p.ended_early_on or p.end_date, INSTRUMENT_LABELS[p.instrument.value],
                            TARGET_GROUP_LABELS.get(p.target_group or "", p.target_group), employer,
                            number or "(gewist)"])
        result.candidate_ids.append(candidate_id)
    return result


def suggestions(session: Session, figure: str, code: str, org_ids, period: Period, page: int) -> DrillList:
    """The suggestions counted in one step of the funnel or one rejection reason."""
    where = list(funnel.cohort_filter(org_ids, period))
    if figure == "funnel" and code in funnel.STEPS:
        where.append(funnel.reached(code))
    elif figure == "reasons" and ":" in code:
        status, reason = code.split(":", 1)
        where += [Suggestion.status == status, Suggestion.reject_reason == reason]
    elif not (figure == "funnel" and code == "suggested"):
        raise UnknownFigure(figure)
    result = DrillList([N_("Suggestie"), N_("Gemaakt"), N_("Status"), N_("Vacature"), N_("Klantnummer")])
    found = paginate(session, select(Suggestion.id, Suggestion.created_at, Suggestion.status, Vacancy.title,
                                     Candidate.external_id, Candidate.id)
                     .join(Vacancy, Vacancy.id == Suggestion.vacancy_id)
                     .join(Candidate, Candidate.id == Suggestion.candidate_id).where(*where)
                     .order_by(Suggestion.created_at, Suggestion.id), page, PER_PAGE)
    result.total, result.page = found.total, found.page
    for sid, created, status, title, number, candidate_id in found:
        result.rows.append([sid, created.date(), funnel.STATUS_LABELS.get(status.value, status.value), title, number])
        result.candidate_ids.append(candidate_id)
    return result


def contacts(session: Session, figure: str, code: str, organisation_id: int, period: Period, today: date,
             page: int) -> DrillList:
    """The contact moments counted in one bar."""
    if figure == "author":
        where = [*in_period(organisation_id, period), ContactMoment.author_id == _user_id(code)
                 if _user_id(code) else ContactMoment.author_id.is_(None)]
    elif figure == "channel" and code in CHANNEL_LABELS:
        where = [*in_period(organisation_id, period), ContactMoment.channel == code]
    elif figure == "overdue":
        owner = _user_id(code)
        where = [*overdue(organisation_id, today), ContactMoment.follow_up_owner_id == owner
                 if owner else ContactMoment.follow_up_owner_id.is_(None)]
    else:
        raise UnknownFigure(figure)
    result = DrillList([N_("Datum"), N_("Werkgever"), N_("Kanaal"), N_("Onderwerp"), N_("Follow-up")])
    found = paginate(session, select(ContactMoment, Employer.name)
                     .join(Employer, Employer.id == ContactMoment.employer_id).where(*where).order_by(ContactMoment.occurred_on, ContactMoment.id), page, PER_PAGE)
    result.total, result.page = found.total, found.page
    for moment, employer in found:
        result.rows.append([moment.occurred_on, employer, CHANNEL_LABELS[moment.channel.value], moment.subject,
                            moment.follow_up_on])
        result.candidate_ids.append(None)
    return result


def candidates(session: Session, figure: str, code: str, organisation_id: int, today: date, page: int) -> DrillList:
    """The active candidates counted in one bar."""
    where = list(candidate_base(organisation_id))
    if figure == "ladder":
        if code == "unknown":
            where.append(Candidate.ladder.is_(None))
        elif code.isdigit() and 1 <= int(code) <= 6:
            where.append(Candidate.ladder == int(code))
        else:
            raise UnknownFigure(code)
    elif figure == "indicator" and code in conditions(today):
        where.append(conditions(today)[code])
    elif figure == "caseload":
        owner = _user_id(code)
        where.append(Candidate.owner_id == owner if owner else Candidate.owner_id.is_(None))
    else:
        raise UnknownFigure(figure)
    result = DrillList([N_("Klantnummer"), N_("Trede"), N_("Beoordeeld op"), N_("Plan van"), N_("Profiel")])
    query = select(Candidate, PublicProfile.status).outerjoin(PublicProfile, PublicProfile.candidate_id == Candidate.id)
    found = paginate(session, query.where(*where).order_by(Candidate.external_id), page, PER_PAGE)
    result.total, result.page = found.total, found.page
    for c, status in found:
        result.rows.append([c.external_id, c.ladder or "onbekend", c.ladder_assessed_on, c.plan_updated_on,
                            status.value if status else "geen"])
        result.candidate_ids.append(c.id)
    return result
