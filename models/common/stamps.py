"""Version stamps of derived in-memory state (the taxonomy) and the change number, kept in the database.

Every process compares the stamp it built its cache from with the one in the database and refreshes
when they differ, so any number of workers give the same answers.

The change number (``CHANGES``) is a counter every candidate and vacancy change takes a value from
in its own transaction (models/events.py, the importer, erasure): the matcher's index reads
``change_no > last seen`` and never compares clocks. The counter row is upserted, so its row lock is
held until the transaction commits: numbers are handed out in commit order, and a reader that sees
number N has seen every change numbered N or less. (A PostgreSQL sequence would not give that: a
transaction that takes 7 and commits after one that took 8 would be missed, like a late clock.)
``CHANGE_EPOCH`` is a random number set once per database, so a snapshot built from another
database (a reset demo) is never taken for current.

Bumped rows stay locked until the transaction commits, so two transactions that take two stamps in
opposite orders deadlock on PostgreSQL (an import took CHANGES then REPORTS while a web request's
flush took REPORTS then CHANGES, in ``bench.multi_host``). Every writer takes them in ``LOCK_ORDER``:
the flush listener bumps CATALOGUE and REPORTS before it takes a change number, ``next_change`` bumps
REPORTS before CHANGES (a candidate or vacancy change moves the reports anyway), and erasure bumps
CATALOGUE before its change number.
"""
from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import TextClause, insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common.system import CacheStamp, CandidateRemoval

TAXONOMY = "taxonomy"
CHANGES = "changes"
CHANGE_EPOCH = "changes-epoch"
# Bumped by every change to what the public catalogue shows (profiles, their wordings, the taxonomy
# behind the search): cached catalogue pages (web/catalogue/page_cache.py) belong to one version.
CATALOGUE = "catalogue"
# Bumped by every ORM change to what the council report counts (candidates and their dossiers,
# placements, social return, targets, organisations, employers; models/events.py): a worker's stored
# council report (web/reports/stored.py) belongs to one version of it and of CHANGES.
REPORTS = "reports"
SUGGESTIONS_REFRESHED = "suggestions-refreshed"  # when the last refresh job finished (the health probe reads it)
LOCK_ORDER = (CATALOGUE, REPORTS, CHANGES)  # the order a transaction bumps them in (see above)

Stamp = tuple[int, datetime | None]


def read(session: Session, name: str) -> Stamp:
    """(version, updated_at) of stamp ``name``; (0, None) when it was never bumped."""
    row = session.execute(select(CacheStamp.version, CacheStamp.updated_at).where(CacheStamp.name == name)).first()
    return (row[0], row[1]) if row else (0, None)


# Asked on every catalogue page (web/catalogue/page_cache.py): plain text with one bind per name on the
# session's connection costs a quarter of building an ORM select each time.
_READ_MANY: dict[int, TextClause] = {}


def read_many(session: Session, names: tuple[str, ...]) -> tuple[int, ...]:
    """The versions of stamps ``names`` in one query, in that order; 0 for a stamp never bumped."""
    statement = _READ_MANY.get(len(names))
    if statement is None:
        binds = ", ".join(f":n{i}" for i in range(len(names)))
        statement = _READ_MANY[len(names)] = text(f"SELECT name, version FROM cache_stamp WHERE name IN ({binds})")  # nosec B608: placeholders only
    found = dict(session.connection().execute(statement, {f"n{i}": name for i, name in enumerate(names)}).all())
    return tuple(found.get(name, 0) for name in names)


def _upsert(target, name: str, version: int, add: bool):
    dialect = (target.get_bind() if hasattr(target, "get_bind") else target).dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = CacheStamp.__table__
    now = utcnow()
    statement = insert(table).values(name=name, version=version, updated_at=now)
    if add:
        return target.execute(statement.on_conflict_do_update(
            index_elements=[table.c.name], set_={"version": table.c.version + 1, "updated_at": now})
            .returning(table.c.version)).scalar_one()
    target.execute(statement.on_conflict_do_nothing(index_elements=[table.c.name]))
    return None


def bump(session: Session, name: str, connection=None) -> int:
    """Add one to stamp ``name`` atomically (an upsert, so concurrent bumps never get lost); the new value."""
    return _upsert(connection if connection is not None else session, name, 1, add=True)


def next_change(session_or_connection) -> int:
    """A new change number for the changes of this transaction (see the module docstring); the
    REPORTS stamp moves first, in ``LOCK_ORDER``."""
    ensure_epoch(session_or_connection)
    _upsert(session_or_connection, REPORTS, 1, add=True)
    return _upsert(session_or_connection, CHANGES, 1, add=True)


def ensure_epoch(session_or_connection) -> None:
    """Give the database its random change epoch if it has none yet."""
    _upsert(session_or_connection, CHANGE_EPOCH, secrets.randbelow(2**31 - 1) + 1, add=False)


def current_change(session: Session) -> tuple[int, int]:
    """(last committed change number, the database's change epoch); (0, 0) before any change."""
    rows = dict(session.execute(select(CacheStamp.name, CacheStamp.version).where(
        CacheStamp.name.in_((CHANGES, CHANGE_EPOCH)))).all())
    return int(rows.get(CHANGES, 0)), int(rows.get(CHANGE_EPOCH, 0))


def record_removals(connection, removed: list[tuple[int, int]], number: int) -> None:
    """Note deleted candidates (id, organisation id) under change ``number``: the index drops them."""
    connection.execute(insert(CandidateRemoval.__table__), [
        {"candidate_id": cid, "organisation_id": org, "change_no": number, "removed_at": utcnow()}
        for cid, org in removed])
