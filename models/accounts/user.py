"""Accounts: staff of an organisation, and employers with a public account."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, str_enum
from models.enums import Role

if TYPE_CHECKING:
    from .organisation import Organisation

STAFF_ROLES = frozenset({Role.ACCOUNT_MANAGER, Role.MATCHER, Role.COORDINATOR, Role.ADMIN})


class User(Timestamps, Base):
    __tablename__ = "user_account"
    __table_args__ = (
        CheckConstraint(
            "role = 'employer' OR organisation_id IS NOT NULL", name="staff_has_organisation"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped on logout-everywhere, password change or disabling: old session cookies stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    company_name: Mapped[str | None] = mapped_column(String(200))  # employer accounts only
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None] = mapped_column()  # a code's time step is used only once
    # A one-time enrolment code (SHA-256) that, with the password, lets the account link a new
    # authenticator; issued at creation or reset and shown once to the person who did that.
    enrolment_code_hash: Mapped[str | None] = mapped_column(String(64))
    enrolment_code_expires_at: Mapped[datetime | None] = mapped_column()
    recovery_codes: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))  # SHA-256 hashes, unused ones
    # The secret of the personal follow-up calendar feed (SHA-256; None: no feed). See models/accounts/calendar_feed.py.
    calendar_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    calendar_token_created_at: Mapped[datetime | None] = mapped_column()
    last_login_at: Mapped[datetime | None] = mapped_column()
    password_changed_at: Mapped[datetime | None] = mapped_column()

    organisation: Mapped[Organisation | None] = relationship()

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    # Flask-Login protocol, written out so that the model does not import Flask.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
