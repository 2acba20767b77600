"""Werkbrug's application factory: it assembles, it never migrates, seeds or calls the network."""
from __future__ import annotations

import gc

# Start-up makes some 200,000 long-lived objects (models, routes, forms) and frees few, so
# the collector's passes over them are some 15 % of a worker's start: it runs rarely until the first
# create_app has assembled the app (see _settle_collector).
_COLLECTOR = gc.get_threshold()
gc.set_threshold(max(_COLLECTOR[0], 1_000_000), *_COLLECTOR[1:])

from pathlib import Path  # noqa: E402 - after the collector's start-up setting

from flask import Flask  # noqa: E402
from werkzeug.middleware.proxy_fix import ProxyFix  # noqa: E402

from models.catalogue.publishing import code_key  # noqa: E402
from models.common import clock  # noqa: E402
from web.config import load_config  # noqa: E402
from web.extensions import babel, csrf, init_db, login_manager  # noqa: E402
from web.routing import LazyBuilderRule  # noqa: E402

ROOT = Path(__file__).resolve().parent


def create_app(config: dict | None = None) -> Flask:
    """Create a Werkbrug app; ``config`` (a dict) overrides every other configuration layer."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "web" / "templates"),
        static_folder=str(ROOT / "web" / "static"),
    )
    app.url_rule_class = LazyBuilderRule  # URL builders compiled when first used, not ~350 at start
    load_config(app, config)
    clock.set_zone(app.config["BABEL_DEFAULT_TIMEZONE"])
    code_key.set_key(app.config.get("SECRET_KEY"))  # drafts' profile codes stay the same between views
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

    from web import blueprints, commands, errors, hooks, queue, warmup

    queue.init_app(app)

    hooks.init_app(app)
    warmup.init_app(app)
    errors.init_app(app)
    blueprints.register(app)
    commands.install(app)  # `flask …` commands and `flask db` attached when the command line asks
    _settle_collector()
    return app


def _settle_collector() -> None:
    """Once per process: put what start-up made out of the collector's reach and restore its setting."""
    if gc.get_threshold() != _COLLECTOR:
        gc.freeze()  # long-lived: later collections skip them, and a forked worker keeps sharing their pages
        gc.set_threshold(*_COLLECTOR)
