"""Coordinators search the audit log of their own organisation; it never holds secrets."""
from sqlalchemy import select

from models import AuditEvent
from models.common import audit
from models.enums import Role
from tests.helpers import visible_text


def test_coordinator_finds_failed_logins_of_own_organisation_only(as_role, client, make_user, other_org, db, login):
    victim = make_user(Role.MATCHER)
    login(victim, password="wrong-password-1")
    stranger = make_user(Role.MATCHER, other_org)
    login(stranger, password="wrong-password-2")
    as_role(Role.COORDINATOR)
    page = client.get("/beheer/auditlog?action=login_failed")
    text = visible_text(page.get_data(as_text=True))
    assert "1 gebeurtenis" in text
    assert victim.email in text and stranger.email not in text


def test_audit_details_never_keep_secrets(db, make_user):
    user = make_user(Role.MATCHER)
    event = audit.record(db.session, "test", actor=user, details={"password": "x", "token": "y", "bsn": "1", "rows": 3})
    assert event.details == {"rows": 3}


def test_matchers_cannot_read_the_audit_log(as_role, client):
    as_role(Role.MATCHER)
    assert client.get("/beheer/auditlog").status_code == 403


def test_admin_sees_only_the_own_organisation(as_role, client, make_user, other_org, login, db):
    stranger = make_user(Role.MATCHER, other_org)
    login(stranger, password="wrong-password-3")
    as_role(Role.ADMIN)
    assert stranger.email not in client.get("/beheer/auditlog?action=login_failed").get_data(as_text=True)
    assert db.session.scalar(select(AuditEvent.id).where(AuditEvent.action == "login_failed"))
