"""Social return in a period: obligations, obligation total, realised, forecast; jobs through social return."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, extract, func, select
from sqlalchemy.orm import Session, joinedload

from models.common.errors import N_
from models.common.money import format_euro
from models.placements.placement import Placement
from models.sroi.obligation import SroiObligation
from models.sroi.progress import progress_many

from . import Bar, Figure, Period
from .placements import started, target_for


@dataclass
class SroiReport:
    obligations: int
    obligation_cents: int
    realised_cents: int
    forecast_cents: int
    per_contractor: Figure
    jobs: Figure


def obligations_in(session: Session, organisation_id: int, period: Period) -> list[SroiObligation]:
    """The organisation's obligations whose period overlaps the report period."""
    return list(session.scalars(select(SroiObligation).options(joinedload(SroiObligation.contractor)).where(
        SroiObligation.organisation_id == organisation_id, SroiObligation.period_start <= period.end,
        SroiObligation.period_end >= period.start).order_by(SroiObligation.id)))


def sroi_report(session: Session, organisation_id: int, period: Period, today: date,
                jobs_target: dict | int | None) -> SroiReport:
    """Totals and per-contractor realisation (progress as on ``today``, reusing sroi_progress)."""
    obligations = obligations_in(session, organisation_id, period)
    progress = progress_many(session, obligations, today, contributions=False)
    contractors: dict[int, list] = {}
    for o in obligations:
        entry = contractors.setdefault(o.contractor_id, [o.contractor.name, 0, 0, 0])
        p = progress[o.id]
        entry[1] += p.obligation_cents  # the required amount (after any PSO reduction)
        entry[2] += p.realised_cents
        entry[3] += p.forecast_cents
    per_contractor = Figure("contractor", N_("Gerealiseerde social return per opdrachtnemer"), unit=N_("euro"), note=(
        N_("Verplichtingen waarvan de looptijd de periode raakt; gerealiseerd en prognose zoals vandaag, "
           "met de bouwblokkentabel van elke verplichting.")), bars=[
        Bar(name, realised, str(cid), people=False,
            extra=f"verplichting {format_euro(total)}, prognose {format_euro(forecast)}")
        for cid, (name, total, realised, forecast) in sorted(contractors.items(), key=lambda i: i[1][0])])
    return SroiReport(
        len(obligations), sum(p.obligation_cents for p in progress.values()),
        sum(p.realised_cents for p in progress.values()), sum(p.forecast_cents for p in progress.values()),
        per_contractor, sroi_jobs_figure(session, [organisation_id], period, jobs_target))


def counts_for_sroi():
    """A placement that is a job through social return: linked to an obligation and worth something
    for it (a placement valued at € 0, no bouwblok or outside the period, adds nothing to it)."""
    return and_(Placement.sroi_obligation_id.is_not(None), Placement.value_cents > 0)


def sroi_jobs_figure(session: Session, org_ids: list[int], period: Period, targets: dict | int | None) -> Figure:
    """Placements started in the period that count for an obligation, per year, against the yearly target."""
    year = extract("year", Placement.start_date)
    counts = dict((int(y), n) for y, n in session.execute(select(year, func.count()).where(
        *started(org_ids, period), counts_for_sroi()).group_by(year)))
    figure = Figure("sroi_jobs", N_("Banen via social return"), note=(
        N_("Gestarte plaatsingen die aan een social-returnverplichting gekoppeld zijn en er iets waard voor zijn "
           "(een plaatsing met waarde € 0,00 telt niet), tegen het doel per jaar dat de coördinator instelt "
           "(Rapportages, Doelen per jaar).")), bars=[
        Bar(str(y), counts.get(y, 0), str(y)) for y in range(period.start.year, period.end.year + 1)])
    figure.target = target_for(targets, period.end.year)
    return figure
