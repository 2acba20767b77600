"""Cached catalogue pages: only for anonymous visitors, fresh after every publish or withdrawal, still counted."""
import re
import threading
from datetime import date

from sqlalchemy import func, select

from models import AuditEvent
from models.base import utcnow
from models.catalogue.publishing.profiles import unpublish
from models.common.system import ThrottleCounter
from models.enums import Role
from tests.helpers import visible_text
from web.catalogue import page_cache, view_counts
from web.extensions import db as web_db

URL = "/kandidaten?q=orderpicker&sortering=newest"


def _codes(response) -> list[str]:
    return re.findall(r'href="/kandidaten/(K-[0-9A-F]+)"', response.get_data(as_text=True))


def test_a_second_anonymous_visitor_gets_the_same_page_from_the_cache(app, count_queries, make_public_profile):
    make_public_profile()
    first = app.test_client().get(URL)
    assert count_queries(URL) == 0  # no SQLAlchemy statement: only the stamps, on the worker's own connection
    again = app.test_client().get(URL)
    assert again.get_data() == first.get_data() and again.status_code == 200
    assert again.headers["Content-Security-Policy"] == first.headers["Content-Security-Policy"]
    assert again.headers["X-Request-ID"] != first.headers["X-Request-ID"]  # the hooks run as for any page


def test_an_employer_never_gets_the_anonymous_page_nor_leaves_theirs_behind(app, client, login, make_user,
                                                                            make_public_profile):
    make_public_profile()
    anonymous = app.test_client()
    assert "Bewaar deze zoekopdracht" not in visible_text(anonymous.get(URL).get_data(as_text=True))
    employer = make_user(Role.EMPLOYER, name="Piet Bakker", company_name="Bakkerij Bakker")
    login(employer)
    theirs = client.get(URL).get_data(as_text=True)
    assert "Bewaar deze zoekopdracht" in visible_text(theirs) and "Piet Bakker" in theirs
    assert 'name="csrf_token"' in theirs
    for _ in range(2):  # from the cache now, and it holds nothing of the employer's page
        page = anonymous.get(URL).get_data(as_text=True)
        assert "Piet Bakker" not in page and "Bewaar deze zoekopdracht" not in visible_text(page)
        assert 'name="csrf_token"' not in page
    assert "Piet Bakker" in client.get(URL).get_data(as_text=True)


def test_a_flash_message_is_shown_once_and_never_kept_for_others(app, make_public_profile):
    make_public_profile()
    app.test_client().get(URL)  # the page is in the cache
    visitor = app.test_client()
    with visitor.session_transaction() as session:
        session["_flashes"] = [("info", "Uw verzoek is verstuurd.")]
    assert "Uw verzoek is verstuurd." in visitor.get(URL).get_data(as_text=True)
    assert "Uw verzoek is verstuurd." not in visitor.get(URL).get_data(as_text=True)
    assert "Uw verzoek is verstuurd." not in app.test_client().get(URL).get_data(as_text=True)


def test_the_language_is_part_of_the_page_that_is_kept(app, make_public_profile):
    make_public_profile()
    dutch = app.test_client().get(URL).get_data(as_text=True)
    english = app.test_client()
    assert english.get(URL + "&lang=en").status_code == 200
    page = english.get(URL).get_data(as_text=True)  # remembered in the session, same URL as the Dutch one
    assert 'lang="en"' in page and "Candidates" in visible_text(page)
    assert app.test_client().get(URL).get_data(as_text=True) == dutch


def test_a_withdrawal_and_a_publish_show_on_the_next_request(app, db, make_public_profile):
    shown = make_public_profile()
    visitor = app.test_client()
    assert _codes(visitor.get(URL)) == [shown.code]
    assert _codes(visitor.get(URL)) == [shown.code]  # cached
    unpublish(db.session, shown, "Heeft werk gevonden", today=date.today(), k=1)
    db.session.commit()
    assert _codes(visitor.get(URL)) == []
    newer = make_public_profile()
    assert _codes(visitor.get(URL)) == [newer.code]


