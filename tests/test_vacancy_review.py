"""Employers send in vacancies on the public site; account managers accept or reject them."""
from sqlalchemy import select

from models import Employer, Vacancy
from models.enums import Role, VacancySource, VacancyStatus
from tests.helpers import visible_text
from tests.vacancy_factories import future


def submission(**overrides):
    data = {"company_name": "Bakkerij Bol", "kvk": "1234 5678", "contact_name": "Jan Bol",
            "email": "jan@bakkerijbol.nl", "phone": "0321-123456", "title": "Bakkershulp",
            "description": "Vroeg beginnen, deeg kneden.", "hours_min": "20", "hours_max": "32",
            "city": "Dronten", "start_date": future(14).isoformat(), "website": ""}
    data.update(overrides)
    return data


def test_employer_submits_a_vacancy_and_reads_what_happens_next(client, db, org, other_org):
    page = client.get("/vacature-aanmelden")
    assert page.status_code == 200 and "Vacature aanmelden" in visible_text(page.get_data(as_text=True))
    response = client.post("/vacature-aanmelden", data=submission(), follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "Bedankt, uw vacature is aangemeld" in text and "Binnen vijf werkdagen" in text
    vacancy = db.session.scalar(select(Vacancy))
    assert vacancy.organisation_id == org.id  # the default organisation receives them
    assert vacancy.status == VacancyStatus.SUBMITTED and vacancy.source == VacancySource.PUBLIC
    assert vacancy.employer_id is None and vacancy.hours_min == 20
    assert vacancy.submitted_by["kvk"] == "12345678" and vacancy.submitted_by["email"] == "jan@bakkerijbol.nl"


def test_bad_submission_names_each_field(client, db, org):
    response = client.post("/vacature-aanmelden", data=submission(
        kvk="1234", email="geen-adres", company_name="", hours_min="40", hours_max="10", start_date="2020-01-01"))
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    for message in ("Een KvK-nummer heeft 8 cijfers.", "Vul een geldig e-mailadres in",
                    "Vul de naam van uw bedrijf in.", "Het minimum aantal uur mag niet hoger zijn",
                    "De startdatum mag niet in het verleden liggen."):
        assert message in text
    assert db.session.scalar(select(Vacancy)) is None


def test_a_start_date_far_ahead_is_refused_naming_the_range(client, db, org):
    response = client.post("/vacature-aanmelden", data=submission(start_date="2999-01-01"))
    assert response.status_code == 422
    assert "De startdatum moet tussen" in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(Vacancy)) is None


def test_honeypot_looks_successful_but_stores_nothing(client, db, org):
    response = client.post("/vacature-aanmelden", data=submission(website="http://spam.example"),
                           follow_redirects=True)
    assert "Bedankt" in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(Vacancy)) is None


def test_submissions_are_throttled_per_address(client, db, org, monkeypatch):
    from web.vacancies.submission import routes

    monkeypatch.setattr(routes, "MAX_PER_HOUR", 2)
    for _ in range(2):
        assert client.post("/vacature-aanmelden", data=submission()).status_code == 302
    assert client.post("/vacature-aanmelden", data=submission()).status_code == 429


def _submit(client):
    client.post("/vacature-aanmelden", data=submission())


def test_accept_with_a_new_employer(client, db, org, as_role):
    _submit(client)
    as_role(Role.ACCOUNT_MANAGER)
    listing = visible_text(client.get("/vacatures/").get_data(as_text=True))
    assert "1 aangemelde vacature wacht op beoordeling" in listing and "Bakkershulp" not in listing
    queue = visible_text(client.get("/vacatures/aanmeldingen").get_data(as_text=True))
    assert "Bakkershulp Bakkerij Bol Dronten" in queue
    vacancy = db.session.scalar(select(Vacancy))
    review = visible_text(client.get(f"/vacatures/{vacancy.id}/beoordelen").get_data(as_text=True))
    assert "Jan Bol, jan@bakkerijbol.nl, 0321-123456" in review
    response = client.post(f"/vacatures/{vacancy.id}/beoordelen", data={"decision": "new"}, follow_redirects=True)
    assert "Vacature geaccepteerd en open gezet." in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    vacancy = db.session.get(Vacancy, vacancy.id)
    employer = db.session.scalar(select(Employer))
    assert vacancy.status == VacancyStatus.OPEN and vacancy.employer_id == employer.id
    assert (employer.name, employer.kvk, employer.organisation_id) == ("Bakkerij Bol", "12345678", org.id)


