"""Every staff page a role can reach, filled with the demo data, passes axe (WCAG 2.1 A and AA)."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from app import create_app
from models import Base, Employer, Organisation, Placement, PublicProfile, Vacancy
from models.sroi.building_block import BuildingBlockTableVersion
from models.sroi.obligation import SroiObligation
from web.extensions import db

DEMO_PASSWORD = "werkbrug-demo-2026"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CONTRACTOR_EMAIL = "planner@opdrachtnemer.example"


def _first(query):
    return db.session.scalar(query.limit(1))


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, fast_password_hashing):
    """A live server over an SQLite file filled once with the demo data; yields (base URL, object ids)."""
    from models.catalogue import meet_requests
    from seed.loader import load_demo

    path = tmp_path_factory.mktemp("a11y") / "demo.sqlite"
    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "a11y",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "PROPAGATE_EXCEPTIONS": False})
    with app.app_context():
        Base.metadata.create_all(db.engine)
        for _line in load_demo(db.session, 2026, echo=lambda _s: None):
            pass
        org = db.session.scalar(select(Organisation).where(Organisation.key == "dronten"))
        own = lambda model: select(model).where(model.organisation_id == org.id).order_by(model.id)  # noqa: E731
        profile = _first(own(PublicProfile).where(PublicProfile.status == "published"))
        meet_requests.submit(db.session, profile, meet_requests.MeetingRequest(
            name="Petra de Vries", company="Bakkerij De Korenschoof", kvk="12345678", email="petra@example.org"))
        ids = {
            "employer": _first(own(Employer)).id,
            "vacancy": _first(own(Vacancy)).id,  # its suggestions page computes them
            "candidate": profile.candidate_id,
            "placement": _first(own(Placement)).id,
            "obligation": _first(own(SroiObligation)).id,
            "version": _first(select(BuildingBlockTableVersion).order_by(BuildingBlockTableVersion.id)).id,
        }
        _contractor_with_a_proposal(db.session.get(SroiObligation, ids["obligation"]))
        db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", ids
    server.shutdown()
    thread.join(timeout=5)
    with app.app_context():
        db.engine.dispose()


def _contractor_with_a_proposal(obligation) -> None:
    """The obligation's contractor gets a contact person with an account and a proposal waiting."""
    from models import ContractorAccess, SroiActivity
    from models.accounts import users
    from models.enums import ActivityKind, ActivityStatus, Role

    contact = users.create_user(db.session, email=CONTRACTOR_EMAIL, name="Piet Planner", role=Role.EMPLOYER,
                                   password=DEMO_PASSWORD, company_name=obligation.contractor.name)
    db.session.add_all([
        ContractorAccess(user_id=contact.id, employer_id=obligation.contractor_id),
        SroiActivity(obligation=obligation, kind=ActivityKind.PURCHASE, occurred_on=obligation.period_start,
                     amount=100_000, evidence="Factuur 2026-12", value_cents=100_000, proposed_by_id=contact.id,
                     value_explanation="factuurwaarde € 1.000,00", status=ActivityStatus.PROPOSED)])


def detail_pages(ids: dict) -> dict[str, list[str]]:
    """The main pages behind the navigation, per role (the navigation itself is followed as rendered)."""
    register = [f"/werkgevers/{ids['employer']}", f"/werkgevers/{ids['employer']}/geschiedenis",
                "/werkgevers/nieuw", f"/vacatures/{ids['vacancy']}", f"/vacatures/{ids['vacancy']}/geschiedenis",
                "/vacatures/nieuw", "/vacatures/aanmeldingen", "/beheer/verzoeken/1",
                f"/beheer/plaatsingen/{ids['placement']}", f"/beheer/social-return/{ids['obligation']}",
                "/beheer/social-return/nieuw"]
    matching = [f"/vacatures/{ids['vacancy']}", f"/beheer/kandidaten/{ids['candidate']}",
                f"/beheer/kandidaten/{ids['candidate']}/profiel", f"/beheer/kandidaten/{ids['candidate']}/bewerken",
                f"/beheer/suggesties/vacature/{ids['vacancy']}",
                f"/beheer/suggesties/kandidaat/{ids['candidate']}", f"/beheer/plaatsingen/{ids['placement']}"]
    coordinator = [f"/beheer/bouwblokken/versies/{ids['version']}", "/beheer/taxonomie/ongekoppeld"]
    return {
        "accountmanager": register,
        "matcher": matching,
        "coordinator": list(dict.fromkeys(register + matching + coordinator)),
        "beheerder": [],
    }


