"""Extension objects, created unbound here and bound to an app in create_app with init_app."""
from __future__ import annotations

import sqlite3

from flask import g, has_app_context, has_request_context, request
from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event

from models import Base, events
from models.common.db_errors import without_values
from web import sqlite_snapshot

db = SQLAlchemy(metadata=Base.metadata)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """SQLite: enforce foreign keys, use WAL so readers never block the writer, wait on locks."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.isolation_level = None  # SQLAlchemy's begin event below starts transactions
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _sqlite_begin(conn) -> None:
    """SQLite: a transaction that may write takes the write lock up front (BEGIN IMMEDIATE).

    A deferred transaction that reads and then writes cannot wait for the lock and fails with
    "database is locked" under concurrent workers. Requests that read (GET) stay deferred so
    readers run side by side, and so does work outside a request (commands, tests). A GET that
    must write (a rate-limit count) sets ``g.db_writes`` before its transaction starts, and so does
    every background job (they run side by side in the worker's threads).

    Any other transaction that reads and then writes (a page view's audit event, a command) starts
    deferred; when another connection committed in between, its first write restarts the transaction
    instead of failing (web.sqlite_snapshot).
    """
    if conn.dialect.name == "sqlite":
        sqlite_snapshot.began(conn)
        if has_request_context():
            writes = request.method not in READ_ONLY_METHODS or g.get("db_writes", False)
        else:  # a background job (web/queue/jobs.py) that writes says so too
            writes = has_app_context() and g.get("db_writes", False)
        # On the driver connection directly: a BEGIN is not a query and must not count as one.
        conn.connection.driver_connection.execute("BEGIN IMMEDIATE" if writes else "BEGIN")


def init_db(app) -> None:
    """Bind the database to ``app``: its engines get the SQLite settings and errors without values
    (models.common.db_errors), its session the listeners that keep derived data in step
    (models.events). Nothing is registered on import."""
    db.init_app(app)
    with app.app_context():
        for engine in db.engines.values():
            for name, listener in (("connect", _sqlite_pragmas), ("begin", _sqlite_begin),
                                   ("handle_error", without_values)):
                if not event.contains(engine, name, listener):
                    event.listen(engine, name, listener)
            sqlite_snapshot.install(engine)
    events.install(db.session)
