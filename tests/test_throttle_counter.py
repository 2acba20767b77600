"""The catalogue's rate limit: one upserted counter per address and hour, no event row per page view."""
from sqlalchemy import func, select

from models.base import utcnow
from models.common import throttle
from models.common.system import ThrottleCounter, ThrottleEvent
from web.catalogue import view_counts


def _this_hour() -> int:
    return int(utcnow().timestamp()) // 3600 * 3600


def test_page_views_add_up_in_one_row_per_address_and_hour(app, client, db):
    for _ in range(3):
        assert client.get("/kandidaten").status_code == 200
    client.get("/kandidaten", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    view_counts.flush(app)  # a worker adds its views to the shared counters in batches
    rows = db.session.execute(select(ThrottleCounter.key, ThrottleCounter.hits, ThrottleCounter.window_start)
                              .where(ThrottleCounter.scope == "catalogue-list").order_by(ThrottleCounter.key)).all()
    assert [(key, hits) for key, hits, _start in rows] == [("10.1.2.3", 1), ("127.0.0.1", 3)]
    assert {start for _key, _hits, start in rows} == {_this_hour()}
    assert db.session.scalar(select(func.count()).select_from(ThrottleEvent)) == 0


def test_the_previous_hour_no_longer_counts(app, client, db):
    app.config["CATALOGUE_MAX_LIST_VIEWS_PER_HOUR"] = 3
    db.session.add(ThrottleCounter(scope="catalogue-list", key="127.0.0.1", window_start=_this_hour() - 3600, hits=50))
    db.session.commit()
    assert client.get("/kandidaten").status_code == 200


def test_bump_returns_the_running_count_of_the_window(db):
    assert [throttle.bump(db.session, "catalogue-list", "192.0.2.9", 3600) for _ in range(3)] == [1, 2, 3]
    assert throttle.bump(db.session, "catalogue-profile", "192.0.2.9", 3600) == 1


def test_prune_deletes_counters_of_ended_windows_only(runner, db):
    now = _this_hour()
    db.session.add_all([ThrottleCounter(scope="catalogue-list", key="a", window_start=now, hits=4),
                        ThrottleCounter(scope="catalogue-list", key="b", window_start=now - 3 * 24 * 3600, hits=9)])
    db.session.commit()
    result = runner.invoke(args=["throttle", "prune"])
    assert "Deleted 1 counted attempt(s) older than 24 hours." in result.output
    db.session.expire_all()
    assert list(db.session.scalars(select(ThrottleCounter.key))) == ["a"]
