"""The vacancy form finds its employer by name or KvK number instead of listing every employer."""
from sqlalchemy import select

from models import Vacancy
from models.enums import Role
from tests.helpers import visible_text
from tests.test_vacancies import form_data


def data_for(owner, **overrides):
    return {**form_data(owner), **overrides}


def post(client, owner, **overrides):
    data = data_for(owner, **overrides)
    data.pop("employer_id")
    return client.post("/vacatures/nieuw", data=data, follow_redirects=True)


def test_employer_is_found_by_exact_name_or_kvk(as_role, client, db, make_employer):
    kruimel = make_employer(name="Bakkerij Kruimel", kvk="87654321")
    make_employer(name="Bakkerij Kruimeltje")
    as_role(Role.ACCOUNT_MANAGER)
    response = post(client, kruimel, employer="bakkerij kruimel")
    assert "Vacature ‘Orderpicker’ is opgeslagen." in visible_text(response.get_data(as_text=True))
    response = post(client, kruimel, employer="87654321", title="Kok")
    assert "Vacature ‘Kok’ is opgeslagen." in visible_text(response.get_data(as_text=True))
    assert [v.employer_id for v in db.session.scalars(select(Vacancy))] == [kruimel.id, kruimel.id]


def test_several_matches_offer_a_choice_and_the_choice_saves(as_role, client, db, make_employer, make_org):
    first = make_employer(name="Bakkerij Bol", city="Dronten")
    make_employer(name="Bakkerij Kruimel", city="Lelystad")
    make_employer(make_org("almere"), name="Bakkerij Almere")
    as_role(Role.ACCOUNT_MANAGER)
    response = post(client, first, employer="bakkerij")
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "Er zijn meerdere werkgevers gevonden. Kies de juiste." in text
    assert "Bakkerij Bol (Dronten" in text and "Bakkerij Kruimel (Lelystad" in text and "Almere" not in text
    assert db.session.scalar(select(Vacancy)) is None
    data = data_for(first, employer="bakkerij")  # the choice, with the text still typed
    response = client.post("/vacatures/nieuw", data=data, follow_redirects=True)
    assert "Vacature ‘Orderpicker’ is opgeslagen." in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(Vacancy)).employer_id == first.id


def test_no_match_and_another_organisations_employer_are_refused(as_role, client, db, make_employer, make_org):
    stranger = make_employer(make_org("almere"), name="Bakkerij Almere", kvk="11112222")
    as_role(Role.ACCOUNT_MANAGER)
    for typed in ("Bakkerij Almere", "11112222", "niemand"):
        response = post(client, stranger, employer=typed)
        assert response.status_code == 422, typed
        assert "Geen werkgever gevonden met deze naam of dit KvK-nummer." in visible_text(response.get_data(as_text=True))
    response = client.post("/vacatures/nieuw", data=data_for(stranger, employer="Bakkerij Almere"))
    assert response.status_code == 422  # a forged id of another organisation does not count either
    assert db.session.scalar(select(Vacancy)) is None


def test_the_form_page_stays_small_with_many_employers(as_role, client, make_employer):
    for n in range(60):
        make_employer(name=f"Werkgever {n:02d}")
    as_role(Role.ACCOUNT_MANAGER)
    html = client.get("/vacatures/nieuw").get_data(as_text=True)
    assert "Werkgever 00" not in html and "<option" not in html.split('name="employer"')[1].split("</div>")[0]
