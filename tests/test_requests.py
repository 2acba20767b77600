"""The account managers' inbox of employer requests: statuses in order, owner, employer link, privacy."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from models import Employer, EmployerRequest, OutboxMessage, PublicProfile
from models.common import clock
from models.enums import ProfileStatus, RequestStatus, Role
from tests.helpers import visible_text


@pytest.fixture
def make_request(db, org, make_candidate):
    counter = iter(range(1, 10_000))

    def make(organisation=None, **kw):
        organisation = organisation or org
        n = next(counter)
        candidate = make_candidate(organisation=organisation, first_name="Ilse", last_name="Brouwer",
                                   external_id=f"R-{n}")
        profile = PublicProfile(candidate_id=candidate.id, organisation_id=organisation.id, code=f"K-{n:04d}",
                                status=ProfileStatus.PUBLISHED, headline="Schoonmaker")
        db.session.add(profile)
        db.session.flush()
        req = EmployerRequest(organisation_id=organisation.id, profile_id=profile.id,
                              requester_name="Piet de Boer", company=kw.pop("company", f"Bouwbedrijf {n}"),
                              kvk=kw.pop("kvk", "12345678"), email="piet@bouw.example", message="Graag kennismaken",
                              **kw)
        db.session.add(req)
        db.session.commit()
        return req
    return make


def post_status(client, req, status):
    return client.post(f"/beheer/verzoeken/{req.id}/status", data={"version": req.version, "status": status},
                       follow_redirects=True)


def test_inbox_lists_own_requests_and_filters(as_role, client, make_request, other_org):
    mine = make_request(company="Bakkerij Zon")
    make_request(company="Tuincentrum Groen", status=RequestStatus.CLOSED)
    make_request(organisation=other_org, company="Vreemd BV")
    user = as_role(Role.ACCOUNT_MANAGER)
    text = visible_text(client.get("/beheer/verzoeken/").get_data(as_text=True))
    assert "Bakkerij Zon" in text and "Tuincentrum Groen" in text and "Vreemd BV" not in text
    assert mine.profile.code in text and "Ilse" not in text
    text = visible_text(client.get("/beheer/verzoeken/?status=new").get_data(as_text=True))
    assert "Bakkerij Zon" in text and "Tuincentrum Groen" not in text
    assert "0 verzoeken" in visible_text(client.get("/beheer/verzoeken/?owner=mine").get_data(as_text=True))
    assert user


def test_inbox_runs_a_constant_number_of_queries(as_role, count_queries, make_request, make_user):
    as_role(Role.ACCOUNT_MANAGER)

    make_request(owner_id=make_user(Role.ACCOUNT_MANAGER).id)
    few = count_queries("/beheer/verzoeken/")
    for _ in range(12):
        make_request(owner_id=make_user(Role.ACCOUNT_MANAGER).id)
    assert count_queries("/beheer/verzoeken/") == few


def _answered_by_matcher(db, client, login, req, make_user, manager, answer):
    """The account manager asks through "Vraag de kandidaat"; the candidate's matcher records ``answer``."""
    matcher = make_user(Role.MATCHER, name="Mira Matcher")
    req.profile.candidate.owner_id = matcher.id
    db.session.commit()
    login(manager)
    client.post(f"/beheer/verzoeken/{req.id}/vraag", data={"version": req.version})
    db.session.refresh(req)
    login(matcher)
    client.post(f"/beheer/verzoeken/{req.id}/antwoord", data={"version": req.version, "answer": answer})
    login(manager)
    db.session.refresh(req)


