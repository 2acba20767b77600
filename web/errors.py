"""Error pages: friendly Dutch text, a request id to quote, never a trace, SQL or personal data."""
from __future__ import annotations

import logging
import traceback

from flask import Flask, g, jsonify, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError

from web.extensions import db

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


def render_error(code: int, message: str | None = None):
    """Render the error page (or JSON under /api/) for ``code``."""
    title, default = MESSAGES.get(code, MESSAGES[500])
    text = message or _(default)
    if _wants_json():
        return jsonify(error={"code": code, "message": text, "request_id": g.get("request_id")}), code
    return render_template("errors/error.html", code=code, title=_(title), message=text), code


def init_app(app: Flask) -> None:
    """Register handlers for HTTP errors and for unexpected exceptions."""

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        db.session.rollback()
        return render_error(exc.code or 500, getattr(exc, "werkbrug_message", None))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        db.session.rollback()
        # The type and where it happened, never the message: database errors quote row values.
        frames = traceback.extract_tb(exc.__traceback__)[-6:]
        where = " <- ".join(f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno} {f.name}" for f in reversed(frames))
        log.error("unhandled %s on %s %s at %s", type(exc).__name__, request.method, request.url_rule, where)
        if app.config.get("PROPAGATE_EXCEPTIONS"):
            raise exc
        return render_error(InternalServerError.code)
