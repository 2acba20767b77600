"""Idempotency-Key on API creates: the same key and body get the first answer again, never a second write.

``lookup`` finds an earlier answer; ``claim`` inserts the key in the request's transaction (a
concurrent request with the same key fails on the unique constraint, so only one of them writes);
``store`` keeps the answer. Keys are per organisation and endpoint and kept ``KEEP_HOURS``.
"""
from __future__ import annotations

import hashlib
import re
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common.system import IdempotencyKey

KEEP_HOURS = 24
VALID_KEY = re.compile(r"[\x21-\x7e]{1,200}")  # visible ASCII, as in the IETF draft's examples (UUIDs)


class KeyReused(ValueError):
    """The key was used before with a different body (the API answers 422)."""


def digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def lookup(session: Session, organisation_id: int, endpoint: str, key: str, body: bytes) -> IdempotencyKey | None:
    """The earlier answer to this key, or None. Raises KeyReused when the key came with another body."""
    found = session.scalar(select(IdempotencyKey).where(
        IdempotencyKey.organisation_id == organisation_id, IdempotencyKey.endpoint == endpoint,
        IdempotencyKey.key == key))
    if found is not None and found.request_hash != digest(body):
        raise KeyReused(key)
    return found


def claim(session: Session, organisation_id: int, endpoint: str, key: str, body: bytes) -> IdempotencyKey:
    """Insert the key (flushes; raises IntegrityError when a concurrent request holds it)."""
    record = IdempotencyKey(organisation_id=organisation_id, endpoint=endpoint, key=key, request_hash=digest(body),
                            status_code=0, response="")
    session.add(record)
    session.flush()
    return record


def store(session: Session, record: IdempotencyKey, status_code: int, response: str) -> None:
    record.status_code, record.response = status_code, response
    session.flush()


def prune(session: Session) -> int:
    """Delete keys older than KEEP_HOURS; returns how many."""
    cutoff = utcnow() - timedelta(hours=KEEP_HOURS)
    return session.execute(delete(IdempotencyKey).where(IdempotencyKey.created_at < cutoff)).rowcount
