"""Second factor for staff: TOTP codes (RFC 6238) used once each, and one-time recovery codes."""
from __future__ import annotations

import hashlib
import secrets
import time
from datetime import UTC, datetime, timedelta

import pyotp
import segno

from models.accounts.user import User
from models.base import utcnow

ISSUER = "Werkbrug"
RECOVERY_CODE_COUNT = 10
ENROLMENT_CODE_HOURS = 24
# Letters and digits that cannot be confused when read aloud or copied (no 0/O, 1/I/L).
_ENROLMENT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_secret() -> str:
    """A fresh base32 TOTP secret."""
    return pyotp.random_base32()


def provisioning_uri(email: str, secret: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """The QR code of ``uri`` as an inline SVG data URI (no external image service)."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def _matching_step(secret: str, code: str, now: float) -> int | None:
    """The time step whose code equals ``code`` (now, one before or one after), or None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    step = int(now // totp.interval)
    for candidate in (step, step - 1, step + 1):
        if secrets.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None


def verify_code(user: User, code: str, secret: str | None = None, now: float | None = None) -> bool:
    """Check a TOTP code for ``user``; a code (time step) that was used before is refused."""
    secret = secret or user.totp_secret
    if not secret:
        return False
    step = _matching_step(secret, code, time.time() if now is None else now)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    user.totp_last_step = step
    return True


def _hash(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").strip().lower().encode()).hexdigest()


def new_recovery_codes(user: User) -> list[str]:
    """Give ``user`` fresh recovery codes; returns them in plain text to show once."""
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    user.recovery_codes = [_hash(c) for c in codes]
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """Accept an unused recovery code once; it is struck off."""
    digest = _hash(code)
    if digest not in (user.recovery_codes or []):
        return False
    user.recovery_codes = [c for c in user.recovery_codes if c != digest]
    return True


def issue_enrolment_code(user: User) -> str:
    """Give ``user`` a fresh one-time enrolment code valid for 24 hours; returns it to show once.

    Any earlier code stops working. Only its SHA-256 hash is stored.
    """
    raw = "".join(secrets.choice(_ENROLMENT_ALPHABET) for _ in range(12))
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    user.enrolment_code_hash = _hash_enrolment(code)
    user.enrolment_code_expires_at = utcnow() + timedelta(hours=ENROLMENT_CODE_HOURS)
    return code


def _hash_enrolment(code: str) -> str:
    return hashlib.sha256("".join(code.split()).replace("-", "").upper().encode()).hexdigest()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite gives naive UTC back


def enrolment_code_valid(user: User, code: str) -> bool:
    """True when ``code`` is the user's unexpired enrolment code (it is not used up here)."""
    if not user.enrolment_code_hash or user.enrolment_code_expires_at is None or len(code) > 40:
        return False
    if _aware(user.enrolment_code_expires_at) <= utcnow():
        return False
    return secrets.compare_digest(user.enrolment_code_hash, _hash_enrolment(code))


def enrol(user: User, secret: str) -> list[str]:
    """Store ``secret`` as the user's second factor, use up the enrolment code; returns new recovery codes."""
    user.totp_secret = secret
    user.enrolment_code_hash = None
    user.enrolment_code_expires_at = None
    return new_recovery_codes(user)


def reset(user: User) -> str:
    """Remove the second factor (a lost phone); returns the enrolment code the user needs to link a
    new one, to show once to the person who reset it."""
    user.totp_secret = None
    user.totp_last_step = None
    user.recovery_codes = []
    user.session_version += 1
    return issue_enrolment_code(user)
