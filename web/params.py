"""Whole numbers from a query string, safe against hostile values.

``"²".isdigit()`` is true but ``int("²")`` raises, and a 20-digit number overflows a database
integer: both ended in a 500. These helpers accept plain ASCII digits only, within a range.
"""
from __future__ import annotations

from flask import request

MAX_ID = 2**31 - 1  # the largest id a 32-bit database column holds
MAX_PAGE = 1_000_000


def whole_number(raw: str | None, default: int | None = None, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """``raw`` as an int when it is ASCII digits within [low, high]; ``default`` otherwise."""
    raw = (raw or "").strip()
    if not raw or len(raw) > 19 or not (raw.isascii() and raw.isdigit()):
        return default
    value = int(raw)
    return value if low <= value <= high else default


def id_arg(name: str) -> int | None:
    """An object id from the query string, or None."""
    return whole_number(request.args.get(name), None, low=1)


def page_arg(name: str = "pagina") -> int:
    """A 1-based page number from the query string; bad values give 1, huge ones the last allowed page."""
    raw = request.args.get(name)
    if whole_number(raw, None, low=1, high=10**19) is None:
        return 1
    return min(int(raw.strip()), MAX_PAGE)
