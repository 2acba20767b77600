"""Creating accounts and checking logins, with throttling after repeated failures."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.accounts.user import STAFF_ROLES, User
from models.base import utcnow
from models.common import audit, throttle
from models.common.errors import N_, InvalidInput
from models.enums import Role

from .passwords import hash_password, needs_rehash, password_problem, verify_password

# A hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
# Hashed on first use, not at import: argon2 takes a few tenths of a second of every start-up.
_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_HASH  # noqa: PLW0603 - a process-wide constant computed once
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password("not-a-real-password-just-for-timing")
    return _DUMMY_HASH


def normalise_email(email: str) -> str:
    """Validate and normalise an e-mail address; raises InvalidInput naming the field."""
    from email_validator import EmailNotValidError, validate_email  # dnspython and idna: on first use, not at boot
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise InvalidInput({"email": N_("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")})


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
            errors["email"] = N_("Er bestaat al een account met dit e-mailadres.")
    if not name.strip():
        errors["name"] = N_("Vul een naam in.")
    staff = isinstance(role, Role) and role in STAFF_ROLES
    if problem := password_problem(password, staff=staff or not isinstance(role, Role)):
        errors["password"] = problem
    if staff and organisation is None:
        errors["organisation"] = N_("Medewerkers horen bij een organisatie.")
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
    retry_after: int = 0  # seconds to wait before the next attempt counts


@dataclass(frozen=True)
class LoginLimits:
    """How failed sign-ins are slowed down (see docs/security.md, "Login throttling").

    - per client address: at most ``per_address`` failures in the window, over all accounts;
    - per account and address: ``free`` failures, then a delay that doubles with each failure,
      up to the window: only the address that keeps failing waits that long;
    - per account, from any address: ``free`` failures, then a doubling delay capped at
      ``account_max_delay`` seconds, so a stranger can slow the owner by seconds, never lock them out.
    """

    free: int = 5
    per_address: int = 20
    window: int = 15 * 60
    account_max_delay: int = 30


def _delay(failures: int, free: int, cap: int) -> int:
    return 0 if failures < free else min(2 ** (failures - free + 1), cap)


def _wait(session: Session, scope: str, key: str, free: int, cap: int, window: int) -> int:
    """Seconds left before ``key`` may try again in ``scope`` (0: now)."""
    failures, last = throttle.recent(session, scope, key, window)
    if not failures or last is None:
        return 0
    left = _delay(failures, free, cap) - (utcnow() - last).total_seconds()
    return max(int(left + 0.999), 0)


def authenticate(session: Session, email: str, password: str, origin: str, *, limits: LoginLimits) -> LoginResult:
    """Check a login, slowing down repeated failures (LoginLimits); a refused attempt is not
    checked and not counted, so waiting it out always works."""
    key = email.strip().lower()[:128]
    pair = f"{key}|{origin}"[:128]
    if throttle.count(session, "login-origin", origin, limits.window) >= limits.per_address:
        wait = limits.window
    else:
        wait = max(_wait(session, "login-pair", pair, limits.free, limits.window, limits.window),
                   _wait(session, "login", key, limits.free, limits.account_max_delay, limits.window))
    if wait:
        audit.record(session, "login_throttled", result="denied", origin=origin, details={"wait": wait})
        return LoginResult(None, throttled=True, retry_after=wait)

    user = user_by_email(session, key)
    ok = verify_password(user.password_hash if user else _dummy_hash(), password)
    if not (ok and user and user.active):
        throttle.hit(session, "login", key)
        throttle.hit(session, "login-pair", pair)
        throttle.hit(session, "login-origin", origin)
        audit.record(session, "login_failed", actor=user, result="denied", origin=origin)
        return LoginResult(None)

    throttle.clear(session, "login", key)
    throttle.clear(session, "login-pair", pair)
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
