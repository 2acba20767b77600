"""Bouwblokken tables as data: seeding, new dated versions, editing only what nothing depends on."""
from datetime import date

from sqlalchemy import func, select

from models import BuildingBlock, BuildingBlockTable, BuildingBlockTableVersion, Placement
from models.enums import Role
from models.sroi.tables import version_to_dataclass
from seed.bouwblokken import load_tables
from seed.loader import load_demo
from tests.placement_fixtures import page_text, placement_form


def test_seed_command_loads_the_three_tables_once(runner, db):
    first = runner.invoke(args=["seed", "bouwblokken"])
    assert first.exit_code == 0, first.output
    assert "Bouwblokken table oost-nederland (Oost-Nederland): 1 version(s) added" in first.output
    assert "Uniform model social return Oost-Nederland, versie april 2023" in first.output
    second = runner.invoke(args=["seed", "bouwblokken"])
    assert "0 version(s) added, 1 in total" in second.output
    assert db.session.scalar(select(func.count(BuildingBlockTable.id))) == 3
    assert db.session.scalar(select(func.count(BuildingBlockTableVersion.id))) == 3


def test_stored_tables_map_back_to_the_shipped_dataclasses(db, tables):
    for shipped in load_tables():
        stored = tables[shipped.key]
        assert stored.source == shipped.source
        assert version_to_dataclass(stored.versions[0]) == shipped.versions[0]


def test_demo_data_includes_the_tables(db, org):
    lines = list(load_demo(db.session, 2026))
    assert any("utrecht" in line for line in lines)
    assert any("flevoland-voorbeeld" in line and "example" in line for line in lines)
    assert db.session.scalar(select(func.count(BuildingBlockTable.id))) == 4  # the shipped three + the demo's example


def test_coordinator_sees_tables_versions_and_blocks(as_role, client, tables):
    as_role(Role.COORDINATOR)
    text = page_text(client.get("/beheer/bouwblokken/"))
    assert "Gemeente Utrecht: Bouwblokken social return Utrecht" in text and "nog niet gebruikt" in text
    version = tables["utrecht"].versions[0]
    text = page_text(client.get(f"/beheer/bouwblokken/versies/{version.id}"))
    assert "Participatiewet (participatiewet) € 40.000,00 per jaar (36 uur)" in text
    assert "Bonussen" in text and "bonus-50-plus" in text
    assert "Maatschappelijke activiteit" in text or "€ 100,00 per uur" in text


def _new_version(client, table, day: str):
    return client.post(f"/beheer/bouwblokken/{table.id}/nieuwe-versie", data={"valid_from": day})


def test_new_version_from_a_date_then_edit_a_block(as_role, client, db, tables):
    as_role(Role.COORDINATOR)
    table = tables["oost-nederland"]
    response = _new_version(client, table, "2027-01-01")
    assert response.status_code == 302
    old, new = sorted(db.session.scalars(select(BuildingBlockTableVersion).where(
        BuildingBlockTableVersion.table_id == table.id)), key=lambda v: v.valid_from)
    assert old.valid_to == date(2026, 12, 31) and new.valid_from == date(2027, 1, 1)
    assert len(new.blocks) == len(old.blocks)
    url = f"/beheer/bouwblokken/versies/{new.id}/blokken/nug"
    form = client.get(url).get_data(as_text=True)
    assert 'value="10.000,00"' in form
    response = client.post(url, data={"code": "nug", "label": "NUG", "kind": "placement", "unit": "year",
                                      "value": "12.500", "max_counted_months": "12", "target_groups": ["nug"],
                                      "instruments": ["regular", "secondment", "sheltered"]},
                           follow_redirects=True)
    assert "Blok nug opgeslagen." in page_text(response)
    values = {b.version_id: b.value_cents for b in db.session.scalars(select(BuildingBlock).where(
        BuildingBlock.code == "nug", BuildingBlock.version_id.in_([old.id, new.id])))}
    assert values == {old.id: 1_000_000, new.id: 1_250_000}


def test_bad_new_version_dates_are_refused(as_role, client, db, tables):
    as_role(Role.COORDINATOR)
    response = _new_version(client, tables["utrecht"], "2022-06-01")
    assert response.status_code == 422
    assert "De nieuwe versie moet ingaan na 01-01-2023" in page_text(response)
    assert db.session.scalar(select(func.count(BuildingBlockTableVersion.id))) == 3


