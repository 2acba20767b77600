"""The file over time: record a ladder assessment, a plan of action, a screening route."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.candidates import ownership
from models.candidates.candidate import Candidate
from models.candidates.history import ActionPlan, LadderAssessment
from models.candidates.parsing import collect, day, text, whole
from models.candidates.screening import ScreeningRoute
from models.common import audit, clock, locking
from models.common.errors import N_, InvalidInput

IN_BEELD_DAYS = 365  # "in beeld": current rung and expected rung both at most 12 months old


def in_beeld(candidate: Candidate, today: date) -> bool:
    """True when the rung and the expected rung were both judged in the last 12 months."""
    cutoff = today - timedelta(days=IN_BEELD_DAYS)
    return bool(candidate.ladder and candidate.expected_ladder and candidate.ladder_assessed_on
                and candidate.expected_ladder_on and candidate.ladder_assessed_on >= cutoff
                and candidate.expected_ladder_on >= cutoff)


def record_ladder(session: Session, candidate: Candidate, data: dict, actor, today: date,
                  now: datetime | None = None) -> LadderAssessment:
    """Add an assessment (rung, date, expected rung in 12 months, note); the newest is current.

    InvalidInput naming the field for a rung outside 1–6, a missing or future date, a long note.
    """
    e: dict[str, str] = {}
    rung = collect(e, None, whole, data.get("rung"), "rung", 1, 6, "de trede", required=True)
    expected = collect(e, None, whole, data.get("expected_rung"), "expected_rung", 1, 6,
                       "de verwachte trede over 12 maanden")
    assessed_on = collect(e, None, day, data.get("assessed_on"), "assessed_on", "de datum van de beoordeling",
                          required=True)
    if assessed_on and assessed_on > today:
        e["assessed_on"] = N_("Datum van de beoordeling: ligt in de toekomst.")
    note = collect(e, None, text, data.get("note"), "note", 2000, "de toelichting")
    if e:
        raise InvalidInput(e)
    entry = LadderAssessment(candidate_id=candidate.id, rung=rung, expected_rung=expected, assessed_on=assessed_on,
                             note=note, assessed_by_id=getattr(actor, "id", None), source="staff")
    session.add(entry)
    if candidate.ladder_assessed_on is None or assessed_on >= candidate.ladder_assessed_on:
        before = _ladder(candidate)
        candidate.ladder, candidate.ladder_assessed_on = rung, assessed_on
        if expected is not None:
            candidate.expected_ladder, candidate.expected_ladder_on = expected, assessed_on
        ownership.mark_edited(candidate, ["ladder", "ladder_assessed_on", "expected_ladder", "expected_ladder_on"],
                              now or clock.utcnow())
        locking.flush_or_conflict(session)
        audit.record_changes(session, candidate, before, _ladder(candidate), actor=actor)
    session.flush()
    return entry


def _ladder(c: Candidate) -> dict:
    return {"ladder": c.ladder, "ladder_assessed_on": c.ladder_assessed_on, "expected_ladder": c.expected_ladder,
            "expected_ladder_on": c.expected_ladder_on}


def ladder_history(session: Session, candidate_id: int) -> list[LadderAssessment]:
    """Every assessment of the candidate, oldest first."""
    return list(session.scalars(select(LadderAssessment).where(LadderAssessment.candidate_id == candidate_id)
                                .order_by(LadderAssessment.assessed_on, LadderAssessment.id)))


def record_plan(session: Session, candidate: Candidate, data: dict, actor, today: date,
                now: datetime | None = None) -> ActionPlan:
    """Add a version of the plan of action; the newest becomes the current plan and its review date."""
    e: dict[str, str] = {}
    drawn_up_on = collect(e, None, day, data.get("drawn_up_on"), "drawn_up_on", "de datum van het plan", required=True)
    if drawn_up_on and drawn_up_on > today:
        e["drawn_up_on"] = N_("Datum van het plan: ligt in de toekomst.")
    goals = collect(e, None, text, data.get("goals"), "goals", 5000, "de doelen", required=True)
    steps = collect(e, None, text, data.get("steps"), "steps", 5000, "de afgesproken stappen", required=True)
    review = collect(e, None, day, data.get("next_review_on"), "next_review_on", "de volgende evaluatie",
                     required=True)
    if review and drawn_up_on and review <= drawn_up_on:
        e["next_review_on"] = N_("Volgende evaluatie: moet na de datum van het plan liggen.")
    if e:
        raise InvalidInput(e)
    plan = ActionPlan(candidate_id=candidate.id, drawn_up_on=drawn_up_on, goals=goals, steps=steps,
                      next_review_on=review, author_id=getattr(actor, "id", None))
    session.add(plan)
    if candidate.plan_updated_on is None or drawn_up_on >= candidate.plan_updated_on:
        before = {"plan_updated_on": candidate.plan_updated_on, "next_review_on": candidate.next_review_on}
        candidate.plan_updated_on, candidate.next_review_on = drawn_up_on, review
        ownership.mark_edited(candidate, ["plan_date"], now or clock.utcnow())
        locking.flush_or_conflict(session)
        audit.record_changes(session, candidate, before,
                             {"plan_updated_on": drawn_up_on, "next_review_on": review}, actor=actor)
    session.flush()
    return plan


def plan_history(session: Session, candidate_id: int) -> list[ActionPlan]:
    """Every version of the plan, newest first."""
    return list(session.scalars(select(ActionPlan).where(ActionPlan.candidate_id == candidate_id)
                                .order_by(ActionPlan.drawn_up_on.desc(), ActionPlan.id.desc())))


def routes(session: Session, organisation_id: int, active_only: bool = True) -> list[ScreeningRoute]:
    """The organisation's screening routes in their order."""
    query = select(ScreeningRoute).where(ScreeningRoute.organisation_id == organisation_id)
    if active_only:
        query = query.where(ScreeningRoute.active.is_(True))
    return list(session.scalars(query.order_by(ScreeningRoute.position, ScreeningRoute.label)))


