"""Participation ladder "in beeld" and the current plan of action among Participatiewet benefit
recipients, at the end of each quarter of a period (docs/indicators.md). The rule is written out
pure (``status_at``, ``shares_at`` over ``load_people``); the pages count with ``ladder_shares``,
the same rule as one aggregate query, since reading every person into Python cost over a second at
100,000 candidates (tests/reports/test_casework.py checks the two agree)."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import BigInteger, String, and_, case, cast, func, literal, or_, select
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


def _population(organisation_id: int) -> tuple:
    """The organisation's active candidates on a Participatiewet benefit (the benefit start is per date)."""
    # The JSON list as text holds the quoted name: filtering in SQL saves decoding every candidate's list.
    on_benefit = cast(Candidate.target_groups, String).like('%"participatiewet"%')
    return Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE, on_benefit


def load_people(session: Session, organisation_id: int) -> list[Person]:
    """The organisation's active candidates on a Participatiewet benefit, with their ladder and plan history.

    The candidate's current fields count as an entry too (an import may set them without a history row)."""
    rows = session.execute(select(Candidate.id, Candidate.benefit_since, Candidate.ladder,
                                  Candidate.ladder_assessed_on, Candidate.expected_ladder,
                                  Candidate.expected_ladder_on, Candidate.plan_updated_on).where(
        *_population(organisation_id))).all()
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


EPOCH = date(2000, 1, 1)


def _key(dialect: str, day, rung):
    """(day, rung) as one integer that orders like the tuple: day number * 10 + rung (rungs are 1-6 by
    the tables' check constraints), so ``max`` picks what ``_latest`` picks."""
    days = day - literal(EPOCH) if dialect == "postgresql" else func.julianday(day)
    return cast(days, BigInteger) * 10 + rung


def _later(a, b):
    """The larger of two keys, either of which may be NULL (SQLite's max(a, b) would give NULL)."""
    return case((a.is_(None), b), (b.is_(None), a), (a > b, a), else_=b)


def ladder_shares(session: Session, organisation_id: int, dates: list[date]) -> list[Shares]:
    """``shares_at(load_people(...), on)`` for each date, counted in the database in one query.

    Per person and date: the key of the newest rung and expected rung in the year up to the date (none
    in that year: not in beeld) and whether a plan was drawn up in that year; then the sums. The
    candidate's own fields are one entry; the history tables are folded in per person first."""
    if not dates:
        return []
    dialect = session.get_bind().dialect.name
    windows = [(literal(on), literal(on - timedelta(days=YEAR_DAYS))) for on in dates]
    indexes = range(len(dates))

    def within(day, i: int):
        return and_(day >= windows[i][1], day <= windows[i][0])

    def newest(day, rung, i: int):
        return func.max(case((within(day, i), _key(dialect, day, rung))))

    mine = Candidate.organisation_id == organisation_id
    history = select(LadderAssessment.candidate_id, *(
        newest(LadderAssessment.assessed_on, rung, i).label(f"{kind}{i}") for kind, rung in (
            ("r", LadderAssessment.rung), ("e", LadderAssessment.expected_rung)) for i in indexes)).join(
        Candidate, Candidate.id == LadderAssessment.candidate_id).where(mine).group_by(
        LadderAssessment.candidate_id).subquery()
    plans = select(ActionPlan.candidate_id, *(func.max(case((within(ActionPlan.drawn_up_on, i), 1))).label(f"p{i}")
                                              for i in indexes)).join(
        Candidate, Candidate.id == ActionPlan.candidate_id).where(mine).group_by(ActionPlan.candidate_id).subquery()

    def own(day, rung, i: int):
        return case((and_(rung.is_not(None), day.is_not(None), within(day, i)), _key(dialect, day, rung)))

    # Materialised, so that each key is computed once per person rather than once per use below.
    person = select(*(column for i in indexes for column in (
        or_(Candidate.benefit_since.is_(None), Candidate.benefit_since <= windows[i][0]).label(f"c{i}"),
        _later(own(Candidate.ladder_assessed_on, Candidate.ladder, i), history.c[f"r{i}"]).label(f"r{i}"),
        _later(own(Candidate.expected_ladder_on, Candidate.expected_ladder, i), history.c[f"e{i}"]).label(f"e{i}"),
        or_(within(Candidate.plan_updated_on, i), plans.c[f"p{i}"].is_not(None)).label(f"p{i}")))).select_from(
        Candidate).outerjoin(history, history.c.candidate_id == Candidate.id).outerjoin(
        plans, plans.c.candidate_id == Candidate.id).where(*_population(organisation_id)).cte(
        "ladder_person").prefix_with("MATERIALIZED", dialect="postgresql")
    columns = []
    for i in indexes:
        counted, rung, expected, plan = (person.c[f"{k}{i}"] for k in "crep")
        beeld = and_(counted, rung.is_not(None), expected.is_not(None))
        developable = and_(beeld, expected % 10 > rung % 10)
        columns += [func.sum(case((c, 1), else_=0)) for c in (counted, beeld, developable, and_(developable, plan))]
    row = session.execute(select(*columns).select_from(person)).one()
    return [Shares(on, *(int(n or 0) for n in row[4 * i:4 * i + 4])) for i, on in enumerate(dates)]


