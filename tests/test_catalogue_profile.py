"""A profile page, and an employer asking to meet the person behind it."""
from sqlalchemy import select

from models import AuditEvent, EmployerRequest, OutboxMessage
from models.enums import ProfileStatus, RequestStatus, Role
from tests.helpers import visible_text

GOOD = {"name": "Anne de Wit", "company": "Bakkerij De Korenschoof", "kvk": "1234 5678",
        "email": "anne@korenschoof.example", "phone": "0321 123456", "message": "Wij zoeken iemand voor de inpak."}


def _text(response) -> str:
    return visible_text(response.get_data(as_text=True))


def test_profile_page_shows_the_card_the_description_and_noindex(client, make_public_profile):
    profile = make_public_profile(headline="Handige magazijnmedewerker", description="Houdt van aanpakken.")
    response = client.get(f"/kandidaten/{profile.code}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert "Handige magazijnmedewerker" in _text(response) and "Houdt van aanpakken." in _text(response)
    assert "Ik wil deze persoon ontmoeten" in _text(response)


def test_the_dutch_level_shows_the_level_only_never_mother_tongue(client, make_public_profile):
    """docs/security.md: "moedertaal" tells an employer where someone comes from."""
    profile = make_public_profile(dutch_level="C2")
    for lang in ("nl", "en"):
        page = _text(client.get(f"/kandidaten/{profile.code}?lang={lang}"))
        cards = _text(client.get(f"/kandidaten?lang={lang}"))
        for text in (page, cards):
            assert profile.code in text and "C2" in text
            assert "moedertaal" not in text.lower() and "native" not in text.lower()


def test_noindex_can_be_switched_off(app, client, make_public_profile):
    app.config["PROFILE_NOINDEX"] = False
    profile = make_public_profile()
    assert "noindex" not in client.get(f"/kandidaten/{profile.code}").get_data(as_text=True)


def test_withdrawn_is_gone_and_unknown_or_draft_is_not_found(client, make_public_profile):
    withdrawn = make_public_profile(status=ProfileStatus.WITHDRAWN)
    draft = make_public_profile(status=ProfileStatus.DRAFT)
    gone = client.get(f"/kandidaten/{withdrawn.code}")
    assert gone.status_code == 410
    assert "Dit profiel is niet meer beschikbaar" in _text(gone)
    assert client.get(f"/kandidaten/{draft.code}").status_code == 404
    assert client.get("/kandidaten/K-FFFF").status_code == 404
    assert client.post(f"/kandidaten/{withdrawn.code}/ontmoeten", data=GOOD).status_code == 410


def test_employer_sends_a_request_and_sees_what_happens_next(client, db, make_public_profile, org, caplog):
    profile = make_public_profile()
    response = client.post(f"/kandidaten/{profile.code}/ontmoeten", data=GOOD, follow_redirects=True)
    text = _text(response)
    assert response.request.path == f"/kandidaten/{profile.code}/verstuurd"
    assert "Bedankt, uw verzoek is verstuurd" in text and "vraagt de werkzoekende" in text
    request = db.session.scalar(select(EmployerRequest))
    assert (request.status, request.organisation_id, request.profile_id) == (RequestStatus.NEW, org.id, profile.id)
    assert (request.kvk, request.email, request.user_id) == ("12345678", "anne@korenschoof.example", None)
    mail = db.session.scalar(select(OutboxMessage))
    assert mail.to_address == "anne@korenschoof.example" and f"nummer {request.id}" in mail.body
    assert profile.code not in mail.body and profile.headline not in mail.body
    assert "Anne" not in caplog.text and "korenschoof" not in caplog.text


def test_bad_kvk_and_email_are_named_per_field_and_nothing_is_stored(client, db, make_public_profile):
    profile = make_public_profile()
    response = client.post(f"/kandidaten/{profile.code}/ontmoeten",
                           data={**GOOD, "kvk": "1234", "email": "anne@", "name": ""})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    text = visible_text(html)
    assert "KvK-nummer: Een KvK-nummer bestaat uit 8 cijfers" in text
    assert "E-mailadres: Vul een geldig e-mailadres in" in text and "Uw naam: Vul uw naam in." in text
    assert 'href="#kvk"' in html and 'aria-describedby="kvk-hint kvk-error"' in html
    assert 'value="Bakkerij De Korenschoof"' in html  # what was right is kept
    assert db.session.scalar(select(EmployerRequest)) is None
    assert db.session.scalar(select(OutboxMessage)) is None


def test_honeypot_answers_like_success_but_stores_nothing(client, db, make_public_profile):
    profile = make_public_profile()
    response = client.post(f"/kandidaten/{profile.code}/ontmoeten", data={**GOOD, "website": "http://spam"})
    assert response.status_code == 302
    assert db.session.scalar(select(EmployerRequest)) is None


def test_requests_are_limited_per_address(app, client, db, make_public_profile):
    app.config["CATALOGUE_MAX_REQUESTS_PER_HOUR"] = 2
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    assert client.post(url, data=GOOD).status_code == 302
    assert client.post(url, data=GOOD).status_code == 302
    refused = client.post(url, data={**GOOD, "message": "Nog een vraag over de uren."})
    assert refused.status_code == 429
    assert "al veel verzoeken verstuurd" in _text(refused)
    assert len(db.session.scalars(select(EmployerRequest)).all()) == 2
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "request_flood"))


def test_requests_refused_for_a_field_error_do_not_use_up_the_limit(app, client, db, make_public_profile):
    app.config["CATALOGUE_MAX_REQUESTS_PER_HOUR"] = 2
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    for wrong in ({"kvk": "1"}, {"email": "anne@"}, {"kvk": "1234 567"}, {"name": ""}):
        assert client.post(url, data={**GOOD, **wrong}).status_code == 422
    assert client.post(url, data=GOOD).status_code == 302
    assert len(db.session.scalars(select(EmployerRequest)).all()) == 1


