"""Pages of a list: one ``Page`` type, ``paginate()`` for a select, and a safe page number from a URL.

A page number past the last page shows the last page; anything that is not a positive whole number
shows the first. No page number, however long, reaches the database as an offset it cannot hold.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

T = TypeVar("T")
MAX_PAGE = 1_000_000  # a larger number is cut to this, then to the last page


def page_number(raw: Any) -> int:
    """The page asked for in a query string: a positive whole number (ASCII digits), else 1.

    '2' → 2; '', 'abc', '0', '-3', '2.5', '٢' → 1; '99999999999999999999' → MAX_PAGE.
    """
    text = str(raw if raw is not None else "").strip()
    if not text.isascii() or not text.isdigit():
        return 1
    return max(1, MAX_PAGE if len(text) > len(str(MAX_PAGE)) else min(int(text), MAX_PAGE))


def last_page(total: int, per_page: int) -> int:
    """The number of pages ``total`` items fill (1 for none: an empty list still has its page)."""
    return max(1, math.ceil(total / per_page))


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its ``items``, its number, and the ``total`` (or only whether more follow)."""

    items: list[T]
    page: int
    per_page: int
    total: int | None = None  # None when only ``more`` is known (no count was made)
    more: bool = False  # without a total: whether a next page exists

    @property
    def pages(self) -> int:
        """How many pages there are (without a total: as far as known, this one or the next)."""
        if self.total is None:
            return self.page + (1 if self.more else 0)
        return last_page(self.total, self.per_page)

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def offset(self) -> int:
        """How many items come before this page."""
        return (self.page - 1) * self.per_page

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def clamp(page: int, total: int, per_page: int) -> int:
    """``page`` kept between the first and the last page of ``total`` items."""
    return min(max(1, page), last_page(total, per_page))


def of_list(items: Sequence[T], page: int, per_page: int) -> Page[T]:
    """The page ``page`` (kept within range) of a list already in memory."""
    number = clamp(page, len(items), per_page)
    start = (number - 1) * per_page
    return Page(list(items[start:start + per_page]), number, per_page, len(items))


def paginate(session: Session, stmt: Select, page: int, per_page: int, *, count: bool = True,
             clamp_to_last: bool = True) -> Page:
    """Page ``page`` of what ``stmt`` selects, in its order; past the end gives the last page
    (with ``clamp_to_last`` False, as an API wants: an empty page of that number).

    With ``count`` (the default) one query counts and one fetches the page; without, one query
    fetches a row more than the page to learn whether another page follows (for very long lists).
    A select of one ORM entity gives entities, any other select gives rows.
    """
    if count:
        total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
        number = clamp(page, total, per_page) if clamp_to_last else max(1, page)
        items = _fetch(session, stmt.limit(per_page).offset((number - 1) * per_page))
        return Page(items, number, per_page, total)
    number = max(1, page)
    items = _fetch(session, stmt.limit(per_page + 1).offset((number - 1) * per_page))
    return Page(items[:per_page], number, per_page, None, len(items) > per_page)


def _fetch(session: Session, stmt: Select) -> list:
    columns = stmt.column_descriptions
    if len(columns) == 1 and columns[0].get("entity") is not None and columns[0]["expr"] is columns[0]["entity"]:
        return list(session.scalars(stmt).unique())  # entities: unique() also allows joined eager loads
    return list(session.execute(stmt).all())
