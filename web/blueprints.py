"""Registers every area's blueprint; the order here is the order of the navigation."""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Attach the blueprints of all areas to ``app``."""
    from web.auth.routes import bp as auth
    from web.bias.routes import bp as bias
    from web.public.routes import bp as public
    from web.start.routes import bp as start
    from web.taxonomy.routes import bp as taxonomy
    from web.users.routes import bp as users

    for blueprint in (public, auth, start, users, bias, taxonomy):
        app.register_blueprint(blueprint)

    from web.auth.session import init_login

    init_login(app)
    from web.navigation import init_navigation

    init_navigation(app)
