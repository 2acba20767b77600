"""Two refreshes of one vacancy's suggestions at once (two worker threads or hosts, a job and a staff
member's recompute) store each suggestion once: PostgreSQL only, where they really run side by side."""
from __future__ import annotations

import os
import threading
import time

import pytest
from sqlalchemy import func, select, text

from models import Organisation, Suggestion
from models.matches import index_cache
from models.matches.suggestions import refresh_suggestions
from models.vacancies.vacancy import Vacancy
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy

pytestmark = pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"),
                                reason="two transactions at once: PostgreSQL (TEST_DATABASE_URL)")


@pytest.fixture
def vacancy(db, org, make_employer, make_candidate):
    load_small_taxonomy(db.session)
    for first in ("Amina", "Henk", "Sara"):
        candidate = make_candidate(first_name=first, last_name="Test", hours_min=16, hours_max=36,
                                   lat=52.52, lon=5.72, max_travel_km=25)
        link_candidate(db.session, candidate, ["orderpicken"])
    vacancy = add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                          required=["orderpicken"], hours_min=16, hours_max=24)
    db.session.commit()
    index_cache.build(db.session, org.id)  # as the worker would before refreshing
    db.session.commit()
    return vacancy


def waiting_backends(db) -> int:
    """Sessions of this database waiting for a lock (an advisory lock or another transaction's row)."""
    return db.session.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND wait_event_type = 'Lock'"))


def test_a_second_refresh_waits_for_the_first_and_stores_nothing_twice(app, db, vacancy):
    first_flushed, release, errors = threading.Event(), threading.Event(), []

    def refresh(hold: bool) -> None:
        with app.app_context():
            try:
                v = db.session.get(Vacancy, vacancy.id)
                refresh_suggestions(db.session, v, db.session.get(Organisation, v.organisation_id), min_score=0)
                if hold:
                    first_flushed.set()
                    release.wait(20)
                db.session.commit()
            except Exception as exc:  # the second one's duplicate key, without the pair lock
                errors.append(exc)
                db.session.rollback()
            finally:
                db.session.remove()

    first = threading.Thread(target=refresh, args=(True,))
    first.start()
    assert first_flushed.wait(20)
    second = threading.Thread(target=refresh, args=(False,))
    second.start()
    waited = time.monotonic()
    while not waiting_backends(db) and time.monotonic() - waited < 20:
        db.session.commit()  # a fresh snapshot of pg_stat_activity each time
        time.sleep(0.05)
    assert waiting_backends(db) == 1  # the second refresh is blocked behind the first
    db.session.commit()
    release.set()
    first.join(30)
    second.join(30)
    assert errors == []
    db.session.expire_all()
    rows = db.session.execute(select(Suggestion.candidate_id, func.count()).where(
        Suggestion.vacancy_id == vacancy.id).group_by(Suggestion.candidate_id)).all()
    assert rows and all(n == 1 for _cid, n in rows)
