"""Version stamps of derived in-memory state (the matcher's index, the linker) kept in the database.

Every process compares the stamp it built its cache from with the one in the database and refreshes
when they differ, so any number of workers give the same answers.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common.system import CacheStamp

TAXONOMY = "taxonomy"
MATCH_INDEX = "match-index"

Stamp = tuple[int, datetime | None]


def read(session: Session, name: str) -> Stamp:
    """(version, updated_at) of stamp ``name``; (0, None) when it was never bumped."""
    row = session.execute(select(CacheStamp.version, CacheStamp.updated_at).where(CacheStamp.name == name)).first()
    return (row[0], row[1]) if row else (0, None)


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
