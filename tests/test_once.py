"""Every write happens once: create forms carry a one-time token, operations check natural keys.

Double clicks (two parallel posts), retries and a resubmit after Back store one record and show the
first result; another user's token is refused; the same placement or contact moment entered again on a
new form is refused with a message naming what is the same.
"""
import re
import threading
import time
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from models import ContactMoment, FormSubmission, Placement
from models.common import clock, idempotency
from models.enums import Role
from models.placements import recording
from models.reports import Period
from models.reports.placements import placement_figures
from models.sroi.progress import progress
from tests.placement_fixtures import page_text, placement_form

FIRST_RESULT = "Dit formulier was al verstuurd; u ziet het resultaat van de eerste keer."
TOKEN = re.compile(r'name="((?:[\w-]+-)?once)" type="hidden" value="([^"]+)"')


def form_token(response) -> tuple[str, str]:
    """The one-time token field of the form on the page: (name, value)."""
    found = TOKEN.findall(response.get_data(as_text=True))
    assert len(found) == 1, f"expected one token field, found {found}"
    return found[0]


def _placements(db) -> int:
    return db.session.scalar(select(func.count(Placement.id)))


def _second_client(app, user, login_form=None):
    other = app.test_client()
    response = other.post("/inloggen", data={"email": user.email, "password": login_form or
                                             "correct-horse-battery-staple"}, follow_redirects=True)
    assert response.status_code == 200
    return other


@pytest.fixture
def placement_setup(as_role, db, tables, make_candidate, make_employer, make_obligation):
    make_candidate(target_groups=["participatiewet"], benefit_since=date(2022, 1, 1))
    employer = make_employer()
    obligation = make_obligation(employer)
    user = as_role(Role.MATCHER)
    return user, employer, obligation


def test_the_placement_form_sent_twice_at_once_and_twice_more_stores_one_placement(
        app, client, db, placement_setup, monkeypatch):
    """The issue's case: two parallel and two serial posts of one form gave 4 placements; now 1."""
    user, employer, obligation = placement_setup
    name, token = form_token(client.get("/beheer/plaatsingen/nieuw"))
    data = placement_form(employer=str(employer.id), sroi_obligation=str(obligation.id), **{name: token})

    original = recording.record_placement

    def slow(*args, **kwargs):  # the first request holds its transaction open while the second arrives
        placement = original(*args, **kwargs)
        time.sleep(0.4)
        return placement

    monkeypatch.setattr(recording, "record_placement", slow)
    clients = [client, _second_client(app, user)]
    answers: list = [None, None]
    start = threading.Barrier(2)

    def post(i):
        start.wait()
        answers[i] = clients[i].post("/beheer/plaatsingen/nieuw", data=data)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status_code for a in answers) == [302, 303], [page_text(a) for a in answers]
    [placement] = db.session.scalars(select(Placement)).all()
    first_page = f"/beheer/plaatsingen/{placement.id}"
    assert all(a.headers["Location"].endswith(first_page) for a in answers)

    for _ in range(2):  # two more clicks after the first answer came
        again = client.post("/beheer/plaatsingen/nieuw", data=data, follow_redirects=True)
        assert again.status_code == 200 and again.request.path == first_page
        assert FIRST_RESULT in page_text(again)
    assert _placements(db) == 1

    db.session.expire_all()
    obligation_progress = progress(db.session, obligation, date(2026, 12, 31))
    assert len(obligation_progress.contributions) == 1
    assert obligation_progress.realised_cents == placement.value_cents
    figures = {f.key: f for f in placement_figures(db.session, [employer.organisation_id], Period(
        date(2026, 1, 1), date(2026, 12, 31), "year", "2026"))}
    assert figures["instrument"].total == 1


def test_a_resubmit_after_back_shows_the_first_result_and_a_new_form_is_refused_by_the_natural_key(
        client, db, placement_setup):
    user, employer, obligation = placement_setup
    name, first = form_token(client.get("/beheer/plaatsingen/nieuw"))
    data = placement_form(employer=str(employer.id))
    response = client.post("/beheer/plaatsingen/nieuw", data={**data, name: first})
    assert response.status_code == 302
    placement_id = int(response.headers["Location"].rsplit("/", 1)[1])

    _, second = form_token(client.get("/beheer/plaatsingen/nieuw"))
    assert second != first  # each time the form is shown it gets its own token

    back = client.post("/beheer/plaatsingen/nieuw", data={**data, name: first}, follow_redirects=True)
    assert back.request.path == f"/beheer/plaatsingen/{placement_id}" and FIRST_RESULT in page_text(back)

    again = client.post("/beheer/plaatsingen/nieuw", data={**data, name: second})
    assert again.status_code == 422
    assert ("Deze plaatsing is al vastgelegd: dezelfde kandidaat, dezelfde werkgever en dezelfde startdatum "
            "(01-01-2026).") in page_text(again)
    assert f'href="/beheer/plaatsingen/{placement_id}"' in again.get_data(as_text=True)
    assert _placements(db) == 1
    # The refused form still works for a different start date: its token was not used up.
    other_day = client.post("/beheer/plaatsingen/nieuw", data={**data, name: second, "start_date": "2026-02-01"})
    assert other_day.status_code == 302 and _placements(db) == 2


