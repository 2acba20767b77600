"""Error pages: friendly Dutch text, a request id to quote, never a trace, SQL or personal data."""
from __future__ import annotations

import logging
import re
import traceback

from flask import Flask, current_app, g, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError

from web.extensions import db
from web.forms import AlreadySubmitted, show_first_result

log = logging.getLogger("werkbrug")

MESSAGES = {
    400: ("Ongeldig verzoek", "Het verzoek kon niet worden verwerkt. Probeer het opnieuw."),
    401: ("Niet aangemeld", "Meld u aan om verder te gaan."),
    403: ("Geen toegang", "U heeft geen toegang tot deze pagina."),
    404: ("Niet gevonden", "Deze pagina bestaat niet (meer)."),
    405: ("Niet toegestaan", "Deze actie is hier niet mogelijk."),
    409: ("Gewijzigd door een ander", "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw."),
    410: ("Niet meer beschikbaar", "Dit profiel is niet meer beschikbaar."),
    413: ("Bestand te groot", "Het bestand is groter dan is toegestaan."),
    422: ("Ongeldige invoer", "Controleer de invoer."),
    429: ("Te veel verzoeken", "U heeft te veel verzoeken gedaan. Probeer het later opnieuw."),
    500: ("Er ging iets mis", "Er ging iets mis aan onze kant. Probeer het later opnieuw."),
}


def _wants_json() -> bool:
    return request.path.startswith("/api/")


# The error page when the full page cannot be drawn (the menu needs the database, which may be down).
BARE_PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1><p>{{ message }}</p>
{% if request_id %}<p>{{ quote }} <code>{{ request_id }}</code></p>{% endif %}
<p><a href="/">{{ home }}</a></p></main></body></html>"""

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\([^()]*\)=\([^()]*\)")


def render_error(code: int, message: str | None = None):
    """Render the error page (or JSON under /api/) for ``code``; without the menu when the page fails."""
    title, default = MESSAGES.get(code, MESSAGES[500])
    text = message or _(default)
    if _wants_json():
        return jsonify(error={"code": code, "message": text, "request_id": g.get("request_id")}), code
    try:
        return render_template("errors/error.html", code=code, title=_(title), message=text), code
    except Exception as exc:  # noqa: BLE001 - e.g. the database is down and the menu needs the signed-in user
        _rollback()
        log.error("error page drawn without the menu: %s", describe(exc))
        # Straight from the Jinja environment: Flask's context processors would load the user again.
        page = current_app.jinja_env.from_string(BARE_PAGE).render(
            title=_(title), message=text, home=_("Naar de startpagina"),
            quote=_("Noem deze code als u contact met ons opneemt:"),
            request_id=g.get("request_id", "") if code >= 500 else "")
        return page, code


def describe(exc: BaseException) -> str:
    """The exception's type and message for a log line: a database error's driver message (never its SQL
    or parameters), quoted values blanked and what still looks like personal data scrubbed."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc)
    text = text.splitlines()[0] if text else ""
    text = _QUOTED.sub("…", text[:500])
    name = type(orig if orig is not None else exc).__name__
    if not text:
        return name
    from models.catalogue.scrubbing.scrub import scrub  # on the first error, not at every worker's start

    return f"{name}: {scrub(text).text}"


def _rollback() -> None:
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001 - the database may be unreachable: nothing to roll back then
        pass


def init_app(app: Flask) -> None:
    """Register handlers for HTTP errors and for unexpected exceptions (and for a form sent twice)."""
    app.register_error_handler(AlreadySubmitted, show_first_result)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        _rollback()
        return render_error(exc.code or 500, getattr(exc, "werkbrug_message", None))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        _rollback()
        # The message tells "database is locked" from "readonly database"; describe() keeps row values out.
        frames = traceback.extract_tb(exc.__traceback__)[-6:]
        where = " <- ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}" for f in reversed(frames))
        log.error("unhandled %s on %s %s at %s", describe(exc), request.method, request.url_rule, where)
        if app.config.get("PROPAGATE_EXCEPTIONS"):
            raise exc
        return render_error(InternalServerError.code)
