"""Coordinators search the audit log of their own organisation; it never holds secrets."""
from sqlalchemy import func, select

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


def _action_codes_in_source() -> set[str]:
    """Every constant action code passed to audit.record in models/ and web/, and the conditional ones."""
    import ast
    import pathlib

    codes: set[str] = set()
    for path in [*pathlib.Path("models").rglob("*.py"), *pathlib.Path("web").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text())):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "record"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "audit"):
                for arg in ast.walk(node.args[1]) if len(node.args) > 1 else ():
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        codes.add(arg.value)
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.IfExp)
                    and any(getattr(t, "id", "") == "action" for t in node.targets)):  # action = "a" if … else "b"
                codes |= {c.value for c in (node.value.body, node.value.orelse) if isinstance(c, ast.Constant)}
    return codes


def test_every_action_written_has_a_dutch_label():
    from web.accounts.privacy.labels import ACTION_LABELS

    codes = _action_codes_in_source() - {"catalogue"}  # a scope prefix in the guard, not an action
    assert len(codes) > 50
    assert codes - set(ACTION_LABELS) == set()


def test_log_reads_in_words_with_the_object_named_and_filters_by_person_action_and_period(
        as_role, client, db, make_user, make_candidate):
    matcher = make_user(Role.MATCHER)
    candidate = make_candidate(external_id="CL-4455")
    audit.record(db.session, "view_personal", actor=matcher, obj=candidate, details={"page": "record"})
    audit.record(db.session, "login", actor=matcher)
    db.session.commit()
    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/auditlog").get_data(as_text=True))
    assert "Persoonsgegevens bekeken (dossier)" in text and "Kandidaat CL-4455" in text
    assert "view_personal" not in text and "Candidate" not in text
    text = visible_text(client.get(f"/beheer/auditlog?actor={matcher.id}&action=login").get_data(as_text=True))
    assert "1 gebeurtenis" in text and "Ingelogd" in text
    response = client.get("/beheer/auditlog?since=2026-05-02&until=2026-05-01&action=nonsense")
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "De einddatum ligt voor de begindatum" in text and "Actie: kies een waarde uit de lijst" in text


def test_one_page_view_is_one_event_even_when_several_parts_log_it(as_role, client, db, make_candidate):
    candidate = make_candidate()
    user = as_role(Role.MATCHER)
    for page in ("record", "profile"):
        client.get(f"/beheer/kandidaten/{candidate.id}" + ("" if page == "record" else "/profiel"))
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "view_personal")).all()
    assert [e.details["page"] for e in events] == ["record", "profile"]  # two page views, two events
    other = make_candidate()  # parts of one view of another candidate, as a page's code records them
    audit.record(db.session, "view_personal", actor=user, obj=other, details={"page": "record", "ids": [1]})
    again = audit.record(db.session, "view_personal", actor=user, obj=other, details={"page": "edit", "ids": [1, 2]})
    db.session.commit()
    assert again.details == {"page": ["record", "edit"], "ids": [1, 2]}
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "view_personal")) == 3


def test_a_filter_that_cannot_be_read_is_named_and_the_other_filters_still_apply(as_role, client, db, make_user):
    matcher = make_user(Role.MATCHER)
    audit.record(db.session, "login", actor=matcher)
    audit.record(db.session, "logout", actor=matcher)
    db.session.commit()
    as_role(Role.COORDINATOR)
    response = client.get("/beheer/auditlog?object_id=abc&action=logout")
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "Er is iets niet goed ingevuld" in text
    assert "Object-id: vul een heel getal in van 1 tot en met 2147483647." in text and "Ongeldig getal" not in text
    assert "1 gebeurtenis" in text and "Uitgelogd" in text  # the action filter still applies
    response = client.get("/beheer/auditlog?since=gisteren&action=logout")
    text = visible_text(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "Vanaf: vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-05-01." in text and "1 gebeurtenis" in text
