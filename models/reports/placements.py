"""Placements started in a period: per month, instrument, target group, contract; outflow; banenafspraak."""
from __future__ import annotations

from sqlalchemy import case, extract, func, or_, select
from sqlalchemy.orm import Session

from models.enums import Outflow
from models.placements.placement import Placement
from models.sroi.progress import INSTRUMENT_LABELS

from . import MONTHS_NL, Bar, Figure, Period, months_between

TARGET_GROUP_LABELS = {
    "participatiewet": "Participatiewet", "banenafspraak": "Banenafspraak", "statushouder": "Statushouder",
    "ww": "WW", "wia": "WIA", "wajong": "Wajong", "nug": "Niet-uitkeringsgerechtigd", "wsw": "Wsw",
    "": "Onbekend",
}
CONTRACT_LABELS = {"temporary": "Tijdelijk", "permanent": "Vast"}
OUTFLOW_LABELS = {"full": "Volledig uit de uitkering", "partial": "Gedeeltelijk uit de uitkering"}
STARTED_NOTE = ("Een plaatsing telt in de periode waarin ze begint, ook als ze daarna doorloopt; "
                "een beëindigde plaatsing blijft meetellen in de periode van haar start.")


def started(org_ids: list[int], period: Period):
    """The condition 'placement of these organisations that started in the period'."""
    return (Placement.organisation_id.in_(org_ids), Placement.start_date >= period.start,
            Placement.start_date <= period.end)


def is_banenafspraak():
    """A placement counted as an extra job under the banenafspraak (target group or work disability)."""
    return or_(Placement.target_group == "banenafspraak", Placement.work_disability.is_(True))


def placement_figures(session: Session, org_ids: list[int], period: Period) -> list[Figure]:
    """Placements started in the period, four ways, and outflow from benefit (four queries)."""
    where = started(org_ids, period)
    year, month = extract("year", Placement.start_date), extract("month", Placement.start_date)
    per_month = dict(((int(y), int(m)), n) for y, m, n in session.execute(
        select(year, month, func.count()).where(*where).group_by(year, month)))
    months = Figure("per_month", "Gestarte plaatsingen per maand", note=STARTED_NOTE, bars=[
        Bar(f"{MONTHS_NL[m - 1]} {y}", per_month.get((y, m), 0), f"{y:04d}-{m:02d}") for y, m in months_between(period)])

    by = {}
    for column in (Placement.instrument, Placement.contract_type):
        by[column.key] = dict(session.execute(select(column, func.count()).where(*where).group_by(column)).all())
    instruments = Figure("instrument", "Gestarte plaatsingen per instrument", note=STARTED_NOTE, bars=[
        Bar(label, by["instrument"].get(code, 0), code) for code, label in INSTRUMENT_LABELS.items()])
    contracts = Figure("contract", "Gestarte plaatsingen per soort contract", note=STARTED_NOTE, bars=[
        Bar(label, by["contract_type"].get(code, 0), code) for code, label in CONTRACT_LABELS.items()])

    group = func.coalesce(Placement.target_group, "")
    rows = session.execute(select(
        group, func.count(), func.sum(case((Placement.age_at_start >= 50, 1), else_=0)),
        func.sum(case((or_(Placement.statushouder.is_(True), Placement.target_group == "statushouder"), 1),
                      else_=0)),
    ).where(*where).group_by(group)).all()
    counts = {code: n for code, n, _, _ in rows}
    over_50 = sum(int(r[2] or 0) for r in rows)
    statushouders = sum(int(r[3] or 0) for r in rows)
    groups = Figure("target_group", "Gestarte plaatsingen per doelgroep",
                    note="Doelgroep bij de start. 50-plussers (leeftijd bij de start) en statushouders "
                         "overlappen met de doelgroepen; ze staan er apart onder.", bars=[
        *(Bar(label, counts.get(code, 0), code or "unknown") for code, label in TARGET_GROUP_LABELS.items()
          if code != "statushouder"),
        Bar("50-plussers", over_50, "50plus"), Bar("Statushouders", statushouders, "statushouder")])

    moment = func.coalesce(Placement.outflow_on, Placement.start_date)
    outflow = dict(session.execute(select(Placement.outflow, func.count()).where(
        Placement.organisation_id.in_(org_ids), Placement.outflow != Outflow.NONE, moment >= period.start,
        moment <= period.end).group_by(Placement.outflow)).all())
    outflows = Figure("outflow", "Uitstroom uit de uitkering", note=(
        "Geteld op de datum van uitstroom (zonder die datum: de startdatum van de plaatsing)."), bars=[
        Bar(label, outflow.get(Outflow(code), 0), code) for code, label in OUTFLOW_LABELS.items()])
    return [months, instruments, groups, contracts, outflows]


def banenafspraak_figure(session: Session, org_ids: list[int], period: Period, targets: dict | int | None) -> Figure:
    """Extra banenafspraak jobs per year of the period against the configured regional target per year."""
    year = extract("year", Placement.start_date)
    counts = dict((int(y), n) for y, n in session.execute(
        select(year, func.count()).where(*started(org_ids, period), is_banenafspraak()).group_by(year)))
    years = range(period.start.year, period.end.year + 1)
    figure = Figure("banenafspraak", "Extra banen banenafspraak", note=(
        "Gestarte plaatsingen in de periode van mensen uit het doelgroepregister (doelgroep banenafspraak "
        "of arbeidsbeperking), tegen de regionale doelstelling per jaar (REPORT_BANENAFSPRAAK_TARGET)."),
        bars=[Bar(str(y), counts.get(y, 0), str(y), extra=_target_text(targets, y)) for y in years])
    figure.target = target_for(targets, period.end.year)
    return figure


def target_for(targets: dict | int | None, year: int) -> int | None:
    """The target for ``year`` from a per-year dict (int or str keys) or a single number."""
    if isinstance(targets, dict):
        value = targets.get(year, targets.get(str(year)))
        return int(value) if value is not None else None
    return int(targets) if targets else None


def _target_text(targets, year: int) -> str:
    target = target_for(targets, year)
    return f"doel {target}" if target else "geen doel ingesteld"
