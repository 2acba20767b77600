"""Per-request plumbing: request ids, one transaction per request, security headers, logging."""
from __future__ import annotations

import logging
import uuid

from flask import Flask, g, request
from flask_login import current_user

from web.extensions import db

log = logging.getLogger("werkbrug")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)


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

    @app.before_request
    def assign_request_id() -> None:
        # Flask-Login caches the user on g; tests that keep one app context across requests
        # would otherwise see the previous request's user.
        g.pop("_login_user", None)
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if incoming.isalnum() and len(incoming) <= 64 else uuid.uuid4().hex[:16]

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
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        if current_user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response