def test_overlapping_blocks_are_refused_with_the_validators_message(as_role, client, db, tables):
    as_role(Role.COORDINATOR)
    version = tables["oost-nederland"].versions[0]
    response = client.post(f"/beheer/bouwblokken/versies/{version.id}/blokken/nug", data={
        "code": "nug", "label": "NUG", "kind": "placement", "unit": "year", "value": "10.000",
        "target_groups": ["nug", "ww"]})
    assert response.status_code == 422
    text = page_text(response)
    assert "De tabel klopt dan niet; er is niets opgeslagen" in text
    assert "Blokken 'ww-kort' en 'nug', veld conditions: beide kunnen op dezelfde plaatsing" in text
    negative = client.post(f"/beheer/bouwblokken/versies/{version.id}/blokken/nieuw", data={
        "code": "extra", "label": "Extra", "kind": "placement", "unit": "year", "value": "-5",
        "explicit_only": "y"})
    assert "Blok 'extra', veld value_cents: mag niet negatief zijn (-500)." in page_text(negative)
    db.session.expire_all()
    nug = db.session.scalar(select(BuildingBlock).where(BuildingBlock.version_id == version.id,
                                                        BuildingBlock.code == "nug"))
    assert nug.conditions["target_groups"] == ["nug"]
    assert db.session.scalar(select(func.count(BuildingBlock.id)).where(BuildingBlock.code == "extra")) == 0


def test_a_version_in_use_is_read_only_and_past_values_stay(as_role, client, db, tables, make_candidate,
                                                             make_employer, login, make_user):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    as_role(Role.COORDINATOR)
    client.post("/beheer/plaatsingen/nieuw", data=placement_form(employer=str(employer.id), start_date="2025-01-01",
                                                                 end_date="2025-06-30"))
    placement = db.session.scalar(select(Placement))
    version = tables["oost-nederland"].versions[0]
    assert placement.table_version_id == version.id
    response = client.post(f"/beheer/bouwblokken/versies/{version.id}/blokken/participatiewet-lang", data={
        "code": "participatiewet-lang", "label": "x", "kind": "placement", "unit": "year", "value": "1"})
    assert response.status_code == 422
    assert "kan niet meer worden gewijzigd" in page_text(response)
    refused = _new_version(client, tables["oost-nederland"], "2025-01-01")
    assert "tot en met 01-01-2025 gewaardeerd" in page_text(refused)
    _new_version(client, tables["oost-nederland"], "2025-07-01")
    new = db.session.scalar(select(BuildingBlockTableVersion).where(
        BuildingBlockTableVersion.valid_from == date(2025, 7, 1)))
    client.post(f"/beheer/bouwblokken/versies/{new.id}/blokken/participatiewet-lang", data={
        "code": "participatiewet-lang", "label": "Participatiewet > 2 jaar", "kind": "placement", "unit": "year",
        "value": "50.000", "max_counted_months": "24", "benefit_months_min": "24", "target_groups": ["participatiewet"],
        "instruments": ["regular", "secondment", "sheltered"]})
    client.post(f"/beheer/plaatsingen/{placement.id}/verlengen",
                data={"extend-version": str(placement.version), "extend-end_date": "2025-12-31"})
    db.session.refresh(placement)
    assert placement.table_version_id == version.id and placement.value_cents == 2_666_667  # still € 40.000


def test_a_block_for_an_instrument_the_table_does_not_count_is_refused(as_role, client, db, tables):
    as_role(Role.COORDINATOR)
    table = tables["oost-nederland"]
    assert _new_version(client, table, "2027-01-01").status_code == 302
    new = max(db.session.scalars(select(BuildingBlockTableVersion).where(
        BuildingBlockTableVersion.table_id == table.id)), key=lambda v: v.valid_from)
    response = client.post(f"/beheer/bouwblokken/versies/{new.id}/blokken/nug", data={
        "code": "nug", "label": "NUG", "kind": "placement", "unit": "year", "value": "12.500",
        "max_counted_months": "12", "target_groups": ["nug"], "instruments": ["regular", "participatiebaan"]})
    assert response.status_code == 422
    assert "noemt een instrument dat volgens rules.instruments niet meetelt" in page_text(response)


