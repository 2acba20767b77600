"""Bouwblokken tables as plain dataclasses, mirroring the stored JSON shape one to one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

KINDS = ("placement", "bonus", "activity")
UNITS = ("year", "month", "learning_year", "hour", "activity", "day", "invoice", "fixed")
UNITS_BY_KIND = {
    "placement": ("year", "month", "learning_year"),
    # A bonus in 'fixed' is a one-off amount, not pro rata; the others follow the block.
    "bonus": ("year", "month", "learning_year", "fixed"),
    # An activity rate says what it is paid per: an hour, an activity, a day, or a euro invoiced.
    "activity": ("hour", "activity", "day", "invoice"),
}
# How a quantity is entered for each activity unit (forms, the contractor's page, the demo loader).
QUANTITY_LABELS = {"hour": "uren", "activity": "activiteiten", "day": "dagen", "invoice": "euro factuurwaarde"}
RATE_LABELS = {"hour": "per uur", "activity": "per activiteit", "day": "per dag",
               "invoice": "per euro factuurwaarde excl. btw"}
# The benefit or register a person is valued on. Statushouder is no target group: it is a bonus flag on
# top of the person's benefit group (Utrecht's table), like 50+ and a permanent contract.
TARGET_GROUPS = ("participatiewet", "banenafspraak", "ww", "wia", "wajong", "nug", "wsw")
INSTRUMENTS = ("regular", "wep", "participatiebaan", "proefplaatsing", "bbl", "secondment", "sheltered")
CONTRACT_TYPES = ("temporary", "permanent")
# How a table counts an instrument: as paid work (the placement blocks by target group), otherwise
# (only blocks that name the instrument, e.g. Oost-Nederland's werkervaringsplek per month), or not at all.
INSTRUMENT_CLASSES = ("paid", "other", "none")
# What a version without instrument rules counts: paid work only (a job, secondment, sheltered work, BBL).
DEFAULT_INSTRUMENT_CLASSES = {"regular": "paid", "secondment": "paid", "sheltered": "paid", "bbl": "paid",
                              "wep": "none", "participatiebaan": "none", "proefplaatsing": "none"}
INSTRUMENT_NAMES = {
    "regular": "regulier werk", "wep": "werkervaringsplaats", "participatiebaan": "participatiebaan",
    "proefplaatsing": "proefplaatsing", "bbl": "BBL-leerbaan", "secondment": "detachering",
    "sheltered": "beschut werk",
}
PSO_RUNGS = (1, 2, 3)
CONDITION_KEYS = (
    "target_groups", "benefit_months_min", "benefit_months_max", "work_disability", "instruments",
    "contract_types", "age_min", "statushouder", "explicit_only",
)
FULL_TIME_HOURS = 36


@dataclass(frozen=True, eq=True)
class Block:
    """One bouwblok: a placement value, a bonus on top of one, or a non-placement activity."""

    code: str
    label: str
    kind: str
    value_cents: int
    unit: str
    max_counted_months: int | None = None
    conditions: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class TableVersion:
    """The blocks of one table in force from valid_from through valid_to (inclusive; None = open)."""

    valid_from: date
    valid_to: date | None
    note: str
    blocks: tuple[Block, ...]
    # {"instruments": {instrument: "paid"|"other"|"none"}, "pso_reduction_percent": {"1": 10, ...}}
    rules: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    def instrument_class(self, instrument: str) -> str:
        """How this version counts instrument (paid/other/none); without rules, DEFAULT_INSTRUMENT_CLASSES."""
        return self.instrument_classes().get(instrument, "none")

    def instrument_classes(self) -> dict[str, str]:
        """Every instrument with how this version counts it."""
        return dict(self.rules.get("instruments") or DEFAULT_INSTRUMENT_CLASSES)

    def pso_reduction_percent(self, rung: int | None) -> int:
        """The percentage the obligation is reduced by for a contractor on PSO rung `rung` (0 if none)."""
        if not rung:
            return 0
        return int((self.rules.get("pso_reduction_percent") or {}).get(str(rung), 0))

    def in_force(self, day: date) -> bool:
        """True when this version applies on day."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def block(self, code: str) -> Block | None:
        """The block with this code, or None."""
        return next((b for b in self.blocks if b.code == code), None)


