"""Social-return obligations: registering, linking placements, activities, progress, edits, exports."""
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from models import AuditEvent, BuildingBlockTable, ChangeRecord, Placement, SroiActivity, SroiObligation
from models.enums import Role
from models.sroi.progress import Progress
from tests.placement_fixtures import page_text, placement_form


def obligation_form(contractor, bb_table, **overrides) -> dict:
    data = {"contract_name": "Onderhoud openbaar groen", "contract_number": "2026-017",
            "contracting_authority": "Gemeente Dronten", "contractor": str(contractor.id),
            "contract_sum": "€ 1.250.000", "percentage": "5", "period_start": "2025-01-01",
            "period_end": "2026-12-31", "table": str(bb_table.id)}
    data.update(overrides)
    return data


def test_register_an_obligation_computes_the_amount(as_role, client, db, tables, make_employer):
    contractor = make_employer(name="Groen BV")
    as_role(Role.ACCOUNT_MANAGER)
    assert 'value="0">De tabel van de regio van de opdrachtgever' in client.get(
        "/beheer/social-return/nieuw").get_data(as_text=True)  # the authority's region chooses by default
    response = client.post("/beheer/social-return/nieuw", data=obligation_form(
        contractor, tables["utrecht"], percentage="2,5"), follow_redirects=True)
    text = page_text(response)
    assert "Verplichting vastgelegd: 2,5% van € 1.250.000,00 = € 31.250,00." in text
    assert "Gemeente Utrecht: Bouwblokken social return Utrecht" in text
    obligation = db.session.scalar(select(SroiObligation))
    assert (obligation.contract_sum_cents, obligation.percentage) == (125_000_000, Decimal("2.5"))


@pytest.mark.parametrize("overrides, message", [
    ({"percentage": "150"}, "Percentage social return: Ongeldig percentage '150': moet groter dan 0 en hoogstens 100"),
    ({"percentage": "0"}, "Percentage social return: Het percentage moet groter dan 0 zijn."),
    ({"contract_sum": "veel"}, "Contractsom: Ongeldig bedrag 'veel'"),
    ({"contract_sum": " "}, "Contractsom: Vul de contractsom in, in euro: meer dan € 0, bijvoorbeeld 1.250.000"),
    ({"percentage": ""}, "Percentage social return: Vul het percentage social return in: meer dan 0 en hoogstens 100"),
    ({"period_end": "2024-12-31"}, "Einde van de periode: Het einde van de periode ligt vóór het begin."),
    ({"contract_name": ""}, "Naam van het contract: Vul de naam van het contract in."),
    ({"table": "0"}, "Bouwblokkentabel: Kies de bouwblokkentabel die in het contract staat."),
])
def test_bad_obligation_input_names_the_field_and_saves_nothing(as_role, client, db, tables, make_employer,
                                                               overrides, message):
    contractor = make_employer()
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/beheer/social-return/nieuw", data=obligation_form(
        contractor, tables["oost-nederland"], **overrides))
    assert response.status_code == 422
    assert message in page_text(response)
    assert db.session.scalar(select(func.count(SroiObligation.id))) == 0


def test_empty_obligation_form_asks_for_each_field_without_quoting_nothing(as_role, client, db, tables):
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/beheer/social-return/nieuw", data={"percentage": "5"})
    text = page_text(response)
    assert response.status_code == 422
    assert "Contractsom: Vul de contractsom in" in text and "Ongeldig bedrag ''" not in text


