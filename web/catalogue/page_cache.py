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


# Stamp connections a worker keeps between requests; more at once (a threaded server under load) are
# given back to the pool after their read. Each kept one is a checkout the session cannot use.
IDLE_STAMP_CONNECTIONS = 2


class StampReader:
    """Reads the stamps on a database connection of this worker's own, in autocommit mode.

    A cached page then costs one short statement and no pool checkout, liveness ping, BEGIN or
    COMMIT: on a busy PostgreSQL server each of those round trips waited its turn. A request takes an
    idle connection and puts it back after its read; the reader keeps at most IDLE_STAMP_CONNECTIONS
    (a threaded server answers each request on a new thread: connections kept per thread were never
    given back and used up the pool). A broken connection is dropped and the request asks through the
    session instead. When the engine is disposed (shutdown, tests) the reader closes the connections
    it keeps, and those out for a read are closed when they come back."""

    def __init__(self, engine) -> None:
        self.lock = threading.Lock()
        self.idle: list = []
        self.generation = 0  # moved by close_all: a connection of an older generation is not kept
        self.pid = os.getpid()
        event.listen(engine, "engine_disposed", lambda _engine: self.close_all())

    def _take(self):
        with self.lock:
            if self.pid != os.getpid():  # forked: the parent's connections are not this process's to use
                self.idle, self.pid = [], os.getpid()
            if self.idle:
                return self.idle.pop(), self.generation
            generation = self.generation
        conn = db.engine.raw_connection()
        if db.engine.dialect.name == "postgresql":
            conn.driver_connection.autocommit = True  # SQLite's connections are in autocommit already
        return conn, generation

    def _give_back(self, conn, generation: int) -> None:
        with self.lock:
            if generation == self.generation and self.pid == os.getpid() \
                    and len(self.idle) < IDLE_STAMP_CONNECTIONS:
                self.idle.append(conn)
                return
        _close(conn, invalidate=generation != self.generation)

    def close_all(self) -> None:
        """Close every connection this reader keeps (the next read opens a new one)."""
        with self.lock:
            idle, self.idle = self.idle, []
            self.generation += 1
        for conn in idle:
            _close(conn, invalidate=True)

    def read(self) -> tuple[int, int]:
        conn, generation = self._take()
        try:
            cursor = conn.cursor()
            try:
                cursor.execute(STAMPS_SQL)
                found = dict(cursor.fetchall())
            finally:
                cursor.close()
        except Exception as exc:  # noqa: BLE001 - the server restarted, the connection broke: ask the session
            log.warning("catalogue stamps read through the session: %s", type(exc).__name__)
            _close(conn, invalidate=True)
            return stamps.read_many(db.session, (stamps.CATALOGUE, stamps.TAXONOMY))
        self._give_back(conn, generation)
        return found.get(stamps.CATALOGUE, 0), found.get(stamps.TAXONOMY, 0)


def _close(conn, *, invalidate: bool) -> None:
    """Give ``conn`` back to the pool, or close it for good (broken, or its engine was disposed)."""
    try:
        if invalidate:
            conn.invalidate()  # closes the DBAPI connection; it never goes back to a disposed pool
        else:
            if db.engine.dialect.name == "postgresql":
                conn.driver_connection.autocommit = False  # the session's transactions must be transactions
            conn.close()  # back to the pool
    except Exception as exc:  # noqa: BLE001 - already broken or closed
        log.debug("catalogue stamp connection close: %s", type(exc).__name__)


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
