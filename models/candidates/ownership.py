"""Who owns which field of a candidate: the source system, or a person once they changed it.

The rule (README, "Candidate file: who owns a field"):
- Name, birth date, address, experience, about and target groups belong to the source system:
  read-only in Werkbrug, corrected at the source.
- The fields in ``PROTECTED`` are delivered by the source but staff may change them. Once a person
  changed one, the import leaves it alone and reports it (client number and field, never the
  value) until the source delivers the same value again; then the source owns it again.
- Everything else (status, plan, screening route, trajectories, ...) is kept in Werkbrug only.
Pure code: no session.
"""
from __future__ import annotations

from datetime import date, datetime

# Field name on the edit form / import record -> how to read the current value off a Candidate.
PROTECTED: dict[str, str] = {
    "email": "personal.email", "phone": "personal.phone",
    "education": "education", "dutch_level": "dutch_level",
    "hours_min": "hours_min", "hours_max": "hours_max", "max_travel_km": "max_travel_km",
    "available_from": "available_from", "driving_licences": "driving_licences",
    "certificates": "certificates", "desired_occupations": "desired_occupations", "skills": "skills",
    "ladder": "ladder", "ladder_assessed_on": "ladder_assessed_on",
    "expected_ladder": "expected_ladder", "expected_ladder_on": "expected_ladder_on",
    "plan_date": "plan_updated_on", "owner_email": "owner.email",
    "screening_route": "screening_route.code", "screened_on": "screened_on",
    "publish_consent": "publish_consent", "consent_until": "consent_until",
}
LIST_FIELDS = {"driving_licences", "certificates", "desired_occupations", "skills"}
# Kept in Werkbrug, optional in the format: a record without the field says nothing about it.
OPTIONAL_IN_FORMAT = {"expected_ladder", "expected_ladder_on", "plan_date", "owner_email", "screening_route",
                      "screened_on"}
SOURCE_ONLY = ("first_name", "last_name", "birth_date", "postcode", "city", "experience", "about", "target_groups")


def current_value(candidate, field: str):
    """The candidate's value of an import ``field``, written as the import format writes it."""
    value = candidate
    for part in PROTECTED[field].split("."):
        value = getattr(value, part, None) if value is not None else None
    if isinstance(value, date | datetime):
        return value.isoformat()
    if field in LIST_FIELDS:
        return list(value or [])
    if field == "publish_consent":
        return bool(value)
    return getattr(value, "value", value)


def import_value(record: dict, field: str):
    """The value a record delivers for ``field`` (absent: empty), comparable with current_value."""
    if field in LIST_FIELDS:
        return list(record.get(field) or [])
    if field == "publish_consent":
        return bool(record.get(field, False))
    return record.get(field)


def mark_edited(candidate, fields, at: datetime) -> None:
    """Note that a person changed ``fields`` (import names) at ``at``."""
    edited = dict(candidate.edited_fields or {})
    for field in fields:
        if field in PROTECTED:
            edited[field] = at.isoformat()
    candidate.edited_fields = edited


def merge_protected(candidate, record: dict) -> tuple[dict, list[str]]:
    """The record with every person-edited field replaced by the current value; the skipped fields.

    A field whose delivered value equals the current one is handed back to the source
    (removed from ``edited_fields``), so the protection lasts only while the two differ.
    """
    edited = dict(candidate.edited_fields or {})
    if not edited:
        return record, []
    merged, skipped = dict(record), []
    for field in list(edited):
        if field not in PROTECTED or (field in OPTIONAL_IN_FORMAT and field not in record):
            continue
        mine = current_value(candidate, field)
        if import_value(record, field) == mine:
            del edited[field]
            continue
        skipped.append(field)
        if mine is None or mine == []:
            merged.pop(field, None)
        else:
            merged[field] = mine
    candidate.edited_fields = edited
    return merged, sorted(skipped)
