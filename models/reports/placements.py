"""Placements started in a period: per month, instrument, target group, contract; outflow; banenafspraak."""
from __future__ import annotations

from sqlalchemy import and_, case, extract, func, select
from sqlalchemy.orm import Session

from models.common import clock
from models.common.errors import N_
from models.enums import Outflow
from models.placements.placement import Placement
from models.sroi.progress import INSTRUMENT_LABELS
from models.sroi.valuation.tables import FULL_TIME_HOURS

from . import MONTHS_NL, Bar, Figure, Period, months_between

TARGET_GROUP_LABELS = {
    "participatiewet": N_("Participatiewet"), "banenafspraak": N_("Banenafspraak"),
    "ww": N_("WW"), "wia": N_("WIA"), "wajong": N_("Wajong"), "nug": N_("Niet-uitkeringsgerechtigd"), "wsw": N_("Wsw"),
    "": N_("Onbekend"),
}
CONTRACT_LABELS = {"temporary": N_("Tijdelijk"), "permanent": N_("Vast")}
OUTFLOW_LABELS = {"full": N_("Volledig uit de uitkering"), "partial": N_("Gedeeltelijk uit de uitkering")}
STARTED_NOTE = (N_("Een plaatsing telt in de periode waarin ze begint, ook als ze daarna doorloopt; "
                   "een beëindigde plaatsing blijft meetellen in de periode van haar start."))


def started(org_ids: list[int], period: Period):
    """The condition 'placement of these organisations that started in the period'.

    Started means the start date has come: on or before today (models.common.clock), so a
    placement planned to start later counts in no report, not even in a period that reaches past today.
    """
    return (Placement.organisation_id.in_(org_ids), Placement.start_date >= period.start,
            Placement.start_date <= min(period.end, clock.today()))


def outflow_in(org_ids: list[int], period: Period):
    """The condition 'outflow of these organisations in the period': outflow date (else start date) in
    the period and on or before today, like ``started``."""
    moment = func.coalesce(Placement.outflow_on, Placement.start_date)
    return (Placement.organisation_id.in_(org_ids), Placement.outflow != Outflow.NONE, moment >= period.start,
            moment <= min(period.end, clock.today()))


# The banenafspraak (Wet banenafspraak en quotum arbeidsbeperkten) counts paid jobs of people in UWV's
# doelgroepregister: the banenafspraak group, Wajong and Wsw-indicated people; one job is 25.5 hours a
# week. Paid means an employment contract or a secondment: never a WEP, trial placement or
# participatiebaan, where the person keeps the benefit. See docs/indicators.md.
REGISTER_GROUPS = ("banenafspraak", "wajong", "wsw")
PAID_INSTRUMENTS = ("regular", "secondment", "sheltered", "bbl")
JOB_HOURS = 25.5


def is_banenafspraak():
    """A placement counted under the banenafspraak: a paid job of a person in the doelgroepregister."""
    return and_(Placement.target_group.in_(REGISTER_GROUPS), Placement.instrument.in_(PAID_INSTRUMENTS))