def test_all_attempts_have_a_generous_bound_of_their_own(app, client, db, make_public_profile):
    app.config["CATALOGUE_MAX_MEET_ATTEMPTS_PER_HOUR"] = 3
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    assert [client.post(url, data={**GOOD, "kvk": "1"}).status_code for _ in range(4)] == [422, 422, 422, 429]
    assert db.session.scalar(select(EmployerRequest)) is None


def test_over_the_limit_the_form_comes_back_as_typed_with_when_and_how_to_reach_us(app, client, make_public_profile):
    app.config["CATALOGUE_MAX_REQUESTS_PER_HOUR"] = 1
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    assert client.post(url, data=GOOD).status_code == 302
    refused = client.post(url, data={**GOOD, "message": "Graag volgende week."})
    html, text = refused.get_data(as_text=True), _text(refused)
    assert refused.status_code == 429
    assert 'value="Bakkerij De Korenschoof"' in html and "Graag volgende week." in html
    assert "Vanaf " in text and "kunt u weer een verzoek versturen" in text
    assert "bel ons" not in text.lower()  # no phone number to promise when none is configured
    app.config.update(SERVICE_CONTACT_PHONE="0321 123 456", SERVICE_CONTACT_EMAIL="wsp@dronten.example")
    text = _text(client.post(url, data=GOOD))
    assert "Bel ons op 0321 123 456 of mail naar wsp@dronten.example" in text


def test_names_with_initials_particles_and_hyphens_are_accepted(client, db, make_public_profile):
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    for i, name in enumerate(("J.P. de Vries", "J. van 't Hof", "A.-M. Jansen-de Boer", "'t Hart")):
        assert client.post(url, data={**GOOD, "name": name, "email": f"p{i}@bakker.example"},
                           environ_base={"REMOTE_ADDR": f"10.0.1.{i}"}).status_code == 302, name
    assert {r.requester_name for r in db.session.scalars(select(EmployerRequest))} == {
        "J.P. de Vries", "J. van 't Hof", "A.-M. Jansen-de Boer", "'t Hart"}


def test_profile_views_are_limited_and_logged_without_personal_data(app, client, db, make_public_profile, caplog):
    app.config["CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"] = 2
    profile = make_public_profile()
    assert [client.get(f"/kandidaten/{profile.code}").status_code for _ in range(3)] == [200, 200, 429]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "scrape_suspected"))
    assert event.origin == "127.0.0.1" and event.details == {"scope": "catalogue-profile"}
    assert "scrape_suspected: 127.0.0.1" in caplog.text


def test_signed_in_employer_request_is_linked_and_form_prefilled(client, db, make_public_profile, make_user, login):
    employer = make_user(Role.EMPLOYER, name="Piet Bakker", company_name="Bakkerij Bakker")
    login(employer)
    profile = make_public_profile()
    html = client.get(f"/kandidaten/{profile.code}").get_data(as_text=True)
    assert 'value="Bakkerij Bakker"' in html and f'value="{employer.email}"' in html
    client.post(f"/kandidaten/{profile.code}/ontmoeten", data={**GOOD, "email": employer.email})
    assert db.session.scalar(select(EmployerRequest.user_id)) == employer.id


def test_the_confirmation_mail_repeats_no_visitor_text_beyond_a_plain_name(client, db, make_public_profile):
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    phishing = "Jansen,\n\nLET OP: uw account verloopt. Log in op https://evil.example/login"
    for name in (phishing, "Anne <b>de Wit</b>", "Anne de Wit https://evil.example", "A" * 61,
                 "Anne evil.example", "J.P.evil.example", "x.co", "Anne 06-12345678"):
        response = client.post(url, data={**GOOD, "name": name})
        assert response.status_code == 422
        assert "Uw naam: Uw naam mag alleen letters, spaties, koppeltekens, apostrofs en voorletters" in _text(response)
    assert db.session.scalar(select(OutboxMessage)) is None
    assert client.post(url, data={**GOOD, "name": "Anne-Marie d’Hondt"}).status_code == 302
    mail = db.session.scalar(select(OutboxMessage))
    assert mail.body.startswith("Beste Anne-Marie d’Hondt,\n") and "http" not in mail.body
    assert GOOD["message"] not in mail.body and GOOD["company"] not in mail.body


def test_requests_are_limited_per_recipient_address_across_clients(app, client, db, make_public_profile):
    app.config["CATALOGUE_MAX_REQUESTS_PER_RECIPIENT_PER_HOUR"] = 2
    profile = make_public_profile()
    url = f"/kandidaten/{profile.code}/ontmoeten"
    statuses = [client.post(url, data={**GOOD, "email": "Doelwit@Example.org"},
                            environ_base={"REMOTE_ADDR": f"10.0.0.{i}"}).status_code for i in range(3)]
    assert statuses == [302, 302, 429]
    assert len(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.to_address == "doelwit@example.org")).all()) == 2
    other = client.post(url, data={**GOOD, "email": "iemand@anders.example"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 302


def test_the_sent_page_is_rate_limited_and_the_same_for_known_and_unknown_codes(app, client, make_public_profile):
    profile = make_public_profile()
    known, unknown = client.get(f"/kandidaten/{profile.code}/verstuurd"), client.get("/kandidaten/K-ZZZZ/verstuurd")
    assert known.status_code == unknown.status_code == 200
    assert _text(known) == _text(unknown) and profile.code not in _text(known)
    app.config["CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"] = 2  # the two views above counted
    assert client.get("/kandidaten/K-YYYY/verstuurd").status_code == 429