@dataclass(frozen=True)
class Table:
    """A region's bouwblokken table with its published source and its versions."""

    key: str
    name: str
    region: str
    source: str
    versions: tuple[TableVersion, ...]
    # Where the values can be checked, and when they were: a table without a traceable source is
    # an example, and every page that uses it says so.
    source_url: str | None = None
    source_checked_on: date | None = None
    example: bool = False
    # The municipalities whose contracts this table values: the contracting authority chooses it.
    municipalities: tuple[str, ...] = ()

    def covers(self, authority: str) -> bool:
        """True when the contracting authority (e.g. 'Gemeente Tiel') is one of this table's municipalities."""
        return municipality_of(authority) in {m.casefold() for m in self.municipalities}

    def version_on(self, day: date) -> TableVersion | None:
        """The version in force on day (the latest starting one if several), or None."""
        candidates = [v for v in self.versions if v.in_force(day)]
        return max(candidates, key=lambda v: v.valid_from) if candidates else None


@dataclass(frozen=True)
class PlacementFacts:
    """What valuation needs to know about a placement; end is the last contract day (None = open-ended).

    hours is per week; benefit_months_at_start counts completed months on benefit at start;
    block_code, when set, is the coordinator's explicit choice and overrides automatic selection.
    """

    start: date
    end: date | None
    hours: Decimal | int
    target_group: str | None = None
    benefit_months_at_start: int | None = None
    work_disability: bool = False
    instrument: str = "regular"
    contract_type: str = "temporary"
    age_at_start: int | None = None
    statushouder: bool = False
    block_code: str | None = None


def municipality_of(authority: str) -> str:
    """'Gemeente Dronten' -> 'dronten': the municipality a contracting authority names, folded."""
    name = " ".join((authority or "").split())
    for prefix in ("gemeente ", "gem. "):
        if name.casefold().startswith(prefix):
            name = name[len(prefix):]
    return name.casefold()


def _date(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


def block_from_dict(data: dict[str, Any]) -> Block:
    """Build a Block from its stored dict without judging it (validate_version does that)."""
    return Block(
        code=data.get("code", ""), label=data.get("label", ""), kind=data.get("kind", ""),
        value_cents=data.get("value_cents", 0), unit=data.get("unit", ""),
        max_counted_months=data.get("max_counted_months"), conditions=dict(data.get("conditions") or {}),
    )


def version_from_dict(data: dict[str, Any]) -> TableVersion:
    """Build a TableVersion from its stored dict; dates as ISO strings; raises ValueError on a bad date."""
    return TableVersion(
        valid_from=_date(data["valid_from"]), valid_to=_date(data.get("valid_to")),
        note=data.get("note", ""), blocks=tuple(block_from_dict(b) for b in data.get("blocks", ())),
        rules=dict(data.get("rules") or {}),
    )


def table_from_dict(data: dict[str, Any]) -> Table:
    """Build a Table from its stored dict (the shape of seed/bouwblokken/*.json)."""
    return Table(
        key=data["key"], name=data["name"], region=data["region"], source=data["source"],
        versions=tuple(version_from_dict(v) for v in data.get("versions", ())),
        source_url=data.get("source_url"), source_checked_on=_date(data.get("source_checked_on")),
        example=bool(data.get("example", False)), municipalities=tuple(data.get("municipalities", ())),
    )


def block_to_dict(block: Block) -> dict[str, Any]:
    """The stored dict of a Block."""
    return {
        "code": block.code, "label": block.label, "kind": block.kind, "value_cents": block.value_cents,
        "unit": block.unit, "max_counted_months": block.max_counted_months,
        "conditions": dict(block.conditions),
    }


def table_to_dict(table: Table) -> dict[str, Any]:
    """The stored dict of a Table; table_from_dict(table_to_dict(t)) == t."""
    return {
        "key": table.key, "name": table.name, "region": table.region, "source": table.source,
        "source_url": table.source_url,
        "source_checked_on": table.source_checked_on.isoformat() if table.source_checked_on else None,
        "example": table.example, "municipalities": list(table.municipalities),
        "versions": [
            {
                "valid_from": v.valid_from.isoformat(),
                "valid_to": v.valid_to.isoformat() if v.valid_to else None,
                "note": v.note, "rules": dict(v.rules), "blocks": [block_to_dict(b) for b in v.blocks],
            }
            for v in table.versions
        ],
    }
