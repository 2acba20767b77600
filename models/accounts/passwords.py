"""Password hashing (argon2id) and the password policy: length, not a common password."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

STAFF_MIN_LENGTH = 12
EMPLOYER_MIN_LENGTH = 8
MAX_LENGTH = 128


def hash_password(password: str) -> str:
    """Return an argon2id hash of ``password``."""
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches ``stored_hash``; False for a wrong password or bad hash."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(stored_hash)


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    """zxcvbn's 30,000 most common leaked passwords plus our own Dutch and Werkbrug additions."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    text = resources.files("models.accounts").joinpath("common_passwords.txt").read_text("utf-8")
    own = {line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(own | {p.lower() for p in FREQUENCY_LISTS["passwords"]})


def password_problem(password: str, *, staff: bool) -> str | None:
    """Return a Dutch message saying what is wrong with ``password``, or None when it is fine."""
    minimum = STAFF_MIN_LENGTH if staff else EMPLOYER_MIN_LENGTH
    if len(password) < minimum:
        return f"Het wachtwoord moet minstens {minimum} tekens hebben."
    if len(password) > MAX_LENGTH:
        return f"Het wachtwoord mag hoogstens {MAX_LENGTH} tekens hebben."
    if password.lower() in _common_passwords():
        return "Dit wachtwoord komt voor in lijsten van veelgebruikte of gelekte wachtwoorden."
    return None
