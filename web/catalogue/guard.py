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


def _record_flood(scope: str, maximum: int) -> None:
    action = "scrape_suspected" if scope.startswith("catalogue") else "request_flood"
    origin = client_address()
    audit.record(db.session, action, result="denied", origin=origin, details={"scope": scope})
    log.warning("%s: %s over %d per hour in %s", action, origin, maximum, scope)


def _bump(scope: str, address: str) -> int:
    """Count one for ``address`` in ``scope`` in its own committed write; the window's count before it."""
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
    return seen


def limit(scope: str, config_key: str, *, message: str, key: str | None = None) -> None:
    """Count this request for the client in ``scope``; abort 429 once over the hourly limit.

    One statement: an upsert of this hour's counter. The first refused request of an hour is logged and
    audited (``scrape_suspected`` or ``request_flood``) with the address only. ``key`` counts per
    something else than the client (a recipient address); it is never logged.
    """
    address = key if key is not None else client_address()
    maximum = current_app.config[config_key]
    seen = _bump(scope, address)
    if seen >= maximum:
        if seen == maximum:
            _record_flood(scope, maximum)
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
    """Like ``limit`` but the count is committed at once, so attempts that fail validation count too
    (the meet form's generous bound on all posts; its limit of accepted requests is ``used_up``)."""
    limit(scope, config_key, message=message, key=key)
    db.session.commit()


def used_up(scope: str, config_key: str, *, key: str | None = None) -> int | None:
    """When this hour's allowance of accepted requests in ``scope`` is used up: the moment (seconds
    since the epoch) the next window starts; None while the client may still send one.

    Nothing is counted: only ``accept`` counts, after a request was stored, so a request refused for a
    field error or for this limit never uses up the allowance. A refusal is still audited once per
    window (``request_flood``), through ``refused``."""
    hits, ends = throttle.window(db.session, scope, key if key is not None else client_address(), HOUR)
    return ends if hits >= current_app.config[config_key] else None


def refused(scope: str, config_key: str, *, key: str | None = None) -> None:
    """A request refused by ``used_up``: counted on past the limit (the window's end stays), and the
    first refusal of the window audited as ``request_flood`` with the client's address only."""
    maximum = current_app.config[config_key]
    if _bump(scope, key if key is not None else client_address()) == maximum:
        _record_flood(scope, maximum)
        db.session.commit()


def accept(scope: str, *, key: str | None = None) -> None:
    """Count one accepted request of the client (or of ``key``) in ``scope``."""
    _bump(scope, key if key is not None else client_address())
