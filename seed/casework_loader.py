"""Loading the demo candidate file (seed/demo/casework) for one organisation."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    ActionPlan,
    Candidate,
    Employer,
    LadderAssessment,
    Organisation,
    OutreachContact,
    Participatiebaan,
    ScreeningRoute,
    Trajectory,
    TrajectoryBudget,
    User,
)
from models.accounts import users as accounts
from models.candidates.participatiebanen import Settings, add_months
from models.enums import Role
from seed.accounts import DEMO_PASSWORD, demo_email
from seed.demo.casework import generate_casework
from seed.demo.dates import REFERENCE_DATE

# People's names only: the role shows beside a name where it matters, a job title in the name reads as one.
EXTRA_OWNERS = {"dronten": ("Fenna Bos", "Mehmet Kaya", "Iris Smit"),
                "uwv-flevoland": ()}
_D = date.fromisoformat


def _owners(session: Session, org: Organisation) -> list[User]:
    people = list(session.scalars(select(User).where(User.organisation_id == org.id, User.active.is_(True),
                                                     User.role.in_((Role.MATCHER, Role.COORDINATOR)))
                                  .order_by(User.role.desc(), User.id)))
    for n, name in enumerate(EXTRA_OWNERS.get(org.key, ()), start=1):
        email = demo_email(f"consulent{n}", org.key)
        user = session.scalar(select(User).where(User.email == email))
        if user is None:
            user = accounts.create_user(session, email=email, name=name, role=Role.MATCHER, password=DEMO_PASSWORD,
                                        organisation=org)
        people.append(user)
    return [u for u in people if u.role == Role.MATCHER][:4] + [u for u in people if u.role == Role.COORDINATOR][:1]


def load_casework(session: Session, org: Organisation, doc: dict, seed: int,
                  today: date = REFERENCE_DATE) -> Iterator[str]:
    """Fill owners, ladder histories, plans, screening, a provider with budget and trajectories,
    participatiebanen (some near their end) and an outreach campaign mid-way. Flushes."""
    owners = _owners(session, org)
    by_key = {u.email: u for u in owners}
    work = generate_casework(doc, org.key, [u.email for u in owners], seed=seed, today=today)
    people = {c.external_id: c for c in session.scalars(select(Candidate).where(Candidate.organisation_id == org.id))}
    routes = {}
    for position, (code, label) in enumerate(work["routes"]):
        route = ScreeningRoute(organisation_id=org.id, code=code, label=label, position=position)
        session.add(route)
        routes[code] = route
    session.flush()
    for ext, owner in work["owners"].items():
        people[ext].owner_id = by_key[owner].id
    for entry in work["ladder"]:
        c = people[entry["candidate"]]
        session.add(LadderAssessment(candidate_id=c.id, rung=entry["rung"], assessed_on=_D(entry["on"]),
                                     expected_rung=entry["expected"], assessed_by_id=c.owner_id, source="staff"))
    for ext, (rung, on) in work["expected"].items():
        c = people[ext]
        c.expected_ladder, c.expected_ladder_on = rung, _D(on)
        entry = session.scalar(select(LadderAssessment).where(LadderAssessment.candidate_id == c.id,
                                                              LadderAssessment.assessed_on == _D(on)))
        if entry is not None:
            entry.expected_rung = rung
    for plan in work["plans"]:
        c = people[plan["candidate"]]
        session.add(ActionPlan(candidate_id=c.id, drawn_up_on=_D(plan["on"]), goals=plan["goals"], steps=plan["steps"],
                               next_review_on=_D(plan["review"]), author_id=c.owner_id))
        c.plan_updated_on, c.next_review_on = _D(plan["on"]), _D(plan["review"])
    for ext, (code, on) in work["screening"].items():
        people[ext].screening_route_id, people[ext].screened_on = routes[code].id, _D(on)
    provider = session.scalar(select(Employer).where(Employer.organisation_id == org.id,
                                                     Employer.external_id == work["provider"]))
    if provider is not None:
        provider.is_provider = True
        session.add(TrajectoryBudget(organisation_id=org.id, provider_id=provider.id, year=work["budget"]["year"],
                                     budgeted=work["budget"]["budgeted"], amount_cents=work["budget"]["budgeted"] * 250_000))
        for t in work["trajectories"]:
            session.add(Trajectory(organisation_id=org.id, candidate_id=people[t["candidate"]].id, kind=t["kind"],
                                   provider_id=provider.id, bought_on=_D(t["bought_on"]),
                                   started_on=t["started_on"] and _D(t["started_on"]),
                                   planned_end_on=_D(t["planned_end_on"]), ended_on=t["ended_on"] and _D(t["ended_on"]),
                                   result=t["result"], cost_cents=t["cost_cents"]))
    settings = Settings()
    for job in work["participatiebanen"]:
        start = _D(job["started_on"])
        session.add(Participatiebaan(organisation_id=org.id, candidate_id=people[job["candidate"]].id,
                                     started_on=start, ends_on=add_months(start, settings.max_months),
                                     hours_per_week=job["hours"], premium_cents=settings.premium_cents,
                                     premium_months=settings.premium_months))
    order = ("selected", "approached", "talked", "follow_up", "referred")
    coach = owners[-1]
    for n, step in enumerate(work["outreach"]["steps"]):
        reached = order.index(step["upto"])
        day = today - timedelta(days=40)
        contact = OutreachContact(organisation_id=org.id, campaign=work["outreach"]["campaign"],
                                  candidate_id=people[step["candidate"]].id, assigned_to_id=coach.id, selected_on=day)
        for column in ("approached_on", "talked_on", "follow_up_on", "referred_on")[:reached]:
            day += timedelta(days=5 + n % 4)
            setattr(contact, column, day)
        if reached == 4:
            contact.referred_to = step["referred_to"]
        session.add(contact)
    session.flush()
    yield (f"candidate file: {len(work['owners'])} with an owner, {len(work['plans'])} plans, "
           f"{len(work['trajectories'])} trajectories, {len(work['participatiebanen'])} participatiebanen, "
           f"{len(work['outreach']['steps'])} in outreach")
