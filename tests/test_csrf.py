"""CSRF protection switched ON: forms without a valid token change nothing."""
import re

import pytest
from sqlalchemy import select

from models import User
from models.enums import Role
from tests.conftest import PASSWORD


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app


def token_from(response) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"',
                     response.get_data(as_text=True)).group(1) or ""


def test_login_without_token_is_refused(csrf_app, client, make_user):
    user = make_user(Role.MATCHER)
    response = client.post("/inloggen", data={"email": user.email, "password": PASSWORD})
    assert response.status_code in (400, 422)
    assert client.get("/beheer/matcher").status_code == 302


def test_login_with_token_works(csrf_app, client, make_user):
    user = make_user(Role.MATCHER)
    token = token_from(client.get("/inloggen"))
    response = client.post("/inloggen", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_token_of_another_session_is_refused(csrf_app, app, make_user, org, db):
    coordinator = make_user(Role.COORDINATOR)
    attacker = app.test_client()
    stolen = token_from(attacker.get("/inloggen"))
    victim = app.test_client()
    token = token_from(victim.get("/inloggen"))
    victim.post("/inloggen", data={"email": coordinator.email, "password": PASSWORD, "csrf_token": token})
    response = victim.post("/beheer/gebruikers/nieuw", data={
        "name": "Inbreker", "email": "inbreker@example.org", "role": "coordinator",
        "organisation": org.id, "password": "een-lang-wachtwoord", "csrf_token": stolen,
    })
    assert response.status_code in (400, 422)
    assert db.session.scalar(select(User).where(User.email == "inbreker@example.org")) is None


def test_logout_needs_post_with_token(csrf_app, client, make_user):
    user = make_user(Role.MATCHER)
    token = token_from(client.get("/inloggen"))
    client.post("/inloggen", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert client.get("/uitloggen").status_code == 405
    assert client.post("/uitloggen").status_code == 400
    assert client.get("/beheer/matcher").status_code == 200
