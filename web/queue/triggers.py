"""Jobs that follow a committed change: suggestions after a vacancy or candidate edit, mail after a new
message, a stored import or export request.

The session notes what a flush touched; only after the commit are the jobs enqueued (a rolled-back
change enqueues nothing), one per vacancy or organisation however many rows changed, and none while
one with the same key still waits.
"""
from __future__ import annotations

import logging

from flask import Flask
from sqlalchemy import event
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.common.system import OutboxMessage
from models.placements.placement import Placement
from models.taxonomy.concept import UnmatchedWording
from models.taxonomy.worklist import JOB_KEY
from models.vacancies.vacancy import Vacancy, VacancyShare, VacancyTerm
from web.extensions import db

log = logging.getLogger("werkbrug.queue")

PENDING = "werkbrug_queue_pending"
_CANDIDATE_PARTS = (CandidatePersonal, CandidateTerm, Placement)


def _pending(session: Session) -> dict[str, set]:
    return session.info.setdefault(PENDING, {"vacancies": set(), "organisations": set(), "imported": set(),
                                             "mail": set(), "wordings": set(), "jobs": set()})


def _organisation_of(session: Session, candidate_id: int | None) -> int | None:
    candidate = session.get(Candidate, candidate_id) if candidate_id else None
    return candidate.organisation_id if candidate is not None else None


def _after_flush(session: Session, _context) -> None:
    pending = _pending(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Vacancy):
            pending["vacancies"].add(obj.id)
        elif isinstance(obj, (VacancyShare, VacancyTerm)):
            pending["vacancies"].add(obj.vacancy_id)
        elif isinstance(obj, Candidate):
            pending["organisations"].add(obj.organisation_id)
        elif isinstance(obj, _CANDIDATE_PARTS):
            pending["organisations"].add(_organisation_of(session, obj.candidate_id))
    if any(isinstance(obj, OutboxMessage) for obj in session.new):
        pending["mail"].add(True)
    if any(isinstance(obj, UnmatchedWording) for obj in session.new):
        pending["wordings"].add(True)  # the worklist's proposals for them are worked out on the queue


def organisation_changed(session: Session, organisation_id: int) -> None:
    """Recompute the organisation's suggestions after this transaction commits: for changes made with
    Core statements (the importer's bulk inserts), which the flush listener does not see."""
    _pending(session)["organisations"].add(organisation_id)


def import_written(session: Session, organisation_id: int) -> None:
    """``organisation_changed`` for a body of an API import: the refresh waits IMPORT_REFRESH_DELAY_SECONDS,
    so that a client sending its next body within them has the refresh wait for the last body."""
    _pending(session)["imported"].add(organisation_id)


def job_submitted(session: Session, task: str, record_id: int) -> None:
    """Run ``task`` for the stored request ``record_id`` (an import, an export) after this transaction commits."""
    _pending(session)["jobs"].add((task, record_id))


def _after_rollback(session: Session) -> None:
    session.info.pop(PENDING, None)


def _after_commit(session: Session) -> None:
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    from flask import current_app

    from web.queue import enqueue

    delay = float(current_app.config.get("IMPORT_REFRESH_DELAY_SECONDS", 0))
    try:
        for vacancy_id in sorted(v for v in pending["vacancies"] if v):
            enqueue("refresh_vacancy", vacancy_id, once_key=f"refresh:vacancy:{vacancy_id}")
        for organisation_id in sorted(o for o in pending["organisations"] - pending["imported"] if o):
            enqueue("refresh_organisation", organisation_id, once_key=f"refresh:organisation:{organisation_id}")
        for organisation_id in sorted(o for o in pending["imported"] if o):
            enqueue("refresh_organisation", organisation_id, once_key=f"refresh:organisation:{organisation_id}",
                    delay=delay)
        for task, record_id in sorted(pending["jobs"]):
            enqueue(task, record_id)
        if pending["mail"]:
            enqueue("deliver_mail", once_key="mail:deliver")
        if pending["wordings"]:
            enqueue("propose_wordings", once_key=JOB_KEY)
    except Exception as exc:  # the change is committed; the periodic jobs catch up if the queue is down
        log.error("could not enqueue background jobs (%s: %s); the periodic refresh will pick them up",
                  type(exc).__name__, str(exc)[:200])


_LISTENERS = (("after_flush", _after_flush), ("after_commit", _after_commit), ("after_rollback", _after_rollback))


def install(_app: Flask) -> None:
    """Listen on the app's session (once per process; the listeners find the app's queue at commit time)."""
    for name, listener in _LISTENERS:
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)


def index_wanted(organisation_id: int) -> None:
    """Ask the worker to build the organisation's matcher index (a request found no snapshot). A request
    never builds it itself; a queue that is down is logged (the periodic duty builds it too)."""
    from web.queue import enqueue_quietly

    enqueue_quietly("build_index", organisation_id, once_key=f"index:build:{organisation_id}")


def suggestions_wanted(vacancy_id: int) -> None:
    """Ask the worker to rank a vacancy whose suggestions were never computed (a page found none stored),
    as after a change to the vacancy. A GET stores no suggestions itself."""
    from web.queue import enqueue_quietly

    enqueue_quietly("refresh_vacancy", vacancy_id, once_key=f"refresh:vacancy:{vacancy_id}")
