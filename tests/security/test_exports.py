"""Every CSV/XLSX export neutralises cells a spreadsheet would run as a formula (= + - @)."""
from __future__ import annotations

import csv
import io
import re

from openpyxl import load_workbook

from models import Employer, SroiObligation, Vacancy
from tests.security.test_route_matrix import POLICY, rules, url_for_rule
from web.extensions import db

PLANTED = {
    "employer": '=HYPERLINK("http://evil.example","klik")', "city": "+31 6 evil", "address": "@SUM(1+1)",
    "title": "-2+3+cmd|' /C calc'!A0", "vacancy_city": "=1+1", "contract": "=cmd|' /C notepad'!A0",
    "authority": "@gemeente",
}
NUMBER = re.compile(r"^-\d+([.,]\d+)?$")


def plant(world):
    ids = world.ids["own"]
    obligation = db.session.scalar(db.select(SroiObligation).where(
        SroiObligation.organisation_id == world.orgs["own"].id))
    employer = db.session.get(Employer, obligation.contractor_id if obligation else ids["employer_id"])
    employer.name, employer.city, employer.address = PLANTED["employer"], PLANTED["city"], PLANTED["address"]
    vacancy = db.session.get(Vacancy, ids["vacancy_id"])
    vacancy.title, vacancy.city = PLANTED["title"], PLANTED["vacancy_city"]
    if obligation:
        obligation.contract_name, obligation.contracting_authority = PLANTED["contract"], PLANTED["authority"]
    db.session.commit()


def cells(response, fmt: str) -> list[str]:
    if fmt == "csv":
        text = response.get_data().decode("utf-8-sig")
        return [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    return [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]


def test_every_export_neutralises_formula_cells(world):
    plant(world)
    exports = [r for r in rules(world.app) if "<fmt>" in r.rule]
    assert len(exports) >= 3, [r.endpoint for r in exports]
    found: set[str] = set()
    for rule in exports:
        role = sorted(POLICY[rule.endpoint])[0]
        for fmt in ("csv", "xlsx"):
            response = world.clients[role].get(url_for_rule(rule, {**world.ids["own"], "fmt": fmt}))
            assert response.status_code == 200, (rule.endpoint, fmt, response.status_code)
            values = cells(response, fmt)
            dangerous = [c for c in values if c.startswith(("=", "+", "-", "@")) and not NUMBER.match(c)]
            assert not dangerous, (rule.endpoint, fmt, dangerous[:5])
            found |= {k for k, v in PLANTED.items() if "'" + v in values}
    assert found == set(PLANTED), f"planted values missing from the exports: {set(PLANTED) - found}"


def test_csv_content_type_names_its_charset_once():
    from flask import Response

    from models.common import exports

    content, mimetype = exports.export("csv", ["a"], [["b"]])
    assert Response(content, mimetype=mimetype).headers["Content-Type"] == "text/csv; charset=utf-8"
