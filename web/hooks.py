"""Per-request plumbing: request ids, one transaction per request, security headers, logging."""
from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, g, request
from flask_login import current_user
from werkzeug.datastructures import ImmutableMultiDict

from web.extensions import db

log = logging.getLogger("werkbrug")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)


# NUL and the other C0 control characters except tab, newline and carriage return: no person types
# them, PostgreSQL refuses NUL in text, and terminals and logs interpret the rest.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _without_controls(values: ImmutableMultiDict) -> ImmutableMultiDict | None:
    """A copy of ``values`` without control characters, or None when there were none."""
    pairs = list(values.items(multi=True))
    if not any(CONTROL_CHARACTERS.search(k) or CONTROL_CHARACTERS.search(v) for k, v in pairs):
        return None
    return ImmutableMultiDict([(CONTROL_CHARACTERS.sub("", k), CONTROL_CHARACTERS.sub("", v))
                               for k, v in pairs])


class AccessLogFilter(logging.Filter):
    """The development server's access log without query strings: searches hold names."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple) and isinstance(record.args[0], str):
            line = record.args[0]
            record.args = (re.sub(r"\?\S*", "?…", line, count=1) if "?" in line else line, *record.args[1:])
        return True


class RequestIdFilter(logging.Filter):
    """Adds the current request id to every log record, and escapes newlines (no log forging)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            record.request_id = g.get("request_id", "-")
        except RuntimeError:
            record.request_id = "-"
        if isinstance(record.msg, str):
            record.msg = record.msg.replace("\r", "\\r").replace("\n", "\\n")
        return True


def init_app(app: Flask) -> None:
    """Install the request hooks and the log format on ``app``."""
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s")
    )
    handler.addFilter(RequestIdFilter())
    if not any(isinstance(h, logging.StreamHandler) for h in log.handlers):
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    access = logging.getLogger("werkzeug")
    if not any(isinstance(f, AccessLogFilter) for f in access.filters):
        access.addFilter(AccessLogFilter())

    @app.before_request
    def assign_request_id() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if incoming.isalnum() and len(incoming) <= 64 else uuid.uuid4().hex[:16]

    @app.before_request
    def start_page_view() -> None:
        # models.common.audit merges the view_personal events of one page view; a request is one view.
        db.session.info.pop("audit_views", None)

    @app.before_request
    def drop_control_characters() -> None:
        # Every form and query value reaches views, the database and logs without control characters.
        if (args := _without_controls(request.args)) is not None:
            request.args = args
        if request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            if (form := _without_controls(request.form)) is not None:
                request.form = form

    @app.after_request
    def finish(response):
        # One transaction per request: keep the work of successful requests, drop the rest.
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        response.headers["X-Request-ID"] = g.get("request_id", "")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()"
        if request.is_secure or app.config.get("SEND_HSTS"):  # browsers ignore it over plain http
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if current_user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response
