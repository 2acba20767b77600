"""Writes that happen once: Idempotency-Keys on API creates and one-time tokens on create forms.

API: ``lookup`` finds an earlier answer; ``claim`` inserts the key in the request's transaction (a
concurrent request with the same key fails on the unique constraint, so only one of them writes);
``store`` keeps the answer. Keys are per organisation and endpoint and kept ``KEEP_HOURS``.

Forms: ``form_token`` is issued with the form (signed for one user or session, stamped with the time);
``token_problem`` says why a submitted token cannot be used; ``claim_form`` inserts it in the
transaction of the insert it guards (the primary key lets only one submission through);
``earlier_form`` finds the first submission. Tokens older than ``KEEP_HOURS`` are refused, so pruning
them never lets a resubmit through.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common.system import FormSubmission, IdempotencyKey

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
    """Delete API keys and form tokens older than KEEP_HOURS; returns how many."""
    cutoff = utcnow() - timedelta(hours=KEEP_HOURS)
    return sum(session.execute(delete(table).where(table.created_at < cutoff)).rowcount
               for table in (IdempotencyKey, FormSubmission))


def _signature(secret: str, identity: str, stamp: str, nonce: str) -> str:
    mac = hmac.new(secret.encode(), f"{identity}|{stamp}|{nonce}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]


def form_token(secret: str, identity: str, now: datetime) -> str:
    """A new one-time token for a form shown to ``identity`` (a user or a session) at ``now``."""
    stamp, nonce = format(int(now.timestamp()), "x"), secrets.token_urlsafe(12)
    return f"{stamp}.{nonce}.{_signature(secret, identity, stamp, nonce)}"


def token_problem(secret: str, identity: str, token: str, now: datetime) -> str | None:
    """None for a token this identity was given less than KEEP_HOURS ago; else "foreign" or "expired"."""
    stamp, _, rest = token.partition(".")
    nonce, _, signature = rest.partition(".")
    if not (len(token) <= 80 and re.fullmatch(r"[0-9a-f]{1,12}", stamp) and nonce and hmac.compare_digest(
            signature, _signature(secret, identity, stamp, nonce))):
        return "foreign"
    age = now.timestamp() - int(stamp, 16)
    return "expired" if not -300 <= age <= KEEP_HOURS * 3600 else None


def earlier_form(session: Session, token: str) -> FormSubmission | None:
    """The first submission of this token (committed), or None."""
    return session.get(FormSubmission, token, populate_existing=True)


def claim_form(session: Session, token: str) -> FormSubmission:
    """Insert the token (flushes; raises IntegrityError when a concurrent submission holds it)."""
    record = FormSubmission(token=token, result_url="")
    session.add(record)
    session.flush()
    return record
