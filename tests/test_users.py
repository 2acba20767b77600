"""Managing staff accounts, in the web interface and on the command line."""
from sqlalchemy import select

from models import User
from models.accounts.passwords import verify_password
from models.enums import Role
from tests.helpers import visible_text


def test_coordinator_creates_a_matcher_who_can_sign_in(as_role, client, db, org, login):
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/gebruikers/nieuw", data={
        "name": "Noor Bakker", "email": "Noor.Bakker@Example.org", "role": "matcher",
        "organisation": org.id, "password": "een-lang-wachtwoord",
    }, follow_redirects=True)
    assert "Account aangemaakt voor Noor Bakker" in visible_text(response.get_data(as_text=True))
    user = db.session.scalar(select(User).where(User.email == "noor.bakker@example.org"))
    assert user.role == Role.MATCHER and user.organisation_id == org.id
    assert verify_password(user.password_hash, "een-lang-wachtwoord")
    assert login(user, password="een-lang-wachtwoord").request.path == "/beheer/matcher"


def test_weak_password_and_duplicate_email_are_named(as_role, client, org, make_user):
    existing = make_user(Role.MATCHER)
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/gebruikers/nieuw", data={
        "name": "X", "email": existing.email, "role": "matcher", "organisation": org.id, "password": "kort",
    })
    assert response.status_code == 422
    text = visible_text(response.get_data(as_text=True))
    assert "minstens 12 tekens" in text
    assert "Er bestaat al een account met dit e-mailadres" in text


def test_common_password_is_refused(as_role, client, org):
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/gebruikers/nieuw", data={
        "name": "X", "email": "x@example.org", "role": "matcher", "organisation": org.id,
        "password": "welkomwelkom",
    })
    assert "veelgebruikte of gelekte wachtwoorden" in visible_text(response.get_data(as_text=True))


def test_coordinator_cannot_create_admins_or_touch_other_organisations(as_role, client, make_user, other_org, org):
    as_role(Role.COORDINATOR)
    response = client.post("/beheer/gebruikers/nieuw", data={
        "name": "X", "email": "x@example.org", "role": "admin", "organisation": org.id,
        "password": "een-lang-wachtwoord",
    })
    assert response.status_code == 422
    stranger = make_user(Role.MATCHER, other_org)
    assert client.post(f"/beheer/gebruikers/{stranger.id}/actief").status_code == 404
    assert stranger.email not in client.get("/beheer/gebruikers/").get_data(as_text=True)


def test_disable_account_from_the_list(as_role, client, make_user, db):
    as_role(Role.COORDINATOR)
    matcher = make_user(Role.MATCHER)
    response = client.post(f"/beheer/gebruikers/{matcher.id}/actief", follow_redirects=True)
    assert "uitgeschakeld" in visible_text(response.get_data(as_text=True))
    db.session.refresh(matcher)
    assert matcher.active is False


def test_cli_users_create(runner, org, db):
    result = runner.invoke(args=["users", "create", "--email", "am@example.org", "--role", "account_manager",
                                 "--org", "dronten", "--password", "een-lang-wachtwoord"])
    assert result.exit_code == 0, result.output
    assert "Created account_manager account am@example.org in dronten" in result.output
    assert db.session.scalar(select(User).where(User.email == "am@example.org")).organisation_id == org.id


def test_cli_users_create_explains_bad_input(runner, org):
    result = runner.invoke(args=["users", "create", "--email", "am@example.org", "--role", "matcher",
                                 "--org", "nergens", "--password", "een-lang-wachtwoord"])
    assert result.exit_code == 2
    assert "unknown organisation 'nergens' (known: dronten)" in result.output
    result = runner.invoke(args=["users", "create", "--email", "niet-een-adres", "--role", "matcher",
                                 "--org", "dronten", "--password", "kort"])
    assert result.exit_code == 2
    assert "--email: Vul een geldig e-mailadres in" in result.output
    assert "--password: Het wachtwoord moet minstens 12 tekens hebben." in result.output


def test_passwords_from_breach_lists_are_refused(as_role, client, org):
    as_role(Role.COORDINATOR)
    for leaked in ("leavemealone", "qazwsxedcrfv", "qwertyuiop123"):  # from zxcvbn's list, not ours
        response = client.post("/beheer/gebruikers/nieuw", data={
            "name": "X", "email": "x@example.org", "role": "matcher", "organisation": org.id, "password": leaked,
        })
        text = visible_text(response.get_data(as_text=True))
        assert response.status_code == 422 and "veelgebruikte of gelekte wachtwoorden" in text, leaked
