"""Two refreshes of one vacancy's suggestions at once (two worker threads or hosts, a job and a staff
member's recompute) store each suggestion once, and a placement recorded while the worker rewrites the
candidate's suggestions is saved instead of answering 409 "changed by someone else" (bench.multi_host
saw it once in 155 placements). PostgreSQL only, where they really run side by side."""
from __future__ import annotations

import os
import threading
import time
from datetime import date

import pytest
from sqlalchemy import func, select, text

from models import Candidate, Organisation, Placement, Suggestion
from models.enums import SuggestionStatus
from models.matches import index_cache
from models.matches.suggestions import refresh_suggestions
from models.placements import recording
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


def one_after_the_other(app, db, first, second) -> list[Exception]:
    """Run ``first`` in a transaction that stays open until ``second`` (in another) waits for a lock;
    then commit both. The errors they raised."""
    first_flushed, release, errors = threading.Event(), threading.Event(), []

    def run(work, hold: bool) -> None:
        with app.app_context():
            try:
                work()
                if hold:
                    first_flushed.set()
                    release.wait(20)
                db.session.commit()
            except Exception as exc:
                errors.append(exc)
                db.session.rollback()
            finally:
                db.session.remove()

    one = threading.Thread(target=run, args=(first, True))
    one.start()
    assert first_flushed.wait(20)
    two = threading.Thread(target=run, args=(second, False))
    two.start()
    waited = time.monotonic()
    while not waiting_backends(db) and time.monotonic() - waited < 20:
        db.session.commit()  # a fresh snapshot of pg_stat_activity each time
        time.sleep(0.05)
    assert waiting_backends(db) == 1  # the second is blocked behind the first
    db.session.commit()
    release.set()
    one.join(30)
    two.join(30)
    return errors


def refresh(vacancy_id: int, top: int = 20):
    def work() -> None:
        v = db_session().get(Vacancy, vacancy_id)
        refresh_suggestions(db_session(), v, db_session().get(Organisation, v.organisation_id), top=top, min_score=0)
    return work


def db_session():
    from web.extensions import db

    return db.session


def test_a_second_refresh_waits_for_the_first_and_stores_nothing_twice(app, db, vacancy):
    errors = one_after_the_other(app, db, refresh(vacancy.id), refresh(vacancy.id))
    assert errors == []  # without the pair lock: the second one's duplicate key
    db.session.expire_all()
    rows = db.session.execute(select(Suggestion.candidate_id, func.count()).where(
        Suggestion.vacancy_id == vacancy.id).group_by(Suggestion.candidate_id)).all()
    assert rows and all(n == 1 for _cid, n in rows)


def test_a_placement_while_the_worker_rewrites_the_candidates_suggestions_is_saved(app, db, vacancy):
    refresh(vacancy.id)()
    db.session.commit()
    suggestion = db.session.scalars(select(Suggestion).where(Suggestion.vacancy_id == vacancy.id)).first()
    candidate_id, employer_id = suggestion.candidate_id, vacancy.employer_id
    db.session.commit()

    def place() -> None:
        recording.record_placement(db_session(), vacancy.organisation_id, {
            "candidate_id": candidate_id, "employer_id": employer_id, "start_date": date(2026, 12, 1),
            "hours_per_week": 24, "contract_type": "temporary", "instrument": "regular"})

    # The worker drops every 'new' suggestion of the vacancy (top=0) while the placement closes them.
    errors = one_after_the_other(app, db, refresh(vacancy.id, top=0), place)
    assert errors == []  # without waiting for the refresh: a stale version, 409 on the form
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Placement.id)).where(Placement.candidate_id == candidate_id)) == 1
    assert db.session.get(Candidate, candidate_id).status == "placed"
    assert not db.session.scalars(select(Suggestion).where(Suggestion.candidate_id == candidate_id,
                                                          Suggestion.status == SuggestionStatus.NEW)).all()
