"""A real browser: an account manager registers and shares a vacancy; the partner's matcher reads it."""
from models.enums import Role
from tests.browser.helpers import sign_in


def test_vacancy_is_corrected_shared_and_read_by_the_partner(live_server, page, make_user, make_employer,
                                                             org, other_org):
    make_employer(name="Polderbakkerij Noord")
    manager = make_user(Role.ACCOUNT_MANAGER, org)
    partner_matcher = make_user(Role.MATCHER, other_org)

    sign_in(page, live_server, manager)
    page.get_by_role("link", name="Vacatures").first.click()
    page.get_by_role("link", name="Nieuwe vacature").click()
    page.get_by_label("Werkgever", exact=True).fill("polderbakkerij")  # looked up on the server
    page.get_by_label("Functietitel").fill("Inpakker productielijn")
    page.get_by_label("Vereiste vaardigheden").fill("HACCP\nVCA")
    page.get_by_label("Minimaal aantal uur per week").fill("32")
    page.get_by_label("Maximaal aantal uur per week").fill("24")
    page.get_by_role("button", name="Opslaan").click()

    summary = page.get_by_role("alert")
    assert "Het minimum aantal uur mag niet hoger zijn dan het maximum." in summary.inner_text()
    summary.get_by_role("link", name="Minimaal aantal uur per week").click()
    focused = page.evaluate("document.activeElement.id")
    assert focused == "hours_min"
    described = page.get_attribute("#hours_min", "aria-describedby")
    assert "hours_min-error" in described and page.get_attribute("#hours_min", "aria-invalid") == "true"

    page.get_by_label("Minimaal aantal uur per week").fill("20")
    page.get_by_role("button", name="Opslaan").click()
    assert "Vacature ‘Inpakker productielijn’ is opgeslagen." in page.inner_text("main")

    page.get_by_label("UWV Flevoland").check()
    page.get_by_role("button", name="Delen").click()
    assert "Gedeeld met UWV Flevoland." in page.inner_text("main")
    vacancy_url = page.url.split("#")[0]
    page.get_by_role("button", name="Uitloggen").click()

    sign_in(page, live_server, partner_matcher)
    page.get_by_role("link", name="Vacatures").first.click()
    row = page.get_by_role("row", name="Inpakker productielijn")
    assert "gedeeld door Gemeente Dronten" in row.inner_text()
    row.get_by_role("link", name="Inpakker productielijn").click()
    assert page.url == vacancy_url
    main = page.inner_text("main")
    assert "Gedeeld door Gemeente Dronten. U kunt deze vacature alleen bekijken." in main
    assert page.get_by_role("link", name="Bewerken").count() == 0
    assert page.get_by_role("button", name="Delen").count() == 0
