"""The register list sorts on employer.last_contact_on, derived from the contact moments."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from models import ContactMoment, Employer
from models.common import clock
from tests.helpers import visible_text


def log(client, employer, on: date, subject: str):
    return client.post(f"/werkgevers/{employer.id}/contactmomenten", data={
        "channel": "phone", "occurred_on": on.isoformat(), "subject": subject}, follow_redirects=True)


def test_logging_contacts_moves_the_last_contact_forward_only_and_keeps_the_version(manager, client, db,
                                                                                    make_employer):
    employer = make_employer(name="Bakkerij Kruimel")
    version = employer.version
    today = clock.today()
    assert "Contactmoment vastgelegd" in visible_text(log(client, employer, today - timedelta(days=3), "Eerst").get_data(as_text=True))
    log(client, employer, today - timedelta(days=10), "Nagekomen verslag van eerder")
    db.session.expire_all()
    stored = db.session.get(Employer, employer.id)
    assert stored.last_contact_on == today - timedelta(days=3)
    assert stored.version == version  # someone editing the employer meanwhile gets no conflict
    listing = visible_text(client.get("/werkgevers/?sortering=last_contact").get_data(as_text=True))
    assert (today - timedelta(days=3)).strftime("%d-%m-%Y") in listing


def test_last_contact_sort_puts_recent_first_and_never_contacted_last(manager, client, make_employer, make_moment):
    never = make_employer(name="Aannemer Nooit")
    old, recent = make_employer(name="Bakkerij Oud"), make_employer(name="Cafe Recent")
    make_moment(old, occurred_on=date(2025, 3, 1))
    make_moment(recent, occurred_on=date(2026, 2, 1))
    text = visible_text(client.get("/werkgevers/?sortering=last_contact").get_data(as_text=True))
    assert text.index("Cafe Recent") < text.index("Bakkerij Oud") < text.index(never.name)


def test_removing_a_moment_recomputes_the_last_contact(db, make_employer, make_moment):
    employer = make_employer()
    make_moment(employer, occurred_on=date(2025, 3, 1))
    latest = make_moment(employer, occurred_on=date(2026, 2, 1))
    db.session.delete(latest)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Employer, employer.id).last_contact_on == date(2025, 3, 1)
    db.session.delete(db.session.scalar(select(ContactMoment)))
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Employer, employer.id).last_contact_on is None


def test_name_sort_ignores_case(manager, client, make_employer):
    make_employer(name="bakkerij klein"), make_employer(name="Aannemer Groot"), make_employer(name="Cafe")
    text = visible_text(client.get("/werkgevers/").get_data(as_text=True))
    assert text.index("Aannemer Groot") < text.index("bakkerij klein") < text.index("Cafe")


def test_first_contact_follows_the_earliest_moment_through_late_entries_edits_and_removals(db, make_employer,
                                                                                           make_moment):
    from models.reports import parse_period
    from models.reports.contacts import contact_report

    employer = make_employer()
    first = make_moment(employer, occurred_on=date(2026, 2, 1))
    make_moment(employer, occurred_on=date(2026, 5, 1))
    assert db.session.get(Employer, employer.id).first_contact_on == date(2026, 2, 1)
    early = make_moment(employer, occurred_on=date(2025, 11, 3))  # a report of an earlier visit, entered late
    db.session.expire_all()
    assert db.session.get(Employer, employer.id).first_contact_on == date(2025, 11, 3)
    year = parse_period({"periode": "year", "jaar": "2026"}, date(2026, 6, 1))
    assert contact_report(db.session, employer.organisation_id, year, date(2026, 6, 1)).new_employers == 0
    db.session.get(ContactMoment, early.id).occurred_on = date(2026, 3, 1)
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Employer, employer.id).first_contact_on == date(2026, 2, 1)
    assert contact_report(db.session, employer.organisation_id, year, date(2026, 6, 1)).new_employers == 1
    db.session.delete(db.session.get(ContactMoment, first.id))
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Employer, employer.id).first_contact_on == date(2026, 3, 1)