def _latest(db, table):
    return max(db.session.scalars(select(BuildingBlockTableVersion).where(
        BuildingBlockTableVersion.table_id == table.id)), key=lambda v: v.valid_from)


RULES = {"instrument_regular": "paid", "instrument_wep": "other", "instrument_participatiebaan": "none",
         "instrument_proefplaatsing": "none", "instrument_bbl": "paid", "instrument_secondment": "paid",
         "instrument_sheltered": "paid", "pso_1": "", "pso_2": "", "pso_3": "30"}


def test_coordinator_edits_the_rules_of_a_new_version_and_the_old_one_stays(as_role, client, db, tables):
    from models.common.audit_log import AuditEvent

    as_role(Role.COORDINATOR)
    table = tables["utrecht"]
    old = _latest(db, table)
    old_rules = dict(old.rules)
    assert _new_version(client, table, "2027-01-01").status_code == 302
    new = _latest(db, table)
    page = page_text(client.get(f"/beheer/bouwblokken/versies/{new.id}"))
    assert "Regels aanpassen (instrumenten, PSO-korting)" in page
    response = client.post(f"/beheer/bouwblokken/versies/{new.id}/regels", data=RULES, follow_redirects=True)
    text = page_text(response)
    assert "Regels van deze versie opgeslagen." in text
    assert "werkervaringsplaats: telt apart (eigen blok)" in text and "trede 3: 30%" in text
    db.session.refresh(new)
    rules = version_to_dataclass(new)
    assert rules.instrument_class("wep") == "other" and rules.pso_reduction_percent(3) == 30
    assert rules.pso_reduction_percent(1) == 0
    db.session.refresh(old)
    assert old.rules == old_rules  # the version before it is untouched
    entry = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "building_block_rules_saved"))
    assert entry.details["after"]["pso_reduction_percent"] == {"3": 30}
    assert entry.details["before"] == old_rules


def test_bad_rules_are_refused_per_field_and_nothing_changes(as_role, client, db, tables):
    as_role(Role.COORDINATOR)
    table = tables["utrecht"]
    assert _new_version(client, table, "2027-01-01").status_code == 302
    new = _latest(db, table)
    before = dict(new.rules)
    response = client.post(f"/beheer/bouwblokken/versies/{new.id}/regels",
                           data={**RULES, "instrument_wep": "soms", "pso_2": "120", "pso_3": "tien"})
    text = page_text(response)
    assert response.status_code == 422
    assert "Korting bij PSO-trede 2: vul een geheel percentage van 0 tot en met 100 in" in text
    assert "Korting bij PSO-trede 3: vul een geheel percentage" in text
    assert "Werkervaringsplaats: kies ‘telt als betaald werk’, ‘telt apart’ of ‘telt niet mee’." in text
    db.session.refresh(new)
    assert new.rules == before


def test_rules_that_contradict_a_block_are_refused_with_the_validators_message(as_role, client, db, tables):
    as_role(Role.COORDINATOR)
    table = tables["oost-nederland"]
    assert _new_version(client, table, "2027-01-01").status_code == 302
    new = _latest(db, table)
    before = dict(new.rules)
    named = {i for b in new.blocks if b.kind.value == "placement" for i in (b.conditions or {}).get("instruments", [])}
    assert "regular" in named
    response = client.post(f"/beheer/bouwblokken/versies/{new.id}/regels", data={**RULES, "instrument_regular": "none"})
    assert response.status_code == 422
    assert "noemt een instrument dat volgens rules.instruments niet meetelt" in page_text(response)
    db.session.refresh(new)
    assert new.rules == before


def test_rules_of_a_version_in_use_cannot_change(as_role, client, db, tables, make_candidate, make_employer):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    as_role(Role.COORDINATOR)
    client.post("/beheer/plaatsingen/nieuw", data=placement_form(employer=str(employer.id), start_date="2025-01-01",
                                                                 end_date="2025-06-30"))
    version = tables["oost-nederland"].versions[0]
    before = dict(version.rules)
    assert "kan niet meer worden gewijzigd" in page_text(client.get(f"/beheer/bouwblokken/versies/{version.id}/regels"))
    response = client.post(f"/beheer/bouwblokken/versies/{version.id}/regels", data=RULES)
    assert response.status_code == 422 and "kan niet meer worden gewijzigd" in page_text(response)
    db.session.refresh(version)
    assert version.rules == before
