"""A real browser at a phone's and a laptop's width: forms answer where the error is, long words wrap,
the staff header keeps to one line and shows who is signed in where there is room."""
import os

import pytest

from models import ContactMoment, EmployerRequest, Notification
from models.common import clock
from models.enums import Channel, RequestStatus, Role
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


# Who is signed in, as the header shows it: its width (1: for screen readers only), whether it ends in "…",
# its title, and how many lines "Meldingen 5" and the name take.
HEADER = """() => {
  const who = document.querySelector('.who'), link = document.querySelector('.notices-link');
  const lines = e => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight));
  const tops = [...document.querySelectorAll('.header-row > *')].map(e => e.getBoundingClientRect().top);
  return {width: who.getBoundingClientRect().width, cut: who.scrollWidth > who.clientWidth, title: who.title,
          name_lines: lines(who), link_lines: lines(link), one_row: Math.max(...tops) - Math.min(...tops) < 10};
}"""


@pytest.mark.parametrize("role, width, shown", [
    (Role.COORDINATOR, 390, "whole"), (Role.COORDINATOR, 768, "whole"), (Role.COORDINATOR, 1024, "whole"),
    (Role.COORDINATOR, 1280, "hidden"),  # the one-line header leaves no room for a few letters
    (Role.MATCHER, 1280, "cut"), (Role.MATCHER, 1440, "cut"),
])
def test_the_staff_header_shows_the_name_where_it_fits_and_the_notices_count_on_one_line(
        live_server, page, db, org, make_user, role, width, shown):
    user = make_user(role, name="Petra van den Hoekstra-Bakker")
    db.session.add(Notification(user_id=user.id, kind="request", key="k1", title="Nieuw verzoek"))
    db.session.commit()
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, user)
    header = page.evaluate(HEADER)
    assert header["link_lines"] == 1, header  # "Meldingen 1" does not wrap
    assert header["title"] == f"{user.name} · {org.name}"
    assert user.name in page.inner_text(".account")  # in every case there for a screen reader
    if shown == "whole":  # on a phone a long name may take two lines of its own, above the links
        assert header["width"] > 100 and not header["cut"] and header["name_lines"] <= (2 if width < 640 else 1), header
    elif shown == "cut":
        assert header["width"] > 90 and header["cut"] and header["one_row"], header
    else:
        assert header["width"] <= 1 and header["one_row"], header


def test_the_employers_own_requests_read_on_a_phone(live_server, page, db, org, make_user, make_public_profile):
    employer = make_user(Role.EMPLOYER)
    profile = make_public_profile()
    for status in (RequestStatus.CANDIDATE_AGREED, RequestStatus.INTRODUCED):
        db.session.add(EmployerRequest(organisation_id=org.id, profile_id=profile.id, user_id=employer.id,
                                       requester_name="Piet", company="Piet BV", email=employer.email, status=status))
    db.session.commit()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, live_server, employer)
    page.goto(f"{live_server}/werkgever/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    status = page.locator("td", has_text="werkzoekende wil kennismaken")
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert status.evaluate("td => td.scrollWidth <= td.clientWidth")  # the whole word shows, nothing cut off
    if os.environ.get("WERKBRUG_SCREENSHOTS"):
        page.screenshot(path=os.environ["WERKBRUG_SCREENSHOTS"], full_page=True)
    page.get_by_role("link", name=profile.code).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/kandidaten/{profile.code}")