def test_activity_form_preselects_no_kind_and_asks_for_one(as_role, client, db, tables, make_employer,
                                                           make_obligation):
    obligation = make_obligation(make_employer(), table="utrecht", period_start=date(2025, 1, 1),
                                 period_end=date(2026, 12, 31))
    as_role(Role.ACCOUNT_MANAGER)
    page = client.get(f"/beheer/social-return/{obligation.id}").get_data(as_text=True)
    assert '<option value="">Kies de soort activiteit</option><option value="purchase">' in page  # first, so shown
    assert 'selected value="purchase"' not in page
    response = client.post(f"/beheer/social-return/{obligation.id}/activiteiten", data={
        "activity-occurred_on": "2025-03-01", "activity-amount": "100", "activity-evidence": "Factuur 7"})
    assert response.status_code == 422
    assert "Soort: kies inkoop bij een sociale onderneming of maatschappelijke activiteit." in page_text(response)
    empty = client.post(f"/beheer/social-return/{obligation.id}/activiteiten", data={
        "activity-kind": "purchase", "activity-occurred_on": "2025-03-01", "activity-evidence": "Factuur 7"})
    assert "Bedrag of aantal: Vul het bedrag in euro (inkoop) of het aantal (activiteit) in" in page_text(empty)


def test_contractor_of_another_organisation_is_refused(as_role, client, db, tables, other_org, make_employer):
    foreign = make_employer(organisation=other_org)
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/beheer/social-return/nieuw", data=obligation_form(foreign, tables["utrecht"]))
    assert response.status_code == 422
    assert "Kies de opdrachtnemer uit het werkgeversregister van uw organisatie." in page_text(response)


def _placement(client, employer, **overrides) -> Placement:
    response = client.post("/beheer/plaatsingen/nieuw", data=placement_form(employer=str(employer.id), **overrides))
    assert response.status_code == 302, page_text(response)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_linking_a_placement_moves_the_progress_by_its_value(as_role, client, db, tables, make_candidate,
                                                             make_employer, make_obligation):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    contractor = make_employer(name="Groen BV")
    obligation = make_obligation(contractor, contract_sum_cents=50_000_000, period_start=date(2025, 1, 1),
                                 period_end=date(2026, 12, 31))  # 5% = € 25.000
    as_role(Role.COORDINATOR)
    placement_id = _placement(client, contractor, start_date="2025-01-01", end_date="2025-06-30")
    before = client.get(f"/beheer/social-return/{obligation.id}")
    assert 'value="0"' in before.get_data(as_text=True)
    assert "€ 0,00 van € 25.000,00 gerealiseerd (0,0%)" in page_text(before)
    response = client.post(f"/beheer/social-return/{obligation.id}/plaatsingen",
                           data={"link-placement": str(placement_id)}, follow_redirects=True)
    text = page_text(response)
    assert f"Plaatsing {placement_id} telt nu mee." in text
    assert "€ 13.333,33 van € 25.000,00 gerealiseerd (53,3%)" in text
    assert 'value="1333333"' in response.get_data(as_text=True)
    assert ("Participatiewet > 2 jaar: € 40.000 × 24/36 u × 6/12 mnd = € 13.333,33 "
            "(binnen de verplichtingsperiode)") in text
    assert "Nog te realiseren € 11.666,67" in text and "achter" in text
    client.post(f"/beheer/social-return/{obligation.id}/plaatsingen/{placement_id}/ontkoppelen")
    assert db.session.get(Placement, placement_id).sroi_obligation_id is None


def test_placement_counts_only_within_the_obligation_period(as_role, client, db, tables, make_candidate,
                                                            make_employer, make_obligation):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    contractor = make_employer()
    obligation = make_obligation(contractor, period_start=date(2025, 4, 1), period_end=date(2026, 12, 31))
    as_role(Role.MATCHER)
    placement_id = _placement(client, contractor, start_date="2025-01-01", end_date="2025-06-30",
                              sroi_obligation=str(obligation.id))
    assert db.session.get(Placement, placement_id).value_cents == 666_667  # 3 of the 6 months


def test_status_met_on_track_behind():
    assert Progress(100, 100, 100).status == "met"
    assert Progress(100, 40, 100).status == "on_track"
    assert Progress(100, 40, 99).status == "behind"
    assert Progress(100, 120, 120).remaining_cents == 0


