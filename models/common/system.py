"""Operational tables: API tokens, the mail outbox, shared rate-limit counters, cache stamps, the
Idempotency-Keys of API creates and the one-time tokens of create forms."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class ApiToken(Base):
    """A partner system's token; only its SHA-256 hash is stored."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # shown in lists to tell tokens apart
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """Mail to send, and the durable record of what was sent (models/common/mail.py delivers it).

    Waiting: neither ``sent_at`` nor ``failed_at``; due again from ``next_attempt_at``. After the last
    allowed attempt ``failed_at`` is set and the outbox page shows ``last_error``.

    ``organisation_id``: the organisation whose work the message belongs to (a meet request's,
    a staff member's own); the outbox page shows each organisation only its own. None for mail
    of the installation itself (an employer's account, saved-search alerts): no organisation's staff
    sees those.
    """

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    next_attempt_at: Mapped[datetime | None] = mapped_column(index=True)
    last_error: Mapped[str | None] = mapped_column(String(300))
    failed_at: Mapped[datetime | None]


class ThrottleEvent(Base):
    """One counted attempt (failed login, profile view) per key, shared by every app process."""

    __tablename__ = "throttle_event"
    __table_args__ = (Index("ix_throttle_event_key_at", "scope", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class ThrottleCounter(Base):
    """Requests of one key in one scope within one fixed window (its start in epoch seconds).

    The catalogue counts a page view with one upsert of this row instead of a count over events
    and an insert: one statement, and one row per visitor and hour however busy they are.
    """

    __tablename__ = "throttle_counter"

    scope: Mapped[str] = mapped_column(String(32), primary_key=True)
    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hits: Mapped[int] = mapped_column(default=0)


class CacheStamp(Base):
    """A version counter for derived in-memory state (the taxonomy) and the change number
    (``changes``: models/common/stamps.py) that candidate and vacancy changes carry."""

    __tablename__ = "cache_stamp"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class CandidateRemoval(Base):
    """A candidate row that was deleted (erasure), with the change number of its deletion: the
    matcher's index drops it when it applies the changes after a snapshot (no personal data here)."""

    __tablename__ = "candidate_removal"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int]
    organisation_id: Mapped[int] = mapped_column(index=True)
    change_no: Mapped[int] = mapped_column(BigInteger, index=True)
    removed_at: Mapped[datetime] = mapped_column(default=utcnow)


class IdempotencyKey(Base):
    """A partner's Idempotency-Key on an API create: the body it came with and the answer it got.

    Stored in the same transaction as what the request wrote, so a key is known exactly when its
    write happened; kept a day (the prune-idempotency-keys duty).
    """

    __tablename__ = "idempotency_key"
    __table_args__ = (UniqueConstraint("organisation_id", "endpoint", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    endpoint: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(default=200)
    response: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class FormSubmission(Base):
    """A create form's one-time token, inserted in the transaction that stores the record it created.

    The primary key makes a second use of the token (a double click, a retry, a resubmit after Back)
    find this row instead of creating the record again; ``result_url`` is the page the first
    submission led to. Kept a day (the prune-idempotency-keys duty); older tokens are refused.
    """

    __tablename__ = "form_submission"

    token: Mapped[str] = mapped_column(String(80), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    result_url: Mapped[str] = mapped_column(String(500), default="")
