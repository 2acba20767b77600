"""Registers every area's blueprint and the partner API; one line per area.

The public catalogue's routes modules are imported here; every other area is registered from its urls
module, which declares its URLs, and its views are imported on their first request (web.lazy)."""
from __future__ import annotations

from importlib import import_module

from flask import Flask

AREAS = (
    "web.catalogue.public.routes",
    "web.accounts.auth.urls",
    "web.start.urls",
    "web.accounts.users.urls",
    "web.accounts.privacy.urls",
    "web.vacancies.urls",
    "web.vacancies.submission.urls",
    "web.accounts.tokens.urls",
    "web.candidates.urls",
    "web.catalogue.requests.urls",
    "web.catalogue.routes",
    "web.catalogue.employer_account.urls",
    "web.register.urls",
    "web.register.calendar_feed_urls",
    "web.placements.urls",
    "web.sroi.urls",
    "web.sroi.contractor.urls",
    "web.sroi.authority.urls",
    "web.sroi.bouwblokken.urls",
    "web.matches.urls",
    "web.matches.bias.urls",
    "web.taxonomy.urls",
    "web.reports.urls",
    "web.outbox.urls",
    "web.health.routes",
    "web.notifications.urls",
    "web.exports.urls",
)


def register(app: Flask) -> None:
    """Attach the blueprints of all areas to ``app``."""
    from web.api import register_api

    for module in AREAS:
        app.register_blueprint(import_module(module).bp)
    register_api(app)

    from web.accounts.auth.session import init_login

    init_login(app)
    from web.navigation import init_navigation
    from web.notifications.unread import init_app as init_notifications

    init_notifications(app)

    init_navigation(app)
    from web.catalogue import profile_card

    profile_card.init_app(app)
