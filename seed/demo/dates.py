"""The fixed 'today' of the demo data and date helpers; never the wall clock, so output is reproducible."""
from __future__ import annotations

import random
from datetime import date, timedelta

# Every generated date is relative to this day, not to the clock's today: the same seed gives the same
# bytes on any day. Consent end dates and follow-ups are "past" or "overdue" relative to it.
REFERENCE_DATE = date(2026, 11, 16)


def rng_for(seed: int, kind: str, index: int) -> random.Random:
    """Return the RNG of record `index` of `kind`: a record depends only on (seed, kind, index)."""
    return random.Random(f"{seed}:{kind}:{index}")


def days_before(rng: random.Random, today: date, low: int, high: int) -> date:
    """Return a day between `high` and `low` days before `today` (inclusive)."""
    return today - timedelta(days=rng.randint(low, high))


def days_after(rng: random.Random, today: date, low: int, high: int) -> date:
    """Return a day between `low` and `high` days after `today` (inclusive)."""
    return today + timedelta(days=rng.randint(low, high))


def between(rng: random.Random, start: date, end: date) -> date:
    """Return a day in [start, end]."""
    return start + timedelta(days=rng.randint(0, (end - start).days))
