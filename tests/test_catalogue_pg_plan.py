"""On PostgreSQL a typo search reaches the profiles through the matches, not by reading the catalogue."""
import os

import pytest
from sqlalchemy import event

from bench.catalogue import fill
from models.catalogue import browse

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
                       reason="needs PostgreSQL (TEST_DATABASE_URL)"),
]


def _plans(db, filters) -> tuple[browse.Page, list[str]]:
    statements = []

    def keep(conn, cursor, statement, params, context, executemany):
        if "profile_term" in statement and statement.lstrip().upper().startswith("SELECT PUBLIC_PROFILE.ID"):
            statements.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        page = browse.search(db.session, filters)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    plans = []
    raw = db.session.connection().connection.driver_connection
    with raw.cursor() as cursor:
        for statement, params in statements:
            cursor.execute("EXPLAIN (COSTS OFF) " + statement, params)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return page, plans


def test_typo_search_looks_up_only_the_matching_profiles(db, database_url):
    # Enough rows for the planner's statistics to matter (a handful would always be read whole):
    # the catalogue benchmark's generator, about one profile in twelve can drive a forklift.
    fill(database_url, 3000)
    page, plans = _plans(db, browse.Filters(q="heftruk"))
    assert page.total > 0
    assert all(any("heftruck" in w.lower() for w in p.skills + p.occupations) for p in page.profiles)
    assert plans, "the typo search ran no id query"
    plan = plans[0]
    assert "ix_profile_term_term_profile" in plan
    assert "pk_public_profile" in plan and "Index Cond: (id = ANY" in plan, plan
    assert "Seq Scan on public_profile" not in plan, plan
