"""A real browser: a matcher signs in with the keyboard and sees their start page."""
from models.enums import Role
from tests.conftest import PASSWORD


def test_matcher_signs_in_and_sees_start_page(live_server, page, make_user):
    user = make_user(Role.MATCHER, name="Youssef Amrani")
    page.goto(live_server + "/")
    page.get_by_role("link", name="Inloggen", exact=True).first.click()
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server + "/beheer/matcher")
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom, Youssef Amrani"
    assert "Gemeente Dronten" in page.inner_text("main")


def test_wrong_password_is_announced_in_the_error_summary(live_server, page, make_user):
    user = make_user(Role.MATCHER)
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill("niet-het-goede-wachtwoord")
    page.keyboard.press("Enter")
    alert = page.get_by_role("alert")
    assert "horen niet bij elkaar" in alert.inner_text()


def test_skip_link_moves_focus_to_main_content(live_server, page):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"
