"""The task queue for real: jobs after commits, a real consumer on the SQLite storage and on Redis.

The Redis tests need a server: `redis-server --port 6390 --daemonize yes` and
WERKBRUG_TEST_REDIS_URL=redis://127.0.0.1:6390/0 (Debian package redis-server; .ci/run does this).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import Suggestion, SuggestionRun
from models.enums import Role
from tests.helpers import visible_text
from tests.matching_helpers import add_vacancy, link_candidate, load_small_taxonomy
from web.queue import QueueState, huey_for

REDIS_URL = os.environ.get("WERKBRUG_TEST_REDIS_URL")
ROOT = Path(__file__).resolve().parent.parent


def use_queue(app, url: str, immediate: bool = False):
    """Point the app at another queue storage (the fixture app keeps jobs in memory)."""
    app.config.update(QUEUE_URL=url, QUEUE_IMMEDIATE=immediate)
    app.extensions["werkbrug_queue"] = QueueState(app)
    return huey_for(app)


@pytest.fixture
def world(db, org, make_employer, make_candidate):
    load_small_taxonomy(db.session)
    people = []
    for first, skills in (("Amina", ["orderpicken", "heftruk"]), ("Henk", ["order picken"])):
        candidate = make_candidate(first_name=first, last_name="Test", hours_min=20, hours_max=36,
                                   lat=52.52, lon=5.72, max_travel_km=25)
        link_candidate(db.session, candidate, skills)
        people.append(candidate)
    vacancy = add_vacancy(db.session, org, make_employer(name="Polderbakkerij"), title="Orderpicker",
                          required=["orderpicken"], preferred=["heftruck"], hours_min=24, hours_max=32)
    return vacancy, people


def stored(db, vacancy) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Suggestion.id)).where(Suggestion.vacancy_id == vacancy.id))


def test_the_review_queue_says_suggestions_are_being_computed_then_shows_the_counts(app, db, world, as_role,
                                                                                    client):
    vacancy, _people = world
    as_role(Role.MATCHER)
    text = visible_text(client.get("/beheer/suggesties/").get_data(as_text=True))
    assert "Orderpicker" in text and "wordt berekend" in text
    assert "De suggesties worden op de achtergrond berekend" in text

    use_queue(app, "memory://", immediate=True)
    vacancy.title = "Orderpicker dagdienst"
    db.session.commit()  # the job runs in the commit (immediate mode): the real body, the real matcher
    assert stored(db, vacancy) == 2
    text = visible_text(client.get("/beheer/suggesties/").get_data(as_text=True))
    assert "wordt berekend" not in text and "op de achtergrond" not in text
    assert "Orderpicker dagdienst Polderbakkerij Dronten 2 0" in text


def test_a_vacancy_without_any_fit_counts_as_computed(app, db, org, make_employer, as_role, client):
    load_small_taxonomy(db.session)
    use_queue(app, "memory://", immediate=True)
    add_vacancy(db.session, org, make_employer(name="Bakker"), title="Lasser", required=["lassen"])
    as_role(Role.MATCHER)
    text = visible_text(client.get("/beheer/suggesties/").get_data(as_text=True))
    assert "Lasser Bakker Dronten 0 0" in text and "wordt berekend" not in text


def test_a_candidate_change_recomputes_the_open_vacancies_of_the_organisation(app, db, world, make_candidate):
    vacancy, _people = world
    use_queue(app, "memory://", immediate=True)
    newcomer = make_candidate(first_name="Sara", last_name="Nieuw", hours_min=20, hours_max=36, lat=52.52,
                              lon=5.72, max_travel_km=25)
    link_candidate(db.session, newcomer, ["orderpicken"])
    db.session.expire_all()
    assert newcomer.id in set(db.session.scalars(select(Suggestion.candidate_id).where(
        Suggestion.vacancy_id == vacancy.id)))


def test_jobs_follow_the_commit_once_per_vacancy_and_never_a_rollback(app, db, world):
    vacancy, people = world
    huey = use_queue(app, "memory://")
    vacancy.title = "Rollback"
    db.session.flush()
    db.session.rollback()
    assert huey.pending_count() == 0
    for title in ("Eerste", "Tweede"):  # the first job still waits: the second commit adds none
        vacancy.title = title
        db.session.commit()
    assert huey.pending_count() == 1
    people[0].hours_max = 32
    people[1].hours_max = 32
    db.session.commit()
    assert huey.pending_count() == 2  # one job for the organisation, however many candidates changed


@pytest.fixture
def consumer_for(app):
    """Start a real Huey consumer (worker threads) on the app's queue; stopped after the test."""
    started = []
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}

    def start(huey):
        consumer = huey.create_consumer(workers=1, periodic=False, worker_type="thread", initial_delay=0.05,
                                        max_delay=0.2, check_worker_health=False)
        consumer.start()
        started.append(consumer)
        return consumer

    yield start
    for consumer in started:
        consumer.stop(graceful=True)
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def wait_for(condition, what: str, limit: float = 60.0):
    """Poll until ``condition()`` holds; fail naming ``what`` after ``limit`` seconds (a busy machine is slow)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"the worker did not {what} within {limit:.0f} s")


def storages(tmp_path_factory=None):
    yield pytest.param("sqlite", id="sqlite")
    yield pytest.param("redis", id="redis", marks=pytest.mark.skipif(
        not REDIS_URL, reason="needs a Redis server: apt-get install redis-server; redis-server --port 6390 "
                              "--daemonize yes; WERKBRUG_TEST_REDIS_URL=redis://127.0.0.1:6390/0"))


@pytest.mark.parametrize("storage", list(storages()))
def test_a_real_worker_computes_suggestions_after_a_change(app, db, world, consumer_for, tmp_path, storage):
    vacancy, _people = world
    url = REDIS_URL if storage == "redis" else f"sqlite:///{tmp_path}/queue.sqlite"
    huey = use_queue(app, url)
    huey.flush()  # a Redis shared with an earlier run starts empty
    vacancy.title = "Orderpicker avond"
    db.session.commit()
    assert huey.pending_count() == 1  # waiting in the storage until a worker takes it
    consumer_for(huey)
    def computed() -> bool:
        db.session.rollback()  # a fresh snapshot: the worker commits in its own session
        return bool(db.session.scalar(select(func.count(SuggestionRun.id))))

    wait_for(computed, "compute the vacancy's suggestions")
    assert stored(db, vacancy) == 2
    assert huey.pending_count() == 0


def test_the_worker_command_refuses_immediate_mode(app, runner):
    use_queue(app, "memory://", immediate=True)
    result = runner.invoke(args=["queue", "work"])
    assert result.exit_code == 2 and "QUEUE_IMMEDIATE" in result.output


def test_a_redis_queue_works_after_huey_was_imported_without_redis():
    # A process whose first queue is not on Redis imports Huey without the redis client (issue 18);
    # a later app with a Redis queue still gets one.
    script = """
