"""The Huey tasks: matcher index snapshots, suggestion refreshes, the bias monitor's counts, mail delivery,
large API imports, big exports, the scheduled duties.

``register`` defines them on one Huey instance for one app; every task body runs in its own app
context (its own session, the app's listeners), commits its work and logs a line.
"""
from __future__ import annotations

import functools
import logging
import time

from flask import Flask, g
from huey import Huey, crontab

from models.base import utcnow
from models.common import clock
from models.jobs import imports as import_jobs
from models.matches import bias, index_cache, refresh
from web.extensions import db
from web.queue import duties, triggers

log = logging.getLogger("werkbrug.queue")

HEARTBEAT_KEY = "worker:heartbeat"

# (duty, schedule): times in UTC. Closing dates follow the installation's calendar day, so the
# hourly run closes a vacancy within an hour of local midnight.
SCHEDULE = (
    ("deliver-mail", crontab(minute="*")),
    ("refresh-index-snapshots", crontab(minute="*/5")),
    ("refresh-never-computed", crontab(minute="*/5")),
    ("collect-notifications", crontab(minute="*/5")),
    ("saved-search-alerts", crontab(minute="10")),
    ("notification-digest", crontab(minute="0", hour="6")),
    ("close-expired-vacancies", crontab(minute="5")),
    ("prune-throttle", crontab(minute="15")),
    ("prune-idempotency-keys", crontab(minute="20")),
    ("withdraw-expired-profiles", crontab(minute="25", hour="1")),
    ("purge-inactive-candidates", crontab(minute="35", hour="1")),
    ("prune-audit", crontab(minute="45", hour="1")),
    ("resume-imports", crontab(minute="*/10")),
    ("prune-exports", crontab(minute="50")),
)


def in_app(app: Flask, fn):
    """``fn`` run in a fresh app context of ``app``: committed when it returns, rolled back when it raises."""
    @functools.wraps(fn)
    def run(*args):
        with app.app_context():
            g.db_writes = True  # SQLite: take the write lock up front (web.extensions._sqlite_begin)
            started = time.perf_counter()
            try:
                result = fn(*args)
                db.session.commit()
            except Exception as exc:
                db.session.rollback()
                log.error("job %s failed: %s: %s", fn.__name__, type(exc).__name__, _short(exc))
                raise
            if result != duties.MAIL_KEPT:  # said once, when the worker starts (duties.say_mail_is_kept)
                log.info("job %s: %s (%.2f s)", fn.__name__, result, time.perf_counter() - started)
            return result
    return run


def warm_indexes(organisation_ids, max_age: float | None = None) -> list[str]:
    """Map (building the snapshot when there is none, or with ``max_age`` when it is due) the
    matcher's indexes in a reading transaction, then go on writing.

    On SQLite a job holds the write lock from its first statement; building an index first keeps
    that lock (which web requests wait for) as short as the writes themselves.
    """
    db.session.commit()
    g.db_writes = False
    said = []
    for organisation_id in sorted(organisation_ids):
        if max_age is not None:
            said.append(index_cache.build_if_needed(db.session, organisation_id, max_age))
        index_cache.ensure(db.session, organisation_id)
    db.session.commit()
    g.db_writes = True
    return said


def _short(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)  # a database error: the driver's message, never the SQL parameters
    return str(orig if orig is not None else exc).splitlines()[0][:200] if str(orig or exc) else ""


