"""SQLite: a reading transaction whose first write comes after another connection committed.

In WAL mode a deferred transaction (``BEGIN``, web.extensions._sqlite_begin) reads from a snapshot.
Its first write must take the write lock, and when another connection (the worker, another request
thread) has committed since the snapshot began SQLite refuses at once with SQLITE_BUSY_SNAPSHOT
("database is locked"): waiting (busy_timeout) cannot help, the snapshot stays old. A page view that
shows personal data reads and then writes its audit event, so it failed about once per refresh job.

Nothing has been written at that moment: a transaction that had written would hold the write lock,
and no one else could have committed. So the transaction restarts at the refused statement: ROLLBACK
(of reads only), BEGIN IMMEDIATE (which waits for the lock as every write does), the savepoints that
were open, and the statement once more. Only that statement is sent again: nothing is written twice,
and nothing the request did outside the database runs again. The statements before it read the older
snapshot, those after it the newer one — what PostgreSQL's READ COMMITTED gives every statement, which
the code is written and tested for (version columns and ``locking.check_version`` guard the updates
that depend on what was read).

The same holds when the other connection has not committed yet but holds the write lock (the worker
in the middle of a refresh): the first write then gets plain SQLITE_BUSY, also at once, because SQLite
does not call the busy handler for a transaction that already reads (it could deadlock), so
busy_timeout never waited. The profile page (GET: reads, then its audit event, then the draft in a
savepoint it rolls back) failed this way with "database is locked". That refusal restarts the same
way, and its BEGIN IMMEDIATE waits for the lock (busy_timeout) as every write does — but only while
the transaction has written nothing (``WROTE``): after a write it holds the lock and a BUSY there is
something else, raised as before.
"""
from __future__ import annotations

import re
import sqlite3

from sqlalchemy import event

SQLITE_BUSY = 5
SQLITE_BUSY_SNAPSHOT = 517  # SQLITE_BUSY | (2 << 8)
WROTE = "werkbrug_sqlite_wrote"  # whether the connection's transaction has sent a write yet
READS = re.compile(r"\s*(SELECT|PRAGMA|SAVEPOINT|RELEASE|ROLLBACK TO)\b", re.IGNORECASE)
SAVEPOINTS = "werkbrug_sqlite_savepoints"  # the open savepoints of the connection's transaction, oldest first
SAVEPOINT = re.compile(r"\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\s+(\S+)\s*$", re.IGNORECASE)


def began(conn) -> None:
    """A new transaction on ``conn``: no savepoint is open."""
    conn.info[SAVEPOINTS] = []
    conn.info[WROTE] = False


def _follow_savepoints(statement: str, open_: list[str]) -> None:
    """Keep ``open_`` in step with a savepoint statement just sent (SQLAlchemy names it only then)."""
    if (found := SAVEPOINT.match(statement)) is None:
        return
    verb, name = found.group(1).upper(), found.group(2)
    if verb == "SAVEPOINT":
        open_.append(name)
    elif name in open_:  # ROLLBACK TO keeps the savepoint itself open, RELEASE closes it
        del open_[open_.index(name) + (1 if verb.startswith("ROLLBACK") else 0):]


def _restart(dbapi_connection, savepoints: list[str]) -> None:
    dbapi_connection.execute("ROLLBACK")
    dbapi_connection.execute("BEGIN IMMEDIATE")
    for name in savepoints:
        dbapi_connection.execute(f"SAVEPOINT {name}")  # as SQLAlchemy sent it


def _restartable(exc: sqlite3.OperationalError, info: dict) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code == SQLITE_BUSY_SNAPSHOT or (code == SQLITE_BUSY and not info.get(WROTE, True))


def _once_more(run, cursor, statement: str, context) -> bool:
    info = context.root_connection.info if context is not None else {}
    open_ = info.setdefault(SAVEPOINTS, [])
    try:
        run()
    except sqlite3.OperationalError as exc:
        if not _restartable(exc, info):
            raise
        _restart(cursor.connection, open_)
        run()
    _follow_savepoints(statement, open_)
    if not READS.match(statement):
        info[WROTE] = True
    return True  # executed here; SQLAlchemy does not execute it again


def _execute(cursor, statement, parameters, context) -> bool:
    return _once_more(lambda: cursor.execute(statement, parameters), cursor, statement, context)


def _executemany(cursor, statement, parameters, context) -> bool:
    return _once_more(lambda: cursor.executemany(statement, parameters), cursor, statement, context)


def _execute_no_params(cursor, statement, context) -> bool:
    return _once_more(lambda: cursor.execute(statement), cursor, statement, context)


LISTENERS = (("do_execute", _execute), ("do_executemany", _executemany), ("do_execute_no_params", _execute_no_params))


def install(engine) -> None:
    """Restart ``engine``'s refused first writes as above; SQLite engines only."""
    if engine.dialect.name != "sqlite":
        return
    for name, listener in LISTENERS:
        if not event.contains(engine, name, listener):
            event.listen(engine, name, listener)
