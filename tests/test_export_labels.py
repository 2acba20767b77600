"""Exports speak the page's language: the status as the list shows it, Dutch by default, English with ?lang=en."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from models.enums import EmployerStatus, Role, VacancyStatus


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))


def column(rows, header) -> list[str]:
    i = rows[0].index(header)
    return [r[i] for r in rows[1:]]


def test_employer_export_status_reads_as_on_the_page(as_role, client, make_employer):
    make_employer(name="Actief BV", status=EmployerStatus.ACTIVE)
    make_employer(name="Prospect BV", status=EmployerStatus.PROSPECT)
    make_employer(name="Inactief BV", status=EmployerStatus.INACTIVE)
    as_role(Role.ACCOUNT_MANAGER)
    rows = rows_of(client.get("/werkgevers/export.csv?sort=name"))
    assert sorted(column(rows, "Status")) == ["Actief", "Inactief", "Prospect"]
    assert "Actief" in client.get("/werkgevers/").get_data(as_text=True)
    english = rows_of(client.get("/werkgevers/export.csv?sort=name&lang=en"))
    assert english[0][0] == "Name" and sorted(column(english, "Status")) == ["Active", "Inactive", "Prospect"]
    sheet = list(load_workbook(io.BytesIO(client.get("/werkgevers/export.xlsx?lang=nl").data)).active.values)
    assert sheet[0][0] == "Naam" and sorted(r[sheet[0].index("Status")] for r in sheet[1:]) == [
        "Actief", "Inactief", "Prospect"]


def test_vacancy_export_status_reads_as_on_the_page(as_role, client, make_vacancy):
    make_vacancy(title="Open baan")
    make_vacancy(title="Vervulde baan", status=VacancyStatus.FILLED)
    make_vacancy(title="Gesloten baan", status=VacancyStatus.CLOSED)
    as_role(Role.ACCOUNT_MANAGER)
    rows = rows_of(client.get("/vacatures/export.csv"))
    assert sorted(column(rows, "Status")) == ["Gesloten", "Open", "Vervuld"]
    english = rows_of(client.get("/vacatures/export.csv?lang=en"))
    assert sorted(column(english, "Status")) == ["Closed", "Filled", "Open"]
    assert "Kenmerk" not in english[0]
