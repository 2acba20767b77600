"""Working through follow-ups: postpone, hand over, finish several, the week view and the calendar feed."""
from __future__ import annotations

import re
from datetime import timedelta

from icalendar import Calendar
from sqlalchemy import select

from models import ChangeRecord, ContactMoment
from models.common import clock
from models.enums import Role
from tests.helpers import visible_text


def text_of(response) -> str:
    return visible_text(response.get_data(as_text=True))


def _due(make_moment, employer, owner, days: int, action: str) -> ContactMoment:
    today = clock.today()
    return make_moment(employer, occurred_on=today - timedelta(days=20), follow_up_on=today + timedelta(days=days),
                       follow_up_action=action, follow_up_owner_id=owner.id)


def test_postpone_moves_the_date_records_who_and_refuses_the_past(manager, client, db, make_employer, make_moment):
    moment = _due(make_moment, make_employer(name="Garage Hollander"), manager, -2, "Offerte nabellen")
    later = clock.today() + timedelta(days=7)
    response = client.post(f"/werkgevers/follow-ups/{moment.id}/uitstellen", follow_redirects=True, data={
        f"p{moment.id}-version": moment.version, f"p{moment.id}-follow_up_on": later.isoformat()})
    assert f"Uitgesteld tot {later:%d-%m-%Y}: Offerte nabellen." in text_of(response)
    db.session.refresh(moment)
    assert moment.follow_up_on == later
    change = db.session.scalar(select(ChangeRecord).where(ChangeRecord.object_id == moment.id))
    assert (change.field, change.new, change.actor_id) == ("follow_up_on", later.isoformat(), manager.id)

    response = client.post(f"/werkgevers/follow-ups/{moment.id}/uitstellen", data={
        f"p{moment.id}-version": moment.version, f"p{moment.id}-follow_up_on": "2020-01-01"})
    assert response.status_code == 422
    assert "De nieuwe datum ligt in het verleden" in text_of(response)
    response = client.post(f"/werkgevers/follow-ups/{moment.id}/uitstellen", data={
        f"p{moment.id}-version": moment.version, f"p{moment.id}-follow_up_on": "morgen"})
    assert response.status_code == 422 and "Nieuwe datum" in text_of(response)
    db.session.refresh(moment)
    assert moment.follow_up_on == later


def test_a_stale_postpone_is_refused_with_who_changed_it(manager, client, db, make_employer, make_moment):
    moment = _due(make_moment, make_employer(), manager, 1, "Langsgaan")
    stale = moment.version
    moment.follow_up_on = clock.today() + timedelta(days=3)
    db.session.commit()
    response = client.post(f"/werkgevers/follow-ups/{moment.id}/uitstellen", data={
        f"p{moment.id}-version": stale, f"p{moment.id}-follow_up_on": (clock.today() + timedelta(days=9)).isoformat()})
    assert response.status_code == 409 and "Dit is intussen gewijzigd" in text_of(response)
    db.session.refresh(moment)
    assert moment.follow_up_on == clock.today() + timedelta(days=3)


def test_hand_over_to_a_colleague_moves_it_to_their_list_and_never_outside(
        manager, client, db, make_employer, make_moment, make_user, other_org):
    colleague = make_user(Role.ACCOUNT_MANAGER)
    stranger = make_user(Role.ACCOUNT_MANAGER, other_org)
    moment = _due(make_moment, make_employer(name="Bakkerij Bol"), manager, 0, "Vacature ophalen")
    response = client.post(f"/werkgevers/follow-ups/{moment.id}/overdragen", data={
        f"h{moment.id}-version": moment.version, f"h{moment.id}-follow_up_owner_id": stranger.id})
    assert response.status_code == 422 and "Kies een collega van uw eigen organisatie" in text_of(response)
    response = client.post(f"/werkgevers/follow-ups/{moment.id}/overdragen", follow_redirects=True, data={
        f"h{moment.id}-version": moment.version, f"h{moment.id}-follow_up_owner_id": colleague.id})
    text = text_of(response)
    assert f"Overgedragen aan {colleague.name}: Vacature ophalen." in text and "0 follow-ups open" in text
    db.session.refresh(moment)
    assert moment.follow_up_owner_id == colleague.id


def test_finish_several_at_once_all_or_none(manager, client, db, make_employer, make_moment, make_user, other_org):
    employer = make_employer()
    first, second, third = (_due(make_moment, employer, manager, n, f"Actie {n}") for n in (0, 1, 2))
    foreign = _due(make_moment, make_employer(organisation=other_org), make_user(Role.ACCOUNT_MANAGER, other_org), 0, "X")
    response = client.post("/werkgevers/follow-ups/afronden", data={"ids": [first.id, foreign.id]}, follow_redirects=True)
    assert "bestaan niet (meer) in uw organisatie" in text_of(response)
    db.session.refresh(first)
    assert first.follow_up_done_at is None
    response = client.post("/werkgevers/follow-ups/afronden", data={"ids": []}, follow_redirects=True)
    assert "Kies eerst een of meer follow-ups" in text_of(response)
    response = client.post("/werkgevers/follow-ups/afronden", data={"ids": [first.id, second.id, "x"]},
                           follow_redirects=True)
    text = text_of(response)
    assert "2 follow-ups afgerond." in text and "1 follow-up open" in text and "Actie 2" in text
    assert db.session.get(ContactMoment, third.id).follow_up_done_at is None


