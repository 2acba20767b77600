"""The notification centre: who is told what, once; e-mail as each person chose, never with personal data."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import EmployerRequest, Notification, OutboxMessage
from models.common import clock
from models.enums import RequestStatus, Role
from models.notifications import collect as notices
from tests.helpers import visible_text

BASE = "https://werkbrug.example.nl"


def _request(db, org, company="Bakkerij Bol") -> EmployerRequest:
    request = EmployerRequest(organisation_id=org.id, requester_name="Jan Jansen", company=company,
                              email="jan@bol.example.nl", status=RequestStatus.NEW)
    db.session.add(request)
    db.session.commit()
    return request


def _collect(db) -> int:
    added = notices.collect(db.session, clock.today(), clock.utcnow(), BASE)
    db.session.commit()
    return added


def test_a_new_employer_request_tells_the_register_staff_of_its_organisation_once(db, org, other_org, make_user):
    manager = make_user(Role.ACCOUNT_MANAGER)
    coordinator = make_user(Role.COORDINATOR)
    matcher = make_user(Role.MATCHER)
    stranger = make_user(Role.ACCOUNT_MANAGER, other_org)
    request = _request(db, org)
    assert _collect(db) == 2
    assert _collect(db) == 0  # running again adds nothing
    told = db.session.scalars(select(Notification).where(Notification.kind == "request_new")).all()
    assert {n.user_id for n in told} == {manager.id, coordinator.id}
    assert {n.object_id for n in told} == {request.id} and matcher.id not in {n.user_id for n in told}
    assert stranger.id not in {n.user_id for n in told}
    # Requests are mailed at once by default; the mail names the kind and a link, nothing about the request.
    mails = db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == manager.email)).all()
    assert len(mails) == 1
    assert "Nieuw verzoek van een werkgever: 1" in mails[0].body and f"{BASE}/meldingen" in mails[0].body
    assert "Bakkerij Bol" not in mails[0].body and "Jan Jansen" not in mails[0].body


def test_follow_up_due_today_and_consent_ending_reach_their_owner(db, org, make_user, make_employer, make_candidate):
    from models import ContactMoment
    from models.enums import Channel

    manager = make_user(Role.ACCOUNT_MANAGER)
    matcher = make_user(Role.MATCHER)
    employer = make_employer(name="Garage Wiel")
    today = clock.today()
    db.session.add(ContactMoment(organisation_id=org.id, employer_id=employer.id, channel=Channel.PHONE,
                                 occurred_on=today - timedelta(days=7), subject="Kennismaking", follow_up_on=today,
                                 follow_up_action="Bellen", follow_up_owner_id=manager.id))
    candidate = make_candidate(external_id="CL-1001", publish_consent=True, consent_until=today + timedelta(days=10),
                               owner_id=matcher.id)
    make_candidate(external_id="CL-1002", publish_consent=True, consent_until=today + timedelta(days=90))
    db.session.commit()
    assert _collect(db) == 2
    mine = db.session.scalar(select(Notification).where(Notification.user_id == manager.id))
    assert (mine.kind, str(mine.text)) == ("follow_up_due", "Vandaag opvolgen bij Garage Wiel")
    theirs = db.session.scalar(select(Notification).where(Notification.user_id == matcher.id))
    assert theirs.kind == "consent_ending" and theirs.object_id == candidate.id
    assert "CL-1001" in theirs.text and "Fatima" not in theirs.text  # a client number, never the name
    # Both kinds default to the daily e-mail: nothing sent yet, then one message per person.
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == matcher.email)) is None
    assert notices.digest(db.session, clock.utcnow(), BASE) == 2
    body = db.session.scalar(select(OutboxMessage.body).where(OutboxMessage.to_address == matcher.email))
    assert "Toestemming van een kandidaat loopt binnenkort af: 1" in body and "CL-1001" not in body
    assert notices.digest(db.session, clock.utcnow(), BASE) == 0


def test_the_centre_counts_lists_marks_read_and_keeps_to_the_person(as_role, client, db, org, make_user):
    manager = as_role(Role.ACCOUNT_MANAGER)
    colleague = make_user(Role.ACCOUNT_MANAGER)
    request = _request(db, org, company="Drukkerij Punt")
    _collect(db)
    page = client.get("/meldingen/")
    text = visible_text(page.get_data(as_text=True))
    assert "Meldingen 1 ongelezen" in text and "Nieuw verzoek van Drukkerij Punt" in text
    assert f'href="/beheer/verzoeken/{request.id}"' in page.get_data(as_text=True)
    theirs = db.session.scalar(select(Notification).where(Notification.user_id == colleague.id))
    client.post("/meldingen/gelezen", data={"id": theirs.id})  # another person's notice: untouched
    db.session.refresh(theirs)
    assert theirs.read_at is None
    mine = db.session.scalar(select(Notification).where(Notification.user_id == manager.id))
    response = client.post("/meldingen/gelezen", data={"id": mine.id}, follow_redirects=True)
    assert "1 melding(en) als gelezen gemarkeerd" in visible_text(response.get_data(as_text=True))
    assert "0 meldingen." in visible_text(client.get("/meldingen/?alleen=ongelezen").get_data(as_text=True))
    response = client.post("/meldingen/gelezen", data={"id": "abc"}, follow_redirects=True)
    assert "Kies een melding" in visible_text(response.get_data(as_text=True))


def test_settings_choose_a_channel_per_kind_and_refuse_what_does_not_exist(as_role, client, db, org):
    manager = as_role(Role.ACCOUNT_MANAGER)
    text = visible_text(client.get("/meldingen/instellingen").get_data(as_text=True))
    assert "Nieuw verzoek van een werkgever" in text and "Nieuwe suggesties" not in text  # not a matcher's kind
    response = client.post("/meldingen/instellingen", data={
        "kind-request_new": "app", "kind-sroi_proposal": "mail", "kind-follow_up_due": "sms"})
    assert response.status_code == 422
    assert "Kies bij “Follow-up staat vandaag op de planning” een van" in visible_text(response.get_data(as_text=True))
    response = client.post("/meldingen/instellingen", follow_redirects=True, data={
        "kind-request_new": "app", "kind-sroi_proposal": "mail", "kind-follow_up_due": "digest"})
    assert "Uw keuzes voor meldingen zijn opgeslagen" in visible_text(response.get_data(as_text=True))
    _request(db, org)
    _collect(db)
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == manager.email)) is None


def test_a_question_for_the_candidate_reaches_the_asked_matcher_until_answered(db, org, make_user):
    matcher = make_user(Role.MATCHER)
    request = _request(db, org, company="Kwekerij Zon")
    request.asked_user_id, request.asked_at = matcher.id, clock.utcnow()
    db.session.commit()
    _collect(db)
    notice = db.session.scalar(select(Notification).where(Notification.user_id == matcher.id))
    assert notice.kind == "candidate_question" and notice.object_id == request.id
    assert "Kwekerij Zon wil kennismaken" in notice.text
    # by default at once by e-mail: generic, without the company
    body = db.session.scalar(select(OutboxMessage.body).where(OutboxMessage.to_address == matcher.email))
    assert "vraag het uw kandidaat: 1" in body and "Kwekerij Zon" not in body


@pytest.mark.parametrize("at", ["2026-12-06T10:00:00+00:00", "2026-12-06T23:30:00+00:00"])  # 00:30 in Amsterdam
def test_notices_are_shown_in_the_chosen_language_and_new_suggestions_come_once_a_day(at, as_role, client, db, org,
                                                                                       make_user, make_candidate):
    with clock.frozen(datetime.fromisoformat(at)):
        _notices_in_the_chosen_language_and_new_suggestions_once_a_day(as_role, client, db, org, make_user,
                                                                        make_candidate)


def _notices_in_the_chosen_language_and_new_suggestions_once_a_day(as_role, client, db, org, make_user, make_candidate):
    from models import Suggestion, Vacancy
    from models.enums import SuggestionStatus, VacancyStatus

    manager = as_role(Role.ACCOUNT_MANAGER)
    matcher = make_user(Role.MATCHER)
    _request(db, org, company="Drukkerij Punt")
    vacancies = [Vacancy(organisation_id=org.id, title=f"Vacature {n}", status=VacancyStatus.OPEN) for n in range(3)]
    db.session.add_all(vacancies)
    db.session.flush()
    people = [make_candidate(external_id=f"K-9{n}") for n in range(3)]
    db.session.add_all([Suggestion(vacancy_id=v.id, candidate_id=c.id, organisation_id=org.id, score=0.7,
                                   status=SuggestionStatus.NEW) for v in vacancies for c in people])
    db.session.commit()
    _collect(db)
    told = db.session.scalars(select(Notification).where(Notification.user_id == matcher.id)).all()
    assert [(n.kind, str(n.text)) for n in told] == [
        ("suggestions_new", "Nieuwe suggesties vandaag voor 3 vacature(s): te beoordelen")]
    text = visible_text(client.get("/meldingen/?lang=en").get_data(as_text=True))
    assert "New request from Drukkerij Punt to meet a candidate" in text
    assert "Nieuw verzoek van" not in text and manager.id != matcher.id
