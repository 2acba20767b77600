"""Mapping the demo generator's activity (contacts, agreements, placements, obligations) to models."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import (
    Agreement,
    BuildingBlockTable,
    Candidate,
    ContactMoment,
    ContactPerson,
    Employer,
    Organisation,
    SroiObligation,
    User,
    Vacancy,
)
from models.accounts import users as accounts
from models.common import clock
from models.common.errors import InvalidInput
from models.common.money import plain_euro
from models.enums import ActivityKind, Role
from models.placements.recording import record_placement
from models.sroi import obligations as sroi
from models.sroi.valuation.period import add_months
from seed.accounts import DEMO_PASSWORD, demo_email

STAFF_SLUGS = {"account_manager": "accountmanager", "matcher": "matcher", "coordinator": "coordinator"}
EMPLOYER_STATUS = {"active": "active", "prospect": "prospect", "dormant": "inactive"}
ACTIVITY_KIND = {"purchase": ActivityKind.PURCHASE, "social_activity": ActivityKind.SOCIAL_HOURS}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _quantity(session: Session, obligation: SroiObligation, act: dict) -> tuple[str, str | None]:
    """The demo activity's amount as text and its unit, matching the rate of the obligation's table."""
    if act["amount_cents"] is not None:
        return plain_euro(act["amount_cents"]), "invoice"
    try:
        _, block = sroi.activity_block(session, obligation, ActivityKind.SOCIAL_HOURS, _day(act["on"]))
    except InvalidInput:
        return str(act["hours"]), "hour"  # refused below with the table's own message
    unit = block.unit.value
    count = {"hour": act["hours"], "activity": act.get("activities", 1), "day": -(-act["hours"] // 8)}[unit]
    return str(count), unit


def _staff(session: Session, org: Organisation, activity: dict) -> dict[str, User]:
    """Map the generator's staff keys to demo accounts, creating the extra colleagues it names."""
    users = {}
    for person in activity["staff"]:
        role_key, _, _ = person["key"].partition("@")
        base = role_key.rstrip("0123456789")
        number = role_key[len(base):]
        email = demo_email(STAFF_SLUGS[base] + number, org.key)
        user = session.scalar(select(User).where(User.email == email))
        if user is None:
            user = accounts.create_user(session, email=email, name=person["name"], role=Role(base),
                                        password=DEMO_PASSWORD, organisation=org)
        users[person["key"]] = user
    return users


