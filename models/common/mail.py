"""Delivering the outbox over SMTP: claim a message, send it, record the result.

The outbox stays the durable record: a message is claimed (its attempt counted and its next try
pushed out) in a committed transaction before it is sent, so two workers never send it twice, and
a worker killed mid-send leaves it due again later. Failures wait ``retry_seconds`` after the first
attempt, doubling after each next one; after ``max_attempts`` the message is marked failed.
"""
from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from models.common.system import OutboxMessage

CLAIM_SECONDS = 15 * 60  # a claimed message is due again after this long if its worker died


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    use_tls: bool = False
    use_ssl: bool = False
    username: str | None = None
    password: str | None = None
    sender: str = "werkbrug@localhost"
    timeout: float = 30


@dataclass(frozen=True)
class Policy:
    max_attempts: int = 6
    retry_seconds: int = 60

    def wait_after(self, attempts: int) -> timedelta:
        """The wait before the next try after ``attempts`` failed attempts (1, 2, 4, ... times retry_seconds)."""
        return timedelta(seconds=self.retry_seconds * 2 ** max(attempts - 1, 0))


def _waiting():
    return and_(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))


def due_ids(session: Session, now: datetime, limit: int = 100) -> list[int]:
    """Ids of waiting messages whose next try is due, oldest first."""
    return list(session.scalars(
        select(OutboxMessage.id).where(_waiting(), or_(OutboxMessage.next_attempt_at.is_(None),
                                                       OutboxMessage.next_attempt_at <= now))
        .order_by(OutboxMessage.id).limit(limit)))


def claim(session: Session, message_id: int, now: datetime) -> OutboxMessage | None:
    """Take the message for one attempt (None if another worker took it or it is no longer due). Flushes."""
    claimed = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, _waiting(),
               or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now))
        .values(attempts=OutboxMessage.attempts + 1, next_attempt_at=now + timedelta(seconds=CLAIM_SECONDS))
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:
        return None
    message = session.get(OutboxMessage, message_id)
    session.refresh(message)
    return message


def record_sent(session: Session, message: OutboxMessage, now: datetime) -> None:
    """The server accepted the message. Flushes."""
    message.sent_at, message.next_attempt_at, message.last_error = now, None, None
    session.flush()


def record_failure(session: Session, message: OutboxMessage, error: str, now: datetime, policy: Policy) -> None:
    """An attempt failed: try again after the backoff, or mark the message failed after the last attempt."""
    message.last_error = error[:300]
    if message.attempts >= policy.max_attempts:
        message.failed_at, message.next_attempt_at = now, None
    else:
        message.next_attempt_at = now + policy.wait_after(message.attempts)
    session.flush()


def retry(session: Session, message: OutboxMessage) -> None:
    """Put a failed message back in the queue with a fresh set of attempts. Flushes."""
    message.failed_at, message.next_attempt_at, message.attempts = None, None, 0
    session.flush()


def counts(session: Session, organisation_id: int | None = None) -> dict[str, int]:
    """{"waiting", "sent", "failed"}: how many messages the outbox holds in each state; with
    ``organisation_id`` only that organisation's (the outbox page), without it the installation's."""
    query = select(
        func.count().filter(_waiting()), func.count(OutboxMessage.sent_at), func.count(OutboxMessage.failed_at),
    ).select_from(OutboxMessage)
    if organisation_id is not None:
        query = query.where(OutboxMessage.organisation_id == organisation_id)
    waiting, sent, failed = session.execute(query).one()
    return {"waiting": waiting, "sent": sent, "failed": failed}


def as_email(message: OutboxMessage, sender: str) -> EmailMessage:
    """The outbox row as an RFC 5322 message from ``sender``."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = message.to_address
    mail["Subject"] = message.subject
    mail["Message-ID"] = make_msgid(idstring=f"outbox-{message.id}", domain=sender.rpartition("@")[2] or None)
    mail.set_content(message.body)
    return mail


def connect(settings: SmtpSettings) -> smtplib.SMTP:
    """An SMTP connection, with STARTTLS or TLS and login as configured. Raises OSError/SMTPException."""
    context = ssl.create_default_context()
    if settings.use_ssl:
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        if settings.use_tls:
            smtp.starttls(context=context)
    if settings.username:
        smtp.login(settings.username, settings.password or "")
    return smtp


def describe(exc: BaseException) -> str:
    """A short description of a delivery failure for the outbox page (no message content)."""
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"SMTP {exc.smtp_code}: {text}"[:300]
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "SMTP: recipient refused"
    return f"{type(exc).__name__}: {exc}"[:300]