def set_screening(session: Session, candidate: Candidate, data: dict, actor, today: date,
                  now: datetime | None = None) -> None:
    """Screen the candidate into one of the organisation's routes on a date (empty route: none)."""
    e: dict[str, str] = {}
    route_id = data.get("route_id") or None
    route = None
    if route_id is not None:
        try:
            route = session.get(ScreeningRoute, int(route_id))
        except (TypeError, ValueError):
            route = None
        if route is None or route.organisation_id != candidate.organisation_id or not route.active:
            e["route_id"] = N_("Screeningsroute: kies een route uit de lijst van uw organisatie.")
    screened_on = collect(e, None, day, data.get("screened_on"), "screened_on", "de datum van de screening",
                          required=route_id is not None)
    if screened_on and screened_on > today:
        e["screened_on"] = N_("Datum van de screening: ligt in de toekomst.")
    if e:
        raise InvalidInput(e)
    before = {"screening_route": candidate.screening_route.label if candidate.screening_route else None,
              "screened_on": candidate.screened_on}
    candidate.screening_route = route
    candidate.screened_on = screened_on if route else None
    ownership.mark_edited(candidate, ["screening_route", "screened_on"], now or clock.utcnow())
    locking.flush_or_conflict(session)
    audit.record_changes(session, candidate, before, {"screening_route": route.label if route else None,
                                                      "screened_on": candidate.screened_on}, actor=actor)


def add_route(session: Session, organisation_id: int, data: dict) -> ScreeningRoute:
    """Add a route to the organisation's list; code unique, 1–32 letters, digits, - or _."""
    e: dict[str, str] = {}
    code = collect(e, None, text, data.get("code"), "code", 32, "de code", required=True)
    if code and not all(ch.isalnum() or ch in "-_" for ch in code):
        e["code"] = N_("Code: alleen letters, cijfers, - en _ (dit gebruikt de import).")
    label = collect(e, None, text, data.get("label"), "label", 200, "de naam", required=True)
    if code and "code" not in e and session.scalar(select(ScreeningRoute.id).where(
            ScreeningRoute.organisation_id == organisation_id, ScreeningRoute.code == code)):
        e["code"] = N_("Code: ‘%(code)s’ bestaat al in uw organisatie.", code=code)
    if e:
        raise InvalidInput(e)
    position = len(routes(session, organisation_id, active_only=False))
    route = ScreeningRoute(organisation_id=organisation_id, code=code, label=label, position=position)
    session.add(route)
    session.flush()
    return route