def _axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


def axe_problems(page) -> list[str]:
    # Injected through the DevTools protocol, not a <script> tag, so the page's CSP stays as served.
    page.evaluate(_axe_source())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{page.url}: {v['id']}: {v['help']} ({len(v['nodes'])}x: {v['nodes'][0]['target']})"
            for v in result["violations"]]


@pytest.mark.parametrize("role", ["accountmanager", "matcher", "coordinator", "beheerder"])
def test_every_page_of_a_role_passes_axe(demo_server, page, role):
    base, ids = demo_server
    page.goto(base + "/inloggen")
    page.get_by_label("E-mailadres").fill(f"{role}@dronten.example.org")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/**")
    problems = axe_problems(page)
    navigation = list(dict.fromkeys(page.eval_on_selector_all(  # the menu is in the page for wide and narrow screens
        "nav[aria-label] a", "links => links.map(a => new URL(a.href).pathname + new URL(a.href).search)")))
    assert len(navigation) >= 3, navigation
    visited = [page.url]
    for path in list(dict.fromkeys(navigation + detail_pages(ids)[role])):
        response = page.goto(base + path)
        assert response.status == 200, f"{path}: {response.status}"
        problems += axe_problems(page)
        visited.append(path)
    assert problems == [], "\n".join(problems)
    assert len(visited) > len(navigation)


def test_error_pages_pass_axe(demo_server, page):
    base, _ids = demo_server
    page.goto(base + "/inloggen")
    page.get_by_role("button", name="Inloggen").click()  # empty form: error summary, status 422
    problems = axe_problems(page)
    page.get_by_label("E-mailadres").fill("matcher@dronten.example.org")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/**")
    for path, status in (("/werkgevers/", 403), ("/bestaat-niet", 404)):
        response = page.goto(base + path)
        assert response.status == status
        problems += axe_problems(page)
    assert problems == [], "\n".join(problems)


def test_staff_list_pages_print_without_navigation_and_filters(demo_server, page):
    base, _ids = demo_server
    page.goto(base + "/inloggen")
    page.get_by_label("E-mailadres").fill("accountmanager@dronten.example.org")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/**")
    page.goto(base + "/werkgevers/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.is_visible() and page.locator("form.filters").is_visible()
    page.emulate_media(media="print")
    assert not menu.is_visible() and not page.locator("form.filters").is_visible()
    assert not page.get_by_role("button", name="Uitloggen").is_visible()
    assert page.get_by_role("table").is_visible() and page.get_by_role("heading", name="Werkgevers").is_visible()


def test_contractor_pages_pass_axe(demo_server, page):
    base, ids = demo_server
    page.goto(base + "/inloggen")
    page.get_by_label("E-mailadres").fill(CONTRACTOR_EMAIL)
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/werkgever/**")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Social return").click()
    problems = axe_problems(page)
    page.goto(f"{base}/werkgever/social-return/{ids['obligation']}")
    assert "voorgesteld" in page.content()
    problems += axe_problems(page)
    page.get_by_role("button", name="Activiteit voorstellen").click()  # empty form: error summary, status 422
    assert page.get_by_role("alert").is_visible()
    problems += axe_problems(page)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("width", [390, 768, 1280])
def test_staff_menu_is_grouped_per_task_and_folds_on_a_phone(demo_server, page, width):
    from tests.browser.conftest import ARTIFACTS

    base, _ids = demo_server
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(base + "/inloggen")
    page.get_by_label("E-mailadres").fill("coordinator@dronten.example.org")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/**")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    toggle = menu.locator("summary", has_text="Menu")
    if width <= 640:
        assert toggle.is_visible()
        assert not menu.get_by_role("link", name="Gebruikers").is_visible()
        toggle.click()
    else:
        assert not toggle.is_visible()
    groups = [s.strip() for s in menu.locator("summary:visible").all_inner_texts() if s.strip() != "Menu"]
    assert groups == ["Werkgevers", "Kandidaten", "Matching", "Social return", "Rapportages", "Beheer"]
    menu.locator("summary:visible", has_text="Beheer").click()
    assert menu.get_by_role("link", name="Gebruikers").is_visible()
    assert not menu.get_by_role("link", name="Vacatures").is_visible()  # other groups stay folded
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"staff-menu-{width}.png"))
    assert axe_problems(page) == []
    menu.get_by_role("link", name="Gebruikers").click()
    assert page.get_by_role("heading", name="Gebruikers").first.is_visible()
