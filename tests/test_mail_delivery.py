"""Mail from the outbox over SMTP, against a real SMTP server on loopback (aiosmtpd in the test process)."""
from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime, timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from models import OutboxMessage
from models.common import clock
from models.enums import Role
from tests.helpers import visible_text
from web.queue import duties

START = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


class Inbox:
    """An aiosmtpd handler that keeps what it receives, or refuses with ``refuse`` (an SMTP reply)."""

    def __init__(self):
        self.received: list = []
        self.refuse: str | None = None

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return self.refuse
        self.received.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(app):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_DEFAULT_SENDER="wsp@dronten.example",
                      MAIL_MAX_ATTEMPTS=3, MAIL_RETRY_SECONDS=60, MAIL_TIMEOUT=10)
    yield inbox
    controller.stop()


def queue_mail(db, to="inkoop@bakkerij.example", subject="Werkbrug: uw verzoek", organisation=None) -> OutboxMessage:
    message = OutboxMessage(to_address=to, subject=subject, body="Wij nemen contact met u op.\n",
                            organisation_id=getattr(organisation, "id", None))
    db.session.add(message)
    db.session.commit()
    return message


def reload(db, message) -> OutboxMessage:
    db.session.expire_all()
    return db.session.get(OutboxMessage, message.id)


def test_due_mail_is_delivered_and_marked_sent(app, db, smtp):
    with clock.frozen(START):
        message = queue_mail(db)
        assert duties.deliver_mail() == "sent 1 message(s), 0 attempt(s) failed"
    [(recipients, received)] = smtp.received
    assert recipients == ["inkoop@bakkerij.example"]
    assert received["Subject"] == "Werkbrug: uw verzoek" and received["From"] == "wsp@dronten.example"
    assert received.get_payload().strip() == "Wij nemen contact met u op."
    message = reload(db, message)
    assert message.sent_at is not None and message.attempts == 1 and message.last_error is None
    assert duties.deliver_mail() == "sent 0 message(s), 0 attempt(s) failed"  # sent once, never again
    assert len(smtp.received) == 1


def test_refused_mail_is_retried_with_growing_waits_then_failed_and_shown(app, db, smtp, as_role, client, org):
    smtp.refuse = "451 4.3.0 Probeer het later opnieuw"
    with clock.frozen(START):
        message = queue_mail(db, organisation=org)
        duties.deliver_mail()
    message = reload(db, message)
    assert message.attempts == 1 and message.next_attempt_at.replace(tzinfo=UTC) == START + timedelta(seconds=60)
    assert "451" in message.last_error
    with clock.frozen(START + timedelta(seconds=59)):
        duties.deliver_mail()  # not due yet
    assert reload(db, message).attempts == 1
    with clock.frozen(START + timedelta(seconds=60)):
        duties.deliver_mail()
    message = reload(db, message)
    assert message.attempts == 2
    assert message.next_attempt_at.replace(tzinfo=UTC) == START + timedelta(seconds=60 + 120)  # the wait doubled
    with clock.frozen(START + timedelta(seconds=180)):
        duties.deliver_mail()
    message = reload(db, message)
    assert message.attempts == 3 and message.failed_at is not None and message.sent_at is None
    assert smtp.received == []

    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/uitgaande-mail/").get_data(as_text=True))
    assert "Mislukt (1)" in text and "inkoop@bakkerij.example" in text and "451" in text
    assert "Uitgaande e-mail" in visible_text(client.get("/").get_data(as_text=True))  # in the menu

    smtp.refuse = None
    response = client.post(f"/beheer/uitgaande-mail/{message.id}/opnieuw", follow_redirects=True)
    assert "Het bericht staat weer in de wachtrij." in visible_text(response.get_data(as_text=True))
    assert duties.deliver_mail() == "sent 1 message(s), 0 attempt(s) failed"
    assert reload(db, message).sent_at is not None and len(smtp.received) == 1


def test_an_unreachable_server_counts_as_a_failed_attempt(app, db):
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_TIMEOUT=5)
    message = queue_mail(db)
    assert duties.deliver_mail() == "sent 0 message(s), 1 attempt(s) failed"
    message = reload(db, message)
    assert message.attempts == 1 and message.sent_at is None and "ConnectionRefusedError" in message.last_error


def test_without_a_mail_server_the_outbox_keeps_the_mail_and_says_so_once(app, db, as_role, client, org):
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logging.getLogger("werkbrug").addHandler(handler)
    try:
        message = queue_mail(db, organisation=org)
        for _ in range(3):
            assert duties.deliver_mail() == "no MAIL_SERVER configured: mail stays in the outbox"
    finally:
        logging.getLogger("werkbrug").removeHandler(handler)
    assert [line for line in lines if "MAIL_SERVER" in line] == [
        "no MAIL_SERVER configured: mail stays in the outbox (set MAIL_SERVER to send it)"]
    message = reload(db, message)
    assert message.attempts == 0 and message.sent_at is None
    as_role(Role.COORDINATOR)
    text = visible_text(client.get("/beheer/uitgaande-mail/").get_data(as_text=True))
    assert "Er is geen mailserver ingesteld" in text and "Wachtend (1)" in text


def test_a_message_another_worker_took_is_not_sent_twice(app, db, smtp):
    from models.base import utcnow
    from models.common import mail

    message = queue_mail(db)
    assert mail.claim(db.session, message.id, utcnow()) is not None
    db.session.commit()
    assert mail.claim(db.session, message.id, utcnow()) is None  # already claimed: due again only much later
    assert duties.deliver_mail() == "sent 0 message(s), 0 attempt(s) failed"
    assert smtp.received == []


def test_a_new_message_enqueues_delivery_after_the_commit(app, db):
    from web.queue import huey_for

    huey = huey_for(app)
    queue_mail(db)
    assert huey.pending_count() == 1
    assert db.session.scalar(select(OutboxMessage.sent_at)) is None


def test_the_outbox_shows_and_retries_only_the_own_organisations_mail(app, db, as_role, client, org, other_org):
    """A coordinator of Dronten sees neither UWV's letters to employers nor its mail to its staff."""
    failed_at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    own = queue_mail(db, to="inkoop@bakkerij.example", subject="Uw verzoek over profiel K-0001", organisation=org)
    theirs = queue_mail(db, to="hr@transport.example", subject="Uw verzoek over profiel K-0F00",
                        organisation=other_org)
    staff = queue_mail(db, to="adviseur@uwv.example", subject="Werkbrug: nieuwe melding", organisation=other_org)
    for message in (own, theirs, staff):
        message.failed_at, message.attempts = failed_at, 6
    queue_mail(db, to="wacht@uwv.example", organisation=other_org)
    db.session.commit()

    as_role(Role.COORDINATOR)
    for state in ("mislukt", "wachtend", "verzonden"):
        text = visible_text(client.get(f"/beheer/uitgaande-mail/?status={state}").get_data(as_text=True))
        assert "K-0F00" not in text and "uwv.example" not in text and "transport.example" not in text
    text = visible_text(client.get("/beheer/uitgaande-mail/").get_data(as_text=True))
    assert "K-0001" in text and "Mislukt (1)" in text and "Wachtend (0)" in text

    assert client.post(f"/beheer/uitgaande-mail/{theirs.id}/opnieuw").status_code == 404
    assert reload(db, theirs).failed_at is not None
    client.post(f"/beheer/uitgaande-mail/{own.id}/opnieuw")
    assert reload(db, own).failed_at is None