def _stand(on: date) -> str:
    return N_("Stand %(date)s", date=f"{on:%d-%m-%Y}")


def ladder_figures(series: list[Shares], period: Period, targets: dict) -> list[Figure]:
    """Four figures from the shares per reference date (``ladder_shares``): the in-beeld share and the
    plan share per quarter end, and the counts behind the last date of each (these add up to their
    population)."""
    year = series[-1].on.year if series else period.end.year
    beeld_target = target_or_default(targets, "ladder_in_beeld", year)
    plan_target = target_or_default(targets, "plan_current", year)
    beeld = Figure("ladder_in_beeld", N_("Participatieladder in beeld (Participatiewet)"), unit=N_("procent"), drill=False,
                   target=beeld_target, note=N_(
        "Aandeel van de actieve kandidaten met een Participatiewet-uitkering op de peildatum (einde van elk "
        "kwartaal, of vandaag) van wie de huidige trede én de verwachte trede hoogstens 12 maanden oud zijn. "
        "Doel %(target)s%%.", target=f"{beeld_target:g}"), bars=[
        Bar(_stand(s.on), Shares.percent(s.in_beeld, s.population) or 0, s.on.isoformat(), people=False,
            counts=(s.in_beeld, s.population)) for s in series])
    plan = Figure("plan_current", N_("Actueel plan van aanpak (in beeld en te ontwikkelen)"), unit=N_("procent"), drill=False,
                  target=plan_target, note=N_(
        "Van de mensen die in beeld zijn en van wie de verwachte trede hoger is dan de huidige (te ontwikkelen): "
        "het aandeel met een plan van aanpak van hoogstens 12 maanden oud op de peildatum. Doel %(target)s%%.",
        target=f"{plan_target:g}"),
        bars=[Bar(_stand(s.on), Shares.percent(s.with_plan, s.developable) or 0, s.on.isoformat(),
                  people=False, counts=(s.with_plan, s.developable)) for s in series])
    last = series[-1] if series else Shares(period.end, 0, 0, 0, 0)
    on = f"{last.on:%d-%m-%Y}"
    beeld_counts = Figure("ladder_in_beeld_counts", N_("In beeld op %(date)s (aantallen)", date=on), drill=False,
                          total_label=N_("Mensen met een Participatiewet-uitkering"), bars=[
        Bar(N_("In beeld"), last.in_beeld, "in_beeld"), Bar(N_("Niet in beeld"), last.population - last.in_beeld, "not"),
        Bar(N_("waarvan in beeld en te ontwikkelen"), last.developable, "developable", overlap=True)],
        note=N_("De aantallen achter het laatste percentage; in beeld en niet in beeld tellen op tot het totaal."))
    plan_counts = Figure("plan_current_counts", N_("Plan van aanpak op %(date)s (aantallen)", date=on), drill=False,
                         total_label=N_("In beeld en te ontwikkelen"), bars=[
        Bar(N_("Met actueel plan"), last.with_plan, "plan"), Bar(N_("Zonder actueel plan"), last.developable - last.with_plan,
                                                           "none")],
        note=N_("De aantallen achter het laatste percentage; met en zonder plan tellen op tot het totaal."))
    return [beeld, beeld_counts, plan, plan_counts]
