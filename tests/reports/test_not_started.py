"""A placement counts as started once its start date has come: on or before today, within the period."""
from __future__ import annotations

from datetime import date

import pytest

from models.common import clock
from models.enums import Outflow, Role
from models.reports import parse_period
from models.reports.placements import placement_figures
from tests.placement_fixtures import page_text

BASE = "/beheer/rapportages"
TODAY = date(2026, 12, 6)


@pytest.fixture
def december(make_placement, make_candidate):
    """Six placements in December 2026: four started by the 6th (one today), two still to start."""
    with clock.frozen(TODAY):
        yield [make_placement(start_date=date(2026, 12, day), candidate_id=make_candidate(external_id=f"K-6{day:04d}").id)
               for day in (1, 2, 5, 6, 7, 10)]


def test_the_month_list_shows_only_placements_that_have_started(client, as_role, december):
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"{BASE}/plaatsingen/per_month/lijst/2026-12?periode=month&jaar=2026&maand=12"))
    assert "4 rijen." in text
    assert "K-60006" in text and "K-60001" in text  # today's start has started
    assert "K-60007" not in text and "K-60010" not in text


def test_figures_and_council_report_leave_future_starts_out(client, as_role, db, org, december, make_placement):
    make_placement(start_date=date(2026, 12, 20), outflow=Outflow.FULL, outflow_on=date(2026, 12, 20))
    period = parse_period({"periode": "year", "jaar": "2026"}, TODAY)
    months, _instruments, groups, _contracts, outflow, _hours = placement_figures(db.session, [org.id], period)
    assert months.total == 4 and groups.total == 4
    assert outflow.total == 0  # an outflow dated after today has not happened either
    as_role(Role.COORDINATOR)
    text = page_text(client.get(f"{BASE}/raad?periode=year&jaar=2026"))
    assert "Gestarte plaatsingen <5" in text
    for day in (3, 4):  # two more that have started: 6, shown as they are
        make_placement(start_date=date(2026, 12, day))
    text = page_text(client.get(f"{BASE}/raad?periode=year&jaar=2026"))
    assert "Gestarte plaatsingen 6" in text and "Gestarte plaatsingen 9" not in text


def test_once_the_day_comes_the_placement_counts(db, org, december):
    period = parse_period({"periode": "month", "jaar": "2026", "maand": "12"}, TODAY)
    with clock.frozen(date(2026, 12, 10)):
        assert placement_figures(db.session, [org.id], period)[0].total == 6
