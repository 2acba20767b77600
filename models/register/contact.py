"""Contact moments with employers, each with an optional follow-up."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text, func, inspect, or_, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, Versioned, str_enum
from models.enums import Channel

if TYPE_CHECKING:
    from models.accounts.user import User

    from .employer import ContactPerson, Employer


class ContactMoment(Versioned, Timestamps, Base):
    __tablename__ = "contact_moment"
    __table_args__ = (
        Index("ix_contact_moment_employer_date", "employer_id", "occurred_on"),
        Index("ix_contact_moment_follow_up", "follow_up_owner_id", "follow_up_done_at", "follow_up_on"),
        # The contact report (models/reports/contacts.py) reads a period's moments from the index
        # alone on PostgreSQL, and the open follow-ups from a small partial one.
        Index("ix_contact_moment_org_date", "organisation_id", "occurred_on",
              postgresql_include=["employer_id", "author_id", "channel"]),
        Index("ix_contact_moment_org_open_follow_up", "organisation_id", "follow_up_on",
              postgresql_include=["follow_up_owner_id"], postgresql_where=text("follow_up_done_at IS NULL"),
              sqlite_where=text("follow_up_done_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employer.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_person.id", ondelete="SET NULL")
    )
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "channel"))
    occurred_on: Mapped[date]
    subject: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    follow_up_on: Mapped[date | None]
    follow_up_action: Mapped[str | None] = mapped_column(String(300))
    follow_up_owner_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    follow_up_done_at: Mapped[datetime | None]

    employer: Mapped[Employer] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    follow_up_owner: Mapped[User | None] = relationship(foreign_keys=[follow_up_owner_id])
    contact_person: Mapped[ContactPerson | None] = relationship()


# employer.last_contact_on and first_contact_on are derived from the contact moments (the register
# list sorts on the last, the contact report counts new employers by the first).
# Every ORM write of a moment keeps it in step in the same transaction (the mapper listeners
# below, installed by models.events); Core bulk loaders call
# models.register.contacts.refresh_last_contact. Plain UPDATEs, so that logging a
# contact bumps neither the employer's optimistic-locking version nor its updated_at.

def _employer_table():
    from .employer import Employer

    return Employer.__table__


def contact_logged(_mapper, connection: Connection, moment: ContactMoment) -> None:
    employer = _employer_table()
    connection.execute(
        update(employer)
        .where(employer.c.id == moment.employer_id,
               or_(employer.c.last_contact_on.is_(None), employer.c.last_contact_on < moment.occurred_on))
        .values(last_contact_on=moment.occurred_on, updated_at=employer.c.updated_at)
    )
    connection.execute(
        update(employer)
        .where(employer.c.id == moment.employer_id,
               or_(employer.c.first_contact_on.is_(None), employer.c.first_contact_on > moment.occurred_on))
        .values(first_contact_on=moment.occurred_on, updated_at=employer.c.updated_at)
    )


def contact_changed(_mapper, connection: Connection, moment: ContactMoment) -> None:
    state = inspect(moment)
    if state.attrs.occurred_on.history.has_changes() or state.attrs.employer_id.history.has_changes():
        _recompute(connection, {moment.employer_id, *(state.attrs.employer_id.history.deleted or [])})
    # else a follow-up marked done, a subject edited: the date stands


def contact_removed(_mapper, connection: Connection, moment: ContactMoment) -> None:
    _recompute(connection, {moment.employer_id})


def _recompute(connection: Connection, employer_ids: set[int]) -> None:
    employer, moments = _employer_table(), ContactMoment.__table__
    latest = (select(func.max(moments.c.occurred_on)).where(moments.c.employer_id == employer.c.id)
              .scalar_subquery())
    earliest = (select(func.min(moments.c.occurred_on)).where(moments.c.employer_id == employer.c.id)
                .scalar_subquery())
    connection.execute(update(employer).where(employer.c.id.in_(sorted(employer_ids)))
                       .values(last_contact_on=latest, first_contact_on=earliest, updated_at=employer.c.updated_at))
