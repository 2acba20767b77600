"""The one paginate(): page numbers from a URL, the Page type, past-the-end pages, a real query."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Integer, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from models.common import paging
from models.common.paging import MAX_PAGE, Page, page_number, paginate


class _Base(DeclarativeBase):
    pass


class Row(_Base):
    __tablename__ = "row"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)


@pytest.fixture
def session():
    engine = create_engine("sqlite://")
    _Base.metadata.create_all(engine)
    with Session(engine) as s:
        s.add_all(Row(id=i) for i in range(1, 53))  # 52 rows: pages of 25 are 25, 25, 2
        s.flush()
        yield s
    engine.dispose()


@pytest.mark.parametrize(("raw", "expected"), [
    ("2", 2), (" 7 ", 7), ("1", 1), (None, 1), ("", 1), ("abc", 1), ("0", 1), ("-3", 1), ("2.5", 1), ("1e3", 1),
    ("٢", 1), ("²", 1), ("99999999999999999999", MAX_PAGE), ("9" * 5000, MAX_PAGE), (str(MAX_PAGE + 1), MAX_PAGE),
    (3, 3),
])
def test_page_number_from_a_query_string(raw, expected):
    assert page_number(raw) == expected


@given(st.text(max_size=40))
def test_any_text_gives_a_page_between_one_and_the_maximum(raw):
    assert 1 <= page_number(raw) <= MAX_PAGE


def test_page_counts_and_neighbours():
    page = Page(["x"] * 25, 2, 25, 52)
    assert (page.pages, page.has_prev, page.has_next, page.offset) == (3, True, True, 25)
    assert Page([], 1, 25, 0).pages == 1  # an empty list still has its one page
    assert not Page(["x"] * 2, 3, 25, 52).has_next
    assert Page(["x"] * 25, 4, 25, None, more=True).pages == 5  # no count: as far as known


def test_paginate_gives_the_page_asked_in_order(session):
    stmt = select(Row).order_by(Row.id.desc())
    page = paginate(session, stmt, 2, 25)
    assert [r.id for r in page] == list(range(27, 2, -1))
    assert (page.page, page.pages, page.total) == (2, 3, 52)


@pytest.mark.parametrize("asked", [3, 4, MAX_PAGE])
def test_paginate_past_the_end_shows_the_last_page(session, asked):
    page = paginate(session, select(Row).order_by(Row.id), asked, 25)
    assert page.page == 3 and [r.id for r in page] == [51, 52]


def test_paginate_without_clamping_gives_an_empty_page_of_that_number(session):
    page = paginate(session, select(Row).order_by(Row.id), 9, 25, clamp_to_last=False)
    assert (page.page, page.items, page.total, page.has_next) == (9, [], 52, False)


def test_paginate_rows_and_without_a_count(session):
    page = paginate(session, select(Row.id, Row.id * 2).order_by(Row.id), 3, 25)
    assert [tuple(r) for r in page] == [(51, 102), (52, 104)]
    first = paginate(session, select(Row).order_by(Row.id), 1, 25, count=False)
    last = paginate(session, select(Row).order_by(Row.id), 3, 25, count=False)
    assert (len(first), first.total, first.has_next, first.pages) == (25, None, True, 2)
    assert (len(last), last.has_next) == (2, False)


def test_paginate_of_nothing_is_one_empty_page(session):
    page = paginate(session, select(Row).where(Row.id < 0), 5, 25)
    assert (page.page, page.pages, page.items) == (1, 1, [])


@given(st.integers(0, 120), st.integers(-5, 10), st.integers(1, 30))
def test_of_list_keeps_every_item_on_exactly_one_page(n, asked, per_page):
    items = list(range(n))
    page = paging.of_list(items, asked, per_page)
    assert 1 <= page.page <= page.pages
    assert page.items == items[page.offset:page.offset + per_page]
    assert sum(len(paging.of_list(items, p, per_page)) for p in range(1, page.pages + 1)) == n
