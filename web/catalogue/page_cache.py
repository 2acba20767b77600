"""Rendered catalogue list pages kept per worker for anonymous visitors.

A list page for a visitor who is not signed in depends only on its URL (path and query string), the
language, the day ("checked 3 days ago") and what is published. So a worker keeps the HTML of such
pages in a bounded LRU (CATALOGUE_PAGE_CACHE_ENTRIES; 0 turns it off) under (language, URL), for
one *generation*: the catalogue stamp (models.common.stamps.CATALOGUE, bumped by every publish,
withdrawal or edit of a profile and by taxonomy changes), the taxonomy stamp and the date, read in
one query per request. When the generation changes the cache is emptied, so a publish or a
withdrawal shows on the next request of every worker.

Only pages identical for every anonymous visitor are kept and served: a GET by a visitor who is not
signed in, has no remember-me cookie and whose session holds nothing but the language choice and
Flask-Login's and Flask-WTF's bookkeeping; never a page with flash messages (they are shown once),
never an employer's page (it offers saving the search, with a CSRF token). Headers are not kept:
every answer goes through the app's after-request hooks as usual. The view limit counts cached
pages like any other (the view counts before the cache is asked).
"""
from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict

from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import event

from models.common import clock, stamps
from web.extensions import db

log = logging.getLogger("werkbrug")
EXTENSION = "werkbrug_page_cache"
# The catalogue and taxonomy stamps (models.common.stamps.CATALOGUE, TAXONOMY), as constants: no value
# of a request reaches this statement.
STAMPS_SQL = "SELECT name, version FROM cache_stamp WHERE name IN ('catalogue', 'taxonomy')"
# Session keys that say nothing about the visitor's page: the language (part of the key), Flask-Login's
# session-protection and freshness marks, Flask-WTF's CSRF secret (no anonymous list page shows a token).
SHARED_SESSION_KEYS = frozenset({"lang", "_id", "_fresh", "csrf_token", "_permanent"})
MAX_PAGE_BYTES = 512 * 1024


class PageCache:
    """A bounded LRU of page HTML for one generation of the catalogue."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.generation: tuple = ()
        self.pages: OrderedDict[tuple, str] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, generation: tuple, key: tuple) -> str | None:
        with self.lock:
            if generation != self.generation:
                self.pages.clear()
                self.generation = generation
                return None
            html = self.pages.get(key)
            if html is not None:
                self.pages.move_to_end(key)
            return html

    def put(self, generation: tuple, key: tuple, html: str) -> None:
        if len(html) > MAX_PAGE_BYTES:
            return
        with self.lock:
            if generation != self.generation:
                return  # the catalogue changed while this page was drawn
            self.pages[key] = html
            self.pages.move_to_end(key)
            while len(self.pages) > self.entries:
                self.pages.popitem(last=False)


def _cache() -> PageCache | None:
    entries = current_app.config["CATALOGUE_PAGE_CACHE_ENTRIES"]
    if entries <= 0:
        return None
    cache = current_app.extensions.get(EXTENSION)
    if cache is None or cache.entries != entries:
        cache = current_app.extensions[EXTENSION] = PageCache(entries)
    return cache


def shared_visitor() -> bool:
    """Whether this request's page is the same for every anonymous visitor (see the module's text)."""
    if request.method != "GET" or current_user.is_authenticated:
        return False
    if current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies:
        return False
    return not (set(session.keys()) - SHARED_SESSION_KEYS)


class Slot:
    """Where this request's page is (or will be) kept; ``html`` is set when it was there already."""

    def __init__(self, cache: PageCache, generation: tuple, key: tuple) -> None:
        self.cache, self.generation, self.key = cache, generation, key
        self.html = cache.get(generation, key)

    def keep(self, html: str) -> str:
        """Keep ``html`` when the visitor is still anonymous with nothing in the session; returns it."""
        if shared_visitor():
            self.cache.put(self.generation, self.key, html)
        return html


class StampReader:
    """Reads the stamps on a database connection of this worker's (per thread) in autocommit mode.

    A cached page then costs one short statement and no pool checkout, liveness ping, BEGIN or
    COMMIT: on a busy PostgreSQL server each of those round trips waited its turn. A broken
    connection is dropped and the request asks through the session instead. When the engine is
    disposed (shutdown, tests) the reader closes the connections it holds, so none is left open."""

    def __init__(self, engine) -> None:
        self.local = threading.local()
        self.lock = threading.Lock()
        self.held: list = []
        event.listen(engine, "engine_disposed", lambda _engine: self.close_all())

    def _connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is None or self.local.pid != os.getpid():
            conn = db.engine.raw_connection()
            if db.engine.dialect.name == "postgresql":
                conn.driver_connection.autocommit = True  # SQLite's connections are in autocommit already
            self.local.conn, self.local.pid = conn, os.getpid()
            with self.lock:
                self.held.append(conn)
        return conn

    def close_all(self) -> None:
        """Close every connection this reader opened (its threads open a new one on their next read)."""
        with self.lock:
            held, self.held = self.held, []
        for conn in held:
            try:
                conn.invalidate()  # closes the DBAPI connection; it never goes back to a disposed pool
            except Exception as exc:  # noqa: BLE001 - already broken or closed
                log.debug("catalogue stamp connection close: %s", type(exc).__name__)
        self.local = threading.local()

    def read(self) -> tuple[int, int]:
        try:
            cursor = self._connection().cursor()
            try:
                cursor.execute(STAMPS_SQL)
                found = dict(cursor.fetchall())
            finally:
                cursor.close()
        except Exception as exc:  # noqa: BLE001 - the server restarted, the connection broke: ask the session
            log.warning("catalogue stamps read through the session: %s", type(exc).__name__)
            conn, self.local.conn = getattr(self.local, "conn", None), None
            if conn is not None:
                with self.lock:
                    self.held = [c for c in self.held if c is not conn]
                conn.invalidate()
            return stamps.read_many(db.session, (stamps.CATALOGUE, stamps.TAXONOMY))
        return found.get(stamps.CATALOGUE, 0), found.get(stamps.TAXONOMY, 0)


def _stamps() -> StampReader:
    reader = current_app.extensions.get(EXTENSION + "_stamps")
    if reader is None:
        reader = current_app.extensions[EXTENSION + "_stamps"] = StampReader(db.engine)
    return reader


def slot() -> Slot | None:
    """This request's place in the cache; None when the page must be drawn for this visitor alone."""
    cache = _cache()
    if cache is None or not shared_visitor():
        return None
    generation = (*_stamps().read(), clock.today())
    return Slot(cache, generation, (str(get_locale()), request.full_path))
