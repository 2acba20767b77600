"""A real browser walks the whole path: vacancy → suggestions → propose → introduced → interview →
hired → placement recorded and valued → profile withdrawn."""
import pytest
from sqlalchemy import select

from models import PublicProfile, Suggestion
from models.enums import ProfileStatus, Role, SuggestionStatus
from tests.conftest import PASSWORD
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy
from tests.queue_helpers import run_jobs

pytestmark = pytest.mark.usefixtures("index_snapshots")  # as if the worker had built each index


def test_from_vacancy_to_recorded_placement_without_typing_a_url(live_server, app, page, db, org, make_user, tables,
                                                                 make_employer, make_candidate):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                          required=["orderpicken"], hours_min=24, hours_max=32)
    amina = make_candidate(first_name="Amina", last_name="Test", hours_min=20, hours_max=36, lat=52.52, lon=5.72,
                           max_travel_km=25, target_groups=["participatiewet"])
    link_candidate(db.session, amina, ["orderpicken"])
    db.session.add(PublicProfile(candidate_id=amina.id, organisation_id=org.id, code="K-9A2B",
                                 status=ProfileStatus.PUBLISHED))
    db.session.commit()
    user = make_user(Role.COORDINATOR)
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/coordinator")

    page.goto(f"{live_server}/vacatures/{vacancy.id}")
    page.get_by_role("link", name="Suggesties bekijken").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Suggesties voor Orderpicker"
    assert "De suggesties voor deze vacature worden berekend." in page.get_by_role("status").inner_text()
    assert run_jobs(app, "refresh_vacancy", keep_others=True) == 1  # the worker ranks it
    page.get_by_role("link", name="Pagina vernieuwen").click()
    card = page.locator("li.suggestion").nth(0)
    assert "Amina Test" in card.get_by_role("heading").inner_text()
    card.get_by_role("button", name="Voordragen").click()
    assert "Voorgedragen aan de werkgever." in page.get_by_role("status").inner_text()
    for step in ("Voorgesteld aan werkgever", "Gesprek", "Aangenomen"):
        card = page.locator("li.suggestion").nth(0)
        card.get_by_label("Volgende stap").select_option(label=step)
        card.get_by_role("button", name="Status bijwerken").click()
        assert f"Status bijgewerkt: {step}." in page.get_by_role("status").inner_text()

    page.locator("li.suggestion").nth(0).get_by_role("link", name="Plaatsing vastleggen").click()
    assert page.get_by_label("Klantnummer van de kandidaat").input_value() == amina.external_id
    page.get_by_label("Startdatum").fill("2025-01-01")
    page.get_by_label("(Geplande) einddatum").fill("2025-12-31")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    assert "Plaatsing vastgelegd. Waarde voor social return: €" in page.get_by_role("status").inner_text()

    page.goto(f"{live_server}/beheer/suggesties/vacature/{vacancy.id}")
    page.get_by_role("link", name="Plaatsing bekijken").click()
    assert "/beheer/plaatsingen/" in page.url
    db.session.rollback()  # see what the server committed
    profile = db.session.scalar(select(PublicProfile).where(PublicProfile.candidate_id == amina.id))
    assert profile.status == ProfileStatus.WITHDRAWN
    suggestion = db.session.scalar(select(Suggestion).where(Suggestion.candidate_id == amina.id))
    assert suggestion.status == SuggestionStatus.HIRED
