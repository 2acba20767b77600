"""Signing in: every role lands on its own start page; throttling; sessions that end."""
import pytest
from sqlalchemy import select

from models import AuditEvent
from models.enums import Role
from tests.conftest import PASSWORD
from tests.helpers import visible_text

START_PAGES = {
    Role.ACCOUNT_MANAGER: "/beheer/accountmanager",
    Role.MATCHER: "/beheer/matcher",
    Role.COORDINATOR: "/beheer/coordinator",
    Role.ADMIN: "/beheer/beheerder",
}


@pytest.mark.parametrize("role", list(START_PAGES))
def test_each_role_lands_on_its_own_start_page(role, make_user, login):
    user = make_user(role)
    response = login(user, follow=False)
    assert response.status_code == 302
    response = login(user)
    assert response.request.path == START_PAGES[role]
    text = visible_text(response.get_data(as_text=True))
    assert f"Welkom, {user.name}" in text
    assert "Gemeente Dronten" in text


@pytest.mark.parametrize(
    "role, forbidden",
    [
        (Role.MATCHER, "/beheer/accountmanager"),
        (Role.MATCHER, "/beheer/coordinator"),
        (Role.ACCOUNT_MANAGER, "/beheer/matcher"),
        (Role.ACCOUNT_MANAGER, "/beheer/gebruikers/"),
        (Role.ADMIN, "/beheer/matcher"),
        (Role.COORDINATOR, "/beheer/beheerder"),
    ],
)
def test_pages_of_other_roles_answer_403_and_are_audited(role, forbidden, as_role, client, db):
    user = as_role(role)
    response = client.get(forbidden)
    assert response.status_code == 403
    assert "U heeft geen toegang" in visible_text(response.get_data(as_text=True))
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "access_denied"))
    assert event.actor_id == user.id and event.result == "denied"


def test_coordinator_may_open_account_manager_and_matcher_pages(as_role, client):
    as_role(Role.COORDINATOR)
    assert client.get("/beheer/accountmanager").status_code == 200
    assert client.get("/beheer/matcher").status_code == 200


@pytest.mark.parametrize("path", list(START_PAGES.values()) + ["/beheer/gebruikers/"])
def test_anonymous_visitors_are_sent_to_login(path, client):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/inloggen?next=")


def test_employer_account_cannot_open_staff_pages(as_role, client):
    as_role(Role.EMPLOYER)
    assert client.get("/beheer/matcher").status_code == 403


def test_wrong_password_shows_one_message_for_both_fields(make_user, login):
    user = make_user(Role.MATCHER)
    response = login(user, password="wrong-password-here")
    assert response.status_code == 401
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar" in visible_text(response.get_data(as_text=True))


def test_empty_form_names_the_fields(client):
    response = client.post("/inloggen", data={})
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "Vul uw e-mailadres in." in text and "Vul uw wachtwoord in." in text


def test_login_is_throttled_after_repeated_failures_even_with_right_password(app, make_user, login, db):
    user = make_user(Role.MATCHER)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert login(user, password="wrong-password-here").status_code == 401
    response = login(user, password=PASSWORD)
    assert response.status_code == 429
    assert "Te veel mislukte pogingen" in visible_text(response.get_data(as_text=True))
    actions = list(db.session.scalars(select(AuditEvent.action)))
    assert actions.count("login_failed") == 5 and "login_throttled" in actions


def test_logout_ends_the_session(as_role, client):
    as_role(Role.MATCHER)
    assert client.get("/beheer/matcher").status_code == 200
    client.post("/uitloggen")
    assert client.get("/beheer/matcher").status_code == 302


def test_disabling_an_account_ends_its_existing_sessions(as_role, client, db):
    user = as_role(Role.MATCHER)
    user.active = False
    user.session_version += 1
    db.session.commit()
    assert client.get("/beheer/matcher").status_code == 302


def test_login_ignores_offsite_next(make_user, client):
    user = make_user(Role.MATCHER)
    response = client.post("/inloggen?next=https://evil.example/", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/beheer/"


def test_staff_pages_are_not_cached(as_role, client):
    as_role(Role.MATCHER)
    assert client.get("/beheer/matcher").headers["Cache-Control"] == "no-store"
