"""Idempotency-Key on the API's import: a retry gets the first answer and writes nothing again."""
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import AuditEvent, IdempotencyKey
from models.accounts import api_tokens

EXAMPLE = Path(__file__).parent / "data" / "example.json"


@pytest.fixture
def headers(db, other_org):
    _token, plaintext = api_tokens.create_token(db.session, other_org.id, "test")
    db.session.commit()
    return {"Authorization": f"Bearer {plaintext}", "Content-Type": "application/json"}


def imports(db) -> int:
    return db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action.like("import%")))


def test_a_retry_with_the_same_key_gets_the_first_answer_and_writes_nothing(client, db, headers):
    body = EXAMPLE.read_bytes()
    first = client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": "a1b2-c3"})
    assert first.status_code == 200 and "Idempotent-Replayed" not in first.headers
    created = first.json["counts"]["candidates"]["created"]
    assert created > 0
    logged = imports(db)
    again = client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": "a1b2-c3"})
    assert again.status_code == 200 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json == first.json  # the first answer ("created"), not a second run's ("unchanged")
    assert imports(db) == logged  # the import did not run again
    other_key = client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": "new-key"})
    assert other_key.json["counts"]["candidates"] == {"created": 0, "updated": 0, "unchanged": created}


def test_a_key_reused_for_another_body_or_malformed_is_refused_clearly(client, db, headers):
    body = EXAMPLE.read_bytes()
    assert client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": "k1"}).status_code == 200
    changed = json.loads(body)
    changed["candidates"] = changed["candidates"][:1]
    response = client.post("/api/v1/import", data=json.dumps(changed), headers={**headers, "Idempotency-Key": "k1"})
    assert response.status_code == 422
    assert response.json["error"]["message"] == \
        "Idempotency-Key: this key was used for a different body; use a new key."
    for bad in ("", "x" * 201, "met spatie"):
        response = client.post("/api/v1/import", data=body, headers={**headers, "Idempotency-Key": bad})
        assert response.status_code == 400, bad
        assert response.json["error"]["message"].startswith("Idempotency-Key: send 1 to 200 visible ASCII")
    assert db.session.scalar(select(func.count(IdempotencyKey.id))) == 1


def test_a_refused_import_keeps_no_key(client, db, headers):
    response = client.post("/api/v1/import", data=b'{"format": "werkbrug-import/9"}',
                           headers={**headers, "Idempotency-Key": "k2"})
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(IdempotencyKey.id))) == 0


def test_keys_are_forgotten_after_a_day(app, db, client, headers):
    from datetime import UTC, datetime, timedelta

    from models.common import clock
    from web.queue import duties

    start = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    with clock.frozen(start):
        client.post("/api/v1/import", data=EXAMPLE.read_bytes(), headers={**headers, "Idempotency-Key": "k3"})
    with clock.frozen(start + timedelta(hours=25)):
        assert duties.prune_idempotency_keys() == "deleted 1 key(s) and form token(s) older than 24 hours"
