"""Outreach: who is selected, steps in order, and the funnel counts."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models import OutreachContact, Participatiebaan
from models.common import clock
from models.enums import Role
from tests.helpers import visible_text

TODAY = date(2026, 9, 1)
LONG_AGO = TODAY - timedelta(days=800)


@pytest.fixture(autouse=True)
def frozen():
    with clock.frozen(TODAY):
        yield


def test_selection_takes_long_benefit_without_active_service(db, as_role, client, make_candidate, make_user, org,
                                                            other_org):
    coach = make_user(Role.MATCHER, name="Coach Cor")
    lost = make_candidate(external_id="LOST-1", benefit_since=LONG_AGO)
    lost2 = make_candidate(external_id="LOST-2", benefit_since=LONG_AGO, last_active_on=TODAY - timedelta(days=500))
    make_candidate(external_id="ACTIVE", benefit_since=LONG_AGO, last_active_on=TODAY - timedelta(days=30))
    make_candidate(external_id="NEW", benefit_since=TODAY - timedelta(days=100))
    working = make_candidate(external_id="PB", benefit_since=LONG_AGO)
    db.session.add(Participatiebaan(organisation_id=org.id, candidate_id=working.id, started_on=TODAY - timedelta(days=60),
                                    ends_on=TODAY + timedelta(days=600), premium_cents=60000, premium_months=6))
    make_candidate(organisation=other_org, external_id="ELDERS", benefit_since=LONG_AGO)
    db.session.commit()
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/kandidaten/outreach/selecteren", data={
        "campaign": "Herfst 2026", "assigned_to_id": str(coach.id), "limit": ""})
    assert response.status_code == 302
    chosen = set(db.session.scalars(select(OutreachContact.candidate_id)))
    assert chosen == {lost.id, lost2.id}
    again = client.post("/beheer/kandidaten/outreach/selecteren", data={
        "campaign": "Herfst 2026", "assigned_to_id": str(coach.id)}, follow_redirects=True)
    assert "0 mensen toegevoegd" in visible_text(again.get_data(as_text=True))
    bad = client.post("/beheer/kandidaten/outreach/selecteren", data={"campaign": "", "assigned_to_id": "x"})
    text = visible_text(bad.get_data(as_text=True))
    assert bad.status_code == 422 and "Vul de naam van de campagne in" in text and "Toewijzen aan" in text


def test_steps_go_in_order_and_the_funnel_counts_each_step(db, as_role, client, make_candidate, org):
    me = as_role(Role.MATCHER)
    people = [make_candidate(external_id=f"O-{n}", benefit_since=LONG_AGO) for n in range(5)]
    for person in people:
        db.session.add(OutreachContact(organisation_id=org.id, campaign="Voorjaar", candidate_id=person.id,
                                       assigned_to_id=me.id, selected_on=TODAY - timedelta(days=30)))
    db.session.commit()
    contacts = list(db.session.scalars(select(OutreachContact).order_by(OutreachContact.id)))

    def step(contact, name, **extra):
        db.session.refresh(contact)
        return client.post(f"/beheer/kandidaten/outreach/{contact.id}/stap", data={
            "version": str(contact.version), "step": name, "on": (TODAY - timedelta(days=1)).isoformat(), **extra})

    skipped = step(contacts[0], "talked")
    assert skipped.status_code == 303
    assert "Stap: leg eerst ‘Benaderd’ vast" in visible_text(client.get(skipped.headers["Location"]).get_data(as_text=True))
    for contact in contacts[:4]:
        assert step(contact, "approached").status_code == 302
    for contact in contacts[:3]:
        assert step(contact, "talked").status_code == 302
    for contact in contacts[:2]:
        assert step(contact, "follow_up").status_code == 302
    assert step(contacts[0], "referred").status_code == 303  # no "to whom"
    assert step(contacts[0], "referred", referred_to="coach").status_code == 302
    funnel = visible_text(client.get("/beheer/kandidaten/outreach?campagne=Voorjaar").get_data(as_text=True))
    assert "Geselecteerd 5 Benaderd 4 80% Gesproken 3 75% Vervolg afgesproken 2 67% Doorverwezen 1 50%" in funnel
    assert "Coach 1, Werkcentrum 0, Sociaal team 0, Anders 0" in funnel