import sys
from app import create_app
from web.queue import huey_for
settings = {"TESTING": True, "WERKBRUG_ENV": "testing", "SQLALCHEMY_DATABASE_URI": "sqlite://"}
huey_for(create_app({**settings, "QUEUE_URL": "memory://"}))
print("redis" in sys.modules, "psycopg" in sys.modules)
huey = huey_for(create_app({**settings, "QUEUE_URL": "redis://127.0.0.1:1/0"}))
print(type(huey.storage).__name__, type(huey.storage.conn).__name__)
"""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "QUEUE_URL")}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.stdout.split() == ["False", "False", "RedisStorage", "Redis"], done.stdout + done.stderr


def test_bad_queue_url_is_refused_clearly(app):
    app.config["QUEUE_URL"] = "amqp://broker"
    app.extensions["werkbrug_queue"] = QueueState(app)
    with pytest.raises(RuntimeError, match="QUEUE_URL must start with redis://"):
        huey_for(app)


def test_an_import_recomputes_the_organisations_suggestions_after_it_commits(app, db, org, runner):
    """The importer writes with bulk Core statements, which the flush listener does not see."""
    huey = use_queue(app, "memory://", immediate=True)
    load_small_taxonomy(db.session)
    example = Path(__file__).parent / "data" / "example.json"
    result = runner.invoke(args=["import", str(example)])
    assert result.exit_code == 0, result.output
    assert huey.pending_count() == 0
    db.session.expire_all()
    runs = db.session.scalars(select(SuggestionRun.vacancy_id)).all()
    assert runs, "the import's open vacancies were not ranked"
