"""The unread count beside the user's name and local times of notices, on every page (eager, unlike the views)."""
from __future__ import annotations

from flask_login import current_user

from models.common import clock
from models.notifications import inbox
from web.extensions import db


def init_app(app) -> None:
    """The unread count beside the user's name on every staff page (one indexed count)."""
    @app.template_filter("local_time")
    def local_time(value) -> str:
        return value.astimezone(clock.zone()).strftime("%d-%m-%Y %H:%M") if value else ""

    @app.context_processor
    def unread_notifications():
        if not (current_user.is_authenticated and current_user.organisation_id is not None):
            return {}
        return {"unread_notifications": inbox.unread_count(db.session, current_user.id)}