def test_statuses_go_in_order_and_introduced_needs_agreement(client, db, login, make_request, make_user):
    req = make_request()
    manager = make_user(Role.ACCOUNT_MANAGER)
    login(manager)
    response = client.post(f"/beheer/verzoeken/{req.id}/status", data={"version": req.version, "status": "introduced"})
    assert response.status_code == 422
    assert "Voorstellen kan pas als de kandidaat akkoord is gegeven" in visible_text(response.get_data(as_text=True))
    _answered_by_matcher(db, client, login, req, make_user, manager, "yes")
    assert req.status == RequestStatus.CANDIDATE_AGREED
    for status in ("introduced", "closed"):
        text = visible_text(post_status(client, req, status).get_data(as_text=True))
        db.session.refresh(req)
        assert req.status == RequestStatus(status), text
    messages = db.session.scalars(select(OutboxMessage)).all()
    assert len(messages) == 1 and messages[0].to_address == "piet@bouw.example"
    assert messages[0].organisation_id == req.organisation_id  # in the organisation's outbox only
    body = messages[0].subject + messages[0].body
    assert req.profile.code in body
    assert "Ilse" not in body and "Brouwer" not in body and "R-" not in body


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.COORDINATOR])
def test_the_candidates_consent_is_no_button_staff_wait_for_the_matchers_answer(as_role, client, db, make_request,
                                                                                 make_user, role):
    req = make_request()
    req.profile.candidate.owner_id = make_user(Role.MATCHER, name="Mira Matcher").id
    db.session.commit()
    as_role(role)
    page = visible_text(client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True))
    assert "Zet op: Kandidaat gevraagd" not in page and "Zet op: Kandidaat akkoord" not in page
    assert "Eerst moet de kandidaat gevraagd worden: gebruik ‘Vraag de kandidaat’." in page
    refused = client.post(f"/beheer/verzoeken/{req.id}/status", data={"version": req.version, "status": "candidate_asked"})
    assert refused.status_code == 422
    assert "Vraag de kandidaat met ‘Vraag de kandidaat’" in visible_text(refused.get_data(as_text=True))
    client.post(f"/beheer/verzoeken/{req.id}/vraag", data={"version": req.version})
    db.session.refresh(req)
    version = req.version
    page = visible_text(client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True))
    assert "Zet op: Kandidaat akkoord" not in page and "Zet op: Kandidaat wil niet" not in page
    assert "Wacht op het antwoord van de kandidaat, dat de matcher van de kandidaat vastlegt." in page
    for status in ("candidate_agreed", "candidate_declined", "introduced"):
        refused = client.post(f"/beheer/verzoeken/{req.id}/status", data={"version": version, "status": status})
        assert refused.status_code == 422, status
        text = visible_text(refused.get_data(as_text=True))
        assert ("Het antwoord van de kandidaat legt de matcher van de kandidaat vast" in text
                or "Voorstellen kan pas als de kandidaat akkoord is gegeven" in text), status
    db.session.refresh(req)
    assert (req.status, req.answer, req.version) == (RequestStatus.CANDIDATE_ASKED, None, version)
    assert db.session.scalar(select(OutboxMessage)) is None
    english = visible_text(client.get(f"/beheer/verzoeken/{req.id}?lang=en").get_data(as_text=True))
    assert "Waiting for the candidate" in english and "matcher records. The request then moves by itself" in english


def test_declined_sends_a_generic_message_and_cannot_be_introduced(client, db, login, make_request, make_user):
    req = make_request()
    coordinator = make_user(Role.COORDINATOR)
    _answered_by_matcher(db, client, login, req, make_user, coordinator, "no")
    assert req.status == RequestStatus.CANDIDATE_DECLINED
    response = client.post(f"/beheer/verzoeken/{req.id}/status", data={"version": req.version, "status": "introduced"})
    assert response.status_code == 422
    message = db.session.scalar(select(OutboxMessage))
    assert "niet op in" in message.body and "Ilse" not in message.body


