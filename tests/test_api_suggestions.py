"""GET /api/v1/vacancies/<external_id>/suggestions: the contract's JSON, hard requirements kept."""
import json
from pathlib import Path

import pytest

from models.accounts import api_tokens
from models.taxonomy.loading import load_taxonomy

pytestmark = pytest.mark.usefixtures("index_snapshots")  # the worker's snapshot, as after its first build

EXAMPLE = (Path(__file__).parent / "data" / "example.json").read_bytes()


def bearer(db, organisation) -> dict:
    _token, plaintext = api_tokens.create_token(db.session, organisation.id, "test")
    db.session.commit()
    return {"Authorization": f"Bearer {plaintext}"}


def test_suggestions_follow_the_contract_and_never_break_a_hard_requirement(client, db, org):
    load_taxonomy(db.session)
    db.session.commit()
    headers = bearer(db, org)
    imported = client.post("/api/v1/import", data=EXAMPLE, headers=headers, content_type="application/json")
    assert imported.status_code == 200, imported.json

    response = client.get("/api/v1/vacancies/V-1001/suggestions?top=5", headers=headers)
    assert response.status_code == 200
    body = response.json
    assert body["vacancy"] == "V-1001"
    candidates = [s["candidate"] for s in body["suggestions"]]
    assert "K-20017" in candidates
    assert "K-20018" not in candidates  # Henk: 16-24 h, 10 km from Lelystad, cannot reach Dronten
    first = body["suggestions"][0]
    assert set(first) == {"candidate", "score", "reasons"}
    assert 0 < first["score"] <= 1 and all(isinstance(r, str) for r in first["reasons"])
    json.dumps(body)  # plain JSON all the way down


def test_unknown_or_foreign_vacancy_is_404_and_bad_top_is_400(client, db, org, other_org):
    headers = bearer(db, org)
    client.post("/api/v1/import", data=EXAMPLE, headers=headers, content_type="application/json")
    stranger = bearer(db, other_org)
    assert client.get("/api/v1/vacancies/V-1001/suggestions", headers=stranger).status_code == 404
    assert client.get("/api/v1/vacancies/V-404/suggestions", headers=headers).status_code == 404
    bad = client.get("/api/v1/vacancies/V-1001/suggestions?top=0", headers=headers)
    assert bad.status_code == 400 and "top: must be a whole number from 1 to 100" in bad.json["errors"]
    assert client.get("/api/v1/vacancies/V-1001/suggestions").status_code == 401


def test_suggestions_leave_out_who_scores_under_the_staff_pages_minimum(app, client, db, org):
    """The API lists nobody the suggestions page would leave out: MATCH_MIN_SCORE holds for both."""
    load_taxonomy(db.session)
    db.session.commit()
    headers = bearer(db, org)
    client.post("/api/v1/import", data=EXAMPLE, headers=headers, content_type="application/json")
    app.config["MATCH_MIN_SCORE"] = 0.0
    everyone = client.get("/api/v1/vacancies/V-1001/suggestions?top=100", headers=headers).json["suggestions"]
    assert everyone
    best = max(s["score"] for s in everyone)
    app.config["MATCH_MIN_SCORE"] = round(best - 0.0001, 4)  # the best still meets it
    assert [s["candidate"] for s in client.get("/api/v1/vacancies/V-1001/suggestions?top=100",
                                               headers=headers).json["suggestions"]] == [everyone[0]["candidate"]]
    app.config["MATCH_MIN_SCORE"] = round(best + 0.0001, 4)  # nobody does: the staff page would list nobody
    listed = client.get("/api/v1/vacancies/V-1001/suggestions?top=100", headers=headers).json["suggestions"]
    assert listed == []
