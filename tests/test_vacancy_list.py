"""The vacancy list: search, filters, pagination in a fixed number of queries, and the export."""
import csv
import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from models import AuditEvent
from models.enums import Role, VacancyStatus
from tests.helpers import visible_text


def test_search_and_filters(as_role, client, org, other_org, make_vacancy, make_employer):
    bol = make_employer(name="Bakkerij Bol")
    make_vacancy(title="Bakkershulp", employer=bol)
    make_vacancy(title="Chauffeur", city="Lelystad", status=VacancyStatus.FILLED)
    make_vacancy(title="Lasser", shared_with=[other_org])
    make_vacancy(organisation=other_org, title="Monteur UWV", shared_with=[org])
    make_vacancy(organisation=other_org, title="Niet gedeeld")
    as_role(Role.ACCOUNT_MANAGER)

    def titles(query: str) -> str:
        return visible_text(client.get("/vacatures/" + query).get_data(as_text=True))

    everything = titles("")
    assert all(t in everything for t in ("Bakkershulp", "Chauffeur", "Lasser", "Monteur UWV"))
    assert "Niet gedeeld" not in everything and "4 vacatures" in everything
    assert "gedeeld met UWV Flevoland" in everything and "gedeeld door UWV Flevoland" in everything
    assert "1 vacature" in titles("?q=bol") and "Bakkershulp" in titles("?q=bakkerij")
    assert "Chauffeur" in titles("?q=lelystad")
    filled = titles("?status=filled")
    assert "Chauffeur" in filled and "Bakkershulp" not in filled
    assert "Bakkershulp" in titles(f"?employer={bol.id}") and "Lasser" not in titles(f"?employer={bol.id}")
    mine = titles("?scope=shared_with_us")
    assert "Monteur UWV" in mine and "Lasser" not in mine
    ours = titles("?scope=shared_by_us")
    assert "Lasser" in ours and "Monteur UWV" not in ours and "Chauffeur" not in ours
    assert "Monteur UWV" not in titles("?scope=own")
    assert "4 vacatures" in titles("?scope=nonsense&status=nonsense&employer=x")


@pytest.mark.parametrize("query, message", [
    ("status=zzz", "Status: kies een van: Alle (behalve aangemeld), Aangemeld, te beoordelen, Open, Gepauzeerd, "
                   "Vervuld, Gesloten."),
    ("scope=foo&q=chauffeur", "Van wie: kies een van: Eigen en gedeeld met ons, Alleen eigen, Gedeeld met ons, "
                              "Door ons gedeeld."),
    ("employer=x", "Werkgever: deze werkgever staat niet in het register van uw organisatie."),
    ("employer=99999999999999999999&page=abc", "Werkgever: deze werkgever staat niet in het register"),
    ("status=zzz&status=open&page=99999999999999999999", "Status: kies een van: "),
    ("status=open&status=zzz&page=-1&page=2", None),  # the first of a repeated parameter counts
])
def test_an_unknown_filter_value_is_named_and_the_whole_list_shown(as_role, client, make_vacancy, query, message):
    make_vacancy(title="Bakkershulp")
    make_vacancy(title="Chauffeur", status=VacancyStatus.FILLED)
    as_role(Role.ACCOUNT_MANAGER)
    response = client.get(f"/vacatures/?{query}")
    assert response.status_code == 200
    text = visible_text(response.get_data(as_text=True))
    if message is None:
        assert "1 vacature" in text and "Chauffeur" not in text and "kies een van" not in text
    else:
        assert message in text and "Ongeldige keuze" not in text and "Not a valid choice" not in text
        assert "2 vacatures" in text and "Bakkershulp" in text and "Chauffeur" in text


def test_pagination(as_role, client, make_vacancy, make_employer):
    employer = make_employer()
    for n in range(27):
        make_vacancy(title=f"Baan {n:02d}", employer=employer)
    as_role(Role.COORDINATOR)
    first = visible_text(client.get("/vacatures/").get_data(as_text=True))
    assert "Pagina 1 van 2" in first and "Volgende" in first and first.count("Baan ") == 25
    second = visible_text(client.get("/vacatures/?page=2").get_data(as_text=True))
    assert second.count("Baan ") == 2 and "Vorige" in second


def test_list_uses_a_constant_number_of_queries(as_role, count_queries, org, other_org, make_org, make_vacancy):
    third = make_org("lelystad")
    as_role(Role.ACCOUNT_MANAGER)
    make_vacancy(shared_with=[other_org])
    few = count_queries("/vacatures/")
    for _ in range(15):
        make_vacancy(shared_with=[other_org, third])
        make_vacancy(organisation=other_org, shared_with=[org])
    many = count_queries("/vacatures/")
    assert many == few, (few, many)


def test_export_csv_and_xlsx_follow_the_filters_and_are_audited(as_role, client, db, other_org, make_vacancy):
    make_vacancy(title="=HYPERLINK(\"x\")", shared_with=[other_org], hours_min=20, hours_max=30)
    make_vacancy(title="Gevuld", status=VacancyStatus.FILLED)
    as_role(Role.ACCOUNT_MANAGER)
    response = client.get("/vacatures/export.csv?status=open")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Kenmerk", "Functietitel", "Werkgever"] and len(rows) == 2
    assert rows[1][1] == "'=HYPERLINK(\"x\")" and rows[1][11] == "UWV Flevoland"
    response = client.get("/vacatures/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.data)).active
    assert sheet.max_row == 3 and sheet.cell(1, 2).value == "Functietitel"
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [e.details["format"] for e in events] == ["csv", "xlsx"] and events[0].details["status"] == "open"
    assert client.get("/vacatures/export.pdf").status_code == 404


def test_employer_filter_comes_from_the_employer_page_not_a_select_of_every_employer(
        as_role, client, db, other_org, make_vacancy, make_employer):
    bol = make_employer(name="Bakkerij Bol")
    make_vacancy(title="Bakkershulp", employer=bol)
    make_vacancy(title="Lasser", employer=make_employer(name="Metaal Oost"))
    for n in range(30):
        make_employer(name=f"Werkgever {n:02d}")
    stranger = make_employer(other_org, name="Geheim BV")
    as_role(Role.ACCOUNT_MANAGER)
    listing = client.get("/vacatures/").get_data(as_text=True)
    assert "Werkgever 07" not in listing and 'name="employer"' not in listing

    employer_page = client.get(f"/werkgevers/{bol.id}").get_data(as_text=True)
    assert f'href="/vacatures/?employer={bol.id}"' in employer_page
    filtered = client.get(f"/vacatures/?employer={bol.id}&q=bakker").get_data(as_text=True)
    text = visible_text(filtered)
    assert "Alleen vacatures van Bakkerij Bol · alle werkgevers" in text
    assert "Bakkershulp" in text and "Lasser" not in text
    assert f'name="employer" value="{bol.id}"' in filtered  # kept when other filters change
    assert 'href="/vacatures/?q=bakker">alle werkgevers' in filtered

    foreign = visible_text(client.get(f"/vacatures/?employer={stranger.id}").get_data(as_text=True))
    assert "Geheim BV" not in foreign and "2 vacatures" in foreign
    assert "Werkgever: deze werkgever staat niet in het register van uw organisatie." in foreign
