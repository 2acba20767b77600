"""The partner API: tokens, vacancies own and shared, the import, errors as JSON, the OpenAPI document."""
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openapi_spec_validator import validate
from sqlalchemy import select

from models import ApiToken, AuditEvent, Candidate, Vacancy
from models.accounts import api_tokens
from models.common import clock
from models.enums import Role, VacancyStatus
from tests.helpers import visible_text
from web.api.openapi import document

EXAMPLE = Path(__file__).parent / "data" / "example.json"


@pytest.fixture
def token_for(db):
    def make(organisation) -> str:
        _token, plaintext = api_tokens.create_token(db.session, organisation.id, "test")
        db.session.commit()
        return plaintext
    return make


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_coordinator_creates_a_token_shown_once_and_revokes_it(as_role, client, db, org):
    as_role(Role.COORDINATOR)
    page = client.get("/beheer/api-tokens/")
    assert page.status_code == 200 and "API-tokens" in visible_text(page.get_data(as_text=True))
    html = client.post("/beheer/api-tokens/", data={"name": "Suite4 export"}).get_data(as_text=True)
    plaintext = html.split('id="new-token">')[1].split("<")[0]
    token = db.session.scalar(select(ApiToken))
    assert token.token_hash == api_tokens.hash_token(plaintext) and plaintext not in token.token_hash
    assert token.prefix == plaintext[:12] and token.organisation_id == org.id
    assert plaintext not in client.get("/beheer/api-tokens/").get_data(as_text=True)
    assert client.get("/api/v1/vacancies", headers=bearer(plaintext)).status_code == 200
    db.session.expire_all()
    assert db.session.get(ApiToken, token.id).last_used_at is not None
    client.post(f"/beheer/api-tokens/{token.id}/intrekken", data={"confirm": "1"})
    response = client.get("/api/v1/vacancies", headers=bearer(plaintext))
    assert response.status_code == 401 and "revoked" in response.json["error"]["message"]
    assert {"api_token_created", "api_token_revoked"} <= set(db.session.scalars(select(AuditEvent.action)))


def test_token_needs_a_name(as_role, client):
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/api-tokens/", data={"name": " "})
    assert response.status_code == 422 and "Geef het token een naam" in visible_text(response.get_data(as_text=True))


def test_missing_or_bad_token_is_401_with_www_authenticate(client, org):
    for headers in ({}, {"Authorization": "Basic abc"}, bearer("wbk_not-a-real-token")):
        response = client.get("/api/v1/vacancies", headers=headers)
        assert response.status_code == 401 and response.is_json
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.json["error"]["message"]


def test_list_shows_own_and_shared_never_others(client, org, other_org, make_org, make_vacancy, token_for):
    third = make_org("almere")
    make_vacancy(title="Eigen", external_id="E-1")
    make_vacancy(organisation=other_org, title="Gedeeld", external_id="G-1", shared_with=[org])
    make_vacancy(organisation=other_org, title="Geheim", external_id="S-1")
    make_vacancy(organisation=third, title="Ander", external_id="A-1", shared_with=[other_org])
    make_vacancy(title="Aangemeld", status=VacancyStatus.SUBMITTED)
    response = client.get("/api/v1/vacancies", headers=bearer(token_for(org)))
    assert response.status_code == 200
    data = {v["title"]: v for v in response.json["data"]}
    assert set(data) == {"Eigen", "Gedeeld"}
    assert data["Gedeeld"]["shared"] is True and data["Gedeeld"]["organisation"] == "uwv-flevoland"
    assert data["Gedeeld"]["employer"]["external_id"] is None and data["Eigen"]["shared"] is False
    partner = client.get("/api/v1/vacancies", headers=bearer(token_for(other_org))).json["data"]
    assert {v["title"] for v in partner} == {"Gedeeld", "Geheim", "Ander"}


def test_single_vacancy_own_first_then_shared_else_404(client, org, other_org, make_vacancy, token_for):
    make_vacancy(title="Eigen versie", external_id="X-1")
    make_vacancy(organisation=other_org, title="Partnerversie", external_id="X-1", shared_with=[org])
    make_vacancy(organisation=other_org, title="Alleen gedeeld", external_id="X-2", shared_with=[org])
    make_vacancy(organisation=other_org, title="Niet gedeeld", external_id="X-3")
    token = token_for(org)
    assert client.get("/api/v1/vacancies/X-1", headers=bearer(token)).json["title"] == "Eigen versie"
    assert client.get("/api/v1/vacancies/X-2", headers=bearer(token)).json["title"] == "Alleen gedeeld"
    hidden = client.get("/api/v1/vacancies/X-3", headers=bearer(token))
    assert hidden.status_code == 404 and hidden.is_json and "Niet gedeeld" not in hidden.get_data(as_text=True)
    assert client.get("/api/v1/vacancies/bestaat-niet", headers=bearer(token)).status_code == 404


