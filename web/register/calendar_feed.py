"""The personal follow-up calendar feed that calendar programs subscribe to: no sign-in, the secret in the
address is the key (made, renewed and stopped on the follow-ups' calendar page)."""
from __future__ import annotations

from flask import Response, abort, current_app, request
from sqlalchemy.orm import joinedload

from models import ContactMoment
from models.accounts import calendar_feed
from models.common import clock
from models.register import contacts, ical
from web.extensions import db


def feed(secret: str):
    """The owner's open follow-ups as iCalendar; 404 for an unknown, renewed or stopped address."""
    owner = calendar_feed.owner(db.session, secret)
    if owner is None:
        abort(404)
    moments = db.session.scalars(contacts.open_follow_ups(owner.id, owner.organisation_id)
                                 .options(joinedload(ContactMoment.employer))).all()
    base = current_app.config.get("BASE_URL") or request.url_root
    response = Response(ical.feed(moments, base, clock.now(), owner_name=owner.name), mimetype="text/calendar")
    response.headers["Cache-Control"] = "private, max-age=300"
    response.headers["Content-Disposition"] = 'inline; filename="werkbrug-follow-ups.ics"'
    return response
