"""Valuation rules as data: units of activity rates, instrument classes, bonuses as flags, law's
impossible combinations, the region choosing the table, sources, PSO reductions; worked examples
from the published Utrecht table (utrecht.nl, bouwblokkenmodel social return)."""

from dataclasses import replace
from datetime import date

import pytest

from models.sroi.valuation import value_activity, value_placement
from models.sroi.valuation.combinations import impossible_combination
from models.sroi.valuation.tables import INSTRUMENTS, TARGET_GROUPS, municipality_of
from models.sroi.valuation.validate import validate_table, validate_version
from seed.bouwblokken import load_table, load_tables
from seed.demo.tables import demo_table

UTRECHT = load_table("utrecht").versions[0]
OOST = load_table("oost-nederland").versions[0]
RIJNVICUS = load_table("rijnvicus").versions[0]


def facts(**overrides):
    from models.sroi.valuation.tables import PlacementFacts

    base = dict(start=date(2025, 1, 1), end=date(2025, 12, 31), hours=36, target_group="participatiewet",
                benefit_months_at_start=36)
    return PlacementFacts(**{**base, **overrides})


# --- worked examples, published Utrecht table ---

def test_utrecht_ww_client_hired_half_time_for_half_a_year():
    # WW € 20.000 per 36-hour year: 18 h for 6 months is a quarter of that.
    result = value_placement(UTRECHT, facts(target_group="ww", hours=18, end=date(2025, 6, 30)))
    assert result.cents == 500000
    assert result.explanation == "WW: € 20.000 × 18/36 u × 6/12 mnd = € 5.000,00"


def test_utrecht_statushouder_of_55_on_a_permanent_contract_gets_three_bonuses():
    result = value_placement(UTRECHT, facts(age_at_start=55, statushouder=True, contract_type="permanent"))
    assert [b.code for b in result.bonuses] == ["bonus-50-plus", "bonus-statushouder", "bonus-vast-contract"]
    assert result.cents == 7000000  # 40k Participatiewet + 3 × 10k


def test_utrecht_social_activity_is_100_euro_per_hour():
    result = value_activity(UTRECHT, "sociale-activiteit", 24, "hour")
    assert result.cents == 240000
    assert result.explanation == "Sociale activiteit / hulp aan sociaal initiatief: 24 uur × € 100 = € 2.400,00"


# --- units of activity rates ---

def test_hours_are_never_valued_as_activities():
    with pytest.raises(ValueError, match="Veld unit: .*per activiteit.*aantal activiteiten.*niet het aantal uren"):
        value_activity(RIJNVICUS, "sociale-activiteit", 24, "hour")
    assert value_activity(RIJNVICUS, "sociale-activiteit", 1, "activity").cents == 100000


def test_activities_are_never_valued_as_hours():
    with pytest.raises(ValueError, match="Veld unit: .*per uur"):
        value_activity(UTRECHT, "sociale-activiteit", 4, "activity")


def test_every_shipped_activity_rate_has_a_unit_per_hour_activity_day_or_invoice():
    for table in [*load_tables(), demo_table()]:
        for block in table.versions[-1].blocks:
            if block.kind == "activity":
                assert block.unit in ("hour", "activity", "day", "invoice"), (table.key, block.code)


# --- instruments ---

@pytest.mark.parametrize("instrument", ["wep", "participatiebaan", "proefplaatsing"])
def test_utrecht_values_only_paid_work(instrument):
    result = value_placement(UTRECHT, facts(instrument=instrument))
    assert result.cents == 0 and result.block is None
    assert "telt in deze tabel niet mee" in result.explanation


def test_oost_nederland_counts_a_work_experience_place_per_month_not_as_a_job():
    result = value_placement(OOST, facts(instrument="wep", end=date(2025, 3, 31)))
    assert result.block.code == "werkervaringsplek"
    assert result.cents == 225000  # € 750 × 3 months, full time


def test_explicit_paid_block_is_refused_for_an_instrument_that_does_not_count():
    with pytest.raises(ValueError, match="Veld block_code: blok 'participatiewet' past niet bij instrument 'participatiebaan'"):
        value_placement(UTRECHT, facts(instrument="participatiebaan", block_code="participatiewet"))


def test_every_shipped_version_says_how_each_instrument_counts():
    for table in [*load_tables(), demo_table()]:
        for version in table.versions:
            assert set(version.rules["instruments"]) == set(INSTRUMENTS), table.key


