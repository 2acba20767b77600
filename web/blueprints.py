"""Registers every area's blueprint and the partner API; one line per area."""
from __future__ import annotations

from importlib import import_module

from flask import Flask

AREAS = (
    "web.catalogue.public.routes",
    "web.accounts.auth.routes",
    "web.start.routes",
    "web.accounts.users.routes",
    "web.accounts.privacy.routes",
    "web.vacancies.routes",
    "web.vacancies.submission.routes",
    "web.accounts.tokens.routes",
    "web.candidates.routes",
    "web.catalogue.requests.routes",
    "web.catalogue.routes",
    "web.catalogue.employer_account.routes",
    "web.register.routes",
    "web.register.calendar_feed",
    "web.placements.routes",
    "web.sroi.routes",
    "web.sroi.contractor.routes",
    "web.sroi.authority.routes",
    "web.sroi.bouwblokken.routes",
    "web.matches.routes",
    "web.matches.bias.routes",
    "web.taxonomy.routes",
    "web.reports.routes",
    "web.outbox.routes",
    "web.health.routes",
    "web.notifications.routes",
    "web.exports.routes",
)


def register(app: Flask) -> None:
    """Attach the blueprints of all areas to ``app``."""
    from web.accounts.auth import two_factor  # noqa: F401  (adds the second-step routes to auth)
    from web.api import register_api

    for module in AREAS:
        app.register_blueprint(import_module(module).bp)
    register_api(app)

    from web.accounts.auth.session import init_login

    init_login(app)
    from web.navigation import init_navigation
    from web.notifications.routes import init_app as init_notifications

    init_notifications(app)

    init_navigation(app)
    from web.catalogue import profile_card

    profile_card.init_app(app)
