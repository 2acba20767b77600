"""What browser tests do alike."""
from tests.conftest import PASSWORD


def sign_in(page, live_server, user):
    """Sign ``user`` in through the login form and wait for the page they land on."""
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
