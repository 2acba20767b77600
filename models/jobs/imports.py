"""Large API imports: stored when they arrive, run by the worker, read back through a status URL.

The route stores the body (``submit``) and answers 202; the worker ``execute``s it: it claims the
row (a conditional UPDATE, so two workers never run one import), then runs the importer and marks
the row done in the same transaction as the import's writes. A refused file is marked failed with
every error; a worker killed halfway leaves nothing written and the row ``running``, which the
resume-imports duty runs again once it is older than the stale limit.
"""
from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.base import utcnow

if TYPE_CHECKING:
    from models.importing import ImportFailed, ImportResult

from .records import DONE, FAILED, QUEUED, RUNNING, ApiImport

MAX_ATTEMPTS = 3


def result_payload(organisation_key: str, result: ImportResult) -> dict:
    """The answer to an import that was written: the inline 200 body and a finished job's result."""
    return {"organisation": organisation_key, "counts": result.as_dict(),
            "unmatched_wordings": result.unmatched_wordings,
            "kept_in_werkbrug": [{"candidate": ext, "fields": fields} for ext, fields in result.skipped]}


def refusal_payload(exc: ImportFailed) -> dict:
    """The answer to a refused import (the inline 422 body without the request id)."""
    return {"error": {"code": 422, "message": f"The import was refused: {exc.total} error(s); nothing was written."},
            "errors": exc.lines()}


def submit(session: Session, organisation_id: int, token_prefix: str, body: bytes) -> ApiImport:
    """Store ``body`` as a queued import of the organisation (flushes; the caller commits, then enqueues)."""
    record = ApiImport(public_id=secrets.token_urlsafe(16), organisation_id=organisation_id,
                       token_prefix=token_prefix, status=QUEUED, size_bytes=len(body), body=body)
    session.add(record)
    session.flush()
    return record


def find(session: Session, organisation_id: int, public_id: str) -> ApiImport | None:
    """The organisation's import with this id; None for an unknown one or another organisation's."""
    return session.scalar(select(ApiImport).where(ApiImport.public_id == public_id,
                                                  ApiImport.organisation_id == organisation_id))


def _stamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite gives the UTC time without zone
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def status_payload(record: ApiImport, organisation_key: str) -> dict:
    """What GET /api/v1/imports/<id> answers: the state, and when finished the import's own answer."""
    payload = {"id": record.public_id, "status": record.status, "organisation": organisation_key,
               "size_bytes": record.size_bytes, "submitted_at": _stamp(record.created_at),
               "started_at": _stamp(record.started_at), "finished_at": _stamp(record.finished_at)}
    if record.status in (DONE, FAILED) and record.result:
        payload.update(json.loads(record.result))
    return payload


def claim(session: Session, import_id: int, stale_seconds: int) -> ApiImport | None:
    """Mark the import running for this worker and commit; None when it is finished or running elsewhere.

    A ``running`` import counts as lost (and is claimed again) once it started ``stale_seconds`` ago.
    """
    now = utcnow()
    claimed = session.execute(
        update(ApiImport).where(ApiImport.id == import_id, or_(
            ApiImport.status == QUEUED,
            (ApiImport.status == RUNNING) & (ApiImport.started_at < now - timedelta(seconds=stale_seconds))))
        .values(status=RUNNING, started_at=now, updated_at=now, attempts=ApiImport.attempts + 1)
        .execution_options(synchronize_session=False)).rowcount
    session.commit()
    return session.get(ApiImport, import_id) if claimed else None


def waiting(session: Session, organisation_id: int, stale_seconds: int) -> bool:
    """Whether more of the organisation's stored imports are queued or running (not lost): a big
    import sent in bodies is still arriving."""
    now = utcnow()
    return session.scalar(select(ApiImport.id).where(
        ApiImport.organisation_id == organisation_id,
        or_(ApiImport.status == QUEUED,
            (ApiImport.status == RUNNING) & (ApiImport.started_at >= now - timedelta(seconds=stale_seconds))),
    ).limit(1)) is not None


def execute(session: Session, import_id: int, *, max_bytes: int, stale_seconds: int, origin_prefix: str = "api",
            on_written=None) -> str:
    """Run one stored import (the worker's job); returns a line for the log.

    On success the import's rows, the result and ``done`` are one transaction (committed here). A
    refused file is marked failed with its errors. Any other error rolls the import back, puts the
    row back in the queue (failed after MAX_ATTEMPTS) and is raised again for the queue's retry.
    ``on_written(session, organisation_id)`` is called before the commit that marks it done or failed
    for good: the organisation's suggestions, left as they were while this import was waiting, follow.
    """
    record = claim(session, import_id, stale_seconds)
    if record is None:
        return f"import {import_id}: finished or running elsewhere, nothing to do"
    from models.importing import ImportFailed, run_import  # the importer (jsonschema): on first use, not at boot

    organisation = session.get(Organisation, record.organisation_id)
    try:
        result = run_import(session, record.body or b"", organisation, max_bytes=max_bytes,
                            origin=f"{origin_prefix}:{record.token_prefix}")
    except ImportFailed as exc:
        session.rollback()
        if on_written is not None:  # the refresh after earlier bodies waited for this one (web/queue/jobs.py)
            on_written(session, organisation.id)
        _finish(session, import_id, FAILED, refusal_payload(exc))
        return f"import {import_id}: refused, {exc.total} error(s)"
    except Exception:
        session.rollback()
        _requeue_or_fail(session, import_id, on_written)
        raise
    if on_written is not None:
        on_written(session, organisation.id)
    _finish(session, import_id, DONE, result_payload(organisation.key, result))
    return f"import {import_id}: {sum(c.created + c.updated for c in result.counts.values())} record(s) written"


def _finish(session: Session, import_id: int, status: str, payload: dict) -> None:
    now = utcnow()
    session.execute(update(ApiImport).where(ApiImport.id == import_id).values(
        status=status, result=json.dumps(payload), body=None, finished_at=now, updated_at=now)
        .execution_options(synchronize_session=False))
    session.commit()


def _requeue_or_fail(session: Session, import_id: int, on_written=None) -> None:
    record = session.get(ApiImport, import_id)
    if record is None:
        return
    if record.attempts >= MAX_ATTEMPTS:
        if on_written is not None:
            on_written(session, record.organisation_id)
        _finish(session, import_id, FAILED, {"error": {
            "code": 500, "message": f"The import could not be run after {record.attempts} attempts; nothing was "
                                    "written. Send it again, or ask the administrators (quote the import id)."},
            "errors": []})
        return
    record.status, record.updated_at = QUEUED, utcnow()
    session.commit()


def waiting_too_long(session: Session, queued_seconds: int, stale_seconds: int) -> list[int]:
    """Imports whose job was lost: queued for longer than ``queued_seconds``, or running past the stale limit."""
    now = utcnow()
    return list(session.scalars(select(ApiImport.id).where(or_(
        (ApiImport.status == QUEUED) & (ApiImport.updated_at < now - timedelta(seconds=queued_seconds)),
        (ApiImport.status == RUNNING) & (ApiImport.started_at < now - timedelta(seconds=stale_seconds)),
    )).order_by(ApiImport.id)))


def prune(session: Session, keep_days: int) -> int:
    """Delete finished imports older than ``keep_days`` (their status URL then answers 404)."""
    from sqlalchemy import delete

    cutoff = utcnow() - timedelta(days=keep_days)
    return session.execute(delete(ApiImport).where(ApiImport.status.in_((DONE, FAILED)),
                                                   ApiImport.finished_at < cutoff)).rowcount