def test_pagination_and_updated_since(client, db, org, make_vacancy, token_for):
    old = make_vacancy(title="Oud")
    old.updated_at = datetime(2025, 1, 1, tzinfo=UTC)
    db.session.commit()
    db.session.execute(Vacancy.__table__.update().where(Vacancy.id == old.id).values(updated_at=datetime(2025, 1, 1)))
    db.session.commit()
    for n in range(4):
        make_vacancy(title=f"Nieuw {n}")
    token = token_for(org)
    first = client.get("/api/v1/vacancies?per_page=2", headers=bearer(token)).json
    assert first["total"] == 5 and len(first["data"]) == 2 and first["data"][0]["title"] == "Oud"
    assert first["next"].startswith("/api/v1/vacancies?") and "page=2" in first["next"]  # no BASE_URL: a path
    last = client.get("/api/v1/vacancies?per_page=2&page=3", headers=bearer(token)).json
    assert len(last["data"]) == 1 and last["next"] is None
    since = (clock.utcnow() - timedelta(days=1)).isoformat()
    recent = client.get("/api/v1/vacancies", query_string={"updated_since": since}, headers=bearer(token)).json
    assert recent["total"] == 4 and "Oud" not in {v["title"] for v in recent["data"]}
    assert client.get("/api/v1/vacancies?updated_since=2025-06-01", headers=bearer(token)).json["total"] == 4
    bad = client.get("/api/v1/vacancies?updated_since=gisteren&per_page=500", headers=bearer(token))
    assert bad.status_code == 400
    assert any(e.startswith("updated_since:") for e in bad.json["errors"])
    assert any(e.startswith("per_page:") for e in bad.json["errors"])


def test_import_writes_for_the_tokens_organisation(client, db, org, other_org, token_for):
    body = EXAMPLE.read_bytes()
    response = client.post("/api/v1/import", data=body, headers={**bearer(token_for(other_org)),
                                                                 "Content-Type": "application/json"})
    assert response.status_code == 200, response.json
    assert response.json["organisation"] == "uwv-flevoland"
    created = response.json["counts"]["candidates"]["created"]
    assert created > 0
    assert set(db.session.scalars(select(Candidate.organisation_id))) == {other_org.id}
    again = client.post("/api/v1/import", data=body, headers={**bearer(token_for(other_org)),
                                                              "Content-Type": "application/json"})
    assert again.json["counts"]["candidates"] == {"created": 0, "updated": 0, "unchanged": created}


def test_import_errors_are_422_with_paths_and_write_nothing(client, db, org, token_for):
    data = json.loads(EXAMPLE.read_text())
    data["candidates"][0]["birth_date"] = "31-02-1980"
    response = client.post("/api/v1/import", json=data, headers=bearer(token_for(org)))
    assert response.status_code == 422
    assert any(e.startswith("candidates[0].birth_date:") for e in response.json["errors"])
    assert response.json["error"]["message"].startswith("The import was refused")
    assert db.session.scalar(select(Candidate)) is None
    broken = client.post("/api/v1/import", data=b"{not json", headers={**bearer(token_for(org)),
                                                                       "Content-Type": "application/json"})
    assert broken.status_code == 422 and broken.json["errors"]


def test_import_needs_json_and_respects_the_size_limit(app, client, org, token_for):
    token = token_for(org)
    response = client.post("/api/v1/import", data=b"format=x", headers={**bearer(token),
                                                                       "Content-Type": "text/plain"})
    assert response.status_code == 415 and response.is_json
    app.config["MAX_CONTENT_LENGTH"] = 100
    response = client.post("/api/v1/import", data=b"{" + b" " * 200 + b"}",
                           headers={**bearer(token), "Content-Type": "application/json"})
    assert response.status_code == 413 and response.is_json


def test_api_needs_no_csrf_and_unknown_routes_are_json(client, app, org, token_for):
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post("/api/v1/import", json={"format": "werkbrug-import/1"}, headers=bearer(token_for(org)))
    assert response.status_code == 200
    missing = client.get("/api/v1/nergens", headers=bearer(token_for(org)))
    assert missing.status_code == 404 and missing.is_json


def test_openapi_document_is_valid_and_public(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json
    validate(spec)
    validate(document())
    assert {"/vacancies", "/vacancies/{external_id}", "/import"} <= set(spec["paths"])
    assert spec["servers"][0]["url"] == "/api/v1"
