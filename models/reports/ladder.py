"""Participation ladder "in beeld" and the current plan of action among Participatiewet benefit
recipients, at the end of each quarter of a period (docs/indicators.md). The counting is pure
(``in_beeld_at``, ``shares_at``); ``ladder_figures`` reads the candidate file once."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import String, cast, select
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate
from models.candidates.history import ActionPlan, LadderAssessment
from models.common.errors import N_
from models.enums import CandidateStatus

from . import Bar, Figure, Period
from .targets import target_or_default

YEAR_DAYS = 365  # "at most 12 months old", as the caseload page's in beeld (models/candidates/records.py)


@dataclass
class Person:
    """What the ladder indicators read of one candidate: the benefit, rungs and plans over time."""

    benefit_since: date | None
    rungs: list[tuple[date, int]] = field(default_factory=list)      # (assessed on, rung)
    expected: list[tuple[date, int]] = field(default_factory=list)   # (judged on, expected rung)
    plans: list[date] = field(default_factory=list)                  # dates a plan was drawn up


@dataclass(frozen=True)
class Shares:
    """On one reference date: population, in beeld, developable (of those in beeld), with a plan."""

    on: date
    population: int
    in_beeld: int
    developable: int
    with_plan: int

    @staticmethod
    def percent(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None


def _latest(entries: list[tuple[date, int]], on: date) -> tuple[date, int] | None:
    best = None
    for entry in entries:  # a plain loop: this runs for every person and every reference date
        if entry[0] <= on and (best is None or entry > best):
            best = entry
    return best


def status_at(person: Person, on: date) -> tuple[bool, bool, bool]:
    """(in beeld, developable, with a current plan) of a person on a reference date.

    In beeld: the newest rung and the newest expected rung known on that day are both at most 12 months
    old. Developable: in beeld with an expected rung above the current one. Current plan: a plan drawn up
    in the 12 months up to that day."""
    cutoff = on - timedelta(days=YEAR_DAYS)
    rung, expected = _latest(person.rungs, on), _latest(person.expected, on)
    beeld = bool(rung and expected and rung[0] >= cutoff and expected[0] >= cutoff)
    developable = beeld and expected[1] > rung[1]
    plan = developable and any(cutoff <= d <= on for d in person.plans)
    return beeld, developable, plan


def shares_at(people: list[Person], on: date) -> Shares:
    """The ladder indicators on one date, over the people on a Participatiewet benefit that day."""
    population = [p for p in people if p.benefit_since is None or p.benefit_since <= on]
    counts = [status_at(p, on) for p in population]
    return Shares(on, len(population), sum(c[0] for c in counts), sum(c[1] for c in counts),
                  sum(c[2] for c in counts))


def reference_dates(period: Period, today: date) -> list[date]:
    """The end of each quarter of the period that has begun by today; the last one is capped at today."""
    out, year, quarter = [], period.start.year, (period.start.month - 1) // 3 + 1
    while True:
        month = 3 * quarter
        end = date(year, month, calendar.monthrange(year, month)[1])
        first = max(period.start, date(year, month - 2, 1))
        if first > min(period.end, today):
            break
        out.append(min(end, period.end, today))
        if end >= period.end:
            break
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return out


def load_people(session: Session, organisation_id: int) -> list[Person]:
    """The organisation's active candidates on a Participatiewet benefit, with their ladder and plan history.

    The candidate's current fields count as an entry too (an import may set them without a history row)."""
    # The JSON list as text holds the quoted name: filtering in SQL saves decoding every candidate's list.
    on_benefit = cast(Candidate.target_groups, String).like('%"participatiewet"%')
    rows = session.execute(select(Candidate.id, Candidate.benefit_since, Candidate.ladder,
                                  Candidate.ladder_assessed_on, Candidate.expected_ladder,
                                  Candidate.expected_ladder_on, Candidate.plan_updated_on).where(
        Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE, on_benefit)).all()
    people: dict[int, Person] = {}
    for cid, since, rung, rung_on, expected, expected_on, plan_on in rows:
        person = people[cid] = Person(since)
        if rung and rung_on:
            person.rungs.append((rung_on, rung))
        if expected and expected_on:
            person.expected.append((expected_on, expected))
        if plan_on:
            person.plans.append(plan_on)
    if not people:
        return []
    for cid, on, rung, expected in session.execute(select(
            LadderAssessment.candidate_id, LadderAssessment.assessed_on, LadderAssessment.rung,
            LadderAssessment.expected_rung).join(Candidate, Candidate.id == LadderAssessment.candidate_id).where(
            Candidate.organisation_id == organisation_id)):
        if cid in people:
            people[cid].rungs.append((on, rung))
            if expected:
                people[cid].expected.append((on, expected))
    for cid, on in session.execute(select(ActionPlan.candidate_id, ActionPlan.drawn_up_on).join(
            Candidate, Candidate.id == ActionPlan.candidate_id).where(Candidate.organisation_id == organisation_id)):
        if cid in people:
            people[cid].plans.append(on)
    return list(people.values())