def test_activities_are_valued_with_the_tables_activity_blocks(as_role, client, db, tables, make_employer,
                                                               make_obligation):
    contractor = make_employer()
    obligation = make_obligation(contractor, table="utrecht", contract_sum_cents=10_000_000,
                                 period_start=date(2025, 1, 1), period_end=date(2026, 12, 31))
    as_role(Role.ACCOUNT_MANAGER)
    url = f"/beheer/social-return/{obligation.id}/activiteiten"
    response = client.post(url, data={"activity-kind": "purchase", "activity-occurred_on": "2025-03-01",
                                      "activity-amount": "1.234,56", "activity-evidence": "Factuur 2025-88"},
                           follow_redirects=True)
    assert "factuurwaarde € 1.234,56 excl. btw = € 1.234,56" in page_text(response)
    response = client.post(url, data={"activity-kind": "social_hours", "activity-occurred_on": "2025-04-01",
                                      "activity-amount": "12", "activity-unit": "hour",
                                      "activity-evidence": "Urenstaat april"}, follow_redirects=True)
    text = page_text(response)
    assert "12 uur × € 100 = € 1.200,00" in text
    assert "€ 2.434,56 van € 5.000,00 gerealiseerd" in text
    bad = client.post(url, data={"activity-kind": "social_hours", "activity-occurred_on": "2024-04-01",
                                 "activity-amount": "twaalf", "activity-evidence": ""})
    assert bad.status_code == 422
    text = page_text(bad)
    assert "Datum: De datum ligt buiten de periode 01-01-2025 – 31-12-2026." in text
    assert "Bewijs: Beschrijf het bewijs" in text
    assert db.session.scalar(select(func.count(SroiActivity.id))) == 2


def test_a_table_without_activity_blocks_says_so(as_role, client, db, tables, make_employer, make_obligation):
    obligation = make_obligation(make_employer(), period_start=date(2025, 1, 1))
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/social-return/{obligation.id}/activiteiten", data={
        "activity-kind": "purchase", "activity-occurred_on": "2025-03-01", "activity-amount": "100",
        "activity-evidence": "Factuur"})
    assert response.status_code == 422
    assert "waardeert deze soort activiteit niet" in page_text(response)


def test_edit_records_changes_and_detects_a_stale_form(as_role, client, db, tables, make_employer, make_obligation):
    contractor = make_employer()
    obligation = make_obligation(contractor)
    as_role(Role.ACCOUNT_MANAGER)
    form = client.get(f"/beheer/social-return/{obligation.id}/bewerken").get_data(as_text=True)
    assert 'value="1000000,00"' in form and 'value="5"' in form
    data = obligation_form(contractor, tables["oost-nederland"], percentage="6", version="1")
    response = client.post(f"/beheer/social-return/{obligation.id}/bewerken", data=data, follow_redirects=True)
    assert "6% van € 1.250.000,00 = € 75.000,00" in page_text(response)
    changes = {c.field: (c.old, c.new) for c in db.session.scalars(select(ChangeRecord))}
    assert changes["percentage"] == ("5.00", "6.00")
    assert changes["contract_sum_cents"] == ("100000000", "125000000")
    stale = client.post(f"/beheer/social-return/{obligation.id}/bewerken", data={**data, "percentage": "7"})
    assert stale.status_code == 409
    assert "Dit is intussen gewijzigd door" in page_text(stale)
    db.session.refresh(obligation)
    assert obligation.percentage == Decimal("6")