def test_week_view_per_day_for_me_a_colleague_or_the_team(manager, client, db, make_employer, make_moment, make_user):
    colleague = make_user(Role.ACCOUNT_MANAGER)
    employer = make_employer(name="Kwekerij Zon")
    today = clock.today()
    monday = today - timedelta(days=today.weekday())
    mine = make_moment(employer, occurred_on=monday - timedelta(days=30), follow_up_on=monday + timedelta(days=2),
                       follow_up_action="Mijn actie", follow_up_owner_id=manager.id)
    make_moment(employer, occurred_on=monday - timedelta(days=30), follow_up_on=monday + timedelta(days=3),
                follow_up_action="Actie van collega", follow_up_owner_id=colleague.id)
    make_moment(employer, occurred_on=monday - timedelta(days=30), follow_up_on=monday - timedelta(days=4),
                follow_up_action="Te laat van mij", follow_up_owner_id=manager.id)
    text = text_of(client.get("/werkgevers/follow-ups/week"))
    assert "1 follow-up deze week, 1 te laat uit eerdere weken" in text
    wednesday = text.split(f"woensdag {mine.follow_up_on:%d-%m}")[1].split("donderdag")[0]
    assert "Kwekerij Zon" in wednesday and "Mijn actie" in wednesday and "Actie van collega" not in text
    page = client.get("/werkgevers/follow-ups/week?wie=team").get_data(as_text=True)
    text = visible_text(page)
    assert "2 follow-ups deze week" in text and f"Actie van collega ({colleague.name})" in text
    assert 'href="/werkgevers/follow-ups/week?wie=team">Deze week' in page  # the week links keep whose week it is
    text = text_of(client.get(f"/werkgevers/follow-ups/week?wie={colleague.id}"))
    assert "Actie van collega" in text and "Mijn actie" not in text
    year, week, _day = (monday + timedelta(days=7)).isocalendar()
    text = text_of(client.get(f"/werkgevers/follow-ups/week?week={year}-W{week:02d}"))
    assert "0 follow-ups deze week." in text and "uit eerdere weken" not in text
    for bad in ("2026-W60", "week 3", "<script>"):
        response = client.get("/werkgevers/follow-ups/week", query_string={"week": bad})
        assert response.status_code == 422 and "bijvoorbeeld 2026-W49" in text_of(response), bad
    response = client.get("/werkgevers/follow-ups/week?wie=999999")
    assert response.status_code == 422 and "Kies uzelf, het team of een collega" in text_of(response)


def test_calendar_feed_address_shown_once_carries_no_free_text_and_can_be_stopped(
        manager, client, db, make_employer, make_moment, app):
    employer = make_employer(name="Drukkerij Punt")
    moment = _due(make_moment, employer, manager, 3, "Bellen over Fatima El Idrissi")
    page = text_of(client.get("/werkgevers/follow-ups/agenda"))
    assert "U heeft nog geen agenda-adres" in page
    response = client.post("/werkgevers/follow-ups/agenda", data={"action": "new"})
    address = re.search(r"http://[^\s<\"]+/agenda/[^\s<\"]+\.ics", response.get_data(as_text=True)).group(0)
    assert "alleen nu te zien" in text_of(response)
    assert address not in client.get("/werkgevers/follow-ups/agenda").get_data(as_text=True)

    feed_path = address.split("localhost", 1)[1]
    anonymous = app.test_client()
    response = anonymous.get(feed_path)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    events = calendar.walk("VEVENT")
    assert [(e["summary"], e.decoded("dtstart")) for e in events] == [("Follow-up: Drukkerij Punt", moment.follow_up_on)]
    assert "Fatima" not in response.get_data(as_text=True) and "Bellen" not in response.get_data(as_text=True)

    client.post("/werkgevers/follow-ups/agenda", data={"action": "new"})  # a new address: the old one stops
    assert anonymous.get(feed_path).status_code == 404
    client.post("/werkgevers/follow-ups/agenda", data={"action": "stop"})
    assert db.session.get(type(manager), manager.id).calendar_token_hash is None
    assert anonymous.get("/agenda/" + "x" * 200 + ".ics").status_code == 404
    assert anonymous.get("/agenda/%00%3Cscript%3E.ics").status_code == 404
