"""Calendar arithmetic for valuation: months counted from a placement's start, exactly, as Fractions."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from fractions import Fraction

ONE_DAY = timedelta(days=1)


def add_months(day: date, months: int) -> date:
    """The same day-of-month `months` later, clamped to the month's last day (31 Jan + 1 = 29 Feb 2024)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def months_since(anchor: date, moment: date) -> Fraction:
    """Months from anchor to moment (an exclusive end): whole months, then days / days of the next month.

    Counting every period from the placement's own start makes a contract from 1 Jan through 30 Jun
    exactly 6 months, and makes the count additive: months_since(a, c) = (a..b) + (b..c).
    """
    if moment <= anchor:
        return Fraction(0)
    whole = (moment.year - anchor.year) * 12 + moment.month - anchor.month
    while add_months(anchor, whole) > moment:
        whole -= 1
    while add_months(anchor, whole + 1) <= moment:
        whole += 1
    begin, following = add_months(anchor, whole), add_months(anchor, whole + 1)
    return whole + Fraction((moment - begin).days, (following - begin).days)


def benefit_months(benefit_since: date, start: date) -> int:
    """Completed months on benefit on the placement's start date (24 on the second anniversary)."""
    return int(months_since(benefit_since, start))


def counted_months(
    start: date,
    end_exclusive: date | None,
    cap_months: int | None,
    window_from: date | None = None,
    window_until: date | None = None,
) -> Fraction:
    """Months of [start, end_exclusive) that fall in the first cap_months and in [window_from, window_until).

    Every bound may be None (= unbounded); the caller makes sure at least one end bound is set.
    """
    ends = [d for d in (end_exclusive, window_until) if d is not None]
    if cap_months is not None:
        ends.append(add_months(start, cap_months))
    if not ends:
        raise ValueError("counted_months needs an end: contract end, cap or window")
    begin = max(start, window_from) if window_from else start
    finish = min(ends)
    if finish <= begin:
        return Fraction(0)
    return months_since(start, finish) - months_since(start, begin)