def load_activity(session: Session, org: Organisation, activity: dict) -> Iterator[str]:
    """Create contact persons, contact moments, agreements, placements and obligations."""
    staff = _staff(session, org, activity)
    employers = {e.external_id: e for e in session.scalars(select(Employer).where(Employer.organisation_id == org.id))}
    vacancies = dict(session.execute(select(Vacancy.external_id, Vacancy.id).where(Vacancy.organisation_id == org.id)).all())
    candidates = {c.external_id: c for c in session.scalars(select(Candidate).where(Candidate.organisation_id == org.id))}

    for link in activity["employer_accounts"]:
        employer = employers[link["employer"]]
        employer.account_manager_id = staff[link["account_manager"]].id
        employer.status = EMPLOYER_STATUS.get(link["status"], "active")

    persons = {}
    for cp in activity["contact_persons"]:
        persons[cp["key"]] = ContactPerson(
            employer=employers[cp["employer"]], name=f"{cp['first_name']} {cp['last_name']}",
            position=cp["function"], email=cp["email"], phone=cp["phone"],
        )
    session.add_all(persons.values())
    session.flush()

    for cm in activity["contact_moments"]:
        at = datetime.fromisoformat(cm["at"]).replace(tzinfo=clock.zone())
        follow = cm["follow_up"] or {}
        done = _day(follow.get("done_on"))
        session.add(ContactMoment(
            organisation_id=org.id, employer_id=employers[cm["employer"]].id,
            author_id=staff[cm["staff"]].id,
            contact_person_id=persons[cm["contact_person"]].id if cm["contact_person"] else None,
            channel=cm["channel"], occurred_on=at.date(), subject=cm["subject"], notes=cm["notes"],
            follow_up_on=_day(follow.get("due_on")), follow_up_action=follow.get("action"),
            follow_up_owner_id=staff[follow["owner"]].id if follow.get("owner") else None,
            follow_up_done_at=datetime.combine(done, time(17), clock.zone()) if done else None,
            created_at=at,
        ))

    for ag in activity["agreements"]:
        session.add(Agreement(
            employer_id=employers[ag["employer"]].id, description=ag["description"],
            target_count=ag["target_count"], target_group=ag["target_group"],
            period_start=date(ag["year"], 1, 1), period_end=date(ag["year"], 12, 31),
        ))

    obligations = {}
    tables = {t.key: t for t in session.scalars(select(BuildingBlockTable))}
    for ob in activity["sroi_obligations"]:
        table = tables.get(ob["region"])
        if table is None:
            yield f"obligation {ob['contract_number']} skipped: bouwblokken table {ob['region']!r} not loaded"
            continue
        # Through the service, as staff register them: the authority's region must choose this table.
        obligations[ob["contract_number"]] = sroi.create_obligation(session, org.id, {
            "contract_name": ob["contract_name"], "contract_number": ob["contract_number"],
            "contracting_authority": ob["contracting_authority"], "contractor_id": employers[ob["contractor"]].id,
            "contract_sum": plain_euro(ob["contract_sum_cents"]), "percentage": str(ob["percentage"]),
            "period_start": _day(ob["start_date"]), "period_end": _day(ob["end_date"]), "table_id": table.id,
            "pso_rung": ob.get("pso_rung"),
        })
    # Activities go through the service, as staff enter them: valued with the obligation's table, in
    # the unit of its rate (hours where it pays per hour, the number of activities where per activity).
    # A table that values no activities (Oost-Nederland's) refuses them, as it would refuse staff.
    refused: dict[str, int] = {}
    for act in activity["sroi_activities"]:
        if act["obligation"] in obligations:
            obligation = obligations[act["obligation"]]
            amount, unit = _quantity(session, obligation, act)
            try:
                sroi.add_activity(session, obligation, ACTIVITY_KIND[act["kind"]].value,
                                  _day(act["on"]), amount, act["description"], unit=unit)
            except InvalidInput as exc:
                reason = "; ".join(exc.errors.values())
                refused[reason] = refused.get(reason, 0) + 1
    for reason, count in refused.items():
        yield f"{count} demo activities left out: {reason}"

    placed = 0
    for pl in activity["placements"]:
        obligation = obligations.get(pl["sroi_obligation"])
        employer = employers[pl["employer"]]
        record_placement(session, org.id, {
            "candidate_id": candidates[pl["candidate"]].id, "employer_id": employer.id,
            "vacancy_id": vacancies.get(pl["vacancy"]), "start_date": _day(pl["start_date"]),
            "end_date": _day(pl["end_date"]), "hours_per_week": pl["hours_per_week"],
            "contract_type": pl["contract_type"], "instrument": pl["instrument"],
            "target_group": pl["target_group"], "statushouder": pl.get("statushouder", False),
            "outflow": pl["outflow"], "confirm_zero_value": True,  # recorded data, as it was
            # The generator gives no outflow date: leaving the benefit counts from the start.
            "outflow_on": _day(pl["start_date"]) if pl["outflow"] != "none" else None,
            "sroi_obligation_id": obligation.id if obligation and obligation.contractor_id == employer.id else None,
        }, actor=staff[pl["recorded_by"]])
        placed += 1
        back = pl.get("back_on_benefit_after")
        if back and add_months(_day(pl["start_date"]), back) <= clock.today():
            # a new benefit start after the outflow: the return-to-benefit indicator counts it
            candidates[pl["candidate"]].benefit_since = add_months(_day(pl["start_date"]), back)
    yield (f"{len(persons)} contact persons, {len(activity['contact_moments'])} contact moments, "
           f"{len(activity['agreements'])} agreements, {placed} placements, {len(obligations)} obligations")
