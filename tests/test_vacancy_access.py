"""Who may use which vacancy, sharing, review and token route: every role, own and other organisations."""
import pytest

from models import Vacancy
from models.accounts import api_tokens
from models.enums import Role, VacancyStatus

AM, MATCHER, COORD, ADMIN, EMPLOYER = (Role.ACCOUNT_MANAGER, Role.MATCHER, Role.COORDINATOR, Role.ADMIN,
                                       Role.EMPLOYER)
READ = {AM, MATCHER, COORD}
REGISTER = {AM, COORD}
MATCHING = {MATCHER, COORD}
USERS = {COORD, ADMIN}

# (method, url with {own} {shared_in} {foreign} {submitted} {partner} {token} {foreign_token}, who may, foreign url)
ROUTES = [
    ("GET", "/vacatures/", READ, None),
    ("GET", "/vacatures/export.csv", REGISTER, None),
    ("GET", "/vacatures/nieuw", REGISTER, None),
    ("GET", "/vacatures/{own}", READ, "/vacatures/{foreign}"),
    ("GET", "/vacatures/{own}/bewerken", REGISTER, "/vacatures/{shared_in}/bewerken"),
    ("GET", "/vacatures/{own}/geschiedenis", READ, "/vacatures/{shared_in}/geschiedenis"),
    ("POST", "/vacatures/{own}/delen", REGISTER, "/vacatures/{shared_in}/delen"),
    ("POST", "/vacatures/{own}/delen/{partner}/stoppen", REGISTER, "/vacatures/{foreign}/delen/{partner}/stoppen"),
    ("POST", "/vacatures/{shared_in}/voordragen", MATCHING, "/vacatures/{foreign}/voordragen"),
    ("GET", "/vacatures/aanmeldingen", REGISTER, None),
    ("GET", "/vacatures/{submitted}/beoordelen", REGISTER, "/vacatures/{foreign_submitted}/beoordelen"),
    ("GET", "/beheer/api-tokens/", USERS, None),
    ("POST", "/beheer/api-tokens/{token}/intrekken", USERS, "/beheer/api-tokens/{foreign_token}/intrekken"),
]


@pytest.fixture
def world(db, org, other_org, make_vacancy):
    own = make_vacancy(title="Eigen", shared_with=[other_org])
    shared_in = make_vacancy(organisation=other_org, title="Binnen", shared_with=[org])
    foreign = make_vacancy(organisation=other_org, title="Vreemd")
    submitted = make_vacancy(title="Aangemeld", status=VacancyStatus.SUBMITTED)
    foreign_submitted = make_vacancy(organisation=other_org, status=VacancyStatus.SUBMITTED)
    token, _ = api_tokens.create_token(db.session, org.id, "eigen")
    foreign_token, _ = api_tokens.create_token(db.session, other_org.id, "vreemd")
    db.session.commit()
    return {"own": own.id, "shared_in": shared_in.id, "foreign": foreign.id, "submitted": submitted.id,
            "foreign_submitted": foreign_submitted.id, "partner": other_org.id, "token": token.id,
            "foreign_token": foreign_token.id}


def _call(client, method, url):
    data = {"confirm": "1", "organisations": [], "candidate_id": ""}
    return client.get(url) if method == "GET" else client.post(url, data=data)


@pytest.mark.parametrize("role", [AM, MATCHER, COORD, ADMIN, EMPLOYER])
def test_role_matrix(role, world, as_role, client, db):
    as_role(role)
    for method, template, allowed, foreign_template in ROUTES:
        response = _call(client, method, template.format(**world))
        where = f"{role} {method} {template}"
        if role in allowed:
            assert response.status_code not in (401, 403, 404), where
            if foreign_template:
                assert _call(client, method, foreign_template.format(**world)).status_code == 404, where
        else:
            assert response.status_code == 403, where


def test_anonymous_visitors_are_sent_to_login(world, client):
    for method, template, _allowed, _foreign in ROUTES:
        response = _call(client, method, template.format(**world))
        assert response.status_code == 302 and "/inloggen" in response.headers["Location"], template


def test_public_submission_needs_no_login(client, org):
    assert client.get("/vacature-aanmelden").status_code == 200
    assert client.get("/vacature-aanmelden/bedankt").status_code == 200


def test_tokens_only_see_their_own_and_shared(world, client, db, org, other_org, make_org, make_vacancy):
    third = make_org("almere")
    make_vacancy(organisation=third, title="Derde", external_id="D-1")
    tokens = {}
    for organisation in (org, other_org, third):
        _row, tokens[organisation.key] = api_tokens.create_token(db.session, organisation.id, "t")
    db.session.commit()

    def titles(key):
        response = client.get("/api/v1/vacancies", headers={"Authorization": f"Bearer {tokens[key]}"})
        return {v["title"] for v in response.json["data"]}

    assert titles("dronten") == {"Eigen", "Binnen"}
    assert titles("uwv-flevoland") == {"Eigen", "Binnen", "Vreemd"}
    assert titles("almere") == {"Derde"}
    foreign = db.session.get(Vacancy, world["foreign"]).external_id
    response = client.get(f"/api/v1/vacancies/{foreign}", headers={"Authorization": f"Bearer {tokens['dronten']}"})
    assert response.status_code == 404
    response = client.get(f"/api/v1/vacancies/{foreign}", headers={"Authorization": f"Bearer {tokens['uwv-flevoland']}"})
    assert response.status_code == 200
