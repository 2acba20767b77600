"""Contact persons of an employer and contact moments with their follow-ups."""
from __future__ import annotations

from datetime import UTC, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.base import utcnow
from models.common import audit, clock, identifiers, locking
from models.common.errors import N_, Duplicate, InvalidInput
from models.enums import Channel
from models.register.contact import ContactMoment
from models.register.employer import ContactPerson, Employer
from models.register.employers import managers

PERSON_FIELDS = ("name", "position", "email", "phone")
SAME_MOMENT_MINUTES = 10  # the same moment logged again this soon by the same person is a second click


def _person_data(data: dict) -> dict:
    errors: dict[str, str] = {}
    clean = {field: (data.get(field) or "").strip() or None for field in PERSON_FIELDS}
    if not clean["name"]:
        errors["name"] = N_("Vul de naam van de contactpersoon in.")
    if clean["email"]:
        from email_validator import EmailNotValidError, validate_email  # dnspython and idna: on first use, not at boot
        try:
            clean["email"] = validate_email(clean["email"], check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = N_("Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.")
    if clean["phone"] and not identifiers.is_phone(clean["phone"]):
        errors["phone"] = N_("Vul een telefoonnummer in zoals 0321 123456 of +31 6 12345678.")
    if errors:
        raise InvalidInput(errors)
    return clean


def _person_snapshot(person: ContactPerson) -> dict:
    return {field: getattr(person, field) for field in PERSON_FIELDS}


def add_contact_person(session: Session, employer: Employer, data: dict, actor: User) -> ContactPerson:
    """Add a contact person to ``employer``; InvalidInput for bad data."""
    person = ContactPerson(employer=employer, **_person_data(data))
    session.add(person)
    session.flush()
    audit.record_changes(session, person, {}, _person_snapshot(person), actor=actor)
    return person


def update_contact_person(session: Session, person: ContactPerson, data: dict, version, actor: User) -> ContactPerson:
    """Save an edit made on ``version``; Conflict when someone saved in between."""
    locking.save_edit(session, person, _person_data(data), version, actor, _person_snapshot)
    return person


def remove_contact_person(session: Session, person: ContactPerson, actor: User) -> None:
    """Delete a contact person; the employer's history keeps who was removed."""
    employer = person.employer
    audit.record_changes(session, employer, {"contact_person": person.name}, {"contact_person": None}, actor=actor)
    audit.record_changes(session, person, _person_snapshot(person), dict.fromkeys(PERSON_FIELDS), actor=actor)
    session.delete(person)
    session.flush()


def same_moment(session: Session, moment: ContactMoment) -> ContactMoment | None:
    """The same contact moment logged by the same person in the last SAME_MOMENT_MINUTES, or None."""
    return session.scalar(select(ContactMoment).where(
        ContactMoment.employer_id == moment.employer_id, ContactMoment.occurred_on == moment.occurred_on,
        ContactMoment.channel == moment.channel, ContactMoment.author_id == moment.author_id,
        ContactMoment.contact_person_id.is_(None) if moment.contact_person_id is None
        else ContactMoment.contact_person_id == moment.contact_person_id,
        ContactMoment.subject == moment.subject,
        ContactMoment.notes.is_(None) if moment.notes is None else ContactMoment.notes == moment.notes,
        ContactMoment.created_at >= utcnow() - timedelta(minutes=SAME_MOMENT_MINUTES))
        .order_by(ContactMoment.id).limit(1))


def _clock_time(at) -> str:
    """HH:MM in the installation's zone (SQLite gives the stored UTC time back without a zone)."""
    return format((at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(clock.zone()), "%H:%M")


def log_contact_moment(session: Session, employer: Employer, data: dict, actor: User) -> ContactMoment:
    """Record a contact moment (with an optional follow-up); InvalidInput for bad data."""
    errors: dict[str, str] = {}
    channel = data.get("channel")
    if channel not in {c.value for c in Channel}:
        errors["channel"] = N_("Kies hoe het contact was.")
    occurred_on = data.get("occurred_on") or clock.today()
    if occurred_on > clock.today():
        errors["occurred_on"] = N_("Een contactmoment kan niet in de toekomst liggen.")
    subject = (data.get("subject") or "").strip()
    if not subject:
        errors["subject"] = N_("Vul een onderwerp in.")
    person_id = data.get("contact_person_id") or None
    if person_id and int(person_id) not in {p.id for p in employer.contact_persons}:
        errors["contact_person_id"] = N_("Kies een contactpersoon van deze werkgever.")
    follow_up_on = data.get("follow_up_on") or None
    action = (data.get("follow_up_action") or "").strip() or None
    owner_id = data.get("follow_up_owner_id") or actor.id
    if follow_up_on is None and action:
        errors["follow_up_on"] = N_("Vul een datum in voor de follow-up.")
    if follow_up_on is not None:
        if follow_up_on < occurred_on:
            errors["follow_up_on"] = N_("De follow-up moet op of na de datum van het contact liggen.")
        if not action:
            errors["follow_up_action"] = N_("Vul in wat er moet gebeuren.")
        if int(owner_id) not in {u.id for u in managers(session, employer.organisation_id)}:
            errors["follow_up_owner_id"] = N_("Kies een collega van uw eigen organisatie.")
    if errors:
        raise InvalidInput(errors)
    moment = ContactMoment(
        organisation_id=employer.organisation_id, employer_id=employer.id, author_id=actor.id,
        contact_person_id=int(person_id) if person_id else None, channel=Channel(channel),
        occurred_on=occurred_on, subject=subject[:200], notes=(data.get("notes") or "").strip() or None,
        follow_up_on=follow_up_on, follow_up_action=action if follow_up_on else None,
        follow_up_owner_id=int(owner_id) if follow_up_on else None,
    )
    if (earlier := same_moment(session, moment)) is not None:
        raise Duplicate([N_("Dit contactmoment is om %(time)s al vastgelegd: dezelfde werkgever, datum, kanaal, "
                            "contactpersoon, onderwerp en notities, door u.",
                            time=_clock_time(earlier.created_at))], earlier)
    session.add(moment)
    session.flush()
    return moment


def refresh_last_contact(session: Session, employer_ids: list[int] | None = None) -> None:
    """Recompute ``last_contact_on`` and ``first_contact_on`` from the contact moments (bulk loaders; None:
    every employer)."""
    latest = (select(func.max(ContactMoment.occurred_on)).where(ContactMoment.employer_id == Employer.id)
              .correlate(Employer).scalar_subquery())
    earliest = (select(func.min(ContactMoment.occurred_on)).where(ContactMoment.employer_id == Employer.id)
                .correlate(Employer).scalar_subquery())
    statement = update(Employer).values(last_contact_on=latest, first_contact_on=earliest,
                                        updated_at=Employer.updated_at)
    if employer_ids is not None:
        statement = statement.where(Employer.id.in_(employer_ids))
    session.execute(statement.execution_options(synchronize_session=False))


def complete_follow_up(session: Session, moment: ContactMoment, actor: User) -> ContactMoment:
    """Mark a follow-up done now (idempotent: a second call keeps the first time)."""
    if moment.follow_up_on is None:
        raise InvalidInput({"follow_up": N_("Dit contactmoment heeft geen follow-up.")})
    if moment.follow_up_done_at is None:
        moment.follow_up_done_at = utcnow()
        audit.record(session, "follow_up_done", actor=actor, obj=moment)
        session.flush()
    return moment


def open_follow_ups(owner_id: int, organisation_id: int):
    """A select of the owner's follow-ups not done yet, earliest first (paginate it)."""
    return (select(ContactMoment).where(
        ContactMoment.follow_up_owner_id == owner_id, ContactMoment.organisation_id == organisation_id,
        ContactMoment.follow_up_done_at.is_(None), ContactMoment.follow_up_on.is_not(None),
    ).order_by(ContactMoment.follow_up_on, ContactMoment.id))
