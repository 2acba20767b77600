"""Every breakdown reconciles with its total; indicators follow docs/indicators.md; targets come
from the interface; a crawl opens every report link and drill-down as a coordinator."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlparse

import pytest

from models.enums import Instrument, Role
from models.reports import parse_period
from models.reports.placements import banenafspraak_figure, placement_figures
from models.reports.targets import set_target, targets
from tests.placement_fixtures import page_text

BASE = "/beheer/rapportages"
YEAR_2026 = {"periode": "year", "jaar": "2026"}


def test_every_partition_adds_up_to_the_started_total(db, org, placements_2026):
    figures = {f.key: f for f in placement_figures(db.session, [org.id], parse_period(YEAR_2026, date(2026, 6, 1)))}
    started = figures["per_month"].total
    assert started == 3
    for key in ("instrument", "contract", "target_group"):
        assert figures[key].total == started, key
    groups = {b.code: b for b in figures["target_group"].bars}
    assert groups["statushouder"].overlap and groups["50plus"].overlap  # "waarvan" rows, outside the total
    assert sum(b.value for b in figures["target_group"].bars if not b.overlap) == started
    assert figures["outflow"].total == figures["outflow_hours"].total == 2


def test_banenafspraak_counts_paid_register_jobs_in_25_5_hour_units(db, org, make_placement):
    make_placement(target_group="banenafspraak", hours_per_week=34)                     # counts 34 h
    make_placement(target_group="wajong", hours_per_week=17, instrument=Instrument.SECONDMENT)  # counts 17 h
    make_placement(target_group="banenafspraak", hours_per_week=36, instrument=Instrument.WEP)   # unpaid
    make_placement(target_group="participatiewet", work_disability=True, hours_per_week=36)     # not in register
    period = parse_period(YEAR_2026, date(2026, 6, 1))
    figure = banenafspraak_figure(db.session, [org.id], period, {2026: 4})
    assert [b.value for b in figure.bars] == [2.0]  # (34 + 17) / 25.5
    assert figure.target == 4


def test_targets_are_set_per_year_in_the_interface(client, as_role, db, org):
    as_role(Role.COORDINATOR)
    response = client.post(f"{BASE}/doelen", data={"indicator": "sroi_jobs", "year": "2026", "value": "125"},
                           follow_redirects=True)
    assert "Doel voor Banen via social return in 2026 opgeslagen." in page_text(response)
    assert targets(db.session, org.id, "sroi_jobs") == {2026: 125}
    page = page_text(client.get(f"{BASE}/social-return?periode=year&jaar=2026"))
    assert "Doel: 125" in page and "REPORT_" not in page


@pytest.mark.parametrize(("data", "message"), [
    ({"indicator": "sroi_jobs", "year": "twintig", "value": "5"}, "Vul een jaar in tussen 2000 en 2100"),
    ({"indicator": "sroi_jobs", "year": "2026", "value": "-3"}, "Vul een getal van 0 of meer in"),
    ({"indicator": "ladder_in_beeld", "year": "2026", "value": "140"}, "Een percentage is hoogstens 100."),
    ({"indicator": "geheim", "year": "2026", "value": "1"}, "Kies een indicator uit de lijst."),
])
def test_bad_targets_are_refused_with_a_message(client, as_role, db, org, data, message):
    as_role(Role.COORDINATOR)
    response = client.post(f"{BASE}/doelen", data=data)
    assert response.status_code == 422 and message in page_text(response)
    assert targets(db.session, org.id, data["indicator"]) == {}


def test_an_empty_value_removes_a_target(db, org):
    set_target(db.session, org.id, "banenafspraak", 2026, "12,5")
    assert targets(db.session, org.id, "banenafspraak") == {2026: 12.5}
    set_target(db.session, org.id, "banenafspraak", 2026, "")
    assert targets(db.session, org.id, "banenafspraak") == {}


def test_zero_shows_as_zero_and_small_counts_as_less_than_five(client, as_role, placements_2026):
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"{BASE}/raad?periode=year&jaar=2026"))
    assert "Gestarte plaatsingen <5" in text
    assert "Proefplaatsing 0" in text and "Proefplaatsing <5" not in text


def test_staff_with_the_same_name_are_told_apart(client, as_role, make_user, make_candidate):
    first, second = make_user("matcher", name="Sam de Vries"), make_user("matcher", name="Sam de Vries")
    make_candidate(owner_id=first.id)
    make_candidate(owner_id=second.id)
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"{BASE}/kandidaten"))
    assert f"Sam de Vries ({first.email})" in text and f"Sam de Vries ({second.email})" in text


def test_crawl_every_report_link_and_drill_down(client, as_role, placements_2026, contacts_2026, candidates_today,
                                               funnel_2026, make_obligation, make_employer, db):
    contractor = make_employer(name="Groen BV")
    obligation = make_obligation(contractor)
    placements_2026[0].employer_id = contractor.id
    placements_2026[0].sroi_obligation_id = obligation.id
    db.session.commit()
    as_role(Role.COORDINATOR)
    todo, seen, opened = [f"{BASE}/?periode=year&jaar=2026"], set(), 0
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        opened += 1
        assert response.status_code == 200, (url, response.status_code)
        if urlparse(url).path.endswith((".csv", ".xlsx")):
            continue
        for href in re.findall(r'href="([^"]+)"', response.get_data(as_text=True)):
            href = href.replace("&amp;", "&")
            target = urljoin(url, href)
            if urlparse(target).path.startswith(BASE) and "lang=" not in target:
                todo.append(target)
    assert opened > 40
    assert any("/social-return/contractor/lijst/" in u for u in seen)  # the drill-down that used to answer 404
