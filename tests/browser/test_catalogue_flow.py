"""A real browser: an employer filters, opens a profile and asks to meet; every public page passes axe."""
from pathlib import Path

import pytest
from flask import url_for
from sqlalchemy import select

from models import EmployerRequest
from models.enums import ProfileStatus, Role
from tests.conftest import PASSWORD

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


def assert_no_axe_violations(page) -> None:
    # Injected through the DevTools protocol, not a <script> tag, so the page's CSP stays as served.
    page.evaluate(_axe_source())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    problems = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})" for v in result["violations"]]
    assert problems == [], page.url + "\n" + "\n".join(problems)


def test_employer_filters_opens_a_profile_and_sends_a_request(live_server, page, make_public_profile, make_user,
                                                              db, app):
    make_public_profile(headline="Kok met ervaring", occupations=["Kok"], skills=["Koken"])
    wanted = make_public_profile(headline="Handige orderpicker", skills=["Heftruck rijden", "Orderpicken"])
    page.goto(live_server + "/kandidaten")
    page.get_by_label("Zoek op vaardigheid of beroep").fill("heftruk")
    page.get_by_label("Postcode of plaats").fill("8251")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=heftruk**")
    assert "1 kandidaat" in page.inner_text("main")
    page.get_by_role("link", name="Handige orderpicker").click()
    page.get_by_label("Uw naam").fill("Anne de Wit")
    page.get_by_label("Bedrijfsnaam").fill("Bakkerij De Korenschoof")
    page.get_by_label("KvK-nummer").fill("1234")
    page.get_by_label("E-mailadres").fill("anne@korenschoof.example")
    page.get_by_role("button", name="Verzoek versturen").click()
    alert = page.get_by_role("alert")
    assert "8 cijfers" in alert.inner_text()
    alert.get_by_role("link", name="KvK-nummer").click()
    assert page.evaluate("document.activeElement.id") == "kvk"
    page.keyboard.press("Control+A")
    page.keyboard.type("12345678")
    page.get_by_role("button", name="Verzoek versturen").click()
    page.wait_for_url(f"**/kandidaten/{wanted.code}/verstuurd#inhoud")  # the fragment of the form replaced
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt, uw verzoek is verstuurd"

    manager = make_user(Role.ACCOUNT_MANAGER)
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(manager.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/accountmanager")
    db.session.rollback()  # end the test's read snapshot: see what the server committed
    request = db.session.scalar(select(EmployerRequest))
    assert (request.organisation_id, request.profile_id, request.kvk) == (manager.organisation_id, wanted.id, "12345678")
    if "requests.index" in app.view_functions:  # the inbox is built in another area
        with app.test_request_context():
            page.goto(live_server + url_for("requests.index"))
        assert "Bakkerij De Korenschoof" in page.inner_text("main")


def test_filters_work_with_the_keyboard_only(live_server, page, make_public_profile):
    make_public_profile(hours_min=8, hours_max=12)
    make_public_profile(hours_min=32, hours_max=36)
    page.goto(live_server + "/kandidaten")
    page.get_by_label("Uren per week").focus()
    page.keyboard.type("32")
    page.keyboard.press("Enter")
    page.wait_for_url("**uren=32**")
    assert "1 kandidaat" in page.inner_text("main")


@pytest.mark.parametrize("path", [
    "/", "/kandidaten", "/kandidaten?plaats=Atlantis&uren=99", "/kandidaten?q=heftruk&plaats=8251",
    "PROFILE", "GONE", "/kandidaten/K-FFFF", "INVALID", "SENT", "/werkgever/registreren", "ACCOUNT",
])
def test_public_pages_have_no_axe_violations(live_server, page, make_public_profile, make_user, path):
    for n in range(25):
        make_public_profile()
    profile = make_public_profile(skills=["Heftruck rijden"], education=None, checked_on=None)
    withdrawn = make_public_profile(status=ProfileStatus.WITHDRAWN)
    if path == "INVALID":
        page.goto(f"{live_server}/kandidaten/{profile.code}")
        page.get_by_role("button", name="Verzoek versturen").click()
        page.get_by_role("alert").wait_for()
    elif path == "SENT":
        page.goto(f"{live_server}/kandidaten/{profile.code}/verstuurd")
    elif path == "ACCOUNT":
        employer = make_user(Role.EMPLOYER)
        page.goto(live_server + "/inloggen")
        page.get_by_label("E-mailadres").fill(employer.email)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/werkgever/")
        page.goto(f"{live_server}/kandidaten?q=heftruck")
        assert_no_axe_violations(page)
        page.goto(f"{live_server}/kandidaten/{profile.code}")
    else:
        target = {"PROFILE": f"/kandidaten/{profile.code}", "GONE": f"/kandidaten/{withdrawn.code}"}.get(path, path)
        page.goto(live_server + target)
    assert_no_axe_violations(page)


def test_on_a_phone_the_results_come_first_and_the_filters_fold(live_server, page, make_public_profile):
    make_public_profile(headline="Handige orderpicker", skills=["Heftruck rijden"])
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/kandidaten?q=heftruck")
    toggle = page.locator("summary", has_text="Filters (1 actief)")
    assert toggle.is_visible()
    assert not page.get_by_label("Zoek op vaardigheid of beroep").is_visible()
    result = page.get_by_role("link", name="Handige orderpicker")
    assert result.bounding_box()["y"] < 844  # the first result is on the first screen
    toggle.click()
    assert page.get_by_label("Zoek op vaardigheid of beroep").input_value() == "heftruck"
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server + "/kandidaten")
    assert page.get_by_label("Zoek op vaardigheid of beroep").is_visible()  # always open on a wide screen
    assert not page.locator("summary", has_text="Zoeken en filteren").is_visible()
