"""Employer accounts: register, sign in, favourites, saved searches with new matches, own requests."""
import pytest
from sqlalchemy import func, select

from models import EmployerRequest, Favourite, OutboxMessage, SavedSearch, User
from models.base import utcnow
from models.enums import ProfileStatus, RequestStatus, Role
from tests.helpers import visible_text
from web.queue import duties


def _text(response) -> str:
    return visible_text(response.get_data(as_text=True))


def _register(client, email, password="lange-zin-om-te-onthouden", **fields):
    data = {"name": "Sanne Jansen", "company_name": "Jansen Logistiek", "email": email, "password": password}
    return client.post("/werkgever/registreren", data={**data, **fields}, follow_redirects=True)


def test_register_creates_the_account_mails_the_owner_and_the_password_signs_in(client, db):
    response = _register(client, "Sanne@Jansen.example")
    assert response.request.path == "/inloggen"
    assert "Wij hebben u een e-mail gestuurd" in _text(response)
    user = db.session.scalar(select(User).where(User.email == "sanne@jansen.example"))
    assert user.role == Role.EMPLOYER and user.organisation_id is None and user.company_name == "Jansen Logistiek"
    mail = db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == "sanne@jansen.example")).all()
    assert [m.subject for m in mail] == ["Uw werkgeversaccount bij Werkbrug"]
    signed_in = client.post("/inloggen", data={"email": "sanne@jansen.example",
                                               "password": "lange-zin-om-te-onthouden"}, follow_redirects=True)
    assert signed_in.request.path == "/werkgever/" and "Jansen Logistiek" in _text(signed_in)


def test_registering_an_existing_address_answers_the_same_and_mails_its_owner(client, db, make_user):
    existing = make_user(Role.ACCOUNT_MANAGER)
    fresh = _register(client, "nieuw@bedrijf.example")
    again = _register(client, existing.email.upper())
    assert again.status_code == fresh.status_code == 200 and again.request.path == fresh.request.path
    assert _text(again) == _text(fresh)
    assert "Er bestaat al" not in _text(again)
    mail = db.session.scalars(select(OutboxMessage).where(OutboxMessage.to_address == existing.email)).all()
    assert [m.subject for m in mail] == ["Poging om een account aan te maken met uw e-mailadres"]
    db.session.refresh(existing)
    assert existing.role == Role.ACCOUNT_MANAGER and existing.company_name is None


def test_register_names_bad_fields(client, make_user):
    existing = make_user(Role.EMPLOYER)
    response = client.post("/werkgever/registreren", data={
        "name": "X", "company_name": "", "email": existing.email, "password": "welkom01"})
    text = _text(response)
    assert response.status_code == 422
    assert "Bedrijfsnaam: Vul de naam van uw bedrijf in." in text
    assert "Er bestaat al een account met dit e-mailadres" not in text
    short = client.post("/werkgever/registreren", data={
        "name": "X", "company_name": "Y", "email": "x@y.example", "password": "kort"})
    assert "minstens 8 tekens" in _text(short)


def test_employer_signs_in_through_the_staff_login_and_lands_on_own_page(make_user, login):
    employer = make_user(Role.EMPLOYER)
    assert login(employer).request.path == "/werkgever/"


@pytest.mark.parametrize("url", ["/beheer/accountmanager", "/beheer/matcher", "/beheer/gebruikers/"])
def test_employers_never_see_staff_pages(client, make_user, login, url):
    login(make_user(Role.EMPLOYER))
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.MATCHER, Role.COORDINATOR, Role.ADMIN])
def test_staff_cannot_use_employer_pages(client, as_role, role, make_public_profile):
    as_role(role)
    assert client.get("/werkgever/").status_code == 403
    assert client.post(f"/werkgever/favoriet/{make_public_profile().code}").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/werkgever/")
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]
    assert client.post("/werkgever/zoekopdrachten", data={"name": "x"}).status_code == 302


def test_favourites(client, db, make_user, login, make_public_profile):
    login(make_user(Role.EMPLOYER))
    profile = make_public_profile(headline="Kok met passie")
    response = client.post(f"/werkgever/favoriet/{profile.code}", follow_redirects=True)
    assert "Bewaard bij uw favorieten" in _text(response) and 'aria-pressed="true"' in response.get_data(as_text=True)
    assert "Kok met passie" in _text(client.get("/werkgever/"))
    client.post(f"/werkgever/favoriet/{profile.code}")
    assert db.session.scalar(select(Favourite)) is None
    assert client.post("/werkgever/favoriet/K-FFFF").status_code == 404


