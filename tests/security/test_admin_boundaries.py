"""Administrators and coordinators of organisation A against organisation B, and against higher roles.

Covers every account-management route (accounts list/create, second-factor reset, enrolment code,
active switch), the audit log and API tokens, for the administrator and coordinator of Dronten
against UWV's accounts, and for lower roles against higher ones in the same organisation.
"""
from __future__ import annotations

import pytest
from sqlalchemy import select

from models import ApiToken, AuditEvent, Organisation, User
from models.accounts import administration
from models.enums import Role
from seed.accounts import demo_email
from tests.helpers import visible_text
from web.extensions import db

PEOPLE_ADMINS = ("admin", "coordinator")


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _state(user: User) -> tuple:
    db.session.refresh(user)
    return user.active, user.totp_secret, user.session_version, user.enrolment_code_hash


@pytest.mark.parametrize("role", PEOPLE_ADMINS)
def test_account_list_shows_only_the_own_organisation(world, role):
    html = world.clients[role].get("/beheer/gebruikers/").get_data(as_text=True)
    assert demo_email("coordinator", "dronten") in html
    for slug in ("beheerder", "coordinator", "matcher", "accountmanager"):
        assert demo_email(slug, "uwv-flevoland") not in html


@pytest.mark.parametrize("role", PEOPLE_ADMINS)
def test_new_account_form_offers_only_the_own_organisation(world, role):
    client = world.clients[role]
    own, other = world.orgs["own"], world.orgs["other"]
    html = client.get("/beheer/gebruikers/nieuw").get_data(as_text=True)
    assert own.name in html and other.name not in html
    email = f"overstap-{role}@example.org"
    response = client.post("/beheer/gebruikers/nieuw", data={
        "name": "Overstapper", "email": email, "role": "coordinator", "organisation": str(other.id),
        "password": "een-lang-wachtwoord-2026"})
    assert response.status_code == 422
    assert _user(email) is None


@pytest.mark.parametrize("role", PEOPLE_ADMINS)
@pytest.mark.parametrize("action", ("tweede-factor", "koppelcode", "actief"))
def test_accounts_of_another_organisation_answer_404_and_stay_as_they_were(world, role, action):
    for slug in ("beheerder", "coordinator", "matcher"):
        target = _user(demo_email(slug, "uwv-flevoland"))
        before = _state(target)
        assert world.clients[role].post(f"/beheer/gebruikers/{target.id}/{action}").status_code == 404
        assert _state(target) == before


@pytest.mark.parametrize("role", PEOPLE_ADMINS)
def test_audit_log_shows_only_the_own_organisation(world, role):
    other = world.orgs["other"]
    marker = db.session.scalar(select(AuditEvent).where(AuditEvent.organisation_id == other.id)
                               .order_by(AuditEvent.id.desc()).limit(1))
    if marker is None:  # make sure the other organisation has an event to leak
        from models.common import audit
        marker = audit.record(db.session, "probe_of_other_org", actor=_user(demo_email("coordinator", "uwv-flevoland")))
        db.session.commit()
    html = world.clients[role].get(f"/beheer/auditlog?object_id=&action={marker.action}").get_data(as_text=True)
    for email in (demo_email(s, "uwv-flevoland") for s in ("beheerder", "coordinator", "matcher", "accountmanager")):
        assert email not in html


@pytest.mark.parametrize("role", PEOPLE_ADMINS)
def test_api_tokens_of_another_organisation_are_neither_shown_nor_revoked(world, role):
    other_token = db.session.get(ApiToken, world.ids["other"]["token_id"])
    html = world.clients[role].get("/beheer/api-tokens/").get_data(as_text=True)
    assert other_token.prefix not in html
    response = world.clients[role].post(f"/beheer/api-tokens/{other_token.id}/intrekken", data={"confirm": "1"})
    assert response.status_code == 404
    db.session.refresh(other_token)
    assert other_token.revoked_at is None


@pytest.mark.parametrize("action", ("tweede-factor", "koppelcode", "actief"))
def test_a_coordinator_cannot_touch_an_administrator(world, action):
    admin = _user(demo_email("beheerder", "dronten"))
    before = _state(admin)
    response = world.clients["coordinator"].post(f"/beheer/gebruikers/{admin.id}/{action}")
    assert response.status_code == 403
    assert _state(admin) == before
    denied = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user_manage_denied")
                               .order_by(AuditEvent.id.desc()).limit(1))
    assert denied.object_id == admin.id


def test_the_account_list_offers_no_buttons_against_a_higher_role(world):
    admin = _user(demo_email("beheerder", "dronten"))
    html = world.clients["coordinator"].get("/beheer/gebruikers/").get_data(as_text=True)
    assert f"/beheer/gebruikers/{admin.id}/actief" not in html
    assert f"/beheer/gebruikers/{admin.id}/tweede-factor" not in html


def test_a_coordinator_cannot_create_an_administrator(world):
    response = world.clients["coordinator"].post("/beheer/gebruikers/nieuw", data={
        "name": "Stiekem", "email": "stiekem@example.org", "role": "admin",
        "organisation": str(world.orgs["own"].id), "password": "een-lang-wachtwoord-2026"})
    assert response.status_code == 422 and _user("stiekem@example.org") is None


def test_creating_an_account_shows_its_enrolment_code_once(world):
    client = world.clients["admin"]
    response = client.post("/beheer/gebruikers/nieuw", data={
        "name": "Nieuwe Matcher", "email": "nieuwe-matcher@example.org", "role": "matcher",
        "organisation": str(world.orgs["own"].id), "password": "een-lang-wachtwoord-2026"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    text = visible_text(response.get_data(as_text=True))
    assert "Koppelcode voor Nieuwe Matcher" in text and "Geldig tot" in text
    user = _user("nieuwe-matcher@example.org")
    assert user.organisation_id == world.orgs["own"].id and user.enrolment_code_hash
    assert "Koppelcode voor" not in visible_text(client.get("/beheer/gebruikers/").get_data(as_text=True))


def test_the_last_active_administrator_cannot_be_switched_off(world):
    """Only an administrator can switch an administrator off, never itself: with two, one may go,
    and the domain rule keeps the last one whatever the caller."""
    own = world.orgs["own"]
    admin = _user(demo_email("beheerder", "dronten"))
    second = User(email="tweede-beheerder@example.org", name="Tweede Beheerder", role=Role.ADMIN,
                  password_hash=admin.password_hash, organisation_id=own.id)
    db.session.add(second)
    db.session.commit()
    response = world.clients["admin"].post(f"/beheer/gebruikers/{second.id}/actief", follow_redirects=True)
    assert "is uitgeschakeld" in visible_text(response.get_data(as_text=True))
    db.session.refresh(second)
    assert not second.active
    # Now ``admin`` is the last one: the rule holds even for a caller that is allowed to manage it.
    assert administration.active_admins(db.session, own.id) == 1
    with pytest.raises(administration.NotAllowed, match="laatste actieve beheerder"):
        administration.set_active(db.session, second, admin, False)
    db.session.rollback()
    db.session.refresh(admin)
    assert admin.active


def test_administrators_are_bound_to_their_organisation_in_the_domain_rule(world):
    admin = _user(demo_email("beheerder", "dronten"))
    for slug in ("beheerder", "matcher"):
        other = _user(demo_email(slug, "uwv-flevoland"))
        assert not administration.may_manage(admin, other)
    assert db.session.get(Organisation, admin.organisation_id).key == "dronten"
