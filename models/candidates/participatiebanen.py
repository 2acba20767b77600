"""Participatiebanen: start one (capacity per year, premium schedule, maximum term), end it with outflow."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate
from models.candidates.parsing import collect, day, text, whole
from models.candidates.participatiebaan import Participatiebaan
from models.common import audit, locking
from models.common.errors import N_, InvalidInput
from models.enums import Outflow
from models.register.employer import Employer


@dataclass(frozen=True)
class Settings:
    """PARTICIPATIEBAAN_* configuration: capacity per year, premium per period, maximum term."""

    capacity: int = 500
    premium_cents: int = 60000
    premium_months: int = 6
    max_months: int = 24
    remind_days: int = 56

    @classmethod
    def from_config(cls, config) -> Settings:
        return cls(config.get("PARTICIPATIEBAAN_CAPACITY", 500), config.get("PARTICIPATIEBAAN_PREMIUM_CENTS", 60000),
                   config.get("PARTICIPATIEBAAN_PREMIUM_MONTHS", 6), config.get("PARTICIPATIEBAAN_MAX_MONTHS", 24),
                   config.get("PARTICIPATIEBAAN_REMIND_DAYS", 56))


def add_months(day_: date, months: int) -> date:
    """The same day ``months`` later (the last day of the month when it has fewer days)."""
    month = day_.month - 1 + months
    year, month = day_.year + month // 12, month % 12 + 1
    for d in (day_.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def premium_dates(item: Participatiebaan) -> list[date]:
    """When a premium is due: at the end of every full premium period within the term."""
    out, n = [], 1
    last = item.ended_on or item.ends_on
    while (due := add_months(item.started_on, n * item.premium_months)) <= last:
        out.append(due)
        n += 1
    return out


def started_in(session: Session, organisation_id: int, year: int) -> int:
    return session.scalar(select(func.count()).select_from(Participatiebaan).where(
        Participatiebaan.organisation_id == organisation_id,
        Participatiebaan.started_on >= date(year, 1, 1), Participatiebaan.started_on <= date(year, 12, 31))) or 0


def start(session: Session, candidate: Candidate, data: dict, actor, settings: Settings, today: date) -> Participatiebaan:
    """Start a participatiebaan; the end is the start plus the maximum term unless an earlier one is given.

    InvalidInput when the year's capacity is used up, the candidate already has a running one,
    the term is longer than the maximum, or a field is wrong.
    """
    e: dict[str, str] = {}
    started_on = collect(e, None, day, data.get("started_on"), "started_on", "de startdatum", required=True)
    ends_on = collect(e, None, day, data.get("ends_on"), "ends_on", "de einddatum")
    hours = collect(e, None, whole, data.get("hours_per_week"), "hours_per_week", 1, 48, "de uren per week")
    employer_id = data.get("employer_id") or None
    if employer_id is not None:
        employer = session.get(Employer, int(employer_id)) if str(employer_id).isdigit() else None
        if employer is None or employer.organisation_id != candidate.organisation_id:
            e["employer_id"] = N_("Werkgever: kies een werkgever uit het register van uw organisatie.")
    if started_on:
        latest = add_months(started_on, settings.max_months)
        if ends_on is None:
            ends_on = latest
        elif ends_on > latest:
            e["ends_on"] = N_("Einddatum: een participatiebaan duurt ten hoogste %(max_months)s maanden "
                              "(uiterlijk %(latest)s).",
                              max_months=settings.max_months, latest=latest.strftime('%d-%m-%Y'))
        elif ends_on <= started_on:
            e["ends_on"] = N_("Einddatum: moet na de startdatum liggen.")
        if started_in(session, candidate.organisation_id, started_on.year) >= settings.capacity:
            e["started_on"] = N_("Startdatum: de %(capacity)s participatiebanen van %(year)s "
                                 "zijn allemaal vergeven.", capacity=settings.capacity, year=started_on.year)
    running = session.scalar(select(Participatiebaan.id).where(Participatiebaan.candidate_id == candidate.id,
                                                               Participatiebaan.ended_on.is_(None)))
    if running:
        e["started_on"] = N_("Startdatum: deze kandidaat heeft al een lopende participatiebaan.")
    if e:
        raise InvalidInput(e)
    item = Participatiebaan(organisation_id=candidate.organisation_id, candidate_id=candidate.id,
                            employer_id=int(employer_id) if employer_id else None, started_on=started_on,
                            ends_on=ends_on, hours_per_week=hours, premium_cents=settings.premium_cents,
                            premium_months=settings.premium_months)
    session.add(item)
    session.flush()
    audit.record(session, "participatiebaan_started", actor=actor, obj=item, details={"candidate_id": candidate.id})
    return item


def end(session: Session, item: Participatiebaan, data: dict, actor, today: date) -> None:
    """End the participatiebaan on a day with its outflow (none, partial, full); locked on the version."""
    e: dict[str, str] = {}
    ended_on = collect(e, None, day, data.get("ended_on"), "ended_on", "de einddatum", required=True)
    if ended_on and ended_on < item.started_on:
        e["ended_on"] = N_("Einddatum: ligt voor de startdatum.")
    elif ended_on and ended_on > max(today, item.ends_on):
        e["ended_on"] = N_("Einddatum: ligt in de toekomst.")
    outflow = data.get("outflow") or ""
    if outflow not in {o.value for o in Outflow}:
        e["outflow"] = N_("Uitstroom: kies geen, gedeeltelijk of volledig.")
    note = collect(e, None, text, data.get("end_note"), "end_note", 300, "de toelichting")
    if e:
        raise InvalidInput(e)
    locking.save_edit(session, item, {"ended_on": ended_on, "outflow": Outflow(outflow), "end_note": note},
                      data.get("version"), actor,
                      lambda p: {"ended_on": p.ended_on, "outflow": getattr(p.outflow, "value", None)})


def overview(session: Session, organisation_id: int, year: int, today: date, settings: Settings) -> dict:
    """Capacity use for ``year``, running now, ending within the reminder window, ended with outflow."""
    started = started_in(session, organisation_id, year)
    base = select(Participatiebaan).where(Participatiebaan.organisation_id == organisation_id)
    running = list(session.scalars(base.where(Participatiebaan.ended_on.is_(None)).order_by(Participatiebaan.ends_on)))
    ended = list(session.scalars(base.where(Participatiebaan.ended_on >= date(year, 1, 1),
                                            Participatiebaan.ended_on <= date(year, 12, 31))))
    outflow = {o: sum(1 for p in ended if p.outflow == o) for o in Outflow}
    ending = [p for p in running if (p.ends_on - today).days <= settings.remind_days]
    return {"year": year, "capacity": settings.capacity, "started": started, "running": running,
            "ending": ending, "ended": len(ended), "outflow": outflow}