def test_saved_search_shows_new_matches_on_the_next_visit(client, db, make_user, login, make_public_profile):
    employer = make_user(Role.EMPLOYER)
    login(employer)
    make_public_profile(skills=["Heftruck rijden"])
    listing = client.get("/kandidaten?q=heftruck&pagina=1")
    assert "Bewaar deze zoekopdracht als" in _text(listing)
    response = client.post("/werkgever/zoekopdrachten", data={"name": "Heftruck", "query_string": "q=heftruck&pagina=3"},
                           follow_redirects=True)
    assert "Zoekopdracht bewaard" in _text(response)
    assert db.session.scalar(select(SavedSearch.query_string)) == "q=heftruck"
    notice = db.session.scalar(select(OutboxMessage))
    assert notice.to_address == employer.email and "1 profielen passen nu bij 'Heftruck'" in notice.subject
    assert "Nieuwe kandidaten" not in _text(client.get("/werkgever/"))

    new = make_public_profile(skills=["Heftruckcertificaat"], published_at=utcnow())
    make_public_profile(skills=["Koken"], published_at=utcnow())
    for _visit in range(2):  # a visit shows them and writes nothing: still new on the next visit
        page = _text(client.get("/werkgever/"))
        assert "Nieuwe kandidaten voor uw zoekopdrachten" in page and "1 nieuw profiel" in page and new.code in page
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 1
    assert duties.saved_search_alerts() == "1 saved-search alert(s) queued"
    assert db.session.scalar(select(OutboxMessage).order_by(OutboxMessage.id.desc())).subject.startswith("Werkbrug: 1 ")
    assert "Nieuwe kandidaten" not in _text(client.get("/werkgever/"))  # the alert told them
    assert duties.saved_search_alerts() == "0 saved-search alert(s) queued"


def test_saved_searches_of_others_are_not_found(client, db, make_user, login):
    owner = make_user(Role.EMPLOYER)
    saved = SavedSearch(user_id=owner.id, name="x", query_string="q=kok")
    db.session.add(saved)
    db.session.commit()
    saved_id = saved.id
    login(make_user(Role.EMPLOYER))
    assert client.post(f"/werkgever/zoekopdrachten/{saved_id}/verwijderen").status_code == 404
    login(owner)
    assert client.post(f"/werkgever/zoekopdrachten/{saved_id}/verwijderen").status_code == 302
    assert db.session.get(SavedSearch, saved_id) is None


def test_own_requests_with_status(client, db, make_user, login, make_public_profile, org):
    employer = make_user(Role.EMPLOYER)
    other = make_user(Role.EMPLOYER)
    profile = make_public_profile()
    db.session.add(EmployerRequest(organisation_id=org.id, profile_id=profile.id, user_id=other.id,
                                   requester_name="Ander", company="Ander BV", email="a@b.example"))
    db.session.commit()
    login(employer)
    client.post(f"/kandidaten/{profile.code}/ontmoeten", data={
        "name": "Piet", "company": "Piet BV", "kvk": "12345678", "email": employer.email})
    text = _text(client.get("/werkgever/"))
    assert "ontvangen" in text and profile.code in text and "Ander BV" not in text
    assert len(db.session.scalars(select(EmployerRequest).where(EmployerRequest.user_id == employer.id)).all()) == 1


def test_own_requests_read_on_a_phone_and_link_a_published_profile(client, db, make_user, login,
                                                                   make_public_profile, org):
    employer = make_user(Role.EMPLOYER)
    shown = make_public_profile()
    gone = make_public_profile(status=ProfileStatus.WITHDRAWN)
    for profile, status in ((shown, RequestStatus.INTRODUCED), (gone, RequestStatus.CLOSED)):
        db.session.add(EmployerRequest(organisation_id=org.id, profile_id=profile.id, user_id=employer.id,
                                       requester_name="Piet", company="Piet BV", email=employer.email, status=status))
    db.session.commit()
    login(employer)
    page = client.get("/werkgever/").get_data(as_text=True)
    table = page[page.index('<table class="stack-narrow'):page.index("</table>", page.index('<table class="stack-narrow'))]
    assert 'data-label="Status">kennismaking geregeld</td>' in table  # each cell names its column on a phone
    assert f'data-label="Profiel"><a href="/kandidaten/{shown.code}">{shown.code}</a></td>' in table
    assert f'data-label="Profiel">{gone.code} (niet meer beschikbaar)</td>' in table
    assert table.count("<a ") == 1


def test_the_login_page_addresses_employers_and_registration_says_what_comes_next(client, make_user):
    login = _text(client.get("/inloggen"))
    assert "Voor werkgevers met een account" in login and "Maak een account aan" in login
    existing = make_user(Role.EMPLOYER)
    for email in ("nieuw@werkgever.example", existing.email):
        text = _text(_register(client, email))
        assert "Log hieronder in met uw e-mailadres en wachtwoord" in text, email
