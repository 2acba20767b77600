"""A transaction that reads, then writes after another connection committed (web/sqlite_snapshot.py).

On SQLite (WAL) such a first write used to fail at once with "database is locked"
(SQLITE_BUSY_SNAPSHOT): a matcher's page view writing its audit event while the worker's refresh
committed. The second writer here is a real one: its own connection to the same database, committing
at the moment the request (or transaction) sends its first write. On PostgreSQL the same tests hold.
"""
import sqlite3
import threading
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, event, func, select, text

from models import AuditEvent, Organisation
from models.enums import Role


@contextmanager
def commit_elsewhere_before_first(db, prefix: str, org_id: int):
    """While open: just before the first statement starting with ``prefix``, another connection commits
    a change of the organisation's name. Yields the statements sent, and whether the commit happened."""
    other = create_engine(db.engine.url)
    seen = {"statements": [], "committed": False}

    def before(_conn, _cursor, statement, *_args):
        seen["statements"].append(statement)
        if statement.lstrip().upper().startswith(prefix) and not seen["committed"]:
            with other.begin() as conn:
                conn.execute(text("UPDATE organisation SET name = 'Gewijzigd elders' WHERE id = :id"),
                             {"id": org_id})
            seen["committed"] = True

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
        other.dispose()


def test_profile_page_survives_a_commit_between_its_reads_and_its_audit_event(as_role, client, db, org,
                                                                             make_candidate):
    candidate = make_candidate()
    user = as_role(Role.MATCHER)
    with commit_elsewhere_before_first(db, "INSERT INTO AUDIT_EVENT", org.id) as seen:
        response = client.get(f"/beheer/kandidaten/{candidate.id}/profiel")
    assert seen["committed"]
    assert any(s.lstrip().upper().startswith("SELECT") for s in seen["statements"][:3])  # it read first
    assert response.status_code == 200
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "view_personal")).all()
    assert [(e.actor_id, e.object_id, e.details["page"]) for e in events] == [(user.id, candidate.id, "profile")]
    assert db.session.get(Organisation, org.id).name == "Gewijzigd elders"  # the other writer's commit stays


def test_a_restarted_first_write_keeps_its_savepoints_and_writes_once(app, db, org):
    """Outside a request (a command): read, open a savepoint, then the first write comes after a commit elsewhere."""
    db.session.scalar(select(func.count()).select_from(Organisation))  # the read snapshot begins
    with commit_elsewhere_before_first(db, "INSERT", org.id) as seen:
        kept = db.session.begin_nested()
        db.session.add(AuditEvent(action="kept", result="ok", details={}))
        db.session.flush()
        kept.commit()
        dropped = db.session.begin_nested()
        db.session.add(AuditEvent(action="dropped", result="ok", details={}))
        db.session.flush()
        dropped.rollback()
        db.session.commit()
    assert seen["committed"]
    db.session.expire_all()
    assert db.session.scalars(select(AuditEvent.action)).all() == ["kept"]
    assert db.session.get(Organisation, org.id).name == "Gewijzigd elders"


@contextmanager
def hold_write_lock_at_first(db, prefix: str, org_id: int, seconds: float = 0.5):
    """While open: just before the first statement starting with ``prefix``, another connection takes
    the write lock (BEGIN IMMEDIATE, a change of the organisation's name) and holds it for ``seconds``
    from a thread before committing: the worker in the middle of a refresh."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the write lock of another connection is SQLite's")
    path = db.engine.url.database
    seen = {"statements": [], "held": False, "released": threading.Event()}

    def before(_conn, _cursor, statement, *_args):
        seen["statements"].append(statement)
        if statement.lstrip().upper().startswith(prefix) and not seen["held"]:
            holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            holder.execute("BEGIN IMMEDIATE")
            holder.execute("UPDATE organisation SET name = 'Gewijzigd elders' WHERE id = ?", (org_id,))
            seen["held"] = True

            def release():
                holder.execute("COMMIT")
                holder.close()
                seen["released"].set()
            threading.Timer(seconds, release).start()

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
        seen["released"].wait(10)


def test_profile_page_waits_for_a_writer_holding_the_lock(as_role, client, db, org, make_candidate):
    """The worker holds the write lock (a refresh) when the page view sends its first write: the page
    waits for it instead of failing with "database is locked"."""
    candidate = make_candidate()
    user = as_role(Role.MATCHER)
    with hold_write_lock_at_first(db, "INSERT INTO AUDIT_EVENT", org.id) as seen:
        response = client.get(f"/beheer/kandidaten/{candidate.id}/profiel")
    assert seen["held"] and seen["released"].is_set()
    assert response.status_code == 200
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "view_personal")).all()
    assert [(e.actor_id, e.object_id, e.details["page"]) for e in events] == [(user.id, candidate.id, "profile")]
    assert db.session.get(Organisation, org.id).name == "Gewijzigd elders"


def test_a_busy_after_the_first_write_is_not_restarted(app, db, org):
    """Once the transaction wrote it holds the lock: a BUSY then is no wait for another writer, and
    restarting would drop what it wrote. Only BUSY_SNAPSHOT, or BUSY before any write, restarts."""
    from web import sqlite_snapshot

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's transactions")

    def refused(code):
        exc = sqlite3.OperationalError("database is locked")
        exc.sqlite_errorcode = code
        return exc

    db.session.scalar(select(func.count()).select_from(Organisation))
    info = db.session.connection().info
    assert info[sqlite_snapshot.WROTE] is False and sqlite_snapshot._restartable(refused(5), info)
    db.session.add(AuditEvent(action="written", result="ok", details={}))
    db.session.flush()
    assert info[sqlite_snapshot.WROTE] is True
    assert not sqlite_snapshot._restartable(refused(5), info)
    assert sqlite_snapshot._restartable(refused(517), info)
    db.session.rollback()
