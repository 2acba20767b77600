"""Creating accounts and checking logins, with throttling after repeated failures."""
from __future__ import annotations

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.accounts.user import STAFF_ROLES, User
from models.base import utcnow
from models.common import audit, throttle
from models.common.errors import InvalidInput
from models.enums import Role

from .passwords import hash_password, needs_rehash, password_problem, verify_password

# A hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
_DUMMY_HASH = hash_password("not-a-real-password-just-for-timing")


def normalise_email(email: str) -> str:
    """Validate and normalise an e-mail address; raises InvalidInput naming the field."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise InvalidInput({"email": "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."})


def user_by_email(session: Session, email: str) -> User | None:
    """The account with this e-mail address, whatever its case."""
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    role: Role | str,
    password: str,
    organisation: Organisation | None = None,
    company_name: str | None = None,
) -> User:
    """Add a new account after checking every field; raises InvalidInput listing all problems."""
    errors: dict[str, str] = {}
    try:
        role = Role(role)
    except ValueError:
        errors["role"] = "Onbekende rol; kies uit: " + ", ".join(r.value for r in Role) + "."
    try:
        email = normalise_email(email)
    except InvalidInput as exc:
        errors.update(exc.errors)
    else:
        if user_by_email(session, email) is not None:
            errors["email"] = "Er bestaat al een account met dit e-mailadres."
    if not name.strip():
        errors["name"] = "Vul een naam in."
    staff = isinstance(role, Role) and role in STAFF_ROLES
    if problem := password_problem(password, staff=staff or not isinstance(role, Role)):
        errors["password"] = problem
    if staff and organisation is None:
        errors["organisation"] = "Medewerkers horen bij een organisatie."
    if errors:
        raise InvalidInput(errors)
    user = User(
        email=email, name=name.strip(), role=role, password_hash=hash_password(password),
        organisation=organisation if staff else None, company_name=company_name,
        password_changed_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user


@dataclass
class LoginResult:
    user: User | None
    throttled: bool = False


def authenticate(
    session: Session, email: str, password: str, origin: str, *, max_failures: int,
    max_per_origin: int, window: int,
) -> LoginResult:
    """Check a login; counts failures per e-mail and per client address and refuses when over."""
    key = email.strip().lower()[:128]
    if (
        throttle.count(session, "login", key, window) >= max_failures
        or throttle.count(session, "login-origin", origin, window) >= max_per_origin
    ):
        audit.record(session, "login_throttled", result="denied", origin=origin)
        return LoginResult(None, throttled=True)

    user = user_by_email(session, key)
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password)
    if not (ok and user and user.active):
        throttle.hit(session, "login", key)
        throttle.hit(session, "login-origin", origin)
        audit.record(session, "login_failed", actor=user, result="denied", origin=origin)
        return LoginResult(None)

    throttle.clear(session, "login", key)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    audit.record(session, "login", actor=user, origin=origin)
    return LoginResult(user)


def set_password(session: Session, user: User, password: str) -> None:
    """Change a password and end every existing session of the user."""
    if problem := password_problem(password, staff=user.is_staff):
        raise InvalidInput({"password": problem})
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.session_version += 1
