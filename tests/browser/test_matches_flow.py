"""A real browser: a matcher reviews the suggestions of a vacancy and recomputes them."""
import pytest
from sqlalchemy import select

from models import Suggestion
from models.enums import Role, SuggestionStatus
from tests.conftest import PASSWORD
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy
from tests.queue_helpers import run_jobs

pytestmark = pytest.mark.usefixtures("index_snapshots")  # as if the worker had built each index


def test_matcher_proposes_the_first_rejects_the_second_and_recomputes(live_server, app, page, db, org, make_user,
                                                                      make_employer, make_candidate):
    load_small_taxonomy(db.session)
    add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                required=["orderpicken"], preferred=["heftruck"], hours_min=24, hours_max=32)
    for first, skills in (("Amina", ["orderpicken", "heftruk"]), ("Henk", ["order picken"])):
        candidate = make_candidate(first_name=first, last_name="Test", hours_min=20, hours_max=36,
                                   lat=52.52, lon=5.72, max_travel_km=25)
        link_candidate(db.session, candidate, skills)
    user = make_user(Role.MATCHER)
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server + "/beheer/matcher")
    page.get_by_role("link", name="Te beoordelen suggesties").first.click()
    page.get_by_role("link", name="Orderpicker").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Suggesties voor Orderpicker"
    assert "De suggesties voor deze vacature worden berekend." in page.get_by_role("status").inner_text()
    assert run_jobs(app, "refresh_vacancy", keep_others=True) == 1  # the worker ranks it
    page.get_by_role("link", name="Pagina vernieuwen").click()

    cards = page.locator("li.suggestion")
    first = cards.nth(0)
    assert "Amina Test" in first.get_by_role("heading").inner_text()
    reasons = first.locator("ul.reasons").inner_text()
    assert "Heeft 1 van 1 vereiste vaardigheden: Orderpicken" in reasons
    first.get_by_role("button", name="Voordragen").click()
    assert "Voorgedragen aan de werkgever." in page.get_by_role("status").inner_text()

    second = page.locator("li.suggestion").nth(1)
    second.locator("summary").click()
    second.get_by_label("Reden van afwijzen").select_option(label="Reisafstand te groot")
    second.get_by_label("Toelichting").fill("Geen vervoer naar het industrieterrein")
    second.get_by_role("button", name="Afwijzen").click()
    assert "Suggestie afgewezen." in page.get_by_role("status").inner_text()

    page.get_by_role("button", name="Opnieuw berekenen").click()
    assert "Opnieuw berekend" in page.get_by_role("status").inner_text()
    cards = page.locator("li.suggestion")
    assert "Voorgedragen" in cards.nth(0).inner_text()
    assert "Afgewezen" in cards.nth(1).inner_text()
    assert "Reisafstand te groot — Geen vervoer naar het industrieterrein" in cards.nth(1).inner_text()
    db.session.rollback()  # end the test's read snapshot: see what the server committed
    assert sorted(s.status for s in db.session.scalars(select(Suggestion))) == sorted(
        [SuggestionStatus.PROPOSED, SuggestionStatus.REJECTED])
