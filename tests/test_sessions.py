"""Sessions end: at logout (also for a copied cookie), after idling, and after the absolute limit."""
import time

from models.enums import Role


def test_replayed_cookie_after_logout_gets_no_access(as_role, client, app):
    as_role(Role.MATCHER)
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    client.post("/uitloggen")
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], cookie)
    assert client.get("/beheer/matcher").status_code == 302


def test_new_session_cookie_at_login(make_user, client, app):
    user = make_user(Role.MATCHER)
    client.get("/inloggen")
    before = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    client.post("/inloggen", data={"email": user.email, "password": "correct-horse-battery-staple"})
    after = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    assert before is None or before.value != after


def test_idle_staff_session_expires(as_role, client):
    as_role(Role.MATCHER)
    with client.session_transaction() as session:
        session["seen_at"] = int(time.time()) - 31 * 60
    response = client.get("/beheer/matcher")
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen")


def test_absolute_limit_ends_even_an_active_session(as_role, client):
    as_role(Role.MATCHER)
    with client.session_transaction() as session:
        session["login_at"] = int(time.time()) - 9 * 3600
    assert client.get("/beheer/matcher").status_code == 302
