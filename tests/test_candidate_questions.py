""""Vraag de kandidaat": an employer's request goes as a task to the candidate's matcher, who records the answer."""
import pytest
from sqlalchemy import select

from models import ChangeRecord, EmployerRequest, OutboxMessage, PublicProfile
from models.enums import ProfileStatus, RequestStatus, Role
from tests.helpers import visible_text


@pytest.fixture
def setup(db, org, make_candidate, make_user):
    """A request about a published profile whose candidate belongs to a matcher; the request's account manager."""
    matcher = make_user(Role.MATCHER, name="Mira Matcher")
    candidate = make_candidate(first_name="Ilse", last_name="Brouwer", external_id="Q-1", owner_id=matcher.id)
    profile = PublicProfile(candidate_id=candidate.id, organisation_id=org.id, code="K-7001",
                            status=ProfileStatus.PUBLISHED, headline="Schoonmaker")
    db.session.add(profile)
    db.session.flush()
    employer_user = make_user(Role.EMPLOYER)
    req = EmployerRequest(organisation_id=org.id, profile_id=profile.id, user_id=employer_user.id,
                          requester_name="Piet de Boer", company="Bouwbedrijf Zon", kvk="12345678",
                          email="piet@bouw.example", message="Graag kennismaken")
    db.session.add(req)
    db.session.commit()
    return {"req": req, "matcher": matcher, "candidate": candidate, "employer": employer_user,
            "manager": make_user(Role.ACCOUNT_MANAGER)}


def ask(client, req):
    return client.post(f"/beheer/verzoeken/{req.id}/vraag", data={"version": req.version}, follow_redirects=True)


def answer(client, req, **data):
    return client.post(f"/beheer/verzoeken/{req.id}/antwoord", data={"version": req.version, **data},
                       follow_redirects=True)


def asked_as_matcher(db, client, login, setup):
    """The account manager asked; now signed in as the candidate's matcher. Returns the fresh request."""
    login(setup["manager"])
    ask(client, setup["req"])
    login(setup["matcher"])
    db.session.refresh(setup["req"])
    return setup["req"]


def test_the_question_reaches_the_candidates_matcher_and_the_answer_the_account_manager(db, client, login, setup):
    req, matcher = setup["req"], setup["matcher"]
    login(setup["manager"])
    page = visible_text(client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True))
    assert "Vraag de kandidaat" in page and "Ilse" not in page
    response = ask(client, req)
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    assert "Mira Matcher" in text and "Status Kandidaat gevraagd" in text
    db.session.refresh(req)
    assert req.asked_user_id == matcher.id and req.status == RequestStatus.CANDIDATE_ASKED

    login(matcher)
    caseload = visible_text(client.get("/beheer/kandidaten/caseload", follow_redirects=True).get_data(as_text=True))
    assert "Bouwbedrijf Zon wil kennismaken met Q-1 (profiel K-7001)" in caseload
    form = visible_text(client.get(f"/beheer/verzoeken/{req.id}/antwoord").get_data(as_text=True))
    assert "Ilse Brouwer" in form and "Graag kennismaken" in form
    response = answer(client, req, answer="yes", note="Kan vanaf maandag, liefst in de ochtend.")
    assert response.status_code == 200
    assert "Geen open vragen." in visible_text(response.get_data(as_text=True))
    db.session.refresh(req)
    assert (req.answer, req.status, req.answered_by_id) == ("yes", RequestStatus.CANDIDATE_AGREED, matcher.id)

    login(setup["manager"])
    page = visible_text(client.get(f"/beheer/verzoeken/{req.id}").get_data(as_text=True))
    assert "Antwoord van de kandidaat: ja, wil kennismaken" in page
    assert "Kan vanaf maandag, liefst in de ochtend." in page and "Ilse" not in page
    fields = set(db.session.scalars(select(ChangeRecord.field).where(
        ChangeRecord.object_type == "EmployerRequest", ChangeRecord.object_id == req.id)))
    assert {"asked_user_id", "answer", "answered_by_id", "status"} <= fields


def test_the_employer_never_sees_the_answer_or_the_note(db, client, login, setup):
    req = asked_as_matcher(db, client, login, setup)
    answer(client, req, answer="no", note="Heeft op dit moment geen tijd.")
    db.session.refresh(req)
    assert req.status == RequestStatus.CANDIDATE_DECLINED
    login(setup["employer"])
    page = visible_text(client.get("/werkgever/").get_data(as_text=True))
    assert "K-7001" in page  # the employer's own request is on the page, without the answer
    assert "geen tijd" not in page and "Mira" not in page and "Ilse" not in page
    mails = " ".join(m.subject + m.body for m in db.session.scalars(select(OutboxMessage)))
    assert "geen tijd" not in mails and "Ilse" not in mails and "Mira" not in mails
    for url in (f"/beheer/verzoeken/{req.id}", f"/beheer/verzoeken/{req.id}/antwoord"):
        assert client.get(url).status_code == 403


def test_a_note_with_personal_data_is_refused_and_nothing_changes(db, client, login, setup):
    req = asked_as_matcher(db, client, login, setup)
    for note, kind in (("Bel haar op 06 12345678.", "telefoonnummer"),
                       ("Ze heeft last van haar rug, dus alleen licht werk.", "gezondheid"),
                       ("x" * 501, "te lang")):
        response = answer(client, req, answer="yes", note=note)
        assert response.status_code == 422, note
        assert kind in visible_text(response.get_data(as_text=True)), note
    response = answer(client, req, note="")
    assert response.status_code == 422
    assert "Kies het antwoord van de kandidaat: ja of nee." in visible_text(response.get_data(as_text=True))
    db.session.refresh(req)
    assert req.answer is None and req.status == RequestStatus.CANDIDATE_ASKED


def test_only_the_asked_matcher_or_a_coordinator_answers(db, client, login, make_user, other_org, setup):
    req = setup["req"]
    login(setup["manager"])
    ask(client, req)
    db.session.refresh(req)
    url = f"/beheer/verzoeken/{req.id}/antwoord"
    login(make_user(Role.MATCHER))
    assert client.get(url).status_code == 404
    assert answer(client, req, answer="yes").status_code == 404
    login(make_user(Role.MATCHER, other_org))
    assert client.get(url).status_code == 404
    login(setup["manager"])
    assert client.get(url).status_code == 403
    login(make_user(Role.COORDINATOR))
    assert client.get(url).status_code == 200
    db.session.refresh(req)
    assert req.answer is None


def test_asking_needs_an_owner_and_happens_once(db, client, login, setup):
    req, candidate = setup["req"], setup["candidate"]
    candidate.owner_id = None
    db.session.commit()
    login(setup["manager"])
    response = ask(client, req)
    assert response.status_code == 422
    assert "geen eigen matcher" in visible_text(response.get_data(as_text=True))
    db.session.refresh(req)
    assert req.asked_user_id is None and req.status == RequestStatus.NEW
    candidate.owner_id = setup["matcher"].id
    db.session.commit()
    assert ask(client, req).status_code == 200
    login(setup["matcher"])
    db.session.refresh(req)
    answer(client, req, answer="yes")
    login(setup["manager"])
    db.session.refresh(req)
    assert ask(client, req).status_code == 422
    assert answer(client, req, answer="no").status_code == 403  # the account manager cannot answer


def test_a_stale_form_is_refused(db, client, login, setup):
    req = setup["req"]
    login(setup["manager"])
    response = client.post(f"/beheer/verzoeken/{req.id}/vraag", data={"version": "x"})
    assert response.status_code == 409
    db.session.refresh(req)
    assert req.asked_user_id is None
