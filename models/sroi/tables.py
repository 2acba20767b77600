"""Bouwblokken tables in the database: mapping to the valuation dataclasses, lookup and seeding."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.enums import BlockKind, BlockUnit
from models.sroi.building_block import BuildingBlock, BuildingBlockTable, BuildingBlockTableVersion
from models.sroi.valuation.tables import Block, Table, TableVersion, municipality_of


def block_to_dataclass(row: BuildingBlock) -> Block:
    """The valuation Block of a stored building block."""
    return Block(
        code=row.code, label=row.label, kind=row.kind.value, value_cents=row.value_cents,
        unit=row.unit.value, max_counted_months=row.max_counted_months,
        conditions=dict(row.conditions or {}),
    )


def version_to_dataclass(row: BuildingBlockTableVersion) -> TableVersion:
    """The valuation TableVersion of a stored version, blocks in stored order."""
    return TableVersion(
        valid_from=row.valid_from, valid_to=row.valid_to, note=row.note or "",
        blocks=tuple(block_to_dataclass(b) for b in row.blocks), rules=dict(row.rules or {}),
    )


def table_to_dataclass(row: BuildingBlockTable) -> Table:
    """The valuation Table of a stored table with all its versions."""
    return Table(
        key=row.key, name=row.name, region=row.region, source=row.source,
        versions=tuple(version_to_dataclass(v) for v in row.versions), source_url=row.source_url,
        source_checked_on=row.source_checked_on, example=row.example,
        municipalities=tuple(row.municipalities or ()),
    )


def tables_for_authority(session: Session, authority: str) -> list[BuildingBlockTable]:
    """The stored tables whose municipalities include the contracting authority's, by name."""
    name = municipality_of(authority)
    rows = session.scalars(select(BuildingBlockTable).order_by(BuildingBlockTable.name))
    return [row for row in rows if name in {m.casefold() for m in row.municipalities or ()}]


def block_from_dataclass(block: Block) -> BuildingBlock:
    """A new BuildingBlock row for a (validated) valuation Block."""
    return BuildingBlock(
        code=block.code, label=block.label, kind=BlockKind(block.kind), unit=BlockUnit(block.unit),
        value_cents=block.value_cents, max_counted_months=block.max_counted_months,
        conditions=dict(block.conditions),
    )


def table_by_key(session: Session, key: str | None) -> BuildingBlockTable | None:
    """The stored table with this key, or None (also for an empty key)."""
    if not key:
        return None
    return session.scalar(select(BuildingBlockTable).where(BuildingBlockTable.key == key))


def version_on(session: Session, table_id: int, day: date) -> BuildingBlockTableVersion | None:
    """The version of the table in force on day (the latest starting one), blocks loaded, or None."""
    return session.scalar(
        select(BuildingBlockTableVersion)
        .where(BuildingBlockTableVersion.table_id == table_id,
               BuildingBlockTableVersion.valid_from <= day,
               (BuildingBlockTableVersion.valid_to.is_(None)) | (BuildingBlockTableVersion.valid_to >= day))
        .order_by(BuildingBlockTableVersion.valid_from.desc())
        .options(selectinload(BuildingBlockTableVersion.blocks))
        .limit(1)
    )


def store_table(session: Session, table: Table) -> tuple[BuildingBlockTable, int]:
    """Store a validated table; versions that exist (same valid_from) are left alone.

    Returns the row and the number of versions added, so loading twice adds nothing.
    """
    row = table_by_key(session, table.key)
    if row is None:
        row = BuildingBlockTable(key=table.key, name=table.name, region=table.region, source=table.source)
        session.add(row)
        session.flush()
    # Where the table comes from and which municipalities it covers follow the shipped file.
    row.source, row.source_url, row.source_checked_on = table.source, table.source_url, table.source_checked_on
    row.example, row.municipalities = table.example, list(table.municipalities)
    existing = {v.valid_from: v for v in row.versions}
    added = 0
    for version in table.versions:
        if version.valid_from in existing:
            stored = existing[version.valid_from]
            if not stored.rules:  # stored before tables had rules: take the shipped ones
                stored.rules = dict(version.rules)
            continue
        row.versions.append(BuildingBlockTableVersion(
            valid_from=version.valid_from, valid_to=version.valid_to, note=version.note,
            rules=dict(version.rules), blocks=[block_from_dataclass(b) for b in version.blocks],
        ))
        added += 1
    session.flush()
    return row, added


def load_shipped_tables(session: Session) -> list[str]:
    """Load the three shipped regional tables (idempotent); returns one summary line per table."""
    from seed.bouwblokken import load_tables

    lines = []
    for table in load_tables():
        row, added = store_table(session, table)
        lines.append(f"Bouwblokken table {row.key} ({row.region}): {added} version(s) added, "
                     f"{len(row.versions)} in total. Source: {row.source}")
    return lines
