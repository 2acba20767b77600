"""A real browser: record a placement from a hired suggestion, link it, and see the progress bar move."""
from datetime import date

from models.enums import Role
from tests.conftest import PASSWORD


def test_placement_from_hired_suggestion_moves_the_obligation_progress(live_server, page, make_user, tables,
                                                                       hired_suggestion, make_obligation):
    contractor = hired_suggestion.vacancy.employer
    obligation = make_obligation(contractor, contract_name="Groenonderhoud 2025", contract_sum_cents=50_000_000,
                                 period_start=date(2025, 1, 1), period_end=date(2026, 12, 31))
    user = make_user(Role.COORDINATOR)
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/coordinator")

    page.goto(f"{live_server}/beheer/social-return/{obligation.id}")
    bar = page.locator("progress")
    assert bar.get_attribute("value") == "0"
    assert "€ 0,00 van € 25.000,00 gerealiseerd" in page.inner_text("main")

    page.goto(f"{live_server}/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}")
    assert page.get_by_label("Klantnummer van de kandidaat").input_value() == "K-00001"
    page.get_by_label("Startdatum").fill("2025-01-01")
    page.get_by_label("(Geplande) einddatum").fill("2025-06-30")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    assert "Waarde voor social return: € 13.333,33" in page.get_by_role("status").inner_text()

    page.goto(f"{live_server}/beheer/social-return/{obligation.id}")
    page.get_by_label("Plaatsing bij deze opdrachtnemer").select_option(index=0)
    page.get_by_role("button", name="Koppelen").click()
    assert "telt nu mee" in page.get_by_role("status").inner_text()
    assert page.locator("progress").get_attribute("value") == "1333333"
    main = page.inner_text("main")
    assert "€ 13.333,33 van € 25.000,00 gerealiseerd (53,3%)" in main
    assert "Participatiewet > 2 jaar: € 40.000 × 24/36 u × 6/12 mnd = € 13.333,33" in main


def test_placement_sroi_and_bouwblokken_pages_pass_axe(live_server, page, make_user, tables, hired_suggestion,
                                                       make_obligation):
    from axe_playwright_python.sync_playwright import Axe

    obligation = make_obligation(hired_suggestion.vacancy.employer, period_start=date(2025, 1, 1))
    user = make_user(Role.COORDINATOR)
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/coordinator")
    page.goto(f"{live_server}/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}")
    page.get_by_label("Startdatum").fill("2025-01-01")
    page.get_by_role("button", name="Plaatsing vastleggen").click()
    page.wait_for_selector(".flash-success")
    placement_url = page.url
    version = tables["utrecht"].versions[0]
    axe = Axe()
    for path in ("/beheer/plaatsingen/", placement_url.removeprefix(live_server),
                 f"/beheer/plaatsingen/nieuw?suggestie={hired_suggestion.id}", "/beheer/social-return/",
                 f"/beheer/social-return/{obligation.id}", f"/beheer/social-return/{obligation.id}/bewerken",
                 "/beheer/bouwblokken/", f"/beheer/bouwblokken/versies/{version.id}",
                 f"/beheer/bouwblokken/versies/{version.id}/blokken/participatiewet"):
        page.goto(live_server + path)
        results = axe.run(page)
        assert results.violations_count == 0, f"{path}: {results.generate_report()}"
