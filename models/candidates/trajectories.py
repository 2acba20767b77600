"""Trajectories: record, end with a result; providers' budgets per year (budgeted / bought / started)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate
from models.candidates.parsing import collect, day, whole
from models.candidates.trajectory import Trajectory, TrajectoryBudget
from models.common import audit, locking
from models.common.errors import N_, InvalidInput
from models.common.money import parse_euro
from models.enums import TrajectoryKind, TrajectoryResult
from models.register.employer import Employer

KIND_LABELS = {
    TrajectoryKind.LANGUAGE_AND_WORK: "Taal en werk", TrajectoryKind.DEVELOPMENT_NETWORK: "Ontwikkelnetwerk",
    TrajectoryKind.PARTICIPATION_COACHING: "Participatiecoaching", TrajectoryKind.ACTIVATION: "Activering",
    TrajectoryKind.TRAINING: "Scholing", TrajectoryKind.WORK_FIT: "Werkfit", TrajectoryKind.OTHER: "Overig",
}
RESULT_LABELS = {
    TrajectoryResult.WEP: "Door naar werkervaringsplaats", TrajectoryResult.PAID_WORK: "Betaald werk",
    TrajectoryResult.PARTICIPATION: "Participatie", TrajectoryResult.EDUCATION: "Opleiding",
    TrajectoryResult.DROPPED_OUT: "Uitgevallen", TrajectoryResult.OTHER: "Anders",
}


def providers(session: Session, organisation_id: int) -> list[Employer]:
    """Employers of the register marked as provider of trajectories."""
    return list(session.scalars(select(Employer).where(Employer.organisation_id == organisation_id,
                                                       Employer.is_provider.is_(True)).order_by(Employer.name)))


def _provider(session: Session, organisation_id: int, value, errors: dict) -> int | None:
    ids = {p.id for p in providers(session, organisation_id)}
    try:
        pid = int(value)
    except (TypeError, ValueError):
        pid = None
    if pid not in ids:
        errors["provider_id"] = N_("Aanbieder: kies een aanbieder uit de lijst (een werkgever in het register "
                                   "met ‘aanbieder van trajecten’ aangevinkt).")
        return None
    return pid


def _cost(value, errors: dict) -> int | None:
    if value is None or not str(value).strip():
        return None
    try:
        cents = parse_euro(str(value))
    except ValueError:
        cents = None
    if cents is None or cents < 0:
        errors["cost"] = N_("Kosten: vul een bedrag in euro in, bijvoorbeeld 2.500 of 2500,00.")
        return None
    return cents


def add_trajectory(session: Session, candidate: Candidate, data: dict, actor, today: date) -> Trajectory:
    """Record a trajectory bought for the candidate; InvalidInput naming each wrong field."""
    e: dict[str, str] = {}
    kind = data.get("kind") or ""
    if kind not in {k.value for k in TrajectoryKind}:
        e["kind"] = N_("Soort traject: kies een soort uit de lijst.")
    provider_id = _provider(session, candidate.organisation_id, data.get("provider_id"), e)
    bought_on = collect(e, None, day, data.get("bought_on"), "bought_on", "de datum van inkoop", required=True)
    started_on = collect(e, None, day, data.get("started_on"), "started_on", "de startdatum")
    planned = collect(e, None, day, data.get("planned_end_on"), "planned_end_on", "de geplande einddatum")
    if bought_on and bought_on > today:
        e["bought_on"] = N_("Datum van inkoop: ligt in de toekomst.")
    if started_on and planned and planned < started_on:
        e["planned_end_on"] = N_("Geplande einddatum: ligt voor de startdatum.")
    cost = _cost(data.get("cost"), e)
    if e:
        raise InvalidInput(e)
    item = Trajectory(organisation_id=candidate.organisation_id, candidate_id=candidate.id, kind=TrajectoryKind(kind),
                      provider_id=provider_id, bought_on=bought_on, started_on=started_on, planned_end_on=planned,
                      cost_cents=cost)
    session.add(item)
    session.flush()
    audit.record(session, "trajectory_added", actor=actor, obj=item, details={"candidate_id": candidate.id})
    return item


def end_trajectory(session: Session, item: Trajectory, data: dict, actor, today: date) -> None:
    """Record the end date and result (and the start, if not known yet); locked on the version."""
    e: dict[str, str] = {}
    started_on = collect(e, None, day, data.get("started_on"), "started_on", "de startdatum") or item.started_on
    ended_on = collect(e, None, day, data.get("ended_on"), "ended_on", "de einddatum", required=True)
    result = data.get("result") or ""
    if result not in {r.value for r in TrajectoryResult}:
        e["result"] = N_("Resultaat: kies een resultaat uit de lijst.")
    if ended_on and ended_on > today:
        e["ended_on"] = N_("Einddatum: ligt in de toekomst.")
    if started_on is None and "started_on" not in e:
        e["started_on"] = N_("Startdatum: vul in wanneer het traject begon.")
    elif ended_on and started_on and ended_on < started_on:
        e["ended_on"] = N_("Einddatum: ligt voor de startdatum.")
    if e:
        raise InvalidInput(e)
    locking.save_edit(session, item, {"started_on": started_on, "ended_on": ended_on,
                                      "result": TrajectoryResult(result)}, data.get("version"), actor,
                      lambda t: {"started_on": t.started_on, "ended_on": t.ended_on,
                                 "result": getattr(t.result, "value", None)})


def set_budget(session: Session, organisation_id: int, data: dict) -> TrajectoryBudget:
    """Set how many trajectories of a provider are budgeted for a year (replaces the earlier figure)."""
    e: dict[str, str] = {}
    provider_id = _provider(session, organisation_id, data.get("provider_id"), e)
    year = collect(e, None, whole, data.get("year"), "year", 2000, 2100, "het jaar", required=True)
    budgeted = collect(e, None, whole, data.get("budgeted"), "budgeted", 0, 100000, "het aantal trajecten",
                       required=True)
    amount_errors: dict[str, str] = {}
    amount = _cost(data.get("amount"), amount_errors)
    if amount_errors:
        e["amount"] = N_("Budget: vul een bedrag in euro in, bijvoorbeeld 125.000.")
    if e:
        raise InvalidInput(e)
    budget = session.scalar(select(TrajectoryBudget).where(
        TrajectoryBudget.organisation_id == organisation_id, TrajectoryBudget.provider_id == provider_id,
        TrajectoryBudget.year == year))
    if budget is None:
        budget = TrajectoryBudget(organisation_id=organisation_id, provider_id=provider_id, year=year, budgeted=0)
        session.add(budget)
    budget.budgeted, budget.amount_cents = budgeted, amount
    session.flush()
    return budget


@dataclass
class BudgetLine:
    provider: Employer
    year: int
    budgeted: int | None  # None: no budget set for this provider and year
    bought: int
    started: int
    ended: int
    to_wep: int
    average_days: int | None  # mean duration of the ended ones, start to end

    @property
    def wep_share(self) -> int | None:
        return round(100 * self.to_wep / self.ended) if self.ended else None


def budget_overview(session: Session, organisation_id: int, year: int, today: date) -> list[BudgetLine]:
    """Per provider for ``year``: budgeted, bought (bought in the year), started (by today), results.

    'Bought' counts trajectories whose purchase date lies in the year; 'started' those of them with a
    start date on or before today; so started ≤ bought. Durations and the share that moved on to a
    work-experience placement are over the ones that ended.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    items = list(session.scalars(select(Trajectory).where(
        Trajectory.organisation_id == organisation_id, Trajectory.bought_on >= start, Trajectory.bought_on <= end)))
    budgets = {b.provider_id: b for b in session.scalars(select(TrajectoryBudget).where(
        TrajectoryBudget.organisation_id == organisation_id, TrajectoryBudget.year == year))}
    lines = []
    for provider in providers(session, organisation_id):
        own = [t for t in items if t.provider_id == provider.id]
        if not own and provider.id not in budgets:
            continue
        ended = [t for t in own if t.ended_on and t.started_on]
        days = [(t.ended_on - t.started_on).days for t in ended]
        lines.append(BudgetLine(
            provider, year, budgets[provider.id].budgeted if provider.id in budgets else None, len(own),
            sum(1 for t in own if t.started_on and t.started_on <= today), len(ended),
            sum(1 for t in ended if t.result == TrajectoryResult.WEP),
            round(sum(days) / len(days)) if days else None))
    return lines


def of_candidate(session: Session, candidate_id: int) -> list[Trajectory]:
    return list(session.scalars(select(Trajectory).where(Trajectory.candidate_id == candidate_id)
                                .order_by(Trajectory.bought_on.desc())))


def count_by_provider(session: Session, organisation_id: int) -> dict[int, int]:
    return dict(session.execute(select(Trajectory.provider_id, func.count()).where(
        Trajectory.organisation_id == organisation_id).group_by(Trajectory.provider_id)).all())
