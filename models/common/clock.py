"""The one clock: today and now in the installation's time zone, which tests can freeze.

Calendar days (a closing date, a consent end, "overdue") are local days in the installation's zone
(Europe/Amsterdam unless ``BABEL_DEFAULT_TIMEZONE`` says otherwise; create_app calls ``set_zone``).
Stored timestamps stay UTC (``models.base.utcnow``). Nothing else in the code reads the system clock.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Europe/Amsterdam"

_zone = ZoneInfo(DEFAULT_ZONE)
_frozen: datetime | None = None


def set_zone(name: str) -> None:
    """Use the IANA zone ``name`` for local days and times (raises ZoneInfoNotFoundError if unknown)."""
    global _zone
    _zone = ZoneInfo(name)


def zone() -> ZoneInfo:
    """The installation's time zone."""
    return _zone


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return _frozen.astimezone(UTC) if _frozen is not None else datetime.now(UTC)


def now() -> datetime:
    """The current time, timezone-aware in the installation's zone."""
    return utcnow().astimezone(_zone)


def today() -> date:
    """Today's calendar date in the installation's zone."""
    return now().date()


@contextmanager
def frozen(at: datetime | date) -> Iterator[None]:
    """Stop the clock at ``at`` (a date means local midnight; a naive datetime is local time)."""
    global _frozen
    if not isinstance(at, datetime):
        at = datetime.combine(at, time(0, 0))
    if at.tzinfo is None:
        at = at.replace(tzinfo=_zone)
    previous, _frozen = _frozen, at
    try:
        yield
    finally:
        _frozen = previous
