"""A real browser: the preview asks the matcher to check a sentence the learned gate flags, at phone and
desktop widths (screenshots in test-artifacts/ to look at)."""
from datetime import timedelta

from models.common import clock
from models.enums import Education, Role
from tests.browser.conftest import ARTIFACTS
from tests.conftest import PASSWORD


def test_preview_marks_a_sentence_to_check_on_a_phone_and_a_desktop(app, live_server, page, make_user,
                                                                      make_candidate, db):
    app.config["PROFILE_K_ANONYMITY"] = 1
    user = make_user(Role.MATCHER)
    candidate = make_candidate(external_id="CL-4343", publish_consent=True,
                               consent_until=clock.today() + timedelta(days=90), education=Education.MBO2,
                               desired_occupations=["orderpicker"], skills=["heftruck"], hours_min=24, hours_max=32)
    candidate.personal.experience = ("Werkte drie jaar als orderpicker bij een distributiecentrum. "
                                     "Ik ben sinds kort weer nuchter. Heeft rijbewijs B.")
    db.session.commit()

    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server}/beheer/kandidaten/{candidate.id}/profiel")
        assert page.locator("mark.gate-hint").inner_text() == "Ik ben sinds kort weer nuchter. (controleren)"
        assert "Controleer deze zinnen" in page.inner_text("#hints")
        page.locator("#preview-title").scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"profile-hint-{width}.png"), full_page=True)
