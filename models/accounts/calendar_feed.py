"""The secret address of a person's follow-up calendar feed: issued, looked up and revoked."""
from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.base import utcnow
from models.common import audit

_TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(session: Session, user: User) -> str:
    """A new secret for ``user``'s feed (shown once); an earlier address stops working."""
    token = secrets.token_urlsafe(32)
    user.calendar_token_hash = _hash(token)
    user.calendar_token_created_at = utcnow()
    audit.record(session, "calendar_feed_issued", actor=user, obj=user)
    session.flush()
    return token


def revoke(session: Session, user: User) -> None:
    """Stop the feed: calendar programs that subscribed get 404 from now on."""
    if user.calendar_token_hash is not None:
        user.calendar_token_hash = None
        user.calendar_token_created_at = None
        audit.record(session, "calendar_feed_revoked", actor=user, obj=user)
        session.flush()


def owner(session: Session, token: str) -> User | None:
    """The active staff member whose feed ``token`` opens, or None (unknown, revoked, disabled, malformed)."""
    if not token or len(token) > 64 or any(ch not in _TOKEN for ch in token):
        return None
    user = session.scalar(select(User).where(User.calendar_token_hash == _hash(token)))
    if user is None or not user.active or user.organisation_id is None:
        return None
    return user
