"""Shared fixtures: a fresh app and empty database per test, clients, a login per role, factories.

Tests run on SQLite by default and on PostgreSQL when TEST_DATABASE_URL is set
(e.g. postgresql+psycopg://werkbrug:werkbrug@127.0.0.1:5432/werkbrug_test).
"""
from __future__ import annotations

import contextvars
import os
from datetime import date

import pytest
from argon2 import PasswordHasher
from flask.globals import _cv_app, _cv_request
from flask.testing import FlaskClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, event, text

from app import create_app
from models import Base, Candidate, CandidatePersonal, Employer, Organisation, User
from models.accounts import passwords, users
from models.common import clock
from models.enums import Role
from web.extensions import db as _db

PASSWORD = "correct-horse-battery-staple"

# Fixtures shared by several test packages (factories for vacancies, placements and SROI tables).
pytest_plugins = ("tests.vacancy_factories", "tests.placement_fixtures")
# The scrubber rule tests assert through these helpers: show the compared texts when one fails.
pytest.register_assert_rewrite("tests.scrub_helpers")

# Property tests check values, not speed: a busy CI machine must not fail them on a deadline.
hypothesis_settings.register_profile("werkbrug", deadline=None)
hypothesis_settings.load_profile("werkbrug")


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Real argon2id, with small parameters so that hundreds of logins stay quick."""
    original = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    users._DUMMY_HASH = passwords._hasher.hash("timing-dummy")
    yield
    passwords._hasher = original


@pytest.fixture(autouse=True, scope="session")
def isolated_instance_folder(tmp_path_factory):
    """An empty instance folder: a developer's instance/werkbrug.cfg (make run writes a SECRET_KEY
    there) or instance/semantic-vectors.npz must not change what the tests see."""
    folder = tmp_path_factory.mktemp("instance")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("flask.Flask.auto_find_instance_path", lambda self: str(folder))
        yield folder


@pytest.fixture(autouse=True, scope="session")
def compiled_translations():
    """The .mo catalogues are built (make install), not committed: build them for runs that skip make."""
    from web.config import Defaults
    from web.i18n import compile_catalogues

    compile_catalogues(Defaults.BABEL_TRANSLATION_DIRECTORIES)


@pytest.fixture(autouse=True)
def fresh_matcher_caches():
    """The linker and the matcher's index are per-process caches: start every test without them."""
    from models.catalogue import search
    from models.matches import index_cache
    from models.taxonomy import terms

    index_cache.clear_cache()
    terms.clear_cache()
    search._cache.clear()
    from web.catalogue import routes as catalogue_routes

    catalogue_routes._cards.clear()  # rendered cards: ids are reused once the tables are emptied