def placement_figures(session: Session, org_ids: list[int], period: Period) -> list[Figure]:
    """Placements started in the period, four ways, and outflow from benefit, by kind and by hours."""
    where = started(org_ids, period)
    year, month = extract("year", Placement.start_date), extract("month", Placement.start_date)
    per_month = dict(((int(y), int(m)), n) for y, m, n in session.execute(
        select(year, month, func.count()).where(*where).group_by(year, month)))
    months = Figure("per_month", N_("Gestarte plaatsingen per maand"), note=STARTED_NOTE, bars=[
        Bar(f"{MONTHS_NL[m - 1]} {y}", per_month.get((y, m), 0), f"{y:04d}-{m:02d}") for y, m in months_between(period)])

    by = {}
    for column in (Placement.instrument, Placement.contract_type):
        by[column.key] = dict(session.execute(select(column, func.count()).where(*where).group_by(column)).all())
    instruments = Figure("instrument", N_("Gestarte plaatsingen per instrument"), note=STARTED_NOTE,
                         total_label=N_("Totaal gestarte plaatsingen"), bars=[
        Bar(label, by["instrument"].get(code, 0), code) for code, label in INSTRUMENT_LABELS.items()])
    contracts = Figure("contract", N_("Gestarte plaatsingen per soort contract"), note=STARTED_NOTE,
                       total_label=N_("Totaal gestarte plaatsingen"), bars=[
        Bar(label, by["contract_type"].get(code, 0), code) for code, label in CONTRACT_LABELS.items()])

    group = func.coalesce(Placement.target_group, "")
    rows = session.execute(select(
        group, func.count(), func.sum(case((Placement.age_at_start >= 50, 1), else_=0)),
        func.sum(case((Placement.statushouder.is_(True), 1), else_=0)),
    ).where(*where).group_by(group)).all()
    counts = {code: n for code, n, _, _ in rows}
    over_50 = sum(int(r[2] or 0) for r in rows)
    statushouders = sum(int(r[3] or 0) for r in rows)
    groups = Figure("target_group", N_("Gestarte plaatsingen per doelgroep"),
                    note=N_("Doelgroep (uitkering of register) bij de start; elke plaatsing staat in precies één "
                            "doelgroep, dus de doelgroepen tellen op tot het totaal. 50-plussers (leeftijd bij de "
                            "start) en statushouders zijn kenmerken bovenop de doelgroep: ze staan eronder als "
                            "'waarvan' en tellen niet mee in het totaal."), total_label=N_("Totaal gestarte plaatsingen"),
                    bars=[
        *(Bar(label, counts.get(code, 0), code or "unknown") for code, label in TARGET_GROUP_LABELS.items()),
        Bar(N_("waarvan 50-plussers"), over_50, "50plus", overlap=True),
        Bar(N_("waarvan statushouders"), statushouders, "statushouder", overlap=True)])

    fulltime = Placement.hours_per_week >= FULL_TIME_HOURS
    rows = session.execute(select(Placement.outflow, fulltime, func.count()).where(
        *outflow_in(org_ids, period)).group_by(Placement.outflow, fulltime)).all()
    outflow: dict = {}
    by_hours = {True: 0, False: 0}
    for kind, full, n in rows:
        outflow[kind] = outflow.get(kind, 0) + n
        by_hours[bool(full)] += n
    outflows = Figure("outflow", N_("Uitstroom uit de uitkering"), total_label=N_("Totaal uitstroom"), note=(
        N_("Geteld op de datum van uitstroom (zonder die datum: de startdatum van de plaatsing). Volledig: geen "
           "uitkering meer; gedeeltelijk: werk met een aanvullende uitkering.")), bars=[
        Bar(label, outflow.get(Outflow(code), 0), code) for code, label in OUTFLOW_LABELS.items()])
    hours = Figure("outflow_hours", N_("Uitstroom naar voltijd en deeltijd"), total_label=N_("Totaal uitstroom"), drill=False,
                   note=N_("Dezelfde uitstroom, naar uren: voltijd is %(hours)s uur per week of meer.",
                           hours=FULL_TIME_HOURS), bars=[
        Bar(N_("Voltijd"), by_hours[True], "fulltime"), Bar(N_("Deeltijd"), by_hours[False], "parttime")])
    return [months, instruments, groups, contracts, outflows, hours]


def banenafspraak_figure(session: Session, org_ids: list[int], period: Period, targets: dict | int | None) -> Figure:
    """Banenafspraak jobs (of 25.5 hours a week) started per year of the period, against the yearly target."""
    year = extract("year", Placement.start_date)
    hours = dict((int(y), int(h or 0)) for y, h in session.execute(
        select(year, func.sum(Placement.hours_per_week)).where(*started(org_ids, period), is_banenafspraak())
        .group_by(year)))
    years = range(period.start.year, period.end.year + 1)
    figure = Figure("banenafspraak", N_("Extra banen banenafspraak (banen van 25,5 uur)"), note=(
        N_("Betaalde banen (dienstverband, detachering, beschut werk, BBL) die in de periode begonnen, van mensen "
           "uit het doelgroepregister (doelgroep banenafspraak, Wajong, Wsw), in banen van 25,5 uur per week: "
           "de uren per week opgeteld en gedeeld door 25,5. Tegen het doel per jaar dat de coördinator instelt.")),
        bars=[Bar(str(y), round(hours.get(y, 0) / JOB_HOURS, 1), str(y), extra=_target_text(targets, y))
              for y in years])
    figure.target = target_for(targets, period.end.year)
    return figure


def target_for(targets: dict | int | None, year: int) -> int | None:
    """The target for ``year`` from a per-year dict (int or str keys) or a single number."""
    if isinstance(targets, dict):
        value = targets.get(year, targets.get(str(year)))
        return float(value) if value is not None else None
    return int(targets) if targets else None


def _target_text(targets, year: int) -> str:
    target = target_for(targets, year)
    return N_("doel %(target)s", target=_number(target)) if target else N_("geen doel ingesteld")


def _number(value: float) -> str:
    return (f"{value:.1f}".rstrip("0").rstrip(".")).replace(".", ",")
