"""Two-factor sign-in for staff: enrolment by QR code, one-time codes, recovery codes, resets."""
import re
import time

import pyotp
import pytest
from sqlalchemy import select

from models import AuditEvent
from models.enums import Role
from tests.conftest import PASSWORD
from tests.helpers import visible_text


@pytest.fixture
def two_factor_on(app):
    app.config["STAFF_TWO_FACTOR"] = True


def password_step(client, user, follow=True):
    return client.post("/inloggen", data={"email": user.email, "password": PASSWORD}, follow_redirects=follow)


def issue_code(db, user):
    from models.accounts import two_factor

    code = two_factor.issue_enrolment_code(user)
    db.session.commit()
    return code


def enrol(client, user):
    from web.extensions import db

    code = issue_code(db, user)
    page = password_step(client, user)
    assert page.request.path == "/inloggen/koppelen"
    assert '<code id="secret">' not in page.get_data(as_text=True)  # not before the enrolment code
    page = client.post("/inloggen/koppelen", data={"enrolment_code": code}, follow_redirects=True)
    html = page.get_data(as_text=True)
    assert 'src="data:image/svg+xml' in html  # the QR code is inline, no external service
    secret = re.search(r'<code id="secret">([A-Z2-7]+)</code>', html).group(1)
    response = client.post("/inloggen/koppelen", data={"code": pyotp.TOTP(secret).now()})
    return secret, response


def test_staff_enrol_on_first_sign_in_and_get_recovery_codes(two_factor_on, client, make_user, db):
    user = make_user(Role.MATCHER)
    secret, response = enrol(client, user)
    text = visible_text(response.get_data(as_text=True))
    assert "Uw herstelcodes" in text
    assert len(re.findall(r"[0-9a-f]{6}-[0-9a-f]{6}", text)) == 10
    db.session.refresh(user)
    assert user.totp_secret == secret and len(user.recovery_codes) == 10
    assert client.get("/beheer/matcher").status_code == 200


def test_password_alone_does_not_sign_staff_in(two_factor_on, client, make_user):
    user = make_user(Role.MATCHER)
    enrol(client, user)
    client.post("/uitloggen")
    response = password_step(client, user)
    assert response.request.path == "/inloggen/code"
    assert client.get("/beheer/matcher").status_code == 302


def test_code_signs_in_and_a_reused_code_is_refused(two_factor_on, client, make_user, db):
    user = make_user(Role.MATCHER)
    secret, _ = enrol(client, user)
    client.post("/uitloggen")
    password_step(client, user)
    code = pyotp.TOTP(secret).at(time.time() + 30)  # the next step: the enrolment used this one
    assert client.post("/inloggen/code", data={"code": code}).status_code == 302
    client.post("/uitloggen")
    password_step(client, user)
    response = client.post("/inloggen/code", data={"code": code})
    assert response.status_code == 401
    assert "Deze code klopt niet of is al gebruikt" in visible_text(response.get_data(as_text=True))
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "2fa_failed")) is not None


def test_recovery_code_works_once(two_factor_on, client, make_user):
    user = make_user(Role.COORDINATOR)
    _, response = enrol(client, user)
    recovery = re.findall(r"[0-9a-f]{6}-[0-9a-f]{6}", response.get_data(as_text=True))[0]
    client.post("/uitloggen")
    password_step(client, user)
    assert client.post("/inloggen/code", data={"code": recovery}).status_code == 302
    client.post("/uitloggen")
    password_step(client, user)
    assert client.post("/inloggen/code", data={"code": recovery}).status_code == 401


def test_wrong_codes_are_throttled(two_factor_on, client, make_user, app):
    user = make_user(Role.MATCHER)
    enrol(client, user)
    client.post("/uitloggen")
    password_step(client, user)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert client.post("/inloggen/code", data={"code": "000000"}).status_code == 401
    response = client.post("/inloggen/code", data={"code": "000000"})
    assert response.status_code == 429


def test_coordinator_resets_a_lost_second_factor(two_factor_on, client, make_user, db):
    matcher = make_user(Role.MATCHER)
    enrol(client, matcher)
    client.post("/uitloggen")
    coordinator = make_user(Role.COORDINATOR)
    enrol(client, coordinator)
    response = client.post(f"/beheer/gebruikers/{matcher.id}/tweede-factor", follow_redirects=True)
    text = visible_text(response.get_data(as_text=True))
    assert "is gewist" in text and response.headers["Cache-Control"] == "no-store"
    code = re.search(r'<code id="enrolment-code">([A-Z0-9-]+)</code>', response.get_data(as_text=True)).group(1)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "2fa_reset")).object_id == matcher.id
    client.post("/uitloggen")
    assert password_step(client, matcher).request.path == "/inloggen/koppelen"
    page = client.post("/inloggen/koppelen", data={"enrolment_code": code}, follow_redirects=True)
    assert '<code id="secret">' in page.get_data(as_text=True)


def test_employers_sign_in_without_second_factor(two_factor_on, client, make_user):
    employer = make_user(Role.EMPLOYER)
    response = password_step(client, employer, follow=False)
    assert response.status_code == 302 and "/inloggen/" not in response.headers["Location"]


def test_enrolment_needs_the_one_time_code_not_just_the_password(two_factor_on, client, make_user, db):
    """A stolen password plus a reset is no takeover: without the code the secret is never shown."""
    user = make_user(Role.MATCHER)
    code = issue_code(db, user)
    page = password_step(client, user)
    html = page.get_data(as_text=True)
    assert page.request.path == "/inloggen/koppelen" and '<code id="secret">' not in html
    assert "Koppelcode" in visible_text(html)
    response = client.post("/inloggen/koppelen", data={"enrolment_code": "AAAA-BBBB-CCCC"})
    assert response.status_code == 401 and '<code id="secret">' not in response.get_data(as_text=True)
    assert "klopt niet of is verlopen" in visible_text(response.get_data(as_text=True))
    assert client.get("/inloggen/koppelen").get_data(as_text=True).count('<code id="secret">') == 0
    response = client.post("/inloggen/koppelen", data={"enrolment_code": code.lower()}, follow_redirects=True)
    assert '<code id="secret">' in response.get_data(as_text=True)


def test_enrolment_code_expires_after_24_hours_and_works_once(two_factor_on, client, make_user, db):
    from datetime import timedelta

    from models.base import utcnow

    user = make_user(Role.MATCHER)
    code = issue_code(db, user)
    assert user.enrolment_code_hash and code.replace("-", "") not in user.enrolment_code_hash  # stored hashed
    user.enrolment_code_expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    password_step(client, user)
    assert client.post("/inloggen/koppelen", data={"enrolment_code": code}).status_code == 401
    client.post("/uitloggen")
    enrol(client, user)  # a fresh code works; linking uses it up
    db.session.refresh(user)
    assert user.enrolment_code_hash is None and user.totp_secret


def test_wrong_enrolment_codes_are_throttled(two_factor_on, client, make_user, app, db):
    user = make_user(Role.MATCHER)
    code = issue_code(db, user)
    password_step(client, user)
    for _ in range(app.config["LOGIN_MAX_FAILURES"]):
        assert client.post("/inloggen/koppelen", data={"enrolment_code": "AAAA-BBBB-CCCC"}).status_code == 401
    assert client.post("/inloggen/koppelen", data={"enrolment_code": code}).status_code == 429
