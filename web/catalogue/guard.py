"""Rate limits of the public side, counted in the database so every worker and host shares them.

Each limit is a fixed hourly window per client address: one upserted counter row
(models.common.throttle.bump). Attempts (meeting requests) cost one short write statement each;
catalogue page views are added in batches per worker (view_counts).
"""
from __future__ import annotations

import logging

from flask import current_app, g, request
from werkzeug.exceptions import TooManyRequests

from models.common import audit, throttle
from web.extensions import db

from . import view_counts

log = logging.getLogger("werkbrug")
HOUR = 3600


def client_address() -> str:
    """The address limits are counted per (the proxy's X-Forwarded-For is trusted only via ProxyFix)."""
    return request.remote_addr or "-"


def limit(scope: str, config_key: str, *, message: str, key: str | None = None) -> None:
    """Count this request for the client in ``scope``; abort 429 once over the hourly limit.

    One statement: an upsert of this hour's counter. The first refused request of an hour is logged and
    audited (``scrape_suspected`` or ``request_flood``) with the address only. ``key`` counts per
    something else than the client (a recipient address); it is never logged.
    """
    address = key if key is not None else client_address()
    maximum = current_app.config[config_key]
    # The count is its own short write transaction, committed at once: on SQLite a read transaction
    # that starts writing fails with "database is locked" under concurrent workers, and a request
    # that ends in 404 (probing profile codes) must count too.
    db.session.commit()
    g.db_writes = True
    try:
        seen = throttle.bump(db.session, scope, address, HOUR) - 1
        db.session.commit()
    finally:
        g.db_writes = False
    if seen >= maximum:
        if seen == maximum:
            action = "scrape_suspected" if scope.startswith("catalogue") else "request_flood"
            origin = client_address()
            audit.record(db.session, action, result="denied", origin=origin, details={"scope": scope})
            log.warning("%s: %s over %d per hour in %s", action, origin, maximum, scope)
        db.session.commit()  # the 429 rolls back; the count and the audit event must stay
        exc = TooManyRequests()
        exc.werkbrug_message = message
        raise exc


def limit_views(scope: str, *, message: str) -> None:
    """Count a catalogue page view of the client in ``scope``; abort 429 once over the hourly limit.

    Like ``limit``, but counted through view_counts: views of addresses far from their limit are
    added to the shared counters in batches, not with a write and a commit per page.
    """
    if view_counts.count(scope, client_address()) >= current_app.config[view_counts.LIMITS[scope]]:
        exc = TooManyRequests()
        exc.werkbrug_message = message
        raise exc


def count_attempt(scope: str, config_key: str, *, message: str, key: str | None = None) -> None:
    """Like ``limit`` but the count is committed at once, so attempts that fail validation count too."""
    limit(scope, config_key, message=message, key=key)
    db.session.commit()

