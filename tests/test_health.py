"""Health probes, the error page without a database, and error log lines that say what went wrong."""
from __future__ import annotations

import json
import logging
import socket
from pathlib import Path

import pytest

from app import create_app
from models import Organisation
from models.accounts import users
from models.enums import Role
from models.matches import index_cache, snapshots
from tests.conftest import PASSWORD, RequestClient
from web.extensions import db as _db


def test_health_answers_without_login(client):
    response = client.get("/health")
    assert response.status_code == 200 and response.json == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_ready_reports_database_queue_and_ages_without_personal_data(client, make_candidate):
    make_candidate(first_name="Fatima", last_name="Bouzid")
    response = client.get("/health/ready")
    assert response.status_code == 200 and response.json["status"] == "ok"
    checks = response.json["checks"]
    assert checks["database"]["ok"] and checks["queue"]["ok"]
    assert checks["queue"]["waiting_jobs"] >= 1  # the new candidate's refresh job waits (no worker in tests)
    assert checks["queue"]["worker_heartbeat_age_s"] is None
    assert checks["database"]["suggestions_refreshed_age_s"] is None
    body = response.get_data(as_text=True)
    assert "Fatima" not in body and "Bouzid" not in body


def test_ready_reports_each_organisations_snapshot_age_and_stays_200_when_it_is_missing_or_stale(
        app, db, org, make_org, client, make_candidate):
    other = make_org(key="almere", name="Gemeente Almere")
    make_candidate(first_name="Fatima", last_name="Bouzid")
    response = client.get("/health/ready")
    assert response.status_code == 200 and response.json["status"] == "ok"  # the host still serves pages
    index = response.json["checks"]["index"]
    assert index["status"] == "missing" and index["max_age_s"] == 600
    assert {o["organisation_id"]: (o["state"], o["age_s"]) for o in index["organisations"]} == {
        org.id: ("missing", None), other.id: ("missing", None)}

    index_cache.build(db.session, org.id)
    db.session.commit()
    index = client.get("/health/ready").json["checks"]["index"]
    by_org = {o["organisation_id"]: o for o in index["organisations"]}
    assert by_org[org.id]["state"] == "ok" and 0 <= by_org[org.id]["age_s"] <= 60
    assert by_org[other.id]["state"] == "missing" and index["status"] == "missing"
    index_cache.build(db.session, other.id)
    db.session.commit()
    assert client.get("/health/ready").json["checks"]["index"]["status"] == "ok"

    # Made older than MATCH_SNAPSHOT_MAX_AGE: a quiet organisation's snapshot is still current ...
    root = index_cache.settings()[0]
    meta_file = snapshots.org_dir(root, org.id) / snapshots.read_pointer(root, org.id).name / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta_file.write_text(json.dumps({**meta, "built_at": meta["built_at"] - 3600}), encoding="utf-8")
    index = client.get("/health/ready").json["checks"]["index"]
    by_org = {o["organisation_id"]: o for o in index["organisations"]}
    assert by_org[org.id] == {"organisation_id": org.id, "state": "ok", "age_s": by_org[org.id]["age_s"]}
    assert 3600 <= by_org[org.id]["age_s"] <= 3660
    # ... but with a candidate change it does not hold, it is stale (the worker should have rebuilt it).
    make_candidate(first_name="Henk", last_name="de Boer")
    response = client.get("/health/ready")
    assert response.status_code == 200 and response.json["status"] == "ok"
    index = response.json["checks"]["index"]
    by_org = {o["organisation_id"]: o["state"] for o in index["organisations"]}
    assert by_org == {org.id: "stale", other.id: "ok"} and index["status"] == "stale"
    body = response.get_data(as_text=True)
    assert "Henk" not in body and "Boer" not in body and "Fatima" not in body


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def own_app(tmp_path):
    """An app on its own SQLite file, so a test can break its database without touching the others'."""
    made = []

    def make(url: str | None = None, **config):
        path = tmp_path / "own.sqlite"
        app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False,
                          "PROPAGATE_EXCEPTIONS": False, "QUEUE_URL": "memory://",
                          "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{path}", **config})
        app.test_client_class = RequestClient  # each request in its own app context, as in production
        context = app.app_context()
        context.push()
        made.append(context)
        if url is None:
            _db.create_all()
        return app, path

    yield make
    for context in reversed(made):
        _db.session.remove()
        _db.engine.dispose()
        context.pop()


def test_ready_is_503_on_a_read_only_database(own_app, tmp_path):
    _app, path = own_app()
    _db.engine.dispose()
    app, _ = own_app(f"sqlite:///file:{path}?mode=ro&uri=true")
    response = app.test_client().get("/health/ready")
    assert response.status_code == 503 and response.json["status"] == "unavailable"
    assert response.json["checks"]["database"] == {"ok": False,
                                                   "error": "OperationalError: attempt to write a readonly database"}


def test_ready_is_503_when_the_queue_cannot_be_reached(own_app):
    app, _ = own_app(QUEUE_URL=f"redis://127.0.0.1:{free_port()}/0")
    response = app.test_client().get("/health/ready")
    assert response.status_code == 503
    assert response.json["checks"]["database"]["ok"] is True
    assert response.json["checks"]["queue"]["ok"] is False
    assert "ConnectionError" in response.json["checks"]["queue"]["error"]


def test_the_error_page_renders_without_the_database_and_the_log_says_why(own_app):
    app, path = own_app()
    organisation = Organisation(key="dronten", name="Gemeente Dronten")
    _db.session.add(organisation)
    user = users.create_user(_db.session, email="m@example.org", name="Marja Matcher", role=Role.MATCHER,
                             password=PASSWORD, organisation=organisation)
    _db.session.commit()
    client = app.test_client()
    assert client.post("/inloggen", data={"email": user.email, "password": PASSWORD}).status_code == 302
    _db.session.remove()
    _db.engine.dispose()
    for suffix in ("", "-wal", "-shm"):  # the database is gone (a new empty file has no tables)
        Path(f"{path}{suffix}").unlink(missing_ok=True)

    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append((record.getMessage(), getattr(record, "request_id", None)))
    handler.addFilter(next(f for h in logging.getLogger("werkbrug").handlers for f in h.filters))
    logging.getLogger("werkbrug").addHandler(handler)
    try:
        response = client.get("/beheer/suggesties/", headers={"X-Request-ID": "req77"})
    finally:
        logging.getLogger("werkbrug").removeHandler(handler)
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Er ging iets mis" in page and "req77" in page and "Traceback" not in page
    assert any("OperationalError: no such table: user_account" in line and rid == "req77" for line, rid in lines), lines


def test_log_lines_describe_the_error_without_personal_data():
    from sqlalchemy.exc import IntegrityError

    from web.errors import describe

    exc = IntegrityError("INSERT INTO user_account (email) VALUES (?)", ("piet@example.nl",), Exception(
        'duplicate key value violates unique constraint "uq_user_account_email"\n'
        "DETAIL:  Key (email)=(piet@example.nl) already exists."))
    assert describe(exc) == "Exception: duplicate key value violates unique constraint …"
    assert describe(RuntimeError("candidate Anna de Vries, 06-12345678, said 'no'")) == \
        "RuntimeError: candidate [naam], [telefoon], said …"
