"""The shipped bouwblokken tables match bouwblokken.md, and the validator catches bad tables."""

import json
from dataclasses import replace
from datetime import date

import pytest

from models.sroi.valuation.tables import Block, TableVersion, table_from_dict, table_to_dict
from models.sroi.valuation.validate import validate_table, validate_version
from seed.bouwblokken import HERE, TABLE_KEYS, load_table, load_tables

# code -> (euros, unit, max_counted_months) as published (shared/domain/bouwblokken.md)
PUBLISHED = {
    "utrecht": {
        "participatiewet": (40000, "year", None), "banenafspraak": (50000, "year", None),
        "praktijkleerplaats": (35000, "year", None), "wia-wao": (40000, "year", None),
        "ww": (20000, "year", None), "mbo-bbl": (35000, "year", None), "mbo-bol": (20000, "year", None),
        "nug": (10000, "year", None), "bonus-50-plus": (10000, "year", None),
        "bonus-statushouder": (10000, "year", None), "bonus-vast-contract": (10000, "year", None),
        "sociale-activiteit": (100, "hour", None), "inkoop-sociale-onderneming": (1, "invoice", None),
    },
    "oost-nederland": {
        "participatiewet-kort": (30000, "year", 24), "participatiewet-lang": (40000, "year", 24),
        "doelgroepregister": (40000, "year", None), "ww-kort": (10000, "year", 12),
        "ww-lang": (15000, "year", 12), "nug": (10000, "year", 12),
        "werkervaringsplek": (750, "month", None), "bbl": (20000, "learning_year", None),
    },
    "rijnvicus": {
        "nug-zonder-arbeidsbeperking": (5000, "year", None),
        "nug-met-arbeidsbeperking": (10000, "year", None),
        "mbo-bol-stage": (5000, "year", None), "mbo-bbl": (25000, "year", None),
        "pro-vso-schoolverlater": (25000, "year", None), "ww": (10000, "year", None),
        "wia": (20000, "year", None), "wajong": (25000, "year", None),
        "participatiewet-kort": (25000, "year", None), "participatiewet-lang": (30000, "year", None),
        "banenafspraak": (50000, "year", None), "wsw": (50000, "year", None),
        "bonus-55-plus": (10000, "year", None), "sociale-activiteit": (1000, "activity", None),
        "diensten-sw-bedrijf": (1, "invoice", None),
    },
}


def test_three_tables_ship_with_source_and_one_open_version():
    tables = load_tables()
    assert [t.key for t in tables] == list(TABLE_KEYS) == list(PUBLISHED)
    for table in tables:
        assert table.source and table.name and table.region
        assert len(table.versions) == 1 and table.versions[0].valid_to is None
        assert validate_table(table) == []


