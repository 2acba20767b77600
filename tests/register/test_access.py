"""Who may use the register: every route × role × organisation, and exports respect both."""
from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from models import AuditEvent, ContactMoment
from models.common import clock
from models.enums import Role

ROUTES = [  # (method, url template); {e} employer, {p} contact person, {a} agreement, {m} moment
    ("GET", "/werkgevers/"),
    ("GET", "/werkgevers/export.csv"),
    ("GET", "/werkgevers/export.xlsx"),
    ("GET", "/werkgevers/nieuw"),
    ("GET", "/werkgevers/contactmoment"),
    ("GET", "/werkgevers/follow-ups"),
    ("GET", "/werkgevers/{e}"),
    ("GET", "/werkgevers/{e}/bewerken"),
    ("GET", "/werkgevers/{e}/geschiedenis"),
    ("POST", "/werkgevers/{e}/contactmomenten"),
    ("GET", "/werkgevers/{e}/contactpersonen/nieuw"),
    ("GET", "/werkgevers/{e}/contactpersonen/{p}/bewerken"),
    ("GET", "/werkgevers/{e}/contactpersonen/{p}/geschiedenis"),
    ("POST", "/werkgevers/{e}/contactpersonen/{p}/verwijderen"),
    ("GET", "/werkgevers/{e}/afspraken/nieuw"),
    ("GET", "/werkgevers/{e}/afspraken/{a}/bewerken"),
    ("GET", "/werkgevers/{e}/afspraken/{a}/geschiedenis"),
    ("POST", "/werkgevers/follow-ups/{m}/afgerond"),
    ("POST", "/werkgevers/follow-ups/{m}/uitstellen"),
    ("POST", "/werkgevers/follow-ups/{m}/overdragen"),
    ("POST", "/werkgevers/follow-ups/afronden"),
    ("GET", "/werkgevers/follow-ups/week"),
    ("GET", "/werkgevers/follow-ups/agenda"),
]
OBJECT_ROUTES = [r for r in ROUTES if "{" in r[1]]


@pytest.fixture
def records(db, make_employer, make_person, make_moment):
    from models import Agreement

    employer = make_employer(name="Bakkerij Kruimel")
    person = make_person(employer)
    agreement = Agreement(employer_id=employer.id, description="2 plaatsingen", target_count=2,
                          period_start=date(2027, 1, 1), period_end=date(2027, 12, 31))
    db.session.add(agreement)
    db.session.commit()
    moment = make_moment(employer, follow_up_on=clock.today(), follow_up_action="Bellen")
    return {"e": employer.id, "p": person.id, "a": agreement.id, "m": moment.id}


def call(client, method, url, records):
    return client.open(url.format(**records), method=method)


def test_route_list_covers_every_register_route(app):
    registered = {r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith("employers.")}
    registered -= {"/werkgevers/sectoren"}  # coordinators only: tests/register/test_sectors.py
    listed = {url.replace("{e}", "<int:employer_id>").replace("{p}", "<int:person_id>")
              .replace("{a}", "<int:agreement_id>").replace("{m}", "<int:moment_id>")
              .replace("export.csv", "export.<fmt>").replace("export.xlsx", "export.<fmt>") for _, url in ROUTES}
    assert registered == listed


@pytest.mark.parametrize("method,url", ROUTES)
def test_anonymous_visitors_are_sent_to_login(client, records, method, url):
    response = call(client, method, url, records)
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


@pytest.mark.parametrize("role", [Role.MATCHER, Role.ADMIN])
def test_matchers_and_administrators_get_403_everywhere(client, records, as_role, role):
    as_role(role)
    for method, url in ROUTES:
        assert call(client, method, url, records).status_code == 403, url


def test_employer_accounts_get_403(client, records, make_user, login):
    login(make_user(Role.EMPLOYER))
    for method, url in ROUTES:
        assert call(client, method, url, records).status_code == 403, url


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.COORDINATOR])
def test_another_organisations_staff_get_404_for_every_record(client, records, as_role, other_org, role):
    as_role(role, other_org)
    for method, url in OBJECT_ROUTES:
        assert call(client, method, url, records).status_code == 404, url


def test_a_record_opened_under_another_employer_of_the_own_organisation_is_404(client, records, as_role,
                                                                              make_employer):
    as_role(Role.ACCOUNT_MANAGER)
    other = make_employer(name="Garage Wiel")
    swapped = {**records, "e": other.id}
    for method, url in OBJECT_ROUTES:
        if "{p}" in url or "{a}" in url:
            assert call(client, method, url, swapped).status_code == 404, url


@pytest.mark.parametrize("role", [Role.ACCOUNT_MANAGER, Role.COORDINATOR])
def test_own_organisation_staff_can_open_every_page(client, records, as_role, role):
    as_role(role)
    for method, url in ROUTES:
        if method == "GET":
            assert call(client, method, url, records).status_code == 200, url


def test_another_organisations_lists_exports_and_follow_ups_show_nothing_of_ours(client, records, as_role,
                                                                                  other_org, db):
    stranger = as_role(Role.ACCOUNT_MANAGER, other_org)
    db.session.get(ContactMoment, records["m"]).follow_up_owner_id = stranger.id  # even when assigned to them
    db.session.commit()
    for url in ("/werkgevers/", "/werkgevers/?q=kruimel", "/werkgevers/follow-ups"):
        html = client.get(url).get_data(as_text=True)
        assert "Kruimel" not in html and "Petra" not in html, url
    assert "Kruimel" not in client.get("/werkgevers/export.csv").get_data(as_text=True)
    sheet = load_workbook(io.BytesIO(client.get("/werkgevers/export.xlsx").data)).active
    assert sheet.max_row == 1
    response = client.post("/werkgevers/contactmoment", data={"employer": "Bakkerij Kruimel", "channel": "phone",
                                                              "occurred_on": clock.today().isoformat(), "subject": "x"})
    assert response.status_code == 422 and "Geen werkgever gevonden" in response.get_data(as_text=True)


def test_export_respects_filters_has_no_contact_persons_and_is_audit_logged(client, records, manager, db,
                                                                             make_employer):
    make_employer(name="=HYPERLINK(1)", city="Lelystad")
    response = client.get("/werkgevers/export.csv?q=dronten")
    assert response.headers["Content-Disposition"] == 'attachment; filename="werkgevers.csv"'
    text = response.get_data(as_text=True)
    assert "Bakkerij Kruimel" in text and "HYPERLINK" not in text and "Petra" not in text
    assert text.splitlines()[0].lstrip("\ufeff").startswith("Naam;KvK-nummer")
    response = client.get("/werkgevers/export.xlsx?q=lelystad")
    rows = list(load_workbook(io.BytesIO(response.data)).active.values)
    assert rows[1][0] == "'=HYPERLINK(1)" and len(rows) == 2
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
    assert [(e.details["format"], e.details["rows"], e.details["q"]) for e in events] == [
        ("csv", 1, "dronten"), ("xlsx", 1, "lelystad")]
    assert all(e.actor_id == manager.id for e in events)
    assert client.get("/werkgevers/export.pdf").status_code == 404
