"""A real browser: a matcher edits a candidate, records a rung with an expected rung, and finds both
on the caseload page."""
from datetime import date, timedelta

from models import Candidate
from models.common import clock
from models.enums import Role
from tests.conftest import PASSWORD


def test_matcher_edits_records_a_rung_and_finds_it_on_the_caseload(live_server, page, make_user, make_candidate, db):
    user = make_user(Role.MATCHER, name="Noor Visser")
    candidate = make_candidate(external_id="KL-4711", hours_min=16, hours_max=24, skills=["schoonmaken"])
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server + "/beheer/matcher")

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.locator("summary:visible", has_text="Kandidaten").click()  # the menu groups its entries per task
    menu.get_by_role("link", name="Kandidaten", exact=True).click()
    page.get_by_role("link", name="KL-4711").click()
    page.get_by_role("link", name="Dossier bewerken").click()
    page.get_by_label("Maximum uren per week").fill("60")
    page.get_by_role("button", name="Opslaan").click()
    assert "Maximum uren per week: 60 kan niet" in page.locator(".error-summary").inner_text()
    page.get_by_label("Maximum uren per week").fill("32")
    page.get_by_label("Vaardigheden").fill("schoonmaken\nstrijken")
    page.get_by_label("Eigenaar").select_option(label="Noor Visser")
    page.get_by_role("button", name="Opslaan").click()
    assert "Dossier opgeslagen." in page.get_by_role("status").first.inner_text()
    assert "schoonmaken, strijken" in page.locator("section.record").inner_text()

    assessed = (clock.today() - timedelta(days=3)).isoformat()
    form = page.locator("form[action$='/trede']")
    form.get_by_label("Trede nu").select_option("3")
    form.get_by_label("Datum van de beoordeling").fill(assessed)
    form.get_by_label("Verwachte trede over 12 maanden").select_option("5")
    form.get_by_role("button", name="Trede vastleggen").click()
    assert "Trede vastgelegd." in page.get_by_role("status").first.inner_text()
    assert page.locator("svg.ladder-chart").count() == 1

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.locator("summary:visible", has_text="Kandidaten").click()
    menu.get_by_role("link", name="Mijn caseload").click()
    row = page.locator("#caseload-table").get_by_role("row").filter(has_text="KL-4711")
    cells = [c.strip() for c in row.get_by_role("cell").all_inner_texts()]
    at = cells.index("KL-4711")
    assert cells[at + 1:at + 4] == ["3", "5", date.fromisoformat(assessed).strftime("%d-%m-%Y")], cells
    assert "In beeld (trede en verwachte trede beide binnen 12 maanden): 1 van 1" in page.inner_text("main")
    db.session.rollback()  # end the test's own read transaction: see what the server committed
    saved = db.session.get(Candidate, candidate.id)
    assert (saved.hours_max, saved.owner_id, saved.ladder, saved.expected_ladder) == (32, user.id, 3, 5)
