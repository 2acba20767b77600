"""The checker that validates every API response of the suite (tests/openapi_check.py) can fail:
it refuses what the penetration test found (timestamps without a zone, undocumented statuses)."""
from __future__ import annotations

from tests.openapi_check import violations_of

VACANCY = {"external_id": "V-1", "organisation": "dronten", "shared": False, "title": "Heftruckchauffeur",
           "status": "open", "created_at": "2026-11-23T08:00:00Z", "updated_at": "2026-11-23T08:00:00+01:00"}


def test_a_conforming_vacancy_passes():
    assert violations_of("/api/v1/vacancies/V-1", "GET", 200, VACANCY) == []


def test_a_timestamp_without_a_zone_is_a_violation():
    (problem,) = violations_of("/api/v1/vacancies/V-1", "GET", 200, {**VACANCY, "updated_at": "2026-11-23T08:00:00"})
    assert "updated_at" in problem and "is not a 'date-time'" in problem


def test_an_undocumented_status_is_a_violation():
    assert violations_of("/api/v1/vacancies", "GET", 409, {}) == ["GET /vacancies: status 409 is not documented"]


def test_an_undocumented_path_is_a_violation_unless_404():
    assert violations_of("/api/v1/secret", "GET", 200, {})
    assert violations_of("/api/v1/secret", "GET", 404, {}) == []


def test_the_import_body_allows_exactly_the_top_level_keys_the_import_accepts():
    from models.importing.validate import schema
    from web.api.openapi import SCHEMAS

    body = SCHEMAS["ImportBody"]
    assert body["additionalProperties"] is False
    assert set(body["properties"]) == set(schema()["properties"])
