"""A real browser at a phone's and a laptop's width: forms answer where the error is, long words wrap,
the staff header keeps to one line."""
import pytest

from models import ContactMoment
from models.common import clock
from models.enums import Channel, Role
from tests.browser.helpers import sign_in


def test_an_empty_meeting_request_on_a_phone_opens_on_the_focused_error_summary(live_server, page,
                                                                                make_public_profile):
    profile = make_public_profile(description="Werkt graag in een team. " * 60)  # the form sits low
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server}/kandidaten/{profile.code}")
    page.get_by_role("button", name="Verzoek versturen").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert page.evaluate("document.activeElement.id") == "ontmoeten-fouten"
    box = summary.bounding_box()
    assert page.evaluate("scrollY") > 0 and 0 <= box["y"] < 844


@pytest.mark.parametrize("width", [390, 1280])
def test_a_long_unbroken_word_in_a_contact_moment_does_not_widen_the_page(live_server, page, db, org, make_user,
                                                                          make_employer, width):
    manager = make_user(Role.ACCOUNT_MANAGER)
    employer = make_employer()
    db.session.add(ContactMoment(organisation_id=org.id, employer_id=employer.id, channel=Channel.EMAIL,
                                 occurred_on=clock.today(), subject="https://example.org/" + "a" * 150,
                                 notes="x" * 3000, author_id=manager.id))
    db.session.commit()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, manager)
    page.goto(f"{live_server}/werkgevers/{employer.id}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.MATCHER])
def test_the_staff_header_keeps_to_one_line_on_a_laptop(live_server, page, make_user, role):
    user = make_user(role, name="Petra van den Hoekstra-Bakker")
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server, user)
    tops = page.evaluate("[...document.querySelectorAll('.header-row > *')].map(e => e.getBoundingClientRect().top)")
    assert max(tops) - min(tops) < 10, tops
    assert user.name in page.inner_text(".account")  # still there for a screen reader
