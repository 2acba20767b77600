"""Counting attempts per key in the database, so every app process and machine shares the limit."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common.system import ThrottleCounter, ThrottleEvent


def count(session: Session, scope: str, key: str, window_seconds: int) -> int:
    """How many attempts ``key`` made in ``scope`` within the last ``window_seconds``."""
    since = utcnow() - timedelta(seconds=window_seconds)
    return session.scalar(
        select(func.count()).select_from(ThrottleEvent).where(
            ThrottleEvent.scope == scope, ThrottleEvent.key == key, ThrottleEvent.at >= since
        )
    ) or 0


def recent(session: Session, scope: str, key: str, window_seconds: int) -> tuple[int, datetime | None]:
    """How many attempts ``key`` made in ``scope`` within the window, and when the last one was."""
    since = utcnow() - timedelta(seconds=window_seconds)
    n, last = session.execute(
        select(func.count(), func.max(ThrottleEvent.at)).where(
            ThrottleEvent.scope == scope, ThrottleEvent.key == key, ThrottleEvent.at >= since)
    ).one()
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=UTC)  # SQLite hands back naive UTC
    return n or 0, last


def hit(session: Session, scope: str, key: str) -> None:
    """Count one attempt."""
    session.add(ThrottleEvent(scope=scope, key=key[:128]))


def bump(session: Session, scope: str, key: str, window_seconds: int) -> int:
    """Count one request of ``key`` in the current fixed window of ``scope``; returns the window's count.

    One upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING) on SQLite and PostgreSQL alike: no count
    over past events and no separate insert, and concurrent workers never lose a hit.
    """
    start = int(utcnow().timestamp()) // window_seconds * window_seconds
    return add(session, scope, key, start, 1)


def window(session: Session, scope: str, key: str, window_seconds: int) -> tuple[int, int]:
    """The count of ``key`` in the current fixed window of ``scope`` (without counting), and when that
    window ends (seconds since the epoch)."""
    start = int(utcnow().timestamp()) // window_seconds * window_seconds
    hits = session.scalar(select(ThrottleCounter.hits).where(
        ThrottleCounter.scope == scope, ThrottleCounter.key == key[:128], ThrottleCounter.window_start == start))
    return hits or 0, start + window_seconds


def add(session: Session, scope: str, key: str, window_start: int, hits: int) -> int:
    """Add ``hits`` to the counter of ``key`` in ``scope`` for the window starting at ``window_start``
    (seconds since the epoch); returns the window's new count. The upsert of ``bump``."""
    return add_many(session, {(scope, key, window_start): hits})[(scope, key[:128], window_start)]


def add_many(session: Session, hits: dict[tuple[str, str, int], int]) -> dict[tuple[str, str, int], int]:
    """``add`` for many (scope, key, window start) at once: one multi-row upsert per 1,000 counters;
    returns each counter's new count."""
    from sqlalchemy.dialects import postgresql, sqlite  # the one in use is loaded already; not both at boot

    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = ThrottleCounter.__table__
    rows = [{"scope": scope, "key": key[:128], "window_start": start, "hits": n}
            for (scope, key, start), n in sorted(hits.items())]
    totals = {}
    for begin in range(0, len(rows), 1000):
        statement = dialect.insert(table).values(rows[begin:begin + 1000])
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.scope, table.c.key, table.c.window_start],
            set_={"hits": table.c.hits + statement.excluded.hits},
        ).returning(table.c.scope, table.c.key, table.c.window_start, table.c.hits)
        totals.update({(scope, key, start): n for scope, key, start, n in session.execute(statement)})
    return totals


def clear(session: Session, scope: str, key: str) -> None:
    """Forget the attempts of ``key`` (after a successful login)."""
    session.execute(delete(ThrottleEvent).where(ThrottleEvent.scope == scope, ThrottleEvent.key == key))


def prune(session: Session, older_than_seconds: int) -> int:
    """Delete attempts and window counters older than the longest window; returns how many went."""
    since = utcnow() - timedelta(seconds=older_than_seconds)
    events = session.execute(delete(ThrottleEvent).where(ThrottleEvent.at < since)).rowcount
    # A counter's window ends one window after its start; the longest window is an hour.
    ended = int(since.timestamp()) - 3600
    return events + session.execute(delete(ThrottleCounter).where(ThrottleCounter.window_start < ended)).rowcount
