"""Trajectories ended in a period (move-on share to a work-experience place, durations) and the
outreach funnel of people approached in a period (docs/indicators.md). Pure counting over plain rows."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.candidates.outreach import OutreachContact
from models.candidates.outreach_steps import REFERRAL_LABELS
from models.candidates.trajectories import RESULT_LABELS
from models.candidates.trajectory import Trajectory
from models.common import clock
from models.common.errors import N_
from models.enums import OutreachReferral, TrajectoryResult
from models.placements.placement import Placement
from models.sroi.valuation.period import add_months

from . import Bar, Figure, Period
from .targets import target_or_default


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0



def trajectory_figures(rows: list[tuple], period: Period, targets: dict) -> list[Figure]:
    """rows: (started_on, ended_on, result) of the organisation's trajectories ended in the period.

    Three figures: the share that moved on to a WEP (target 75%), the ended ones per result (adds up),
    and the share that took at most 9 and at most 12 months from start to end (targets 50%)."""
    year = period.end.year
    ended = len(rows)
    results = {r: 0 for r in TrajectoryResult}
    unknown = 0
    for _start, _end, result in rows:
        if result is None:
            unknown += 1
        else:
            results[TrajectoryResult(result)] += 1
    wep_target = target_or_default(targets, "wep_progression", year)
    wep = Figure("trajectory_wep", N_("Trajecten: door naar een werkervaringsplaats"), unit=N_("procent"), drill=False,
                 target=wep_target, note=(
        "Van de trajecten die in de periode eindigden: het aandeel met als vervolg een werkervaringsplaats. "
        f"Doel {wep_target:g}%."), bars=[
        Bar(N_("Door naar werkervaringsplaats"), _percent(results[TrajectoryResult.WEP], ended), "wep", people=False,
            counts=(results[TrajectoryResult.WEP], ended))])
    per_result = Figure("trajectory_results", N_("Beëindigde trajecten per resultaat"), drill=False,
                        total_label=N_("Beëindigde trajecten"), note=N_("Elk traject heeft één resultaat; de rijen tellen op "
                                                                   "tot het totaal."), bars=[
        *(Bar(RESULT_LABELS[r], n, r.value) for r, n in results.items()),
        Bar(N_("Zonder resultaat"), unknown, "none")])
    timed = [(s, e) for s, e, _ in rows if s is not None and e is not None]
    within_9 = sum(e <= add_months(s, 9) for s, e in timed)
    within_12 = sum(e <= add_months(s, 12) for s, e in timed)
    t9, t12 = target_or_default(targets, "duration_9m", year), target_or_default(targets, "duration_12m", year)
    durations = Figure("trajectory_duration", N_("Doorlooptijd van beëindigde trajecten"), unit=N_("procent"), drill=False,
                       target=t12 if t9 == t12 else None, note=(
        "Van de trajecten die in de periode eindigden en een startdatum hebben: het aandeel dat binnen 9 "
        f"maanden en binnen 12 maanden na de start eindigde. Doelen: {t9:g}% binnen 9 maanden, {t12:g}% binnen "
        "12 maanden (nog niet gestarte trajecten tellen niet mee)."), bars=[
        Bar(N_("Binnen 9 maanden"), _percent(within_9, len(timed)), "9m", people=False, counts=(within_9, len(timed)),
            extra=f"doel {t9:g}%"),
        Bar(N_("Binnen 12 maanden"), _percent(within_12, len(timed)), "12m", people=False,
            counts=(within_12, len(timed)), extra=f"doel {t12:g}%")])
    return [wep, per_result, durations]


def load_trajectories(session: Session, organisation_id: int, period: Period) -> list[tuple]:
    return list(session.execute(select(Trajectory.started_on, Trajectory.ended_on, Trajectory.result).where(
        Trajectory.organisation_id == organisation_id, Trajectory.ended_on >= period.start,
        Trajectory.ended_on <= period.end)).all())


STEP_NAMES = ("Benaderd", "Gesproken", "Vervolg afgesproken", "Doorverwezen", "Geplaatst")


def funnel_figures(rows: list[tuple], period: Period) -> list[Figure]:
    """rows: (approached_on, talked_on, follow_up_on, referred_on, placed_on, referred_to) of the contacts
    approached in the period; placed_on is the first placement start of the person on or after the referral.

    Each later step counts those of the cohort who reached it by the end of the period, so each step is at
    most the previous one. The referrals per kind add up to the referred."""
    end = period.end
    counts = [len(rows)]
    for index in range(1, 5):
        counts.append(sum(all(d is not None and d <= end for d in r[:index + 1]) for r in rows))
    bars = []
    for index, (name, n) in enumerate(zip(STEP_NAMES, counts)):
        extra = f"{_percent(n, counts[index - 1])}% van de vorige stap" if index and counts[index - 1] else ""
        bars.append(Bar(name, n, str(index), extra=extra))
    funnel = Figure("outreach", N_("Outreach: van benaderd tot geplaatst"), drill=False, bars=bars, note=(
        N_("Mensen die lang een uitkering hebben zonder actieve dienstverlening en in de periode voor het eerst "
           "benaderd zijn; per stap hoeveel van hen die stap vóór het eind van de periode bereikten. Geplaatst: "
           "een plaatsing die begon op of na de doorverwijzing.")))
    referred = {r: 0 for r in OutreachReferral}
    for row in rows:
        if row[3] is not None and row[3] <= end and row[5]:
            referred[OutreachReferral(row[5])] += 1
    referrals = Figure("outreach_referrals", N_("Outreach: doorverwezen naar"), drill=False, total_label=N_("Doorverwezen"),
                       note=N_("De doorverwezen mensen uit de outreach, naar wie ze gingen; tellen op tot ‘Doorverwezen’."),
                       bars=[Bar(REFERRAL_LABELS[r], n, r.value) for r, n in referred.items()])
    return [funnel, referrals]


def load_outreach(session: Session, organisation_id: int, period: Period) -> list[tuple]:
    placed = (select(func.min(Placement.start_date)).where(
        Placement.candidate_id == OutreachContact.candidate_id, OutreachContact.referred_on.is_not(None),
        Placement.start_date >= OutreachContact.referred_on,
        Placement.start_date <= clock.today()).correlate(OutreachContact).scalar_subquery())
    return list(session.execute(select(
        OutreachContact.approached_on, OutreachContact.talked_on, OutreachContact.follow_up_on,
        OutreachContact.referred_on, placed, OutreachContact.referred_to).where(
        OutreachContact.organisation_id == organisation_id, OutreachContact.approached_on >= period.start,
        OutreachContact.approached_on <= period.end)).all())