def test_a_block_naming_an_instrument_that_does_not_count_is_refused():
    bad = replace(UTRECHT, rules={"instruments": {**UTRECHT.rules["instruments"], "regular": "none"}})
    assert any("noemt een instrument dat volgens rules.instruments niet meetelt" in e for e in validate_version(bad))


def test_instrument_rules_name_every_instrument():
    rules = dict(UTRECHT.rules["instruments"])
    del rules["wep"]
    errors = validate_version(replace(UTRECHT, rules={"instruments": rules}))
    assert "Veld rules.instruments.wep: ontbreekt; zeg of het meetelt." in errors


# --- impossible combinations ---

@pytest.mark.parametrize("group", ["ww", "wia", "wajong", "wsw"])
def test_sheltered_work_is_refused_for_uwv_clients(group):
    message = impossible_combination(group, "sheltered")
    assert message and "Beschut werk is een voorziening van de Participatiewet" in message
    with pytest.raises(ValueError, match="Veld instrument: Beschut werk"):
        value_placement(OOST, facts(target_group=group, instrument="sheltered"))


def test_sheltered_work_for_participatiewet_is_fine():
    assert impossible_combination("participatiewet", "sheltered") is None
    assert value_placement(UTRECHT, facts(instrument="sheltered")).cents == 4000000


def test_participatiebaan_needs_a_participatiewet_benefit():
    assert "behoud van een Participatiewet-uitkering" in impossible_combination("ww", "participatiebaan")


# --- statushouder is a flag ---

def test_statushouder_is_no_target_group():
    assert "statushouder" not in TARGET_GROUPS
    plain = value_placement(UTRECHT, facts())
    flagged = value_placement(UTRECHT, facts(statushouder=True))
    assert flagged.block == plain.block and flagged.cents == plain.cents + 1000000


def test_tables_without_a_statushouder_bonus_ignore_the_flag():
    assert value_placement(OOST, facts(statushouder=True)).cents == value_placement(OOST, facts()).cents


# --- sources and regions ---

def test_utrecht_has_a_checked_source_and_the_untraceable_tables_are_examples():
    tables = {t.key: t for t in load_tables()}
    assert tables["utrecht"].source_url.startswith("https://www.utrecht.nl/")
    assert tables["utrecht"].source_checked_on is not None and not tables["utrecht"].example
    assert tables["oost-nederland"].example and tables["rijnvicus"].example
    assert demo_table().example


def test_a_table_without_a_source_must_be_marked_as_example():
    utrecht = load_table("utrecht")
    errors = validate_table(replace(utrecht, source_url=None))
    assert any("veld source_url" in e and "voorbeeld" in e for e in errors)
    assert validate_table(replace(utrecht, source_url=None, example=True)) == []


def test_the_contracting_authority_names_the_region():
    assert municipality_of("Gemeente  Dronten") == "dronten"
    assert demo_table().covers("Gemeente Lelystad")
    assert load_table("rijnvicus").covers("gemeente Tiel")
    assert not load_table("utrecht").covers("Gemeente Dronten")
    covering = {t.key for t in [*load_tables(), demo_table()] if t.covers("Gemeente Dronten")}
    assert covering == {"flevoland-voorbeeld"}


def test_no_municipality_is_in_two_shipped_tables():
    seen = {}
    for table in [*load_tables(), demo_table()]:
        for name in table.municipalities:
            assert name.casefold() not in seen, (name, seen.get(name.casefold()), table.key)
            seen[name.casefold()] = table.key


# --- PSO ---

def test_pso_reduction_follows_the_region_rules():
    flevoland = demo_table().versions[0]
    assert [flevoland.pso_reduction_percent(r) for r in (None, 1, 2, 3)] == [0, 10, 20, 30]
    assert UTRECHT.pso_reduction_percent(3) == 0  # Utrecht's published table has no PSO rule


def test_bad_pso_rules_are_refused():
    errors = validate_version(replace(UTRECHT, rules={**UTRECHT.rules, "pso_reduction_percent": {"4": 10, "1": 120}}))
    assert any("pso_reduction_percent.4: onbekende trede" in e for e in errors)
    assert any("pso_reduction_percent.1: moet een geheel percentage" in e for e in errors)
