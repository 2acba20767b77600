"""The tables of background imports and exports: who asked, what, its state and its answer."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATES = (QUEUED, RUNNING, DONE, FAILED)


class ApiImport(Base):
    """A werkbrug-import/1 body posted to the API above IMPORT_INLINE_MAX_BYTES, run by the worker.

    ``body`` is kept until the import has finished (then emptied); ``result`` is the JSON answer the
    inline import would have given (counts, or the errors with their paths). ``public_id`` is what
    the status URL shows; only the organisation that sent it can read it.
    """

    __tablename__ = "api_import"
    __table_args__ = (Index("ix_api_import_state", "status", "updated_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    token_prefix: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(16), default=QUEUED)
    size_bytes: Mapped[int] = mapped_column(default=0)
    body: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    result: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]


class ExportJob(Base):
    """A staff export too big to make in the request: made by the worker into EXPORT_DIR.

    ``what`` names the list (``models.jobs.exports`` knows how to make each), ``params`` the filters
    as the list page's query string (JSON). Only ``user_id`` may download the file; the
    prune-exports duty deletes file and row after EXPORT_KEEP_HOURS.
    """

    __tablename__ = "export_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(String(32))
    fmt: Mapped[str] = mapped_column(String(8))
    params: Mapped[str] = mapped_column(Text, default="{}")
    locale: Mapped[str] = mapped_column(String(8), default="nl")  # the asker's language, for the labels
    origin: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=QUEUED)
    rows: Mapped[int | None]
    filename: Mapped[str | None] = mapped_column(String(200))
    error: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    finished_at: Mapped[datetime | None]