def test_accept_links_the_existing_employer_with_the_same_kvk(client, db, org, as_role, make_employer):
    existing = make_employer(name="Bol B.V.", kvk="12345678")
    _submit(client)
    as_role(Role.COORDINATOR)
    vacancy = db.session.scalar(select(Vacancy))
    page = client.get(f"/vacatures/{vacancy.id}/beoordelen").get_data(as_text=True)
    assert "In het register staat al een werkgever met dit KvK-nummer: Bol B.V." in visible_text(page)
    assert 'value="Bol B.V."' in page and f'name="employer_id" value="{existing.id}"' in page
    client.post(f"/vacatures/{vacancy.id}/beoordelen",
                data={"decision": "existing", "employer": "Bol B.V.", "employer_id": existing.id})
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).employer_id == existing.id
    assert db.session.scalar(select(Employer.id).where(Employer.id != existing.id)) is None


def test_reject_needs_a_reason(client, db, org, as_role, make_employer, make_org):
    foreign_employer = make_employer(make_org("almere"))
    _submit(client)
    as_role(Role.ACCOUNT_MANAGER)
    vacancy = db.session.scalar(select(Vacancy))
    response = client.post(f"/vacatures/{vacancy.id}/beoordelen", data={"decision": "reject", "reason": ""})
    assert response.status_code == 422
    assert "Geef een reden voor de afwijzing." in visible_text(response.get_data(as_text=True))
    response = client.post(f"/vacatures/{vacancy.id}/beoordelen",
                           data={"decision": "existing", "employer_id": foreign_employer.id})
    assert "Kies een werkgever van uw organisatie" in visible_text(response.get_data(as_text=True))
    response = client.post(f"/vacatures/{vacancy.id}/beoordelen", data={"decision": ""})
    assert "Kies een besluit." in visible_text(response.get_data(as_text=True))
    client.post(f"/vacatures/{vacancy.id}/beoordelen", data={"decision": "reject", "reason": "Geen echte vacature"})
    db.session.expire_all()
    vacancy = db.session.get(Vacancy, vacancy.id)
    assert vacancy.status == VacancyStatus.CLOSED and vacancy.rejection_reason == "Geen echte vacature"
    again = client.get(f"/vacatures/{vacancy.id}/beoordelen", follow_redirects=True)
    assert "Deze vacature is al beoordeeld." in visible_text(again.get_data(as_text=True))


def test_submissions_are_never_shown_to_partners(client, db, org, other_org, as_role):
    _submit(client)
    vacancy = db.session.scalar(select(Vacancy))
    as_role(Role.COORDINATOR, other_org)
    assert client.get("/vacatures/aanmeldingen").get_data(as_text=True).count("Bakkershulp") == 0
    assert client.get(f"/vacatures/{vacancy.id}/beoordelen").status_code == 404
    assert client.get(f"/vacatures/{vacancy.id}").status_code == 404


def test_existing_employer_is_found_by_name_without_a_select_of_every_employer(client, db, org, as_role,
                                                                              make_employer):
    for n in range(30):
        make_employer(name=f"Werkgever {n:02d}")
    bakery = make_employer(name="Bakkerij Bol", kvk="87654321")
    make_employer(name="Bakkerij Brood")
    _submit(client)
    as_role(Role.COORDINATOR)
    vacancy = db.session.scalar(select(Vacancy))
    page = client.get(f"/vacatures/{vacancy.id}/beoordelen").get_data(as_text=True)
    assert "Werkgever 07" not in page and "<option" not in page

    url = f"/vacatures/{vacancy.id}/beoordelen"
    response = client.post(url, data={"decision": "existing", "employer": "Bakkerij"})
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "Er zijn meerdere werkgevers gevonden. Kies de juiste." in text
    assert "Bakkerij Bol" in text and "Bakkerij Brood" in text and "Werkgever 07" not in text
    response = client.post(url, data={"decision": "existing", "employer": "Geen Zulke BV"})
    assert "Geen werkgever gevonden met deze naam of dit KvK-nummer." in visible_text(response.get_data(as_text=True))
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).status == VacancyStatus.SUBMITTED

    client.post(url, data={"decision": "existing", "employer": "87654321"})
    db.session.expire_all()
    accepted = db.session.get(Vacancy, vacancy.id)
    assert (accepted.status, accepted.employer_id) == (VacancyStatus.OPEN, bakery.id)
