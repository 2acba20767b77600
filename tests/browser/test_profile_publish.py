"""A real browser: a matcher previews a profile, sees a phone number flagged, removes it, publishes."""
from datetime import timedelta

from models.common import clock
from models.enums import Education, Role
from tests.conftest import PASSWORD


def test_matcher_removes_flagged_phone_and_publishes(app, live_server, page, make_user, make_candidate, db):
    app.config["PROFILE_K_ANONYMITY"] = 1
    user = make_user(Role.MATCHER)
    candidate = make_candidate(external_id="CL-4242", publish_consent=True,
                               consent_until=clock.today() + timedelta(days=90), education=Education.MBO2,
                               desired_occupations=["orderpicker"], hours_min=32, hours_max=32)
    candidate.personal.about = "Betrouwbaar en altijd op tijd."
    db.session.commit()

    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("link", name="Kandidaten").first.click()
    page.get_by_role("link", name="CL-4242").click()
    page.get_by_role("link", name="Openbaar profiel").click()
    assert "Orderpicker · 32 uur · Dronten" in page.inner_text(".preview")

    description = page.get_by_role("textbox", name="Beschrijving")
    description.fill("Betrouwbaar en altijd op tijd. Bel mij op 06 12 34 56 78.")
    page.get_by_role("button", name="Publiceren").click()
    assert "telefoonnummer" in page.get_by_role("alert").inner_text()
    assert page.locator("mark.finding").first.inner_text().startswith("06 12 34 56 78")

    description = page.get_by_role("textbox", name="Beschrijving")
    description.fill(description.input_value().replace(" Bel mij op 06 12 34 56 78.", ""))
    page.get_by_role("button", name="Publiceren").click()
    assert "is gepubliceerd in de catalogus" in page.inner_text(".flashes")
    assert "Status: gepubliceerd" in page.inner_text("#publication-state")
    assert "06 12" not in page.inner_text(".preview")
