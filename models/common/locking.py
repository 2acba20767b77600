"""Optimistic locking for forms: refuse a save made on a copy someone else changed since."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from models.accounts.user import User
from models.common import audit
from models.common.audit_log import ChangeRecord
from models.common.errors import Conflict


def check_version(session: Session, obj, submitted_version: int | str | None) -> None:
    """Raise Conflict (naming who changed it and when) when ``obj`` moved past the form's version.

    Forms carry the version they were rendered with in a hidden field; the model's own
    version column then also guards the race between this check and the UPDATE.
    """
    try:
        submitted = int(submitted_version)
    except (TypeError, ValueError):
        raise Conflict(None, None) from None
    if submitted == obj.version:
        return
    last = session.execute(
        select(User.name, ChangeRecord.at)
        .join(User, User.id == ChangeRecord.actor_id, isouter=True)
        .where(ChangeRecord.object_type == type(obj).__name__, ChangeRecord.object_id == obj.id)
        .order_by(ChangeRecord.at.desc(), ChangeRecord.id.desc())
        .limit(1)
    ).first()
    raise Conflict(last[0] if last else None, last[1] if last else getattr(obj, "updated_at", None))


def flush_or_conflict(session: Session) -> None:
    """Flush; a concurrent UPDATE that won the race (stale version) becomes a Conflict."""
    try:
        session.flush()
    except StaleDataError:
        raise Conflict(None, None) from None


def save_edit(session: Session, obj, values: dict, submitted_version, actor,
              snapshot: Callable[[object], dict]) -> None:
    """Apply validated ``values`` to ``obj`` as edited on ``submitted_version``; history recorded.

    Raises Conflict when someone saved in between, whether before this check or in the race
    up to the UPDATE. ``snapshot`` gives the readable field values the history compares.
    """
    check_version(session, obj, submitted_version)
    before = snapshot(obj)
    for field, value in values.items():
        setattr(obj, field, value)
    flush_or_conflict(session)
    audit.record_changes(session, obj, before, snapshot(obj), actor=actor)
