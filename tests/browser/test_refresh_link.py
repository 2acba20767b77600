"""A page whose figures are being computed loads itself again, but never under someone typing."""
from models.enums import Role
from tests.conftest import PASSWORD
from tests.matching_helpers import add_vacancy, load_small_taxonomy


def _sign_in(page, live_server, user):
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server + "/beheer/matcher")


def test_the_suggestions_being_computed_reload_when_nobody_types(live_server, page, db, org, make_user,
                                                                 make_employer):
    load_small_taxonomy(db.session)
    vacancy = add_vacancy(db.session, org, make_employer(), title="Orderpicker", required=["orderpicken"])
    _sign_in(page, live_server, make_user(Role.MATCHER))
    page.clock.install()
    page.goto(f"{live_server}/beheer/suggesties/vacature/{vacancy.id}")  # no index snapshot: being computed
    link = page.get_by_role("link", name="Pagina vernieuwen")
    assert link.get_attribute("data-refresh-after") == "30"
    assert page.locator('meta[http-equiv="refresh"]').count() == 0

    page.evaluate("""() => {  // someone starts typing in a field on the page
        const field = document.createElement("input");
        field.id = "typed"; document.querySelector("main").appendChild(field); field.value = "half a note";
    }""")
    page.clock.run_for(31_000)
    assert page.locator("#typed").input_value() == "half a note"  # not reloaded under their hands

    page.evaluate("() => { document.querySelector('#typed').remove(); }")
    with page.expect_navigation():
        page.clock.run_for(31_000)
    assert page.get_by_role("link", name="Pagina vernieuwen").count() == 1  # loaded again, still computing
