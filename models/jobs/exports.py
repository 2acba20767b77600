"""Big staff exports: asked for in a request, made by the worker into a directory, fetched by the asker.

The file's name on disk is the job's random public id (never a name or a filter value); the name
the browser saves it under is kept in the row. ``prune`` deletes the files and rows past their
retention, and files no row knows (left by a crash between writing and committing).
"""
from __future__ import annotations

import json
import os
import secrets
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow

from .records import DONE, FAILED, QUEUED, RUNNING, ExportJob


def request_export(session: Session, organisation_id: int, user_id: int, what: str, fmt: str, params: dict,
                   origin: str | None, locale: str = "nl") -> ExportJob:
    """Store a queued export (flushes; the caller commits, then the job is enqueued)."""
    record = ExportJob(public_id=secrets.token_urlsafe(16), organisation_id=organisation_id, user_id=user_id,
                       what=what, fmt=fmt, params=json.dumps(params, sort_keys=True), origin=(origin or "")[:64], locale=locale[:8],
                       status=QUEUED)
    session.add(record)
    session.flush()
    return record


def find_for_user(session: Session, user_id: int, public_id: str) -> ExportJob | None:
    """The user's own export with this id; None for anyone else's (the page then answers 404)."""
    return session.scalar(select(ExportJob).where(ExportJob.public_id == public_id, ExportJob.user_id == user_id))


def path_of(directory: str | os.PathLike, record: ExportJob) -> Path:
    return Path(directory) / f"{record.public_id}.{record.fmt}"


def start(session: Session, export_id: int) -> ExportJob | None:
    """Mark a queued export running (None when it is not queued: made already, or gone)."""
    record = session.get(ExportJob, export_id)
    if record is None or record.status not in (QUEUED, RUNNING):
        return None
    record.status = RUNNING
    session.flush()
    return record


def write_file(directory: str | os.PathLike, record: ExportJob, content: bytes) -> Path:
    """Write the content beside its final name, then rename it there: a reader never sees half a file."""
    target = path_of(directory, record)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    partial.write_bytes(content)
    os.replace(partial, target)
    return target


def finish(session: Session, record: ExportJob, rows: int, filename: str) -> None:
    record.status, record.rows, record.filename, record.finished_at = DONE, rows, filename[:200], utcnow()
    session.flush()


def fail(session: Session, export_id: int, message: str) -> None:
    record = session.get(ExportJob, export_id)
    if record is not None:
        record.status, record.error, record.finished_at = FAILED, message[:300], utcnow()
        session.flush()


def prune(session: Session, directory: str | os.PathLike, keep_hours: int) -> int:
    """Delete exports (file and row) older than ``keep_hours`` and files no row knows; returns the files deleted."""
    cutoff = utcnow() - timedelta(hours=keep_hours)
    old = list(session.scalars(select(ExportJob).where(ExportJob.created_at < cutoff)))
    removed = 0
    for record in old:
        path = path_of(directory, record)
        if path.exists():
            path.unlink()
            removed += 1
        session.delete(record)
    session.flush()
    folder = Path(directory)
    if folder.is_dir():
        known = {f"{p}.{f}" for p, f in session.execute(select(ExportJob.public_id, ExportJob.fmt))}
        for path in folder.iterdir():
            stale = path.stat().st_mtime < cutoff.timestamp()
            if path.is_file() and stale and path.name.removesuffix(".part") not in known:
                path.unlink()
                removed += 1
    return removed
