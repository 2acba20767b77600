"""Per-organisation API tokens for partner systems: shown once, stored only as a SHA-256 hash."""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.common.system import ApiToken

PREFIX = "wbk_"


def hash_token(plaintext: str) -> str:
    """The hex SHA-256 of a token, as stored."""
    return hashlib.sha256(plaintext.encode()).hexdigest()


def create_token(session: Session, organisation_id: int, name: str, *, actor=None) -> tuple[ApiToken, str]:
    """Make a token for ``organisation_id``; returns (row, plaintext). The plaintext is never stored."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput({"name": N_("Geef het token een naam, bijvoorbeeld de naam van het systeem.")})
    plaintext = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(organisation_id=organisation_id, name=name[:100], token_hash=hash_token(plaintext),
                     prefix=plaintext[:12], created_by_id=getattr(actor, "id", None))
    session.add(token)
    session.flush()
    audit.record(session, "api_token_created", actor=actor, obj=token, details={"prefix": token.prefix})
    return token, plaintext


def authenticate(session: Session, plaintext: str | None) -> ApiToken | None:
    """The live token matching ``plaintext`` (its last use stamped), or None for unknown/revoked."""
    if not plaintext or not plaintext.startswith(PREFIX) or len(plaintext) > 200:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(plaintext)))
    if token is None or token.revoked_at is not None:
        return None
    token.last_used_at = utcnow()
    return token


def revoke(session: Session, token: ApiToken, *, actor=None) -> None:
    """Revoke ``token`` at once; revoking twice changes nothing."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, "api_token_revoked", actor=actor, obj=token, details={"prefix": token.prefix})
        session.flush()


def tokens_of(session: Session, organisation_id: int) -> list[ApiToken]:
    """The organisation's tokens, newest first."""
    return list(session.scalars(select(ApiToken).where(ApiToken.organisation_id == organisation_id)
                                .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))
