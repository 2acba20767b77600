"""`flask notifications collect` (every few minutes) and `flask notifications digest` (once a day)."""
from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from models.common import clock
from models.notifications import collect as notices
from web.extensions import db

notifications_group = AppGroup("notifications", help="Meldingen voor medewerkers maken en mailen.")


def _base_url() -> str:
    return current_app.config.get("BASE_URL") or "http://127.0.0.1:5000"


@notifications_group.command("collect")
def collect_command():
    """Add the notices not given yet (new requests, proposals, follow-ups due, suggestions, consents) and
    queue the e-mails of those who chose 'meteen'."""
    added = notices.collect(db.session, clock.today(), clock.utcnow(), _base_url())
    db.session.commit()
    click.echo(f"{added} nieuwe melding(en).")


@notifications_group.command("digest")
def digest_command():
    """Queue the daily e-mail for everyone with unread notices of the kinds they get daily."""
    sent = notices.digest(db.session, clock.utcnow(), _base_url())
    db.session.commit()
    click.echo(f"{sent} dagelijkse e-mail(s) in de outbox gezet.")