def test_a_token_of_another_user_is_refused_and_the_form_shown_again_can_be_sent(
        app, client, db, placement_setup, make_user):
    user, employer, obligation = placement_setup
    name, token = form_token(client.get("/beheer/plaatsingen/nieuw"))
    colleague = make_user(Role.MATCHER)
    other = _second_client(app, colleague)
    data = placement_form(employer=str(employer.id))
    refused = other.post("/beheer/plaatsingen/nieuw", data={**data, name: token})
    assert refused.status_code == 422
    assert "Dit formulier is verlopen of hoort bij een andere sessie." in page_text(refused)
    assert _placements(db) == 0
    _, fresh = form_token(refused)
    assert fresh != token
    assert other.post("/beheer/plaatsingen/nieuw", data={**data, name: fresh}).status_code == 302
    assert _placements(db) == 1


def test_a_token_from_an_anonymous_session_is_refused_in_another_session(app, client, db):
    name, token = form_token(client.get("/vacature-aanmelden"))
    stranger = app.test_client()
    refused = stranger.post("/vacature-aanmelden", data={name: token, "company_name": "Bakkerij Jansen"})
    assert "Dit formulier is verlopen of hoort bij een andere sessie." in page_text(refused)
    assert refused.status_code == 422


def test_token_checks_are_signed_per_identity_and_expire_after_a_day():
    now = clock.utcnow()
    token = idempotency.form_token("secret", "user:1", now)
    assert idempotency.token_problem("secret", "user:1", token, now) is None
    assert idempotency.token_problem("secret", "user:2", token, now) == "foreign"
    assert idempotency.token_problem("other-secret", "user:1", token, now) == "foreign"
    assert idempotency.token_problem("secret", "user:1", token + "0", now) == "foreign"
    assert idempotency.token_problem("secret", "user:1", "garbage", now) == "foreign"
    later = now + timedelta(hours=idempotency.KEEP_HOURS, minutes=1)
    assert idempotency.token_problem("secret", "user:1", token, later) == "expired"


def test_a_contact_moment_sent_twice_is_stored_once(as_role, client, db, make_employer):
    employer = make_employer()
    as_role(Role.ACCOUNT_MANAGER)
    page = client.get(f"/werkgevers/{employer.id}")
    name, token = form_token(page)
    data = {"channel": "phone", "occurred_on": clock.today().isoformat(), "subject": "Kennismaking",
            "notes": "Belt terug.", "contact_person_id": ""}
    first = client.post(f"/werkgevers/{employer.id}/contactmomenten", data={**data, name: token})
    assert first.status_code == 302
    again = client.post(f"/werkgevers/{employer.id}/contactmomenten", data={**data, name: token},
                        follow_redirects=True)
    assert FIRST_RESULT in page_text(again)
    assert db.session.scalar(select(func.count(ContactMoment.id))) == 1

    # The same moment on a fresh form (the page opened again) within minutes: a duplicate, said so.
    _, fresh = form_token(client.get(f"/werkgevers/{employer.id}"))
    duplicate = client.post(f"/werkgevers/{employer.id}/contactmomenten", data={**data, name: fresh})
    assert duplicate.status_code == 422
    assert ("al vastgelegd: dezelfde werkgever, datum, kanaal, contactpersoon, onderwerp en notities, door u."
            in page_text(duplicate))
    other_text = client.post(f"/werkgevers/{employer.id}/contactmomenten",
                             data={**data, name: fresh, "notes": "Mailt de vacature."})
    assert other_text.status_code == 302
    assert db.session.scalar(select(func.count(ContactMoment.id))) == 2


def test_the_prune_duty_forgets_form_tokens_older_than_a_day(app, db):
    from web.queue import duties

    old = clock.utcnow() - timedelta(hours=idempotency.KEEP_HOURS + 1)
    db.session.add_all([FormSubmission(token="old", created_at=old, result_url="/a"),
                        FormSubmission(token="new", result_url="/b")])
    db.session.commit()
    assert duties.prune_idempotency_keys() == "deleted 1 key(s) and form token(s) older than 24 hours"
    assert db.session.scalars(select(FormSubmission.token)).all() == ["new"]


