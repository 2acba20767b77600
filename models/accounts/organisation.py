"""Organisations sharing one installation: a municipality, UWV, the social-work company."""
from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps, str_enum
from models.enums import OrganisationKind


class Organisation(Timestamps, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OrganisationKind] = mapped_column(
        str_enum(OrganisationKind, "organisation_kind"), default=OrganisationKind.MUNICIPALITY
    )
    # The labour-market region; "share with the whole region" means every organisation in it.
    region: Mapped[str | None] = mapped_column(String(100))
    # Which bouwblokken table applies by default to this organisation's obligations.
    building_block_table_key: Mapped[str | None] = mapped_column(String(64))
    is_default: Mapped[bool] = mapped_column(default=False)

    def __repr__(self) -> str:
        return f"<Organisation {self.key}>"
