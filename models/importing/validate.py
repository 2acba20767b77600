"""Whole-file validation against werkbrug-import/1: every error with its path, nothing written."""
from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import ErrorList
from .reader import LISTS, NotJson, iter_items

FORMAT = "werkbrug-import/1"
DATE_FIELDS = {"start_date", "birth_date", "available_from", "ladder_assessed_on", "benefit_since", "consent_until"}


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
    if v == "pattern" and field in DATE_FIELDS:
        return f"{_describe(inst)} is not a date (YYYY-MM-DD)"
    if v == "pattern" and field in ("postcode",):
        return f"{_describe(inst)} is not a Dutch postcode (1234 AB, 1234AB or 1234)"
    if v == "pattern" and field == "kvk":
        return f"{_describe(inst)} is not a KvK number (8 digits)"
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
    lo, hi = record.get("hours_min"), record.get("hours_max")
    if lo is not None and hi is not None and lo > hi:
        errors.add(f"{list_name}[{index}].hours_min", f"{_describe(lo)} is more than hours_max {_describe(hi)}")
    if list_name == "candidates" and "birth_date" in record:
        try:
            if date.fromisoformat(record["birth_date"]) > date.today():
                errors.add(f"{list_name}[{index}].birth_date", "lies in the future")
        except ValueError:
            pass
    return errors.total == before


def validate_file(fp: BinaryIO, known_employers: set[str]) -> tuple[ErrorList, dict[str, int]]:
    """Check the whole document; returns the errors and how many records each list holds.

    ``known_employers`` are employer external ids already in the database for this organisation.
    """
    errors = ErrorList()
    counts = {name: 0 for name in LISTS}
    first_seen: dict[str, dict[str, int]] = {name: {} for name in LISTS}
    vacancy_refs: list[tuple[int, str]] = []
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
    except NotJson as exc:
        errors.add(exc.path, str(exc))
        return errors, counts
    if format_value is None:
        errors.add("format", f"is required and must be {FORMAT!r}")
    elif format_value != FORMAT:
        errors.add("format", f"{_describe(format_value)} is not supported; expected {FORMAT!r}")
    in_file = first_seen["employers"]
    for index, employer in vacancy_refs:
        if employer not in in_file and employer not in known_employers:
            errors.add(
                f"vacancies[{index}].employer",
                f"no employer with external_id {_describe(employer)} in this file or already imported",
            )
    return errors, counts
