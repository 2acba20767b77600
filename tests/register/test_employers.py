"""Creating, finding and editing employers, as an account manager does it."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from models import Employer
from models.enums import EmployerStatus, Role
from tests.helpers import visible_text

VALID = {"name": "Bakkerij De Korenschoof", "kvk": "1234 5678", "sector": "productie", "size": "10-49",
         "address": "De Noord 12", "postcode": "8251ab", "city": "Dronten", "status": "active",
         "account_manager_id": "", "notes": ""}


def text_of(response) -> str:
    return visible_text(response.get_data(as_text=True))


def test_account_manager_creates_an_employer_and_sees_its_page(manager, client, db):
    response = client.post("/werkgevers/nieuw", data={**VALID, "account_manager_id": manager.id},
                           follow_redirects=True)
    text = text_of(response)
    assert "Werkgever Bakkerij De Korenschoof is aangemaakt" in text
    assert "12345678" in text and "8251 AB" in text and manager.name in text
    employer = db.session.scalar(select(Employer))
    assert (employer.kvk, employer.postcode, employer.status) == ("12345678", "8251 AB", EmployerStatus.ACTIVE)
    assert employer.organisation_id == manager.organisation_id


def test_bad_kvk_postcode_and_foreign_manager_are_named(manager, client, db, make_user, other_org):
    stranger = make_user(Role.ACCOUNT_MANAGER, other_org)
    response = client.post("/werkgevers/nieuw", data={**VALID, "kvk": "1234567", "postcode": "0251 AB",
                                                      "account_manager_id": stranger.id})
    assert response.status_code == 422
    text = text_of(response)
    assert "Een KvK-nummer bestaat uit precies 8 cijfers" in text
    assert "Vul een postcode in als 1234 AB" in text
    assert "Accountmanager: Not a valid choice" in text or "Kies een accountmanager" in text
    assert db.session.scalar(select(func.count(Employer.id))) == 0


def test_same_kvk_shows_the_existing_employer_first_then_creates_on_confirm(manager, client, db, make_employer):
    existing = make_employer(name="Korenschoof Holding", kvk="12345678", city="Lelystad")
    response = client.post("/werkgevers/nieuw", data=VALID)
    text = text_of(response)
    assert "Bestaat deze werkgever al?" in text and "Korenschoof Holding" in text
    assert f'href="/werkgevers/{existing.id}"' in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Employer.id))) == 1
    response = client.post("/werkgevers/nieuw", data={**VALID, "confirm": "1"}, follow_redirects=True)
    assert "is aangemaakt" in text_of(response)
    assert db.session.scalar(select(func.count(Employer.id))) == 2


def test_near_name_in_the_same_place_is_a_possible_duplicate(manager, client, db, make_employer, other_org):
    make_employer(name="Bakkerij de Korenschoof B.V.", kvk=None, city="Dronten")
    make_employer(name="Bakkerij De Korenschoof", kvk="12345678", city="Dronten", organisation=other_org)
    response = client.post("/werkgevers/nieuw", data={**VALID, "kvk": ""})
    assert "Bakkerij de Korenschoof B.V." in text_of(response)
    assert "Toch aanmaken" in text_of(response)
    # Same name elsewhere, or in another organisation, is no duplicate.
    response = client.post("/werkgevers/nieuw", data={**VALID, "kvk": "", "city": "Lelystad"}, follow_redirects=True)
    assert "is aangemaakt" in text_of(response)


def test_edit_records_history_old_to_new(manager, client, db, make_employer):
    employer = make_employer(name="Tuincentrum Groen", status=EmployerStatus.PROSPECT)
    form = client.get(f"/werkgevers/{employer.id}/bewerken").get_data(as_text=True)
    assert 'name="version" type="hidden" value="1"' in form
    response = client.post(f"/werkgevers/{employer.id}/bewerken", data={
        **VALID, "name": "Tuincentrum Groen", "kvk": employer.kvk, "status": "active", "version": "1"},
        follow_redirects=True)
    assert "De wijzigingen zijn opgeslagen" in text_of(response)
    history = text_of(client.get(f"/werkgevers/{employer.id}/geschiedenis"))
    assert f"{manager.name} Status prospect active" in history
    assert "Postcode — 8251 AB" in history


def test_second_of_two_concurrent_saves_is_refused_and_nothing_is_lost(client, db, make_employer, make_user, login):
    employer = make_employer(name="Garage Hollander")
    first, second = make_user(Role.ACCOUNT_MANAGER, name="Anna Smit"), make_user(Role.COORDINATOR, name="Bram Visser")
    login(first)
    assert 'value="1"' in client.get(f"/werkgevers/{employer.id}/bewerken").get_data(as_text=True)
    login(second)
    assert 'value="1"' in client.get(f"/werkgevers/{employer.id}/bewerken").get_data(as_text=True)
    login(first)
    saved = client.post(f"/werkgevers/{employer.id}/bewerken", data={
        **VALID, "name": "Garage Hollander", "kvk": employer.kvk, "sector": "transport", "version": "1"})
    assert saved.status_code == 302
    login(second)
    refused = client.post(f"/werkgevers/{employer.id}/bewerken", data={
        **VALID, "name": "Garage Hollander", "kvk": employer.kvk, "sector": "techniek", "version": "1"})
    assert refused.status_code == 409
    text = text_of(refused)
    assert "Dit is intussen gewijzigd door Anna Smit" in text and "Laad de pagina opnieuw" in text
    assert 'selected value="techniek"' in refused.get_data(as_text=True)  # the second person's input is still there
    db.session.expire_all()
    assert db.session.get(Employer, employer.id).sector == "transport"


def test_list_searches_filters_counts_and_paginates_with_bookmarkable_urls(manager, client, make_employer,
                                                                             make_vacancy, make_moment):
    for n in range(30):
        make_employer(name=f"Bouwbedrijf {n:02d}", city="Biddinghuizen", sector="bouw")
    bakker = make_employer(name="Bakkerij Kruimel", kvk="87654321", city="Swifterbant", sector="productie",
                           account_manager_id=manager.id, status=EmployerStatus.ACTIVE)
    make_vacancy(bakker)
    make_moment(bakker)
    text = text_of(client.get("/werkgevers/?q=bouw"))
    assert "30 werkgevers gevonden" in text and "Pagina 1 van 2" in text and "Bouwbedrijf 00" in text
    page2 = client.get("/werkgevers/?q=bouw&pagina=2").get_data(as_text=True)
    assert "Bouwbedrijf 29" in page2 and "Bouwbedrijf 00" not in page2
    assert 'href="/werkgevers/?q=bouw&amp;pagina=1"' in page2
    for query in ("q=8765", "q=swifter", "q=industrie", "status=active", f"accountmanager={manager.id}",
                  "open_vacatures=1"):
        text = text_of(client.get(f"/werkgevers/?{query}"))
        assert "1 werkgever gevonden" in text and "Bakkerij Kruimel" in text, query
    row = text_of(client.get("/werkgevers/?q=kruimel"))
    assert "05-01-2026" in row
    assert "0 werkgevers gevonden" in text_of(client.get("/werkgevers/?social_return=1"))
    assert "Bakkerij Kruimel" in text_of(client.get("/werkgevers/?sortering=last_contact")).split("Bouwbedrijf")[0]


@pytest.mark.parametrize("query, message", [
    ("status=zzz", "Status: kies een van: Alle, Prospect, Actief, Inactief."),
    ("sortering=foo", "Sorteren op: kies een van: Naam, Plaats, Status, Laatste contact."),
    ("accountmanager=99999999999999999999", "Accountmanager: kies een van: Iedereen, "),
    ("accountmanager=abc&q=kruimel", "Accountmanager: kies een van: Iedereen, "),
    ("status=active&status=zzz&pagina=x&pagina=2", None),  # the first of a repeated parameter counts
    ("status=zzz&status=active&pagina=99999999999999999999", "Status: kies een van: "),
])
def test_an_unknown_filter_value_is_named_and_the_whole_list_shown(manager, client, make_employer, query, message):
    make_employer(name="Bakkerij Kruimel", status=EmployerStatus.ACTIVE)
    make_employer(name="Garage Hollander", status=EmployerStatus.PROSPECT)
    response = client.get(f"/werkgevers/?{query}")
    assert response.status_code == 200
    text = text_of(response)
    if message is None:
        assert "1 werkgever gevonden" in text and "kies een van" not in text
    else:
        assert message in text and "Ongeldige keuze" not in text and "Not a valid choice" not in text
        assert "2 werkgevers gevonden" in text and "Garage Hollander" in text and "Filters wissen" in text


def test_employer_page_shows_vacancies_placements_obligations_and_requests(manager, client, db, make_employer,
                                                                           make_vacancy, make_placement):
    from datetime import date

    from models import BuildingBlockTable, EmployerRequest, SroiObligation
    from models.enums import RequestStatus, VacancyStatus

    employer = make_employer(name="Zorggroep Flevo")
    make_vacancy(employer, title="Helpende zorg")
    make_vacancy(employer, title="Oude vacature", status=VacancyStatus.FILLED)
    make_placement(employer, date(2026, 3, 2), target_group="statushouder")
    table = BuildingBlockTable(key="t", name="T", region="Flevoland", source="test")
    db.session.add(table)
    db.session.flush()
    db.session.add(SroiObligation(organisation_id=employer.organisation_id, contract_name="Onderhoud wegen",
                                  contracting_authority="Gemeente Dronten", contractor_id=employer.id,
                                  contract_sum_cents=1_000_000_00, period_start=date(2026, 1, 1),
                                  period_end=date(2027, 12, 31), table_id=table.id))
    db.session.add(EmployerRequest(organisation_id=employer.organisation_id, employer_id=employer.id,
                                   requester_name="Jan Bos", company="Zorggroep Flevo", email="jan@zorg.example",
                                   status=RequestStatus.CANDIDATE_ASKED))
    db.session.commit()
    text = text_of(client.get(f"/werkgevers/{employer.id}"))
    assert "Helpende zorg" in text and "Oude vacature" not in text
    assert "02-03-2026 Reguliere baan 32 Statushouders" in text
    assert "Onderhoud wegen (Gemeente Dronten), 01-01-2026 – 31-12-2027" in text
    assert "Jan Bos (Zorggroep Flevo) — kandidaat gevraagd" in text
    listed = text_of(client.get("/werkgevers/?social_return=1&open_vacatures=1"))
    assert "1 werkgever gevonden" in listed and "Zorggroep Flevo" in listed