CREATE_FORMS = [  # (role, page with the form(s), how many create forms it shows)
    (Role.MATCHER, "/beheer/plaatsingen/nieuw", 1),
    (Role.ACCOUNT_MANAGER, "/werkgevers/nieuw", 1),
    (Role.ACCOUNT_MANAGER, "/werkgevers/contactmoment", 1),
    (Role.ACCOUNT_MANAGER, "/werkgevers/{employer}", 1),
    (Role.ACCOUNT_MANAGER, "/werkgevers/{employer}/contactpersonen/nieuw", 1),
    (Role.ACCOUNT_MANAGER, "/werkgevers/{employer}/afspraken/nieuw", 1),
    (Role.ACCOUNT_MANAGER, "/vacatures/nieuw", 1),
    (Role.ACCOUNT_MANAGER, "/beheer/social-return/nieuw", 1),
    (Role.ACCOUNT_MANAGER, "/beheer/social-return/{obligation}", 1),  # an activity
    (Role.MATCHER, "/beheer/kandidaten/{candidate}", 3),  # the record forms the file shows this candidate
    (None, "/vacature-aanmelden", 1),
]


@pytest.mark.parametrize(("role", "path", "forms"), CREATE_FORMS)
def test_every_create_form_carries_a_one_time_token(as_role, client, make_employer, make_candidate, make_obligation,
                                                    role, path, forms):
    employer = make_employer()
    ids = {"employer": employer.id, "candidate": make_candidate().id, "obligation": make_obligation(employer).id}
    if role is not None:
        as_role(role)
    page = client.get(path.format(**ids))
    assert page.status_code == 200
    tokens = TOKEN.findall(page.get_data(as_text=True))
    assert len({value for _, value in tokens}) == forms, tokens


def test_the_same_invoice_counts_once_in_an_obligation(as_role, client, db, tables, make_employer, make_obligation):
    from models import SroiActivity

    obligation = make_obligation(make_employer(), table="utrecht", period_start=date(2025, 1, 1),
                                 period_end=date(2026, 12, 31))
    as_role(Role.ACCOUNT_MANAGER)
    url = f"/beheer/social-return/{obligation.id}/activiteiten"
    invoice = {"activity-kind": "purchase", "activity-occurred_on": "2025-03-01", "activity-amount": "1.234,56",
               "activity-evidence": "Factuur 2025-88"}
    assert client.post(url, data=invoice).status_code == 302
    again = client.post(url, data=invoice)
    assert again.status_code == 422
    assert ("Deze activiteit telt al mee: dezelfde soort, datum, hoeveelheid en hetzelfde bewijs bij deze "
            "verplichting.") in page_text(again)
    assert client.post(url, data={**invoice, "activity-evidence": "Factuur 2025-89"}).status_code == 302
    assert db.session.scalar(select(func.count(SroiActivity.id))) == 2


def test_an_employer_confirmed_after_the_duplicate_warning_is_created_once(as_role, client, db, make_employer):
    from models import Employer

    make_employer(name="Bakkerij De Korenschoof", kvk="12345678")
    as_role(Role.ACCOUNT_MANAGER)
    name, token = form_token(client.get("/werkgevers/nieuw"))
    data = {"name": "Bakkerij De Korenschoof", "kvk": "1234 5678", "sector": "productie", "size": "10-49",
            "address": "De Noord 12", "postcode": "8251ab", "city": "Dronten", "status": "active",
            "account_manager_id": "", "notes": "", name: token}
    warned = client.post("/werkgevers/nieuw", data=data)
    assert "Toch aanmaken" in page_text(warned)
    assert form_token(warned) == (name, token)  # the warning did not use the token up
    created = client.post("/werkgevers/nieuw", data={**data, "confirm": "1"})
    assert created.status_code == 302
    again = client.post("/werkgevers/nieuw", data={**data, "confirm": "1"}, follow_redirects=True)
    assert FIRST_RESULT in page_text(again) and again.request.path == created.headers["Location"]
    assert db.session.scalar(select(func.count(Employer.id))) == 2


def test_a_meet_request_sent_twice_by_an_anonymous_employer_is_stored_once(client, db, make_public_profile):
    from models import EmployerRequest

    profile = make_public_profile(skills=["Heftruck rijden"])
    name, token = form_token(client.get(f"/kandidaten/{profile.code}"))
    data = {"name": "Jan Werkgever", "company": "Jan BV", "kvk": "12345678", "email": "jan@example.com",
            "message": "Graag kennismaken.", name: token}
    first = client.post(f"/kandidaten/{profile.code}/ontmoeten", data=data)
    assert first.status_code == 302 and first.headers["Location"].endswith(f"/kandidaten/{profile.code}/verstuurd#inhoud")
    again = client.post(f"/kandidaten/{profile.code}/ontmoeten", data=data, follow_redirects=True)
    assert again.request.path == f"/kandidaten/{profile.code}/verstuurd" and FIRST_RESULT in page_text(again)
    assert db.session.scalar(select(func.count(EmployerRequest.id))) == 1