def test_owner_and_follow_up_are_saved_with_optimistic_locking(as_role, client, db, make_request, make_user):
    req = make_request()
    colleague = make_user(Role.ACCOUNT_MANAGER, name="Ria Kok")
    as_role(Role.ACCOUNT_MANAGER)
    follow = (clock.today() + timedelta(days=3)).isoformat()
    response = client.post(f"/beheer/verzoeken/{req.id}", data={"version": req.version, "owner_id": colleague.id,
                                                                 "follow_up_on": follow}, follow_redirects=True)
    assert "Verzoek bijgewerkt" in visible_text(response.get_data(as_text=True))
    db.session.refresh(req)
    assert req.owner_id == colleague.id and req.follow_up_on.isoformat() == follow
    assert "Ria Kok" in visible_text(client.get("/beheer/verzoeken/").get_data(as_text=True))
    stale = client.post(f"/beheer/verzoeken/{req.id}", data={"version": req.version - 1, "owner_id": ""})
    assert stale.status_code == 409
    assert "Dit is intussen gewijzigd door" in visible_text(stale.get_data(as_text=True))


def test_owner_from_another_organisation_is_refused(as_role, client, make_request, make_user, other_org):
    req = make_request()
    stranger = make_user(Role.ACCOUNT_MANAGER, other_org)
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/verzoeken/{req.id}", data={"version": req.version, "owner_id": stranger.id})
    assert response.status_code == 422


def test_only_who_can_open_requests_may_own_one(as_role, client, db, make_request, make_user):
    req = make_request()
    matcher = make_user(Role.MATCHER, name="Mats Matcher")
    admin = make_user(Role.ADMIN, name="Ada Beheer")
    coordinator = make_user(Role.COORDINATOR, name="Cor Coördinator")
    as_role(Role.ACCOUNT_MANAGER)
    page = client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True)
    assert "Cor Coördinator" in page and "Mats Matcher" not in page and "Ada Beheer" not in page
    for outsider in (matcher, admin):
        response = client.post(f"/beheer/verzoeken/{req.id}", data={"version": req.version, "owner_id": outsider.id})
        assert response.status_code == 422
        text = visible_text(response.get_data(as_text=True))
        assert "Eigenaar: kies een accountmanager of coördinator van uw organisatie" in text
        db.session.refresh(req)
        assert req.owner_id is None
    assert client.post(f"/beheer/verzoeken/{req.id}", data={"version": req.version, "owner_id": "x"}).status_code == 422
    saved = client.post(f"/beheer/verzoeken/{req.id}", data={"version": req.version, "owner_id": coordinator.id},
                        follow_redirects=True)
    assert "Verzoek bijgewerkt" in visible_text(saved.get_data(as_text=True))


def test_owner_roles_are_the_roles_that_open_the_inbox():
    from models.catalogue.employer_requests import OWNER_ROLES
    from web.access import CAPABILITIES

    assert OWNER_ROLES == CAPABILITIES["register"]


def test_employer_is_linked_on_kvk_or_created_from_the_request(as_role, client, db, make_request, make_employer,
                                                               other_org):
    make_employer(organisation=other_org, kvk="12345678", name="Elders BV")
    known = make_employer(kvk="87654321", name="Bekend BV")
    linked = make_request(kvk="87654321")
    created = make_request(kvk="12345678", company="Nieuw BV")
    as_role(Role.ACCOUNT_MANAGER)
    assert "Gevonden op KvK-nummer: Bekend BV" in visible_text(
        client.get(f"/beheer/verzoeken/{linked.id}").get_data(as_text=True))
    client.post(f"/beheer/verzoeken/{linked.id}/werkgever")
    response = client.post(f"/beheer/verzoeken/{created.id}/werkgever", follow_redirects=True)
    assert "Werkgever Nieuw BV aangemaakt en gekoppeld" in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    assert linked.employer_id == known.id
    new = db.session.get(Employer, created.employer_id)
    assert new.organisation_id == linked.organisation_id and new.kvk == "12345678" and new.name == "Nieuw BV"