def test_cached_pages_count_toward_the_view_limit(app, db, count_queries, make_public_profile):
    app.config["CATALOGUE_MAX_LIST_VIEWS_PER_HOUR"] = 3
    make_public_profile()
    visitor = app.test_client()
    assert visitor.get(URL).status_code == 200
    assert count_queries(URL, via=visitor) <= 2  # served from the cache (and the count written at once)
    assert visitor.get(URL).status_code == 200
    refused = visitor.get(URL)
    assert refused.status_code == 429 and "erg veel pagina" in visible_text(refused.get_data(as_text=True))
    assert app.test_client().get(URL, environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "scrape_suspected")).all()
    assert [(e.origin, e.details) for e in events] == [("127.0.0.1", {"scope": "catalogue-list"})]


def _hits(db, key: str) -> int:
    return db.session.scalar(select(func.sum(ThrottleCounter.hits)).where(ThrottleCounter.key == key)) or 0


def test_views_far_from_the_limit_reach_the_shared_counter_in_a_batch(app, client, db, make_public_profile):
    app.config.update(CATALOGUE_COUNT_FLUSH_SECONDS=3600, CATALOGUE_MAX_LIST_VIEWS_PER_HOUR=1000)
    make_public_profile()
    for _ in range(5):
        assert client.get(URL).status_code == 200
    assert _hits(db, "127.0.0.1") == 0  # held by this worker
    view_counts.flush(app)
    assert _hits(db, "127.0.0.1") == 5


def test_a_worker_refuses_once_the_shared_count_shows_other_workers_views(app, client, db, make_public_profile):
    app.config.update(CATALOGUE_COUNT_FLUSH_SECONDS=3600, CATALOGUE_MAX_LIST_VIEWS_PER_HOUR=10)
    make_public_profile()
    assert client.get(URL).status_code == 200
    this_hour = int(utcnow().timestamp()) // 3600 * 3600
    db.session.add(ThrottleCounter(scope="catalogue-list", key="127.0.0.1", window_start=this_hour, hits=20))
    db.session.commit()  # what the other workers counted
    view_counts.flush(app)  # this worker's next batch brings back the shared count
    assert client.get(URL).status_code == 429
    assert _hits(db, "127.0.0.1") == 22  # near the limit every view is written at once


def test_visitors_on_threads_that_come_and_go_do_not_use_up_the_connection_pool(app, make_public_profile):
    """A threaded server (`flask run`, `make run`) answers each request on a new thread: the stamps'
    connections must go back, or the pool runs dry after as many views as it holds connections."""
    make_public_profile()
    statuses = []

    def visit(url):
        statuses.append(app.test_client().get(url).status_code)

    for n in range(20):  # the pool holds 15
        thread = threading.Thread(target=visit, args=(f"{URL}&pagina={n % 3 + 1}",))
        thread.start()
        thread.join()
    assert statuses == [200] * 20
    with app.app_context():
        assert web_db.engine.pool.checkedout() <= page_cache.IDLE_STAMP_CONNECTIONS


def test_stamp_connections_beyond_the_kept_ones_go_back_to_the_pool_as_they_came(app, db):
    """Three reads at once: two connections are kept, the third goes back to the pool, on PostgreSQL out of
    autocommit again, so a session that gets it still rolls back."""
    reader = page_cache.StampReader(web_db.engine)
    taken = [reader._take() for _ in range(3)]
    for conn, generation in taken:
        reader._give_back(conn, generation)
    assert len(reader.idle) == page_cache.IDLE_STAMP_CONNECTIONS == 2
    with web_db.engine.connect() as conn:  # the pool's connection, the one given back if PostgreSQL reused it
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS stamp_probe (n integer)")
        conn.commit()
        conn.exec_driver_sql("INSERT INTO stamp_probe VALUES (1)")
        conn.rollback()
        assert conn.exec_driver_sql("SELECT count(*) FROM stamp_probe").scalar() == 0
        conn.exec_driver_sql("DROP TABLE stamp_probe")
        conn.commit()
    reader.close_all()
    assert reader.idle == []
