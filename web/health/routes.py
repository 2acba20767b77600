"""`/health` (the process answers) and `/health/ready` (it can do its work): JSON, no sign-in, no personal data.

`/health/ready` answers 503 when the database cannot be read or written or the queue cannot be
reached; the ages of the worker's last heartbeat and of the last suggestion refresh are reported for
monitoring but do not make a host unready (a host without a worker still serves pages).

``checks.index`` gives per organisation (its id only) the age of this host's matcher snapshot and
its state: ``missing``, ``stale`` (older than MATCH_SNAPSHOT_MAX_AGE with candidate changes it does
not hold) or ``ok``; ``checks.index.status`` is the worst of them. It never makes the answer 503: a
host without a fresh snapshot still answers correctly (it applies the changes since from the
database; without any snapshot the suggestions say they are being computed), and every host lacks
one for the same reason (the worker), so taking hosts out of rotation for it would only take them
all out. Alert on it instead.
"""
from __future__ import annotations

import time
from datetime import UTC

from flask import Blueprint, jsonify
from sqlalchemy import select, text

from models.base import utcnow
from models.common import stamps
from web.extensions import db

bp = Blueprint("health", __name__, url_prefix="/health")


@bp.get("")
def alive():
    """The process answers; nothing else is checked."""
    return _no_store(jsonify(status="ok"))


def _database() -> dict:
    started = time.perf_counter()
    try:
        db.session.execute(text("SELECT 1"))
        # A write that changes nothing, rolled back: fails on a read-only file or a read-only replica.
        db.session.execute(text("UPDATE cache_stamp SET version = version WHERE name = 'health-probe'"))
        refreshed = stamps.read(db.session, stamps.SUGGESTIONS_REFRESHED)[1]
        db.session.rollback()
    except Exception as exc:  # noqa: BLE001 - any failure is the answer
        db.session.rollback()
        return {"ok": False, "error": _kind(exc)}
    age = None if refreshed is None else round((utcnow() - _aware(refreshed)).total_seconds())
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1), "suggestions_refreshed_age_s": age}


def _queue() -> dict:
    from web.queue import huey_for

    try:
        huey = huey_for()  # before the jobs module: Huey without the clients of storages not in use
        from web.queue import jobs

        pending = huey.pending_count()
        beat = huey.get(jobs.HEARTBEAT_KEY, peek=True)
    except Exception as exc:  # noqa: BLE001
        return {"ok": False, "error": _kind(exc)}
    return {"ok": True, "waiting_jobs": pending,
            "worker_heartbeat_age_s": None if beat is None else round(utcnow().timestamp() - beat)}


def _index() -> dict:
    from flask import current_app

    from models import Organisation
    from models.matches import index_cache

    max_age = float(current_app.config["MATCH_SNAPSHOT_MAX_AGE"])
    try:
        ids = db.session.scalars(select(Organisation.id).order_by(Organisation.id)).all()
        organisations = [index_cache.snapshot_report(db.session, org_id, max_age) for org_id in ids]
        db.session.rollback()
    except Exception as exc:  # noqa: BLE001 - an unreadable snapshot folder is reported, not raised
        db.session.rollback()
        return {"status": "error", "error": _kind(exc), "max_age_s": round(max_age)}
    states = {o["state"] for o in organisations}
    status = next((s for s in ("missing", "stale") if s in states), "ok")
    return {"status": status, "max_age_s": round(max_age), "organisations": organisations}


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _kind(exc: Exception) -> str:
    """The failure's kind and the driver's first line (no SQL, no parameters)."""
    orig = getattr(exc, "orig", None) or exc
    return f"{type(orig).__name__}: {str(orig).splitlines()[0][:160] if str(orig) else ''}"


@bp.get("/ready")
def ready():
    """Database reachable and writable and queue reachable: 200; otherwise 503 saying which failed.
    The index snapshots' ages are reported (``checks.index``) but do not decide the answer."""
    checks = {"database": _database(), "queue": _queue()}
    ok = checks["database"]["ok"] and checks["queue"]["ok"]
    checks["index"] = _index() if checks["database"]["ok"] else {"status": "unknown"}
    return _no_store(jsonify(status="ok" if ok else "unavailable", checks=checks)), 200 if ok else 503


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response