def test_candidate_link_only_for_those_who_may_open_candidates(as_role, client, make_request):
    req = make_request()
    as_role(Role.ACCOUNT_MANAGER)
    html = client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True)
    assert req.profile.code in html and "/beheer/kandidaten/" not in html
    as_role(Role.COORDINATOR)
    html = client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True)
    assert f"/beheer/kandidaten/{req.profile.candidate_id}/profiel" in html


ROUTES = [("get", "/beheer/verzoeken/"), ("get", "/beheer/verzoeken/{id}"), ("post", "/beheer/verzoeken/{id}"),
          ("post", "/beheer/verzoeken/{id}/status"), ("post", "/beheer/verzoeken/{id}/werkgever")]


@pytest.mark.parametrize("method,route", ROUTES)
def test_route_access_by_role_and_organisation(method, route, client, login, make_user, make_request, other_org):
    req = make_request()
    url = route.format(id=req.id)
    assert getattr(client, method)(url).status_code == 302
    for role in (Role.MATCHER, Role.ADMIN, Role.EMPLOYER):
        login(make_user(role))
        assert getattr(client, method)(url).status_code == 403, role
    if "{id}" in route:
        login(make_user(Role.ACCOUNT_MANAGER, other_org))
        assert getattr(client, method)(url).status_code == 404
    for role in (Role.ACCOUNT_MANAGER, Role.COORDINATOR):
        login(make_user(role))
        assert getattr(client, method)(url).status_code in (200, 302, 409, 422), role


def test_filters_left_out_are_no_error(as_role, client, make_request):
    make_request()
    as_role(Role.ACCOUNT_MANAGER)
    html = client.get("/beheer/verzoeken/?status=new").get_data(as_text=True)
    assert "Ongeldige keuze" not in visible_text(html) and 'aria-invalid="true"' not in html


def test_every_step_of_a_request_is_in_the_audit_log_and_can_be_filtered(client, db, login, make_request, make_user):
    req = make_request(company="Bakkerij Zon")
    manager = make_user(Role.ACCOUNT_MANAGER)
    _answered_by_matcher(db, client, login, req, make_user, manager, "yes")
    post_status(client, req, "introduced")
    login(make_user(Role.COORDINATOR))

    def log(query):
        return visible_text(client.get(f"/beheer/auditlog?{query}").get_data(as_text=True))

    text = log("action=request_candidate_asked")
    assert "1 gebeurtenis" in text and "Verzoek van werkgever: kandidaat gevraagd" in text
    assert "Verzoek van werkgever Bakkerij Zon" in text and "Ilse" not in text and "R-1" not in text
    text = log("action=request_answered")
    assert "1 gebeurtenis" in text and "Mira Matcher" in text
    text = log("action=request_status_changed")
    assert "3 gebeurtenissen" in text
    for step in ("(Nieuw → Kandidaat gevraagd)", "(Kandidaat gevraagd → Kandidaat akkoord)",
                 "(Kandidaat akkoord → Voorgesteld)"):
        assert step in text
    assert "5 gebeurtenissen" in log(f"object_type=EmployerRequest&object_id={req.id}")


def test_the_answer_page_records_that_the_matcher_saw_the_candidates_name(client, db, login, make_request, make_user):
    req = make_request()
    matcher = make_user(Role.MATCHER, name="Mira Matcher")
    req.profile.candidate.owner_id = matcher.id
    db.session.commit()
    login(make_user(Role.ACCOUNT_MANAGER))
    client.post(f"/beheer/verzoeken/{req.id}/vraag", data={"version": req.version})
    login(matcher)
    page = visible_text(client.get(f"/beheer/verzoeken/{req.id}/antwoord").get_data(as_text=True))
    assert "Ilse Brouwer" in page
    login(make_user(Role.COORDINATOR))
    text = visible_text(client.get("/beheer/auditlog?action=view_personal").get_data(as_text=True))
    assert "1 gebeurtenis" in text and "Mira Matcher" in text
    assert "Persoonsgegevens bekeken (antwoord op verzoek van werkgever)" in text and "Kandidaat R-1" in text
