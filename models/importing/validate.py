"""Whole-file validation against werkbrug-import/1: every error with its path, nothing written."""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from models.common import clock, identifiers

from .errors import ErrorList
from .reader import LISTS, NotJson, iter_items

FORMAT = "werkbrug-import/1"
DATE_FIELDS = {"start_date", "birth_date", "available_from", "ladder_assessed_on", "benefit_since", "consent_until",
               "expected_ladder_on", "plan_date", "plan_review_on", "screened_on"}
TRAJECTORY_DATES = ("bought_on", "started_on", "planned_end_on", "ended_on")
# field -> (check, message): the schema's pattern lets through what the identifiers module refuses
# (the letters SA/SD/SS, non-ASCII digits), so both run
IDENTIFIERS = {
    "postcode": (lambda v: identifiers.is_postcode(v, pc4=True),
                 "{} is not a Dutch postcode (1234 AB, 1234AB or 1234)"),
    "kvk": (identifiers.is_kvk, "{} is not a KvK number (8 digits)"),
}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The JSON Schema of the format, as shipped with the contract."""
    text = resources.files(__package__).joinpath("werkbrug-import.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def item_validator(list_name: str) -> Draft202012Validator:
    """A validator for one record of ``list_name``."""
    return Draft202012Validator(schema()["properties"][list_name]["items"])


def _path(list_name: str, index: int, error: ValidationError) -> str:
    path = f"{list_name}[{index}]"
    for part in error.absolute_path:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def _describe(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: ValidationError, field: str) -> str:
    """Turn a jsonschema error into a sentence a person can act on."""
    v, inst, arg = error.validator, error.instance, error.validator_value
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(error.schema.get("properties", {})))
        extra = [k for k in extra if not k.startswith("x_")]
        return f"unknown field(s) {', '.join(repr(k) for k in extra)} (allowed extra fields start with x_)"
    if v == "required":
        return error.message.replace("is a required property", "is required")
    if v == "anyOf" and field == "":
        return "give a postcode or a city (at least one is required)"
    if v == "enum":
        return f"{_describe(inst)} is not one of: {', '.join(str(a) for a in arg)}"
    if v == "pattern" and (field in DATE_FIELDS or field in TRAJECTORY_DATES):
        return f"{_describe(inst)} is not a date (YYYY-MM-DD)"
    if v == "pattern" and field in IDENTIFIERS:
        return IDENTIFIERS[field][1].format(_describe(inst))
    if v == "pattern":
        return f"{_describe(inst)} is not allowed here"
    if v == "type":
        names = {"string": "a text", "integer": "a whole number", "boolean": "true or false",
                 "array": "a list", "object": "an object"}
        wanted = arg if isinstance(arg, str) else arg[0]
        return f"{_describe(inst)} must be {names.get(wanted, wanted)}"
    if v == "minimum":
        return f"{_describe(inst)} is below the minimum {arg}"
    if v == "maximum":
        return f"{_describe(inst)} is above the maximum {arg}"
    if v == "minLength":
        return "must not be empty"
    if v == "maxLength":
        return f"is longer than {arg} characters"
    return error.message


def _check_references(index: int, record: dict, known_owners, known_routes, errors: ErrorList,
                      provider_refs: list) -> None:
    owner = record.get("owner_email")
    if known_owners is not None and isinstance(owner, str) and owner.strip().lower() not in known_owners:
        errors.add(f"candidates[{index}].owner_email",
                   "no active matcher or coordinator of this organisation has this e-mail address")
    route = record.get("screening_route")
    if known_routes is not None and isinstance(route, str) and route not in known_routes:
        known = ", ".join(sorted(known_routes)) or "none configured"
        errors.add(f"candidates[{index}].screening_route", f"{_describe(route)} is not a screening route of this "
                   f"organisation (known: {known})")
    for n, item in enumerate(record.get("trajectories") or []):
        if isinstance(item, dict) and isinstance(item.get("provider"), str):
            provider_refs.append((f"candidates[{index}].trajectories[{n}].provider", item["provider"]))


def _check_record(list_name: str, index: int, record: Any, errors: ErrorList) -> bool:
    """Schema and semantic checks of one record; returns True when it is valid."""
    before = errors.total
    for error in item_validator(list_name).iter_errors(record):
        field = str(error.absolute_path[-1]) if error.absolute_path else ""
        if error.validator == "additionalProperties" or error.validator == "required":
            field = ""
        errors.add(_path(list_name, index, error), _message(error, field))
    if errors.total > before or not isinstance(record, dict):
        return errors.total == before
    for field in DATE_FIELDS & record.keys():
        try:
            date.fromisoformat(record[field])
        except ValueError:
            errors.add(f"{list_name}[{index}].{field}", f"{_describe(record[field])} is not a date (YYYY-MM-DD)")
    for field in IDENTIFIERS.keys() & record.keys():
        if not IDENTIFIERS[field][0](record[field]):
            errors.add(f"{list_name}[{index}].{field}", IDENTIFIERS[field][1].format(_describe(record[field])))
    lo, hi = record.get("hours_min"), record.get("hours_max")
    if lo is not None and hi is not None and lo > hi:
        errors.add(f"{list_name}[{index}].hours_min", f"{_describe(lo)} is more than hours_max {_describe(hi)}")
    if list_name == "candidates":
        _check_candidate_extras(index, record, errors)
    if list_name == "candidates" and "birth_date" in record:
        try:
            if date.fromisoformat(record["birth_date"]) > clock.today():
                errors.add(f"{list_name}[{index}].birth_date", "lies in the future")
        except ValueError:
            pass
    return errors.total == before


def _check_candidate_extras(index: int, record: dict, errors: ErrorList) -> None:
    """Dates inside trajectories, their order, and an expected rung only with a date to date it by."""
    where = f"candidates[{index}]"
    if "expected_ladder" in record and not (record.get("expected_ladder_on") or record.get("ladder_assessed_on")):
        errors.add(f"{where}.expected_ladder", "needs expected_ladder_on or ladder_assessed_on (when it was judged)")
    seen: set[str] = set()
    for n, item in enumerate(record.get("trajectories", [])):
        days = {}
        for key in TRAJECTORY_DATES:
            if key in item:
                try:
                    days[key] = date.fromisoformat(item[key])
                except ValueError:
                    errors.add(f"{where}.trajectories[{n}].{key}", f"{_describe(item[key])} is not a date (YYYY-MM-DD)")
        for later in ("planned_end_on", "ended_on"):
            if later in days and "started_on" in days and days[later] < days["started_on"]:
                errors.add(f"{where}.trajectories[{n}].{later}", "lies before started_on")
        if "result" in item and "ended_on" not in item:
            errors.add(f"{where}.trajectories[{n}].result", "a result needs ended_on")
        if item["external_id"] in seen:
            errors.add(f"{where}.trajectories[{n}].external_id", f"{item['external_id']!r} appears twice")
        seen.add(item["external_id"])


def validate_file(fp: BinaryIO, known_employers: set[str], known_owners: set[str] | None = None,
                  known_routes: set[str] | None = None) -> tuple[ErrorList, dict[str, int]]:
    """Check the whole document; returns the errors and how many records each list holds.

    ``known_employers`` are employer external ids already in the database for this organisation;
    ``known_owners`` the (lower-case) e-mail addresses of staff who may own candidates, and
    ``known_routes`` the organisation's screening-route codes (None: not checked).
    """
    errors = ErrorList()
    counts = {name: 0 for name in LISTS}
    first_seen: dict[str, dict[str, int]] = {name: {} for name in LISTS}
    vacancy_refs: list[tuple[int, str]] = []
    provider_refs: list[tuple[str, str]] = []
    format_value = None
    try:
        for item in iter_items(fp):
            if item.kind == "field":
                if item.key == "format":
                    format_value = item.value
                else:
                    key = item.key if len(item.key) <= 40 else item.key[:37] + "..."
                    errors.add(key, f"unknown field {_describe(item.key)} (allowed: format, {', '.join(LISTS)})")
                continue
            if item.kind == "not_a_list":
                errors.add(item.key, "must be a list ([...])")
                continue
            counts[item.key] += 1
            record = item.value
            _check_record(item.key, item.index, record, errors)
            if not isinstance(record, dict) or not isinstance(record.get("external_id"), str):
                continue
            ext = record["external_id"]
            seen = first_seen[item.key]
            if ext in seen:
                errors.add(
                    f"{item.key}[{item.index}].external_id",
                    f"{_describe(ext)} appears twice in {item.key} (first at {item.key}[{seen[ext]}])",
                )
            else:
                seen[ext] = item.index
            if item.key == "vacancies" and isinstance(record.get("employer"), str):
                vacancy_refs.append((item.index, record["employer"]))
            if item.key == "candidates":
                _check_references(item.index, record, known_owners, known_routes, errors, provider_refs)
    except NotJson as exc:
        errors.add(exc.path, str(exc))
        return errors, counts
    if format_value is None:
        errors.add("format", f"is required and must be {FORMAT!r}")
    elif format_value != FORMAT:
        errors.add("format", f"{_describe(format_value)} is not supported; expected {FORMAT!r}")
    in_file = first_seen["employers"]
    for path, employer in provider_refs:
        if employer not in in_file and employer not in known_employers:
            errors.add(path, f"no employer with external_id {employer!r} in this file or already imported")
    for index, employer in vacancy_refs:
        if employer not in in_file and employer not in known_employers:
            errors.add(
                f"vacancies[{index}].employer",
                f"no employer with external_id {_describe(employer)} in this file or already imported",
            )
    return errors, counts
