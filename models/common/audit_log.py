"""The audit trail: security events, views of personal data, and field-level change history."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class AuditEvent(Base):
    """Who did what to which object, with what result and from where; never a secret or a BSN."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_object", "object_type", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str | None] = mapped_column(String(64))
    object_id: Mapped[int | None]
    result: Mapped[str] = mapped_column(String(16), default="ok")
    origin: Mapped[str | None] = mapped_column(String(64))  # client address or "cli"
    details: Mapped[dict] = mapped_column(JSON, default=dict)


class ChangeRecord(Base):
    """One field of one record changed: old → new, by whom, when (the record's history)."""

    __tablename__ = "change_record"
    __table_args__ = (Index("ix_change_record_object", "object_type", "object_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    object_type: Mapped[str] = mapped_column(String(64))
    object_id: Mapped[int]
    field: Mapped[str] = mapped_column(String(64))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
