"""A real browser: an account manager logs a contact moment with a follow-up and completes it."""

from models import Employer
from models.common import clock
from models.enums import Role
from tests.conftest import PASSWORD


def test_account_manager_logs_follow_up_and_marks_it_done(live_server, page, make_user, db, org):
    user = make_user(Role.ACCOUNT_MANAGER, name="Sanne Kok")
    employer = Employer(organisation_id=org.id, name="Bakkerij Kruimel", kvk="12345678", city="Dronten")
    db.session.add(employer)
    db.session.commit()
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server + "/beheer/accountmanager")

    page.get_by_role("link", name="Werkgevers").first.click()
    page.get_by_role("link", name="Bakkerij Kruimel").click()
    form = page.locator("section.moment-form")
    assert form.get_by_label("Datum").input_value() == clock.today().isoformat()
    form.get_by_label("Kanaal").select_option(label="Bezoek")
    form.get_by_label("Onderwerp").fill("Rondleiding in de bakkerij")
    form.get_by_label("Follow-up op").fill(clock.today().isoformat())
    form.get_by_label("Actie").fill("Vacaturetekst opvragen")
    assert form.get_by_label("Wie volgt op").locator("option:checked").inner_text() == "Sanne Kok"
    form.get_by_role("button", name="Contactmoment vastleggen").click()
    assert "Contactmoment vastgelegd." in page.get_by_role("status").first.inner_text()
    assert "Rondleiding in de bakkerij" in page.locator("#tijdlijn + ol").inner_text()

    menu = page.get_by_role("navigation", name="Hoofdmenu")
    menu.locator("summary:visible", has_text="Werkgevers").click()  # the menu groups its entries per task
    menu.get_by_role("link", name="Mijn follow-ups").click()
    row = page.get_by_role("row").filter(has_text="Vacaturetekst opvragen")
    assert "Vandaag" in row.inner_text() and "Bakkerij Kruimel" in row.inner_text()
    row.get_by_role("button", name="Afgerond").click()
    assert "Afgerond: Vacaturetekst opvragen." in page.get_by_role("status").first.inner_text()
    assert "U heeft geen open follow-ups." in page.inner_text("main")