def test_export_csv_and_xlsx_are_audit_logged(as_role, client, db, tables, make_candidate, make_employer,
                                              make_obligation):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    contractor = make_employer(name="Groen BV")
    obligation = make_obligation(contractor, period_start=date(2025, 1, 1))
    as_role(Role.COORDINATOR)
    _placement(client, contractor, start_date="2025-01-01", end_date="2025-06-30", sroi_obligation=str(obligation.id))
    csv = client.get("/beheer/social-return/export.csv")
    assert csv.mimetype == "text/csv"
    body = csv.get_data().decode("utf-8-sig")
    assert "Onderhoud groen;;Gemeente Dronten;Groen BV;2025-01-01;2027-12-31;50000,00" in body
    assert "13333,33" in body and "Fatima" not in body and "El Idrissi" not in body
    xlsx = client.get("/beheer/social-return/export.xlsx")
    assert xlsx.data[:2] == b"PK"
    assert client.get("/beheer/social-return/export.pdf").status_code == 404
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [e.details["format"] for e in events] == ["csv", "xlsx"]


def test_list_shows_status_and_uses_constant_queries(as_role, client, count_queries, tables, make_employer, make_obligation):
    contractor = make_employer()
    as_role(Role.ACCOUNT_MANAGER)
    make_obligation(contractor, contract_name="Contract A")
    one = count_queries("/beheer/social-return/")
    for n in range(5):
        make_obligation(contractor, contract_name=f"Contract {n}")
    assert count_queries("/beheer/social-return/") == one
    response = client.get("/beheer/social-return/")
    assert "Contract A" in page_text(response) and "achter" in page_text(response)


def test_changing_the_period_revalues_linked_placements(as_role, client, db, tables, make_candidate, make_employer,
                                                        make_obligation):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    contractor = make_employer()
    obligation = make_obligation(contractor, period_start=date(2025, 1, 1), period_end=date(2026, 12, 31),
                                 contract_sum_cents=125_000_000)
    as_role(Role.ACCOUNT_MANAGER)
    placement_id = _placement(client, contractor, start_date="2025-01-01", end_date="2025-06-30",
                              sroi_obligation=str(obligation.id))
    assert db.session.get(Placement, placement_id).value_cents == 1_333_333
    client.post(f"/beheer/social-return/{obligation.id}/bewerken", data=obligation_form(
        contractor, tables["oost-nederland"], period_start="2025-04-01", version=str(obligation.version)))
    placement = db.session.get(Placement, placement_id)
    db.session.refresh(placement)
    assert placement.value_cents == 666_667
    assert "(binnen de verplichtingsperiode)" in placement.value_explanation
    other = make_employer()
    db.session.refresh(obligation)
    refused = client.post(f"/beheer/social-return/{obligation.id}/bewerken", data=obligation_form(
        other, tables["oost-nederland"], version=str(obligation.version)))
    assert refused.status_code == 422
    assert "Er zijn al plaatsingen bij deze opdrachtnemer gekoppeld" in page_text(refused)


def test_hours_are_refused_where_the_table_pays_per_activity(as_role, client, db, tables, make_employer,
                                                             make_obligation):
    obligation = make_obligation(make_employer(), table="rijnvicus", contracting_authority="Gemeente Tiel",
                                 period_start=date(2025, 1, 1))
    as_role(Role.ACCOUNT_MANAGER)
    page = page_text(client.get(f"/beheer/social-return/{obligation.id}"))
    assert "Deze tabel waardeert: Sociale activiteit (maatwerk): € 1.000 per activiteit" in page
    url = f"/beheer/social-return/{obligation.id}/activiteiten"
    hours = {"activity-kind": "social_hours", "activity-occurred_on": "2025-04-01", "activity-amount": "24",
             "activity-unit": "hour", "activity-evidence": "Training van 24 uur"}
    response = client.post(url, data=hours)
    assert response.status_code == 422
    assert "vul het aantal activiteiten in, niet het aantal uren" in page_text(response)
    assert db.session.scalar(select(func.count(SroiActivity.id))) == 0
    response = client.post(url, data={**hours, "activity-amount": "1", "activity-unit": "activity"},
                           follow_redirects=True)
    assert "1 activiteit(en) × € 1.000 = € 1.000,00" in page_text(response)
    assert db.session.scalar(select(SroiActivity.unit)) == "activity"


