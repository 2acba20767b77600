"""Versioned bouwblokken tables: a region's table, its dated versions and their blocks."""
from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, Timestamps, str_enum
from models.enums import BlockKind, BlockUnit


class BuildingBlockTable(Timestamps, Base):
    """A region's bouwblokken table; its content lives in dated versions."""

    __tablename__ = "building_block_table"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(String(500))
    source_checked_on: Mapped[date | None]
    # No traceable source: every page that shows or uses the table says it is an example.
    example: Mapped[bool] = mapped_column(default=False, server_default=false())
    municipalities: Mapped[list] = mapped_column(JSON, default=list)

    versions: Mapped[list[BuildingBlockTableVersion]] = relationship(
        back_populates="table", order_by="BuildingBlockTableVersion.valid_from",
        cascade="all, delete-orphan",
    )


class BuildingBlockTableVersion(Timestamps, Base):
    """Immutable once used: editing a table makes a new version from a new date."""

    __tablename__ = "building_block_table_version"
    __table_args__ = (
        UniqueConstraint("table_id", "valid_from"),
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", name="valid_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("building_block_table.id", ondelete="CASCADE"))
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)
    # Instrument classes and PSO reductions (see models/sroi/valuation/tables.py, TableVersion.rules).
    rules: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    table: Mapped[BuildingBlockTable] = relationship(back_populates="versions")
    blocks: Mapped[list[BuildingBlock]] = relationship(
        back_populates="version", cascade="all, delete-orphan", order_by="BuildingBlock.id"
    )


class BuildingBlock(Base):
    __tablename__ = "building_block"
    __table_args__ = (
        UniqueConstraint("version_id", "code"),
        CheckConstraint("value_cents >= 0", name="value_not_negative"),
        CheckConstraint("max_counted_months IS NULL OR max_counted_months > 0", name="months_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("building_block_table_version.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    kind: Mapped[BlockKind] = mapped_column(str_enum(BlockKind, "block_kind"))
    unit: Mapped[BlockUnit] = mapped_column(str_enum(BlockUnit, "block_unit"))
    value_cents: Mapped[int] = mapped_column(BigInteger)
    max_counted_months: Mapped[int | None]
    conditions: Mapped[dict] = mapped_column(JSON, default=dict)

    version: Mapped[BuildingBlockTableVersion] = relationship(back_populates="blocks")
