"""Mapping validated import records to column values of the models."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from models.common import identifiers
from models.enums import TermKind
from models.events import point_values
from models.taxonomy.sectors import sector_of
from models.taxonomy.terms import TermLinker


def record_hash(record: dict) -> str:
    """A stable fingerprint of a record's content (x_ fields left out): same hash, no change."""
    data = {k: v for k, v in record.items() if not k.startswith("x_")}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def format_postcode(value: str | None) -> str | None:
    """'1234ab' → '1234 AB'; PC4 stays '1234'."""
    return identifiers.clean_postcode(value, pc4=True)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def employer_values(r: dict) -> dict[str, Any]:
    return {
        "name": r["name"].strip(), "kvk": r.get("kvk"), "sector": sector_of(r.get("sector")),
        "sector_unmapped": None if sector_of(r.get("sector")) else ((r.get("sector") or "").strip()[:200] or None),
        "postcode": format_postcode(r.get("postcode")), "city": r.get("city"), "size": r.get("size"),
        "social_enterprise": bool(r.get("social_enterprise", False)),
    }


def vacancy_values(r: dict, employer_id: int, linker: TermLinker | None = None) -> dict[str, Any]:
    occupation = r.get("occupation")
    return {
        **point_values(r.get("postcode"), r.get("city")),
        "occupation_concept_id": linker.link(occupation, "occupation")[0] if linker and occupation else None,
        "employer_id": employer_id, "title": r["title"].strip(), "occupation": r.get("occupation"),
        "description": r.get("description"),
        "required_skills": list(r.get("required_skills", [])),
        "preferred_skills": list(r.get("preferred_skills", [])),
        "hours_min": r.get("hours_min"), "hours_max": r.get("hours_max"),
        "postcode": format_postcode(r.get("postcode")), "city": r.get("city"),
        "education_min": r.get("education_min"), "driving_licence": r.get("driving_licence"),
        "dutch_min": r.get("dutch_min"), "start_date": _date(r.get("start_date")),
        "status": r.get("status", "open"),
    }


def vacancy_terms(r: dict, linker: TermLinker) -> list[dict[str, Any]]:
    out = []
    for required, key in ((True, "required_skills"), (False, "preferred_skills")):
        for wording in r.get(key, []):
            concept_id, confidence = linker.link(wording, "skill")
            out.append({"required": required, "wording": wording[:200], "concept_id": concept_id,
                        "confidence": confidence})
    return out


# Columns kept in Werkbrug that a source system may deliver: an update leaves them as they are
# when the record does not carry the field (older exports know nothing of them).
OPTIONAL_COLUMNS = {
    "expected_ladder": ("expected_ladder", "expected_ladder_on"), "plan_date": ("plan_updated_on",),
    "plan_review_on": ("next_review_on",), "owner_email": ("owner_id",),
    "screening_route": ("screening_route_id", "screened_on"),
}


def absent_columns(r: dict) -> set[str]:
    """The optional columns an update must not touch because ``r`` does not deliver their field."""
    return {col for key, cols in OPTIONAL_COLUMNS.items() if key not in r for col in cols}


def candidate_values(r: dict, owner_ids: dict[str, int] | None = None,
                     route_ids: dict[str, int] | None = None) -> dict[str, Any]:
    """Column values of a candidate record; ``owner_ids`` by lower-case e-mail, ``route_ids`` by code."""
    consent = bool(r.get("publish_consent", False))
    expected = r.get("expected_ladder")
    owner = (r.get("owner_email") or "").strip().lower()
    route = r.get("screening_route")
    return {
        "expected_ladder": expected,
        "expected_ladder_on": _date(r.get("expected_ladder_on") or r.get("ladder_assessed_on")) if expected else None,
        "plan_updated_on": _date(r.get("plan_date")), "next_review_on": _date(r.get("plan_review_on")),
        "owner_id": (owner_ids or {}).get(owner) if owner else None,
        "screening_route_id": (route_ids or {}).get(route) if route else None,
        "screened_on": _date(r.get("screened_on")) if route else None,
        "place": r.get("city"), **point_values(r.get("postcode"), r.get("city")),
        "education": r.get("education"), "dutch_level": r.get("dutch_level"),
        "driving_licences": list(r.get("driving_licences", [])),
        "certificates": list(r.get("certificates", [])),
        "hours_min": r.get("hours_min"), "hours_max": r.get("hours_max"),
        "available_from": _date(r.get("available_from")), "max_travel_km": r.get("max_travel_km"),
        "desired_occupations": list(r.get("desired_occupations", [])),
        "skills": list(r.get("skills", [])), "ladder": r.get("ladder"),
        "ladder_assessed_on": _date(r.get("ladder_assessed_on")),
        "target_groups": list(r.get("target_groups", [])),
        "benefit_since": _date(r.get("benefit_since")),
        "publish_consent": consent, "consent_until": _date(r.get("consent_until")),
    }


def personal_values(r: dict) -> dict[str, Any]:
    return {
        "first_name": r["first_name"], "last_name": r["last_name"],
        "birth_date": date.fromisoformat(r["birth_date"]),
        "postcode": format_postcode(r.get("postcode")), "city": r.get("city"),
        "email": r.get("email"), "phone": r.get("phone"),
        "experience": r.get("experience"), "about": r.get("about"),
    }


KINDS = {TermKind.SKILL: "skill", TermKind.OCCUPATION: "occupation", TermKind.CERTIFICATE: "skill"}
SKILL_LISTS = {"vacancies": ("required_skills", "preferred_skills"), "candidates": ("skills", "certificates")}
OCCUPATION_LISTS = {"vacancies": ("occupation",), "candidates": ("desired_occupations",)}


def prime_linker(linker: TermLinker, list_name: str, records: list[dict]) -> None:
    """Link the distinct wordings of a batch of records at once (far faster than one by one)."""
    for kind, table in (("skill", SKILL_LISTS), ("occupation", OCCUPATION_LISTS)):
        wordings = []
        for r in records:
            for key in table.get(list_name, ()):
                value = r.get(key)
                wordings.extend([value] if isinstance(value, str) else value or [])
        linker.prime(wordings, kind)


def candidate_terms(r: dict, linker: TermLinker) -> list[dict[str, Any]]:
    out = []
    for kind, key in ((TermKind.SKILL, "skills"), (TermKind.OCCUPATION, "desired_occupations"),
                      (TermKind.CERTIFICATE, "certificates")):
        for wording in r.get(key, []):
            concept_id, confidence = linker.link(wording, KINDS[kind])
            out.append({"kind": kind, "wording": wording[:200], "concept_id": concept_id,
                        "confidence": confidence})
    return out


def trajectory_values(item: dict, provider_id: int) -> dict[str, Any]:
    """Column values of one trajectory of a candidate record."""
    return {
        "external_id": item["external_id"], "kind": item["kind"], "provider_id": provider_id,
        "bought_on": _date(item["bought_on"]), "started_on": _date(item.get("started_on")),
        "planned_end_on": _date(item.get("planned_end_on")), "ended_on": _date(item.get("ended_on")),
        "result": item.get("result"), "cost_cents": item.get("cost_cents"),
    }


def ladder_entry(r: dict) -> dict[str, Any] | None:
    """The history row an imported rung stands for (None without a rung and its date)."""
    if r.get("ladder") is None or not r.get("ladder_assessed_on"):
        return None
    return {"rung": r["ladder"], "assessed_on": _date(r["ladder_assessed_on"]),
            "expected_rung": r.get("expected_ladder"), "source": "import"}
