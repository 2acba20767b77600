"""A notice for one staff member, and each person's choice of channel per kind of notice."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.common.errors import Message


class Notification(Base):
    """Something a person should know; ``key`` makes the same event notify a person once."""

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("user_id", "key", name="uq_notification_user_key"),
        Index("ix_notification_user_read", "user_id", "read_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(120))
    # Staff-facing text: employer names, vacancy titles, client numbers; never a job seeker's name. ``title`` is
    # the Dutch sentence with %(name)s placeholders (an N_ msgid), ``title_values`` fills them: shown translated.
    title: Mapped[str] = mapped_column(String(300))
    title_values: Mapped[dict] = mapped_column(JSON, default=dict)
    object_id: Mapped[int | None]  # what the notice is about (the kind says of which table)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    mailed_at: Mapped[datetime | None]  # sent by e-mail (per event or in a digest); None: not (yet)

    @property
    def text(self) -> str:
        """The title as a domain message (models.common.errors.Message): Dutch, translatable where shown."""
        return Message(self.title, self.title_values or {})


class NotificationSetting(Base):
    """How a person wants one kind of notice: only in Werkbrug, also by e-mail at once, or in a daily digest."""

    __tablename__ = "notification_setting"

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
