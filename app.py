"""Werkbrug's application factory: it assembles, it never migrates, seeds or calls the network."""
from __future__ import annotations

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from models.common import clock
from web.config import load_config
from web.extensions import babel, csrf, init_db, login_manager

ROOT = Path(__file__).resolve().parent


def create_app(config: dict | None = None) -> Flask:
    """Create a Werkbrug app; ``config`` (a dict) overrides every other configuration layer."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "web" / "templates"),
        static_folder=str(ROOT / "web" / "static"),
    )
    load_config(app, config)
    clock.set_zone(app.config["BABEL_DEFAULT_TIMEZONE"])
    if app.config["PROXY_FIX_HOPS"]:
        # Behind N reverse proxies: take client address and scheme from their X-Forwarded-* headers,
        # so rate limits and the audit log see the real client and HSTS/secure cookies see https.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_HOPS"],
                                x_proto=app.config["PROXY_FIX_HOPS"], x_host=app.config["PROXY_FIX_HOPS"])

    init_db(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    from web.i18n import other_languages, page_language, select_locale, translated

    babel.init_app(app, locale_selector=select_locale)
    if app.config["JINJA_BYTECODE_CACHE"]:
        # Compiled templates kept on disk (Jinja's per-user temporary folder, checked to be private and
        # keyed by each template's source): a worker's first page skips compiling base.html and the rest.
        from jinja2 import FileSystemBytecodeCache

        app.jinja_env.bytecode_cache = FileSystemBytecodeCache()
    app.jinja_env.globals["get_locale"] = page_language
    app.jinja_env.globals["other_languages"] = other_languages
    app.jinja_env.filters["tr"] = translated  # a domain text (N_) or label from models, in the page's language

    from web import blueprints, commands, errors, hooks, queue

    queue.init_app(app)

    hooks.init_app(app)
    errors.init_app(app)
    blueprints.register(app)
    commands.install(app)  # `flask …` commands and `flask db` attached when the command line asks
    return app
