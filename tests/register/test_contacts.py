"""Contact persons, contact moments and 'Mijn follow-ups', used the way the team uses them."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from models import AuditEvent, ContactMoment, ContactPerson
from models.common import clock
from models.enums import Channel, Role
from tests.helpers import visible_text


def text_of(response) -> str:
    return visible_text(response.get_data(as_text=True))


def test_add_edit_remove_a_contact_person_with_history(manager, client, db, make_employer):
    employer = make_employer(name="Bakkerij Kruimel")
    response = client.post(f"/werkgevers/{employer.id}/contactpersonen/nieuw", data={
        "name": "Petra de Vries", "position": "HR-adviseur", "email": "Petra@Kruimel.example", "phone": "0321 123456",
    }, follow_redirects=True)
    text = text_of(response)
    assert "Contactpersoon Petra de Vries is toegevoegd" in text and "Petra@kruimel.example" in text
    person = db.session.scalar(select(ContactPerson))
    response = client.post(f"/werkgevers/{employer.id}/contactpersonen/{person.id}/bewerken", data={
        "name": "Petra de Vries", "position": "Bedrijfsleider", "email": "", "phone": "0321 123456",
        "version": "1"}, follow_redirects=True)
    assert "Bedrijfsleider" in text_of(response)
    history = text_of(client.get(f"/werkgevers/{employer.id}/contactpersonen/{person.id}/geschiedenis"))
    assert "Functie HR-adviseur Bedrijfsleider" in history
    response = client.post(f"/werkgevers/{employer.id}/contactpersonen/{person.id}/verwijderen", follow_redirects=True)
    assert "Contactpersoon Petra de Vries is verwijderd" in text_of(response)
    assert db.session.scalar(select(ContactPerson)) is None
    assert "Contactpersoon verwijderd Petra de Vries" in text_of(client.get(f"/werkgevers/{employer.id}/geschiedenis"))


def test_bad_contact_person_input_is_named(manager, client, make_employer):
    employer = make_employer()
    response = client.post(f"/werkgevers/{employer.id}/contactpersonen/nieuw", data={
        "name": "", "email": "geen-adres", "phone": "bel mij"})
    assert response.status_code == 422
    text = text_of(response)
    assert "Vul de naam van de contactpersoon in" in text


def test_concurrent_contact_person_edits_refuse_the_second(client, db, make_employer, make_person, make_user, login):
    person = make_person(make_employer())
    url = f"/werkgevers/{person.employer_id}/contactpersonen/{person.id}/bewerken"
    first, second = make_user(Role.ACCOUNT_MANAGER, name="Anna Smit"), make_user(Role.ACCOUNT_MANAGER)
    login(first)
    client.get(url)
    assert client.post(url, data={"name": "Petra de Vries", "phone": "0321 999999", "version": "1"}).status_code == 302
    login(second)
    refused = client.post(url, data={"name": "Petra de Vries", "phone": "0321 000000", "version": "1"})
    assert refused.status_code == 409 and "gewijzigd door Anna Smit" in text_of(refused)
    db.session.expire_all()
    assert db.session.get(ContactPerson, person.id).phone == "0321 999999"


def test_log_a_contact_moment_with_follow_up_from_the_employer_page(manager, client, db, make_employer, make_person):
    employer = make_employer(name="Bakkerij Kruimel")
    person = make_person(employer)
    page = client.get(f"/werkgevers/{employer.id}").get_data(as_text=True)
    assert f'value="{clock.today().isoformat()}"' in page  # the date defaults to today
    soon = clock.today() + timedelta(days=7)
    response = client.post(f"/werkgevers/{employer.id}/contactmomenten", data={
        "channel": "visit", "occurred_on": clock.today().isoformat(), "contact_person_id": person.id,
        "subject": "Rondleiding", "notes": "Twee plekken in de bakkerij", "follow_up_on": soon.isoformat(),
        "follow_up_action": "Vacaturetekst opvragen", "follow_up_owner_id": manager.id,
    }, follow_redirects=True)
    text = text_of(response)
    assert "Contactmoment vastgelegd" in text and "Rondleiding" in text and "met Petra de Vries" in text
    assert f"Follow-up {soon:%d-%m-%Y}: Vacaturetekst opvragen" in text
    moment = db.session.scalar(select(ContactMoment))
    assert (moment.channel, moment.author_id, moment.follow_up_owner_id) == (Channel.VISIT, manager.id, manager.id)


def test_contact_moment_errors_rerender_the_employer_page(manager, client, db, make_employer, make_user, other_org):
    employer = make_employer()
    stranger = make_user(Role.ACCOUNT_MANAGER, other_org)
    response = client.post(f"/werkgevers/{employer.id}/contactmomenten", data={
        "channel": "fax", "occurred_on": (clock.today() + timedelta(days=1)).isoformat(), "subject": "",
        "follow_up_on": clock.today().isoformat(), "follow_up_action": "", "follow_up_owner_id": stranger.id})
    assert response.status_code == 422
    text = text_of(response)
    assert "Er is iets niet goed ingevuld" in text and "Vul een onderwerp in" in text
    response = client.post(f"/werkgevers/{employer.id}/contactmomenten", data={
        "channel": "fax", "occurred_on": (clock.today() + timedelta(days=1)).isoformat(), "subject": "x",
        "follow_up_on": clock.today().isoformat(), "follow_up_action": "", "follow_up_owner_id": stranger.id})
    text = text_of(response)
    for message in ("Kies hoe het contact was", "niet in de toekomst", "Vul in wat er moet gebeuren",
                    "Kies een collega van uw eigen organisatie"):
        assert message in text
    assert db.session.scalar(select(ContactMoment)) is None


def test_quick_add_finds_the_employer_by_name_and_asks_when_ambiguous(manager, client, db, make_employer):
    make_employer(name="Bouwbedrijf Noord", city="Dronten")
    south = make_employer(name="Bouwbedrijf Zuid", city="Lelystad")
    data = {"employer": "bouwbedrijf", "channel": "phone", "occurred_on": clock.today().isoformat(),
            "subject": "Belafspraak"}
    response = client.post("/werkgevers/contactmoment", data=data)
    assert response.status_code == 422
    text = text_of(response)
    assert "meerdere werkgevers gevonden" in text and "Bouwbedrijf Zuid (Lelystad)" in text
    response = client.post("/werkgevers/contactmoment", data={**data, "employer_id": south.id}, follow_redirects=True)
    assert "Contactmoment met Bouwbedrijf Zuid vastgelegd" in text_of(response)
    response = client.post("/werkgevers/contactmoment", data={**data, "employer": "noord"}, follow_redirects=True)
    assert "Contactmoment met Bouwbedrijf Noord vastgelegd" in text_of(response)
    response = client.post("/werkgevers/contactmoment", data={**data, "employer": "Slagerij"})
    assert "Geen werkgever gevonden" in text_of(response)
    assert len(db.session.scalars(select(ContactMoment)).all()) == 2


def test_my_follow_ups_marks_overdue_in_words_and_done_ones_disappear(manager, client, db, make_employer,
                                                                      make_moment, make_user):
    employer = make_employer(name="Garage Hollander")
    today = clock.today()
    late = make_moment(employer, occurred_on=today - timedelta(days=10), follow_up_on=today - timedelta(days=3),
                       follow_up_action="Offerte nabellen", follow_up_owner_id=manager.id)
    make_moment(employer, occurred_on=today, follow_up_on=today + timedelta(days=2),
                follow_up_action="Langsgaan", follow_up_owner_id=manager.id)
    make_moment(employer, follow_up_on=today, follow_up_action="Van een collega",
                follow_up_owner_id=make_user(Role.ACCOUNT_MANAGER).id)
    text = text_of(client.get("/werkgevers/follow-ups"))
    assert "2 follow-ups open" in text and "Van een collega" not in text
    assert text.index("Offerte nabellen") < text.index("Langsgaan")
    assert f"{late.follow_up_on:%d-%m-%Y} Te laat Garage Hollander Offerte nabellen" in text
    response = client.post(f"/werkgevers/follow-ups/{late.id}/afgerond", follow_redirects=True)
    text = text_of(response)
    assert "Afgerond: Offerte nabellen." in text
    assert "1 follow-up open" in text and "Offerte nabellen" not in text.split("Afgerond: Offerte nabellen.")[1]
    db.session.refresh(late)
    assert late.follow_up_done_at is not None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "follow_up_done")).object_id == late.id
