"""Keyboard only: the catalogue filters and a contact moment can be completed with Tab, Shift+Tab, Enter and
Space, every focused control shows a visible outline, and wide tables scroll in a focusable, named region."""

from models import Employer
from models.enums import Role
from tests.conftest import PASSWORD

FOCUSED = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {id: el.id, tag: el.tagName, text: (el.innerText || el.value || '').trim().slice(0, 60),
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          // Chromium's own calendar button inside a date field: styled in werkbrug.css, not visible from here
          picker: el.type === 'date' && !el.matches(':focus')};
}"""


def tab_to(page, element_id: str, key: str = "Tab", limit: int = 80) -> None:
    """Press ``key`` until the element with ``element_id`` has focus; every stop on the way shows an outline."""
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        assert focused["outline"] or focused["picker"], f"no visible focus on {focused}"
        if focused["id"] == element_id:
            return
    raise AssertionError(f"{key} never reached #{element_id}")


def test_catalogue_filters_with_the_keyboard_only(live_server, page, make_public_profile):
    make_public_profile(headline="Kok met ervaring", occupations=["Kok"], skills=["Koken"])
    make_public_profile(headline="Handige orderpicker", skills=["Heftruck rijden", "Orderpicken"])
    page.goto(live_server + "/kandidaten")
    tab_to(page, "q")
    page.keyboard.type("heftruck")
    tab_to(page, "km")
    tab_to(page, "q", key="Shift+Tab")  # and back again
    assert page.evaluate("document.activeElement.value") == "heftruck"
    tab_to(page, "submit")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=heftruck**")
    assert "1 kandidaat" in page.inner_text("main")
    page.get_by_role("link", name="Handige orderpicker").focus()
    assert page.evaluate(FOCUSED)["outline"]
    page.keyboard.press("Enter")
    page.wait_for_url("**/kandidaten/*")
    assert page.get_by_role("heading", level=1).inner_text()


def test_contact_moment_with_the_keyboard_only(live_server, page, make_user, db, org):
    user = make_user(Role.ACCOUNT_MANAGER, name="Sanne Kok")
    employer = Employer(organisation_id=org.id, name="Bakkerij Kruimel", kvk="12345678", city="Dronten")
    db.session.add(employer)
    db.session.commit()
    page.goto(live_server + "/inloggen")
    tab_to(page, "email")
    page.keyboard.type(user.email)
    tab_to(page, "password")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(live_server + "/beheer/accountmanager")

    page.goto(f"{live_server}/werkgevers/{employer.id}")
    tab_to(page, "subject")
    page.keyboard.type("Rondleiding in de bakkerij")
    tab_to(page, "channel", key="Shift+Tab")
    page.keyboard.press("ArrowDown")  # a select changes with the arrow keys, as in every browser
    tab_to(page, "submit")
    page.keyboard.press("Space")
    page.wait_for_load_state()
    assert "Contactmoment vastgelegd." in page.get_by_role("status").first.inner_text()
    assert "Rondleiding in de bakkerij" in page.locator("#tijdlijn + ol").inner_text()


def test_wide_table_scrolls_in_a_named_focusable_region_on_a_phone(live_server, browser, make_user, db, org):
    for n in range(3):
        make_user(Role.MATCHER, name=f"Medewerker met een lange naam {n}")
    user = make_user(Role.COORDINATOR)
    context = browser.new_context(locale="nl-NL", viewport={"width": 375, "height": 700})
    page = context.new_page()
    try:
        page.goto(live_server + "/inloggen")
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/beheer/**")
        page.goto(live_server + "/beheer/gebruikers/")
        region = page.locator(".table-scroll")
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        caption = page.locator("#" + region.get_attribute("aria-labelledby"))
        assert caption.evaluate("el => el.tagName") == "CAPTION"
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")  # only the table scrolls
        region.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.querySelector('.table-scroll').scrollLeft > 0", timeout=3000)
    finally:
        context.close()