def test_a_social_activity_without_a_unit_is_refused(as_role, client, db, tables, make_employer, make_obligation):
    obligation = make_obligation(make_employer(), table="utrecht", period_start=date(2025, 1, 1))
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post(f"/beheer/social-return/{obligation.id}/activiteiten", data={
        "activity-kind": "social_hours", "activity-occurred_on": "2025-04-01", "activity-amount": "4",
        "activity-evidence": "Voedselbank"})
    assert response.status_code == 422
    assert "Kies waarin u het aantal opgeeft: uren, activiteiten of dagen." in page_text(response)


def test_the_contracting_authoritys_region_chooses_the_table(as_role, client, db, tables, make_employer):
    contractor = make_employer(name="Vervoer BV")
    as_role(Role.ACCOUNT_MANAGER)
    wrong = client.post("/beheer/social-return/nieuw", data=obligation_form(
        contractor, tables["utrecht"], contracting_authority="Gemeente Tiel"))
    assert wrong.status_code == 422
    assert "valt onder de regio van 'Bouwblokken social return Rijnvicus'" in page_text(wrong)
    response = client.post("/beheer/social-return/nieuw", data={**obligation_form(
        contractor, tables["utrecht"], contracting_authority="Gemeente Tiel"), "table": "0"}, follow_redirects=True)
    text = page_text(response)
    assert "Rivierenland: Bouwblokken social return Rijnvicus" in text
    assert "Voorbeeldtabel: de waarden zijn niet terug te voeren op een gepubliceerde bron" in text
    assert db.session.scalar(select(SroiObligation.table_id)) == tables["rijnvicus"].id


def test_utrecht_obligation_names_its_checked_source(as_role, client, tables, make_employer, make_obligation):
    obligation = make_obligation(make_employer(), table="utrecht", contracting_authority="Gemeente Utrecht")
    as_role(Role.ACCOUNT_MANAGER)
    html = client.get(f"/beheer/social-return/{obligation.id}").get_data(as_text=True)
    assert 'href="https://www.utrecht.nl/werk-en-inkomen/aan-het-werk/social-return/bouwblokkenmodel-social-return/"' in html
    assert "Voorbeeldtabel" not in html


def test_pso_rung_reduces_the_obligation_where_the_tables_rules_have_it(as_role, client, db, tables, make_employer):
    from models.sroi.tables import store_table
    from seed.demo.tables import demo_table

    store_table(db.session, demo_table())
    db.session.commit()
    flevoland = db.session.scalar(select(BuildingBlockTable).where(BuildingBlockTable.key == "flevoland-voorbeeld"))
    contractor = make_employer(name="Schoon BV")
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/beheer/social-return/nieuw", data={**obligation_form(
        contractor, flevoland, contracting_authority="Gemeente Lelystad", contract_sum="€ 1.000.000"),
        "pso_rung": "2"}, follow_redirects=True)
    text = page_text(response)
    assert "min 20% korting voor PSO-trede 2 = € 40.000,00" in text
    obligation = db.session.scalar(select(SroiObligation))
    assert (obligation.obligation_cents, obligation.required_cents) == (5_000_000, 4_000_000)
    utrecht_rung = client.post("/beheer/social-return/nieuw", data={**obligation_form(
        contractor, tables["utrecht"], contracting_authority="Gemeente Utrecht", contract_name="Ander"),
        "pso_rung": "3"}, follow_redirects=True)
    assert "de regels van deze tabel geven daarvoor geen korting" in page_text(utrecht_rung)


def test_a_bad_pso_rung_is_refused(as_role, client, db, tables, make_employer):
    as_role(Role.ACCOUNT_MANAGER)
    response = client.post("/beheer/social-return/nieuw", data={**obligation_form(
        make_employer(), tables["utrecht"]), "pso_rung": "7"})
    assert response.status_code == 422 and "Kies trede 1, 2 of 3" in page_text(response)