def register(huey: Huey, app: Flask) -> dict:
    """Define Werkbrug's tasks on ``huey`` for ``app``; returns them by name (web.queue.enqueue uses it)."""
    def floor() -> float:  # read when the job runs, as the pages read it (web/matches/routes.min_score)
        return float(app.config.get("MATCH_MIN_SCORE", 0.0))

    limit = int(app.config["QUEUE_REFRESH_MAX_VACANCIES"])

    def refresh_vacancy(vacancy_id: int) -> str:
        huey.delete(f"refresh:vacancy:{vacancy_id}")
        warm_indexes(refresh.organisations_for(db.session, vacancy_id))
        return f"vacancy {vacancy_id}: suggestions for {refresh.for_vacancy(db.session, vacancy_id, floor())} organisation(s)"

    max_age = float(app.config["MATCH_SNAPSHOT_MAX_AGE"])

    def build_index(organisation_id: int) -> str:
        huey.delete(f"index:build:{organisation_id}")
        return "; ".join(warm_indexes({organisation_id}, max_age=max_age))

    def compute_bias(organisation_id: int) -> str:
        huey.delete(f"bias:compute:{organisation_id}")  # set by the bias monitor's page
        warm_indexes({organisation_id})
        count = bias.store(db.session, organisation_id, clock.today())
        return f"organisation {organisation_id}: bias counts of {count} open vacancy(ies)"

    stale_seconds = int(app.config["IMPORT_STALE_SECONDS"])

    def refresh_organisation(organisation_id: int) -> str:
        huey.delete(f"refresh:organisation:{organisation_id}")
        # Nothing while more bodies of the organisation's import wait: 100,000 candidates in bodies of
        # 5,000 rebuilt the growing index after each one (20 builds, 25 minutes), then re-ranked every open
        # vacancy against it. After a body this job waits IMPORT_REFRESH_DELAY_SECONDS (triggers.import_written),
        # so the next body of a client that sends them one by one is waiting by then. The last body (or a
        # refused or failed one) enqueues it again, and it builds the snapshot and ranks once; meanwhile a
        # vacancy's suggestions page says they are being recomputed (refresh.waits_for_import).
        if import_jobs.waiting(db.session, organisation_id, stale_seconds):
            return f"organisation {organisation_id}: more of its import waits; ranked after the last body"
        warm_indexes({organisation_id}, max_age=max_age)
        count = refresh.for_organisation(db.session, organisation_id, floor(), limit, after_each=db.session.commit)
        return f"organisation {organisation_id}: suggestions for {count} open vacancy(ies)"

    def deliver_mail() -> str:
        huey.delete("mail:deliver")
        return duties.deliver_mail()

    def propose_wordings() -> str:
        from models.taxonomy import worklist

        huey.delete(worklist.JOB_KEY)
        return f"{worklist.store_proposals(db.session)} worklist wording(s) given proposals"

    def run_api_import(import_id: int) -> str:
        huey.delete(f"import:resume:{import_id}")  # set by the resume-imports duty
        return import_jobs.execute(
            db.session, import_id, max_bytes=int(app.config["IMPORT_MAX_BYTES"]),
            stale_seconds=int(app.config["IMPORT_STALE_SECONDS"]), on_written=triggers.import_written)

    def make_export(export_id: int) -> str:
        return duties.make_export(export_id)

    def heartbeat() -> str:
        huey.put(HEARTBEAT_KEY, utcnow().timestamp())
        return "alive"

    tasks = {
        "refresh_vacancy": huey.task(retries=2, retry_delay=30, name="refresh_vacancy")(in_app(app, refresh_vacancy)),
        "refresh_organisation": huey.task(retries=2, retry_delay=30, name="refresh_organisation")(
            in_app(app, refresh_organisation)),
        "deliver_mail": huey.task(name="deliver_mail")(in_app(app, deliver_mail)),
        "build_index": huey.task(retries=2, retry_delay=30, name="build_index")(in_app(app, build_index)),
        "compute_bias": huey.task(retries=1, retry_delay=30, name="compute_bias")(in_app(app, compute_bias)),
        "propose_wordings": huey.task(retries=1, retry_delay=60, name="propose_wordings")(in_app(app, propose_wordings)),
        # A killed worker loses its job: the stored request stays, and resume-imports enqueues it again.
        "run_api_import": huey.task(retries=2, retry_delay=60, name="run_api_import")(in_app(app, run_api_import)),
        "make_export": huey.task(retries=1, retry_delay=30, name="make_export")(in_app(app, make_export)),
    }
    tasks["heartbeat"] = huey.periodic_task(crontab(minute="*"), name="heartbeat")(heartbeat)
    huey.on_startup(name="heartbeat_on_start")(heartbeat)
    for name, schedule in SCHEDULE:
        duty = duties.DUTIES[name]
        tasks[name] = huey.periodic_task(schedule, retries=1, retry_delay=60, name=name)(in_app(app, duty))
    return tasks