@pytest.mark.parametrize("key", TABLE_KEYS)
def test_blocks_are_exactly_the_published_values(key):
    blocks = load_table(key).versions[0].blocks
    # invoice blocks store factor 1.0 as 100 (hundredths), the rest euros as cents
    found = {b.code: (b.value_cents // 100, b.unit, b.max_counted_months) for b in blocks}
    assert found == PUBLISHED[key]


@pytest.mark.parametrize("key", TABLE_KEYS)
def test_json_round_trips_through_the_dataclasses(key):
    stored = json.loads((HERE / f"{key}.json").read_text(encoding="utf-8"))
    assert table_to_dict(table_from_dict(stored)) == stored


def test_version_in_force_is_found_by_date():
    table = load_table("oost-nederland")
    assert table.version_on(date(2023, 3, 31)) is None
    assert table.version_on(date(2023, 4, 1)) is table.versions[0]


def test_unknown_table_key_is_refused():
    with pytest.raises(ValueError, match="No shipped"):
        load_table("amsterdam")


# --- the validator ---

def block(code="pw", kind="placement", value_cents=100, unit="year", **conditions) -> Block:
    return Block(code=code, label=code.upper(), kind=kind, value_cents=value_cents, unit=unit,
                 conditions=conditions)


RULES = {"instruments": {"regular": "paid", "secondment": "paid", "sheltered": "paid", "bbl": "paid",
                         "participatiebaan": "paid", "wep": "other", "proefplaatsing": "other"}}


def version(*blocks, valid_from=date(2024, 1, 1), valid_to=None, rules=RULES) -> TableVersion:
    return TableVersion(valid_from=valid_from, valid_to=valid_to, note="", blocks=tuple(blocks), rules=rules)


def test_sound_version_has_no_errors():
    assert validate_version(version(
        block("kort", target_groups=["participatiewet"], benefit_months_max=24),
        block("lang", target_groups=["participatiewet"], benefit_months_min=24),
        block("wep", unit="month", instruments=["wep"], target_groups=["ww"]),
        block("ww", target_groups=["ww"], instruments=["regular"]),
        block("bol", explicit_only=True),
    )) == []


@pytest.mark.parametrize(("second", "overlaps"), [
    (block("b", target_groups=["participatiewet"]), True),
    (block("b"), True),
    (block("b", target_groups=["ww"]), True),
    (block("b", target_groups=["nug", "wia"]), False),
    (block("b", target_groups=["participatiewet"], benefit_months_min=24), False),
    (block("b", target_groups=["participatiewet"], benefit_months_min=12), True),
    (block("b", instruments=["wep"]), False),
    (block("b", instruments=["participatiebaan", "regular"]), True),
    (block("b", work_disability=True), False),
    (block("b", explicit_only=True), False),
])
def test_validator_finds_overlapping_placement_blocks(second, overlaps):
    first = block("a", target_groups=["participatiewet", "ww"], benefit_months_max=24,
                  instruments=["regular"], work_disability=False)
    errors = validate_version(version(first, second))
    assert bool(errors) is overlaps
    if overlaps:
        assert errors == [errors[0]] and "'a' en 'b'" in errors[0] and "conditions" in errors[0]


@pytest.mark.parametrize(("bad", "field"), [
    (block(value_cents=-1), "value_cents: mag niet negatief"),
    (block(kind="subsidy"), "kind: onbekende soort 'subsidy'"),
    (block(unit="week"), "unit: onbekende eenheid 'week'"),
    (block(unit="hour"), "unit: eenheid 'hour' past niet bij soort 'placement'"),
    (block(code="Niet Goed"), "code:"),
    (block(target_groups=["bijstand"]), "conditions.target_groups: onbekende waarde 'bijstand'"),
    (block(instruments=[]), "conditions.instruments: moet een niet-lege lijst"),
    (block(leeftijd=50), "conditions.leeftijd: onbekende voorwaarde"),
    (block(benefit_months_min=24, benefit_months_max=12), "conditions.benefit_months_max"),
    (block(age_min="50"), "conditions.age_min"),
    (block(work_disability="ja"), "conditions.work_disability"),
    (block(kind="bonus"), "bonus zonder voorwaarde"),
    (replace(block(), max_counted_months=0), "max_counted_months"),
    (replace(block(), label=" "), "label"),
])
def test_validator_names_the_bad_field(bad, field):
    errors = validate_version(version(bad))
    assert len(errors) == 1 and field in errors[0]


def test_validator_catches_dates_and_duplicate_codes():
    errors = validate_version(version(valid_from=date(2024, 1, 1), valid_to=date(2023, 12, 31)))
    assert errors == ["Veld valid_to: einddatum 31-12-2023 ligt vóór begindatum 01-01-2024 (valid_from)."]
    errors = validate_version(version(block("a", instruments=["wep"]), block("a", instruments=["bbl"])))
    assert errors == ["Blok 'a', veld code: komt meer dan eens voor."]


def test_table_versions_may_not_overlap_in_time():
    table = load_table("utrecht")
    later = replace(table.versions[0], valid_from=date(2026, 1, 1))
    errors = validate_table(replace(table, versions=(table.versions[0], later)))
    assert len(errors) == 1 and "valid_to" in errors[0]
