"""Vacancies as the API shows them: business data only, never candidates or submitters' details."""
from __future__ import annotations

from datetime import UTC, datetime

from models.vacancies.vacancy import Vacancy


def _iso(value):
    return value.isoformat() if value is not None else None


def _timestamp(value: datetime | None) -> str | None:
    """An RFC 3339 timestamp in UTC ("2026-11-23T08:00:00Z"); stored times are UTC (SQLite drops the zone)."""
    if value is None:
        return None
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.isoformat().replace("+00:00", "Z")


def vacancy_json(vacancy: Vacancy, org_id: int) -> dict:
    """The API representation of ``vacancy`` for the token's organisation ``org_id``."""
    own = vacancy.organisation_id == org_id
    employer = vacancy.employer
    return {
        "external_id": vacancy.external_id,
        "organisation": vacancy.organisation.key,
        "shared": not own,
        "employer": None if employer is None else {
            "name": employer.name, "kvk": employer.kvk, "external_id": employer.external_id if own else None,
        },
        "title": vacancy.title,
        "occupation": vacancy.occupation,
        "description": vacancy.description,
        "required_skills": list(vacancy.required_skills or []),
        "preferred_skills": list(vacancy.preferred_skills or []),
        "hours_min": vacancy.hours_min,
        "hours_max": vacancy.hours_max,
        "postcode": vacancy.postcode,
        "city": vacancy.city,
        "education_min": vacancy.education_min.value if vacancy.education_min else None,
        "driving_licence": vacancy.driving_licence,
        "dutch_min": vacancy.dutch_min.value if vacancy.dutch_min else None,
        "start_date": _iso(vacancy.start_date),
        "closing_date": _iso(vacancy.closing_date),
        "status": vacancy.status.value,
        "created_at": _timestamp(vacancy.created_at),
        "updated_at": _timestamp(vacancy.updated_at),
    }
