"""Writing the audit trail: security events and every access to personal data."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from models.common.audit_log import AuditEvent, ChangeRecord

VIEW_PERSONAL = "view_personal"
_FORBIDDEN_KEYS = {"password", "token", "bsn", "secret", "totp"}


def record(
    session: Session,
    action: str,
    *,
    actor=None,
    obj=None,
    result: str = "ok",
    origin: str | None = None,
    details: dict | None = None,
    organisation_id: int | None = None,
) -> AuditEvent:
    """Add an audit event; ``details`` must hold ids and codes only, secrets are dropped.

    ``organisation_id``: whose log the event is in when there is no actor to tell (a job, a step
    without a signed-in user); otherwise the actor's organisation.

    A page that shows personal data may record ``view_personal`` from several places (the record, the names
    in a list, a chart); within one session — in the web app, one request — those become one event per
    person viewing and object viewed, with the details merged, so the log has one line per page view."""
    clean = {k: v for k, v in (details or {}).items() if k.lower() not in _FORBIDDEN_KEYS}
    if action == VIEW_PERSONAL:
        key = (getattr(actor, "id", None), type(obj).__name__ if obj is not None else None, getattr(obj, "id", None))
        seen = session.info.setdefault("audit_views", {})
        if key in seen:
            earlier = seen[key]
            earlier.details = _merged(earlier.details or {}, clean)
            return earlier
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None) if actor is not None and getattr(actor, "is_authenticated", True) else None,
        organisation_id=(getattr(actor, "organisation_id", None) if actor is not None else None) or organisation_id,
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=getattr(obj, "id", None),
        result=result,
        origin=(origin or "")[:64] or None,
        details=clean,
    )
    session.add(event)
    if action == VIEW_PERSONAL:
        session.info["audit_views"][key] = event
    return event


def _merged(old: dict, new: dict) -> dict:
    """``old`` with ``new`` added: lists are joined without repeats, differing single values become a list."""
    merged = dict(old)
    for key, value in new.items():
        if key not in merged or merged[key] == value:
            merged[key] = value
            continue
        before = merged[key] if isinstance(merged[key], list) else [merged[key]]
        extra = value if isinstance(value, list) else [value]
        merged[key] = before + [v for v in extra if v not in before]
    return merged


def record_changes(session: Session, obj, before: dict, after: dict, actor=None) -> int:
    """Add one ChangeRecord per field whose value differs between ``before`` and ``after``."""
    count = 0
    for field, new in after.items():
        old = before.get(field)
        if old != new:
            session.add(
                ChangeRecord(
                    actor_id=getattr(actor, "id", None), object_type=type(obj).__name__,
                    object_id=obj.id, field=field,
                    old=None if old is None else str(old), new=None if new is None else str(new),
                )
            )
            count += 1
    return count


def count_before(session: Session, cutoff: datetime) -> int:
    """How many audit events are older than ``cutoff`` (what :func:`prune` would delete)."""
    return session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.at < cutoff))


def prune(session: Session, cutoff: datetime, *, origin: str | None = None) -> int:
    """Delete the audit events older than ``cutoff`` and leave an ``audit_pruned`` event saying so.

    An event at exactly ``cutoff`` is kept. Returns how many were deleted; the caller commits.
    """
    deleted = session.execute(delete(AuditEvent).where(AuditEvent.at < cutoff)).rowcount
    record(session, "audit_pruned", origin=origin, details={"deleted": deleted, "cutoff": cutoff.isoformat()})
    return deleted
