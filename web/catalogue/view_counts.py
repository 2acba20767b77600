"""Catalogue page views counted in memory per worker and added to the shared counters in batches.

The view limit (CATALOGUE_MAX_*_VIEWS_PER_HOUR per address and hour) is kept in the database's
fixed-window counters (models.common.throttle), which every worker and host shares. Writing one
upsert and a commit per page view serialised every catalogue GET on SQLite, so a worker keeps the
views of addresses far from their limit in memory and adds them to the counters in one short
transaction at most every CATALOGUE_COUNT_FLUSH_SECONDS (from the first request after that time,
and when the worker exits). An address whose count reaches half its limit is counted in the
database on every view, as before, so the refusal and its audit event rest on the shared count.

What that costs in exactness: another worker learns of this worker's batched views up to one
flush interval late, so an address can get at most one interval's worth of views per worker past
the limit before every worker refuses it; views a worker holds when it is killed (not stopped) are
lost. Cached catalogue pages (page_cache) are counted the same way: a cached page is still a view.
CATALOGUE_COUNT_FLUSH_SECONDS = 0 counts every view in the database at once.
"""
from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref

from flask import Flask, current_app, g

from models.common import audit, throttle
from web.extensions import db

log = logging.getLogger("werkbrug")
HOUR = 3600
EXTENSION = "werkbrug_view_counts"

Key = tuple[str, str, int]  # scope, address, window start


class ViewCounts:
    """One worker's views not yet in the database, and each window's count as the database last said."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: dict[Key, int] = {}
        self.known: dict[Key, int] = {}
        self.flushed_at = time.monotonic()

    def take(self) -> dict[Key, int]:
        """The pending views (emptied); the caller writes them. Hold ``lock``."""
        batch, self.pending = self.pending, {}
        self.flushed_at = time.monotonic()
        return batch


_apps: weakref.WeakSet = weakref.WeakSet()  # apps holding counts, for the worker's exit


def counts(app: Flask | None = None) -> ViewCounts:
    app = app or current_app._get_current_object()
    state = app.extensions.get(EXTENSION)
    if state is None:
        state = app.extensions[EXTENSION] = ViewCounts()
        _apps.add(app)
    return state


@atexit.register
def _flush_all() -> None:
    """A worker that stops writes what it holds."""
    for app in list(_apps):
        flush(app)


def count(scope: str, address: str) -> int:
    """Count one view of ``address`` in ``scope`` (a key of LIMITS); returns how many views came
    before it this hour."""
    maximum = _maximum(scope)
    state = counts()
    window = int(time.time()) // HOUR * HOUR
    key = (scope, address[:128], window)
    interval = current_app.config["CATALOGUE_COUNT_FLUSH_SECONDS"]
    with state.lock:
        before = state.known.get(key, 0) + state.pending.get(key, 0)
        if interval > 0 and 2 * (before + 1) <= maximum:
            state.pending[key] = state.pending.get(key, 0) + 1
            due = time.monotonic() - state.flushed_at >= interval
            batch = state.take() if due else None
        else:  # near or over the limit: the shared count decides, with this worker's pending views in it
            batch = {key: state.pending.pop(key, 0) + 1}
            due = False
    if batch is None:
        return before
    totals = write(batch)
    if due:
        return before
    return totals[key] - 1


def _maximum(scope: str) -> int:
    return current_app.config[LIMITS[scope]]


LIMITS = {"catalogue-list": "CATALOGUE_MAX_LIST_VIEWS_PER_HOUR",
          "catalogue-profile": "CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR"}


def write(batch: dict[Key, int]) -> dict[Key, int]:
    """Add ``batch`` to the shared counters in one transaction; returns each window's new count.

    The batch whose views take an address past its limit records the audit event (``scrape_suspected``,
    the address only) and the warning: counts only grow, so exactly one batch of all workers does."""
    if not batch:
        return {}
    # Its own short write transaction, committed at once: on SQLite a read transaction that starts
    # writing fails with "database is locked" under concurrent workers.
    db.session.commit()
    g.db_writes = True
    try:
        totals = throttle.add_many(db.session, batch)
        for (scope, address, window), hits in sorted(batch.items()):
            total, maximum = totals[(scope, address, window)], _maximum(scope)
            if total - hits <= maximum < total:
                audit.record(db.session, "scrape_suspected", result="denied", origin=address, details={"scope": scope})
                log.warning("scrape_suspected: %s over %d per hour in %s", address, maximum, scope)
        db.session.commit()
    finally:
        g.db_writes = False
    state = counts()
    with state.lock:
        now = int(time.time()) // HOUR * HOUR
        if any(window != now for _scope, _address, window in state.known):
            state.known = {k: v for k, v in state.known.items() if k[2] == now}
        if len(state.known) > 50_000:  # bounded: forgetting a count only means writing the next view at once
            state.known.clear()
        state.known.update({k: v for k, v in totals.items() if k[2] == now})
    return totals


def flush(app: Flask | None = None) -> None:
    """Write this worker's pending views now (tests; the worker's exit)."""
    app = app or current_app
    state = app.extensions.get(EXTENSION)
    if state is None:
        return
    with state.lock:
        batch = state.take()
    if not batch:
        return
    try:
        with app.test_request_context():  # g and the SQLite write transaction (g.db_writes) need a context
            write(batch)
    except Exception as exc:  # noqa: BLE001 - at exit the database may be gone; the views are lost then
        log.warning("catalogue views not written: %s", type(exc).__name__)
