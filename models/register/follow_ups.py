"""Working through follow-ups: postpone, hand over, finish several at once, and the week a person or team has."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models.accounts.user import User
from models.common import audit, clock
from models.common.errors import N_, InvalidInput
from models.common.locking import check_version
from models.register.contact import ContactMoment
from models.register.contacts import complete_follow_up
from models.register.employers import managers

MAX_POSTPONE_DAYS = 366
MAX_BULK = 200
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _open(moment: ContactMoment) -> None:
    if moment.follow_up_on is None:
        raise InvalidInput({"follow_up": N_("Dit contactmoment heeft geen follow-up.")})
    if moment.follow_up_done_at is not None:
        raise InvalidInput({"follow_up": N_("Deze follow-up is al afgerond.")})


def postpone(session: Session, moment: ContactMoment, new_date: date | None, actor: User, version=None) -> None:
    """Move an open follow-up to ``new_date`` (today up to a year ahead); the change is recorded."""
    _open(moment)
    if version is not None:
        check_version(session, moment, version)
    today = clock.today()
    if new_date is None:
        raise InvalidInput({"follow_up_on": N_("Vul een nieuwe datum in (dd-mm-jjjj).")})
    if new_date < today:
        raise InvalidInput({"follow_up_on": N_("De nieuwe datum ligt in het verleden: kies vandaag of later.")})
    if new_date > today + timedelta(days=MAX_POSTPONE_DAYS):
        raise InvalidInput({"follow_up_on": N_("Uitstellen kan tot hooguit een jaar vooruit.")})
    if new_date == moment.follow_up_on:
        return
    audit.record_changes(session, moment, {"follow_up_on": moment.follow_up_on.isoformat()},
                         {"follow_up_on": new_date.isoformat()}, actor=actor)
    moment.follow_up_on = new_date
    session.flush()


def hand_over(session: Session, moment: ContactMoment, owner_id: int | None, actor: User, version=None) -> User:
    """Give an open follow-up to a colleague of the same organisation who works with employers."""
    _open(moment)
    if version is not None:
        check_version(session, moment, version)
    colleagues = {u.id: u for u in managers(session, moment.organisation_id)}
    if owner_id not in colleagues:
        raise InvalidInput({"follow_up_owner_id": N_("Kies een collega van uw eigen organisatie.")})
    if owner_id != moment.follow_up_owner_id:
        before = moment.follow_up_owner.name if moment.follow_up_owner else None
        audit.record_changes(session, moment, {"follow_up_owner": before},
                             {"follow_up_owner": colleagues[owner_id].name}, actor=actor)
        moment.follow_up_owner_id = owner_id
        session.flush()
    return colleagues[owner_id]


def complete_many(session: Session, organisation_id: int, moment_ids: list[int], actor: User) -> list[ContactMoment]:
    """Finish the chosen open follow-ups of the organisation in one go; all or none."""
    ids = sorted(set(moment_ids))
    if not ids:
        raise InvalidInput({"ids": N_("Kies eerst een of meer follow-ups.")})
    if len(ids) > MAX_BULK:
        raise InvalidInput({"ids": N_("Kies hooguit %(max_bulk)s follow-ups tegelijk.", max_bulk=MAX_BULK)})
    moments = list(session.scalars(select(ContactMoment).where(
        ContactMoment.id.in_(ids), ContactMoment.organisation_id == organisation_id,
        ContactMoment.follow_up_on.is_not(None))))
    if len(moments) != len(ids):
        raise InvalidInput({"ids": N_("Een of meer gekozen follow-ups bestaan niet (meer) in uw organisatie.")})
    for moment in moments:
        complete_follow_up(session, moment, actor)
    return moments


def parse_week(text: str | None, today: date) -> date:
    """The Monday of ISO week ``text`` ("2026-W49"); the current week when empty; InvalidInput otherwise."""
    if not text:
        return today - timedelta(days=today.weekday())
    match = _WEEK.match(text.strip())
    if match:
        try:
            return date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            pass
    raise InvalidInput({"week": N_("Geef de week als jaar en weeknummer, bijvoorbeeld 2026-W49.")})


@dataclass
class Week:
    monday: date
    days: dict[date, list[ContactMoment]] = field(default_factory=dict)
    overdue: list[ContactMoment] = field(default_factory=list)  # open and before this week (current week only)

    @property
    def number(self) -> str:
        year, week, _day = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def total(self) -> int:
        return sum(len(items) for items in self.days.values())


def week(session: Session, organisation_id: int, monday: date, owner_id: int | None = None, *,
         today: date | None = None) -> Week:
    """The open follow-ups due in the week from ``monday``, per day, of one owner or (None) the whole team;
    for the current week also the overdue ones from before it."""
    today = today or clock.today()
    sunday = monday + timedelta(days=6)
    base = (select(ContactMoment).options(joinedload(ContactMoment.employer), joinedload(ContactMoment.follow_up_owner))
            .where(ContactMoment.organisation_id == organisation_id, ContactMoment.follow_up_done_at.is_(None),
                   ContactMoment.follow_up_on.is_not(None))
            .order_by(ContactMoment.follow_up_on, ContactMoment.id))
    if owner_id is not None:
        base = base.where(ContactMoment.follow_up_owner_id == owner_id)
    result = Week(monday, {monday + timedelta(days=n): [] for n in range(7)})
    for moment in session.scalars(base.where(ContactMoment.follow_up_on.between(monday, sunday))):
        result.days[moment.follow_up_on].append(moment)
    if monday <= today <= sunday:
        result.overdue = list(session.scalars(base.where(ContactMoment.follow_up_on < monday)))
    return result