def ladder_figures(people: list[Person], period: Period, today: date, targets: dict) -> list[Figure]:
    """Four figures: the in-beeld share and the plan share per quarter end, and the counts behind the
    last date of each (these add up to their population)."""
    series = [shares_at(people, on) for on in reference_dates(period, today)]
    year = series[-1].on.year if series else period.end.year
    beeld_target = target_or_default(targets, "ladder_in_beeld", year)
    plan_target = target_or_default(targets, "plan_current", year)
    beeld = Figure("ladder_in_beeld", N_("Participatieladder in beeld (Participatiewet)"), unit=N_("procent"), drill=False,
                   target=beeld_target, note=(
        "Aandeel van de actieve kandidaten met een Participatiewet-uitkering op de peildatum (einde van elk "
        "kwartaal, of vandaag) van wie de huidige trede én de verwachte trede hoogstens 12 maanden oud zijn. "
        f"Doel {beeld_target:g}%."), bars=[
        Bar(f"Stand {s.on:%d-%m-%Y}", Shares.percent(s.in_beeld, s.population) or 0, s.on.isoformat(), people=False,
            counts=(s.in_beeld, s.population)) for s in series])
    plan = Figure("plan_current", N_("Actueel plan van aanpak (in beeld en te ontwikkelen)"), unit=N_("procent"), drill=False,
                  target=plan_target, note=(
        "Van de mensen die in beeld zijn en van wie de verwachte trede hoger is dan de huidige (te ontwikkelen): "
        f"het aandeel met een plan van aanpak van hoogstens 12 maanden oud op de peildatum. Doel {plan_target:g}%."),
        bars=[Bar(f"Stand {s.on:%d-%m-%Y}", Shares.percent(s.with_plan, s.developable) or 0, s.on.isoformat(),
                  people=False, counts=(s.with_plan, s.developable)) for s in series])
    last = series[-1] if series else Shares(period.end, 0, 0, 0, 0)
    on = f"{last.on:%d-%m-%Y}"
    beeld_counts = Figure("ladder_in_beeld_counts", f"In beeld op {on} (aantallen)", drill=False,
                          total_label=N_("Mensen met een Participatiewet-uitkering"), bars=[
        Bar(N_("In beeld"), last.in_beeld, "in_beeld"), Bar(N_("Niet in beeld"), last.population - last.in_beeld, "not"),
        Bar(N_("waarvan in beeld en te ontwikkelen"), last.developable, "developable", overlap=True)],
        note=N_("De aantallen achter het laatste percentage; in beeld en niet in beeld tellen op tot het totaal."))
    plan_counts = Figure("plan_current_counts", f"Plan van aanpak op {on} (aantallen)", drill=False,
                         total_label=N_("In beeld en te ontwikkelen"), bars=[
        Bar(N_("Met actueel plan"), last.with_plan, "plan"), Bar(N_("Zonder actueel plan"), last.developable - last.with_plan,
                                                           "none")],
        note=N_("De aantallen achter het laatste percentage; met en zonder plan tellen op tot het totaal."))
    return [beeld, beeld_counts, plan, plan_counts]