@pytest.fixture
def index_snapshots(monkeypatch):
    """As if the worker had built each organisation's matcher index snapshot when it was first needed.

    A request never builds one (it says the suggestions are being computed); tests about what the
    matcher suggests use this instead of running the worker. Changes after that first use reach the
    index through the change numbers, as in production.
    """
    from models.matches import index_cache

    mapped = index_cache.get_index

    def get_or_build(session, organisation_id):
        try:
            return mapped(session, organisation_id)
        except index_cache.IndexNotReady:
            index_cache.build(session, organisation_id)
            return mapped(session, organisation_id)

    monkeypatch.setattr(index_cache, "get_index", get_or_build)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """The test database; its schema is created once, every test starts with empty tables."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db')}/test.sqlite"
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    engine.dispose()
    return url


def _empty_tables(engine) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))


class RequestClient(FlaskClient):
    """A test client whose every request runs as under a WSGI server: in its own app context.

    The test body keeps an app context open (for ``db.session`` in factories and assertions); Flask
    would reuse it for requests, which would then share the test's session and ``g``. Here each
    request runs in a copy of the context variables without Flask's, so it opens and tears down its
    own app context and database session. Around it the test's session ends its transaction: what
    the test set up is in the database before the request, and afterwards the test reads what the
    request committed (SQLite in WAL mode and PostgreSQL keep a snapshot per transaction).
    """

    def run_wsgi_app(self, environ, buffered=False):
        in_test = _cv_app.get(None) is not None
        if in_test:
            _db.session.commit()
        result = contextvars.copy_context().run(self._run_alone, environ)
        if in_test:
            _db.session.commit()
        return result

    def _run_alone(self, environ):
        _cv_app.set(None)
        _cv_request.set(None)
        # Buffered, so that the whole body is produced inside the request's own context.
        return super().run_wsgi_app(environ, buffered=True)


def make_test_app(database_url: str, instance_path: str):
    """The app as the tests use it: test settings, the request-per-context client, OpenAPI checks.

    Returns the app and the list the OpenAPI checker fills with violations.
    """
    app = create_app({
        "TESTING": True,
        "WERKBRUG_ENV": "testing",
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "PROPAGATE_EXCEPTIONS": False,
        # Jobs wait in the process and never run, unless a test runs them (tests/test_queue*.py).
        "QUEUE_URL": "memory://",
    })
    app.instance_path = instance_path
    app.test_client_class = RequestClient
    from tests.openapi_check import install

    return app, install(app)  # every API response is checked against the OpenAPI document


@pytest.fixture
def app(database_url, tmp_path):
    app, violations = make_test_app(database_url, str(tmp_path / "instance"))
    with app.app_context():
        yield app
        _db.session.remove()
        _empty_tables(_db.engine)
        _db.engine.dispose()
    assert not violations, f"API responses that break the OpenAPI document: {violations}"


@pytest.fixture
def db(app):
    """The Flask-SQLAlchemy handle; use ``db.session`` and commit what the test sets up."""
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def count_queries(db, client):
    """``count_queries(url)``: the SQL statements one GET of ``url`` sends (the page must answer 200)."""
    def count(url: str, via: FlaskClient | None = None) -> int:
        statements: list[str] = []

        def before(_conn, _cursor, statement, *_args):
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", before)
        try:
            response = (via or client).get(url)
        finally:
            event.remove(db.engine, "before_cursor_execute", before)
        assert response.status_code == 200, (url, response.status_code)
        return len(statements)
    return count


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def make_org(db):
    def make(key: str = "dronten", name: str | None = None, **kw) -> Organisation:
        org = Organisation(key=key, name=name or f"Gemeente {key.title()}", region="Flevoland", **kw)
        db.session.add(org)
        db.session.commit()
        return org
    return make


@pytest.fixture
def org(make_org) -> Organisation:
    return make_org("dronten", "Gemeente Dronten", is_default=True)


@pytest.fixture
def other_org(make_org) -> Organisation:
    return make_org("uwv-flevoland", "UWV Flevoland")


@pytest.fixture
def make_user(db, org):
    counter = iter(range(1, 10_000))

    def make(role: Role | str = Role.MATCHER, organisation: Organisation | None = None, **kw) -> User:
        role = Role(role)
        n = next(counter)
        user = users.create_user(
            db.session, email=kw.pop("email", f"{role.value}{n}@example.org"),
            name=kw.pop("name", f"{role.value.title()} {n}"), role=role, password=PASSWORD,
            organisation=None if role == Role.EMPLOYER else (organisation or org), **kw,
        )
        db.session.commit()
        return user
    return make


@pytest.fixture
def login(client):
    """Sign in through the real form; returns the response after following redirects."""
    def do(user: User, password: str = PASSWORD, follow: bool = True):
        client.post("/uitloggen")
        return client.post("/inloggen", data={"email": user.email, "password": password},
                           follow_redirects=follow)
    return do


@pytest.fixture
def as_role(make_user, login):
    """Sign in as a fresh user of ``role`` (in ``organisation``, default the main org)."""
    def do(role: Role | str, organisation: Organisation | None = None) -> User:
        user = make_user(role, organisation)
        response = login(user)
        assert response.status_code == 200, response.status_code
        return user
    return do


@pytest.fixture
def make_employer(db, org):
    counter = iter(range(1, 10_000))

    def make(organisation: Organisation | None = None, **kw) -> Employer:
        n = next(counter)
        employer = Employer(organisation_id=(organisation or org).id, name=kw.pop("name", f"Bedrijf {n}"),
                            kvk=kw.pop("kvk", f"{10000000 + n}"), city=kw.pop("city", "Dronten"), **kw)
        db.session.add(employer)
        db.session.commit()
        return employer
    return make


@pytest.fixture
def make_candidate(db, org):
    counter = iter(range(1, 10_000))

    def make(organisation: Organisation | None = None, first_name: str = "Fatima", last_name: str = "El Idrissi",
             birth_date: date = date(1988, 4, 2), **kw) -> Candidate:
        n = next(counter)
        candidate = Candidate(organisation_id=(organisation or org).id, external_id=kw.pop("external_id", f"K-{n:05d}"),
                              place=kw.pop("place", "Dronten"), **kw)
        candidate.personal = CandidatePersonal(first_name=first_name, last_name=last_name, birth_date=birth_date,
                                               postcode="8251 AB", city="Dronten",
                                               email=f"kandidaat{n}@example.org", phone="06-12345678")
        db.session.add(candidate)
        db.session.commit()
        return candidate
    return make


@pytest.fixture
def make_public_profile(db, org):
    """A PublicProfile row as the matcher side would publish it (status published unless told)."""
    from datetime import timedelta

    from models import PublicProfile
    from models.base import utcnow
    from models.enums import ProfileStatus

    counter = iter(range(1, 100_000))

    def make(organisation: Organisation | None = None, candidate: Candidate | None = None, **kw) -> PublicProfile:
        n = next(counter)
        values = dict(
            code=f"K-{n:04X}", status=ProfileStatus.PUBLISHED, headline="Enthousiaste orderpicker",
            age_band="25-34", place="Dronten", region="Flevoland", lat=52.525, lon=5.718, education="mbo2",
            dutch_level="B1", occupations=["Orderpicker"], skills=["Orderpicken", "Heftruck rijden"],
            licences=["B"], hours_min=24, hours_max=36, available_from=date(2026, 1, 1),
            description="Werkt graag in een team.", checked_on=clock.today() - timedelta(days=21),
            published_at=utcnow() - timedelta(days=n),
        )
        values.update(kw)
        profile = PublicProfile(organisation_id=(organisation or org).id,
                                candidate_id=candidate.id if candidate else None, **values)
        db.session.add(profile)
        db.session.commit()
        return profile
    return make
