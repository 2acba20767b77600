"""Registers every area's blueprint; the order here is the order of the navigation."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Attach the blueprints of all areas to ``app``."""
    from web.auth import two_factor  # noqa: F401  (adds the second-step routes to auth)
    from web.auth.routes import bp as auth
    from web.candidates.routes import bp as candidates
    from web.catalogue.routes import bp as catalogue
    from web.employer_account.routes import bp as employer_account
    from web.privacy.routes import bp as privacy
    from web.public.routes import bp as public
    from web.requests.routes import bp as requests_
    from web.start.routes import bp as start
    from web.users.routes import bp as users
    from web.vacancies.routes import bp as vacancies
    from web.vacancy_submission.routes import bp as vacancy_submission
    from web.tokens.routes import bp as tokens
    from web.api import register_api

    for blueprint in (public, auth, start, users, privacy, vacancies, vacancy_submission, tokens,
                      candidates, requests_, catalogue, employer_account):
        app.register_blueprint(blueprint)
    register_api(app)

    from web.auth.session import init_login

    init_login(app)
    from web.navigation import init_navigation

    init_navigation(app)
    from web import profile_card

    profile_card.init_app(app)
