"""Jobs that find no matcher snapshot at the same moment build it once: the second waits for the first
and maps what it published (three worker threads each built the same 5,000-candidate index at once in
bench.multi_host, which took 50 s instead of a few)."""
from __future__ import annotations

import threading

from models.common import stamps
from models.matches import index_cache
from tests.matching_helpers import link_candidate, load_small_taxonomy


def test_two_jobs_without_a_snapshot_build_it_once(app, db, org, make_candidate, monkeypatch):
    load_small_taxonomy(db.session)
    for first in ("Amina", "Henk"):
        link_candidate(db.session, make_candidate(first_name=first, last_name="Test"), ["orderpicken"])
    stamps.ensure_epoch(db.session)
    db.session.commit()
    builds, first_building, second_missed, errors = [], threading.Event(), threading.Event(), []
    real_build, real_get = index_cache._build, index_cache.get_index

    def slow_build(session, organisation_id, root):
        builds.append(threading.current_thread().name)
        first_building.set()
        second_missed.wait(20)  # the second job has found no snapshot before this one publishes
        return real_build(session, organisation_id, root)

    def get_index(session, organisation_id):
        try:
            return real_get(session, organisation_id)
        except index_cache.IndexNotReady:
            if threading.current_thread().name == "second":
                second_missed.set()
            raise

    monkeypatch.setattr(index_cache, "_build", slow_build)
    monkeypatch.setattr(index_cache, "get_index", get_index)

    def job() -> None:
        with app.app_context():
            try:
                entry = index_cache.ensure(db.session, org.id)
                assert len(entry.index) == 2
                db.session.commit()
            except Exception as exc:
                errors.append(exc)
            finally:
                db.session.remove()

    first = threading.Thread(target=job, name="first")
    first.start()
    assert first_building.wait(20)
    second = threading.Thread(target=job, name="second")
    second.start()
    first.join(30)
    second.join(30)
    assert errors == []
    assert builds == ["first"]
