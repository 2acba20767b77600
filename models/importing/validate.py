"""Whole-file validation against werkbrug-import/1: every error with its path, nothing written."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, BinaryIO

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from models.common import clock, identifiers

from .errors import ErrorList
from .reader import LISTS, NotJson, iter_items
from .seen import SeenIds

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
    """A validator for one record of ``list_name``: slow, but its errors make the messages."""
    return Draft202012Validator(schema()["properties"][list_name]["items"])


# Python's \s, spelled out: the compiled validator reads patterns as ECMAScript, whose \s also takes
# U+FEFF (and so would let "8251\ufeffAB" through where Python's pattern refuses it).
_PY_SPACE = json.dumps("[" + "".join(f"\\u{c:04x}" for c in range(0x10000) if chr(c).isspace()) + "]")[1:-1]


@lru_cache(maxsize=None)
def fast_check(list_name: str) -> Callable[[Any], bool]:
    """Whether a record of ``list_name`` meets the schema, by the compiled (Rust) validator.

    Only a record it refuses goes through ``item_validator`` for the messages, so a difference
    between the two costs time, and the semantic checks after it (dates, postcodes, KvK) still
    run on every record. A value it cannot read is a no.
    """
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - without the wheel every record takes the slow path
        return lambda _record: False
    item_schema = json.loads(json.dumps(schema()["properties"][list_name]["items"]).replace(r"\\s", _PY_SPACE))
    validator = jsonschema_rs.Draft202012Validator(item_schema, validate_formats=False)

    def is_valid(record: Any) -> bool:
        try:
            return validator.is_valid(record)
        except (ValueError, TypeError):
            return False

    return is_valid


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


def _check_record(list_name: str, index: int, record: Any, errors: ErrorList, fraction: bool = True) -> bool:
    """Schema and semantic checks of one record; returns True when it is valid.

    ``fraction``: the record may hold a Decimal, which the compiled validator would take for a
    whole number when it is one (2.0); such a record goes through the exact validator.
    """
    before = errors.total
    if fraction or not fast_check(list_name)(record):
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


class FileCheck:
    """The checks of one document, fed record by record as it streams (pure: no session).

    ``known_employers`` are employer external ids already in the database for this organisation;
    ``known_owners`` the (lower-case) e-mail addresses of staff who may own candidates, and
    ``known_routes`` the organisation's screening-route codes (None: not checked). References to
    employers later in the file are settled by ``finish``.
    """

    def __init__(self, known_employers, known_owners: set[str] | None = None,
                 known_routes: set[str] | None = None):
        self.errors = ErrorList()
        self.counts = {name: 0 for name in LISTS}
        self.first_seen = {name: SeenIds() for name in LISTS}  # compact: kept to the end (seen.py)
        self.known_employers = known_employers
        self.known_owners, self.known_routes = known_owners, known_routes
        # References to an employer neither imported nor earlier in the file: settled at the end.
        self.vacancy_refs: list[tuple[int, str]] = []
        self.provider_refs: list[tuple[str, str]] = []
        self.format_value = None
        self.stopped = False  # the reader gave up: the rest of the document is unknown

    def field(self, key: str, value: Any) -> None:
        """A top-level field other than the three lists."""
        if key == "format":
            self.format_value = value
        else:
            shown = key if len(key) <= 40 else key[:37] + "..."
            self.errors.add(shown, f"unknown field {_describe(key)} (allowed: format, {', '.join(LISTS)})")

    def not_a_list(self, key: str) -> None:
        self.errors.add(key, "must be a list ([...])")

    def record(self, list_name: str, index: int, record: Any, fraction: bool = True) -> bool:
        """Check one record; True when it is valid so far (its employer may still be to come).

        ``fraction`` False: the reader saw no number with a fraction in it.
        """
        self.counts[list_name] += 1
        before = self.errors.total
        _check_record(list_name, index, record, self.errors, fraction)
        if not isinstance(record, dict) or not isinstance(record.get("external_id"), str):
            return False
        ext = record["external_id"]
        first = self.first_seen[list_name].add(ext, index)
        if first is not None:
            self.errors.add(
                f"{list_name}[{index}].external_id",
                f"{_describe(ext)} appears twice in {list_name} (first at {list_name}[{first}])",
            )
        if list_name == "vacancies" and isinstance(record.get("employer"), str) \
                and not self._employer_known(record["employer"]):
            self.vacancy_refs.append((index, record["employer"]))
        if list_name == "candidates":
            refs: list[tuple[str, str]] = []
            _check_references(index, record, self.known_owners, self.known_routes, self.errors, refs)
            self.provider_refs += [(path, ext) for path, ext in refs if not self._employer_known(ext)]
        return self.errors.total == before

    def _employer_known(self, ext: str) -> bool:
        return ext in self.first_seen["employers"] or ext in self.known_employers

    def broken(self, exc: NotJson) -> None:
        """The document could not be read further: that error, and no checks of the whole."""
        self.errors.add(exc.path, str(exc))
        self.stopped = True

    def finish(self) -> ErrorList:
        """The checks of the whole document (format, references); returns every error."""
        if self.stopped:
            return self.errors
        if self.format_value is None:
            self.errors.add("format", f"is required and must be {FORMAT!r}")
        elif self.format_value != FORMAT:
            self.errors.add("format", f"{_describe(self.format_value)} is not supported; expected {FORMAT!r}")
        for path, employer in self.provider_refs:
            if not self._employer_known(employer):
                self.errors.add(path, f"no employer with external_id {employer!r} in this file or already imported")
        for index, employer in self.vacancy_refs:
            if not self._employer_known(employer):
                self.errors.add(
                    f"vacancies[{index}].employer",
                    f"no employer with external_id {_describe(employer)} in this file or already imported",
                )
        return self.errors


def check_items(items, check: FileCheck) -> Iterator[tuple[str, dict]]:
    """Feed the reader's items to ``check``; yield (list name, record) for each valid record.

    Stops yielding once any error was found, but reads on to report every error.
    """
    try:
        for item in items:
            if item.kind == "field":
                check.field(item.key, item.value)
            elif item.kind == "not_a_list":
                check.not_a_list(item.key)
            elif check.record(item.key, item.index, item.value, item.fraction) and not check.errors:
                yield item.key, item.value
    except NotJson as exc:
        check.broken(exc)


def validate_file(fp: BinaryIO, known_employers: set[str], known_owners: set[str] | None = None,
                  known_routes: set[str] | None = None) -> tuple[ErrorList, dict[str, int]]:
    """Check the whole document; returns the errors and how many records each list holds."""
    check = FileCheck(known_employers, known_owners, known_routes)
    for _record in check_items(iter_items(fp), check):
        pass
    return check.finish(), check.counts
