"""A person's notices: the unread count for the menu, the list, marking read, and the choice of channels."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.common.errors import N_, InvalidInput

from .kinds import CHANNELS, KINDS, kinds_for
from .notification import Notification, NotificationSetting


def unread_count(session: Session, user_id: int) -> int:
    return session.scalar(select(func.count()).select_from(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def listing(user_id: int, unread_only: bool = False):
    """A select of the person's notices, newest first (paginate it)."""
    query = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return query.order_by(Notification.created_at.desc(), Notification.id.desc())


def mark_read(session: Session, user_id: int, ids: list[int] | None, now: datetime) -> int:
    """Mark the person's notices ``ids`` (None: all unread) read; another person's ids are ignored."""
    statement = update(Notification).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    if ids is not None:
        statement = statement.where(Notification.id.in_(ids))
    return session.execute(statement.values(read_at=now).execution_options(synchronize_session=False)).rowcount


def channels_of(session: Session, user: User) -> dict[str, str]:
    """{kind: channel} for the kinds ``user`` receives, defaults filled in."""
    chosen = dict(session.execute(select(NotificationSetting.kind, NotificationSetting.channel).where(
        NotificationSetting.user_id == user.id)).all())
    return {kind.code: chosen.get(kind.code, kind.default) for kind in kinds_for(user.role)}


def set_channels(session: Session, user: User, choices: dict[str, str]) -> None:
    """Store the person's channel per kind; InvalidInput (naming the kind) for an unknown kind or channel."""
    allowed = {kind.code for kind in kinds_for(user.role)}
    errors = {}
    for kind, channel in choices.items():
        if kind not in allowed:
            errors[kind] = N_("Deze soort melding bestaat niet voor uw rol.")
        elif channel not in CHANNELS:
            errors[kind] = N_("Kies bij “%(label)s” een van: %(channels)s.",
                              label=KINDS[kind].label, channels=', '.join(CHANNELS.values()))
    if errors:
        raise InvalidInput(errors)
    current = {s.kind: s for s in session.scalars(select(NotificationSetting).where(
        NotificationSetting.user_id == user.id))}
    for kind, channel in choices.items():
        if kind in current:
            current[kind].channel = channel
        else:
            session.add(NotificationSetting(user_id=user.id, kind=kind, channel=channel))
    session.flush()
