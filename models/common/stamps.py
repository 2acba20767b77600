"""Version stamps of derived in-memory state (the matcher's index, the linker) kept in the database.

Every process compares the stamp it built its cache from with the one in the database and refreshes
when they differ, so any number of workers give the same answers.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import TextClause, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common.system import CacheStamp

TAXONOMY = "taxonomy"
MATCH_INDEX = "match-index"
# Bumped by every change to what the public catalogue shows (profiles, their wordings, the taxonomy
# behind the search): cached catalogue pages (web/catalogue/page_cache.py) belong to one version.
CATALOGUE = "catalogue"

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


def bump(session: Session, name: str, connection=None) -> None:
    """Add one to stamp ``name`` atomically (an upsert, so concurrent bumps never get lost)."""
    target = connection if connection is not None else session
    dialect = (connection or session.get_bind()).dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    table = CacheStamp.__table__
    now = utcnow()
    statement = insert(table).values(name=name, version=1, updated_at=now)
    target.execute(statement.on_conflict_do_update(
        index_elements=[table.c.name], set_={"version": table.c.version + 1, "updated_at": now}))
