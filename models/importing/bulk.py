"""Rows of the term tables straight to the driver: COPY on PostgreSQL, executemany elsewhere.

The term tables hold three quarters of an import's rows, and their values are plain (ids, text,
numbers, an enum's value), so SQLAlchemy's per-row parameter processing is all they would get
from it. Same connection, so the same transaction as the rest of the import.
"""
from __future__ import annotations

import enum
from collections.abc import Sequence

from sqlalchemy import Table
from sqlalchemy.orm import Session


def insert_plain(session: Session, table: Table, rows: Sequence[dict]) -> None:
    """Insert ``rows`` (dicts with the same keys, plain values or enum members) into ``table``."""
    if not rows:
        return
    columns = list(rows[0])
    unknown = set(columns) - set(table.columns.keys())
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {sorted(unknown)}")
    values = [tuple(v.value if isinstance(v, enum.Enum) else v for v in (row[c] for c in columns)) for row in rows]
    connection = session.connection()
    driver = connection.connection.driver_connection
    listed = ", ".join(f'"{c}"' for c in columns)
    if connection.dialect.name == "postgresql":
        with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({listed}) FROM STDIN') as copy:
            for row in values:
                copy.write_row(row)
    else:
        marks = ", ".join("?" if connection.dialect.paramstyle == "qmark" else "%s" for _ in columns)
        cursor = driver.cursor()
        try:
            cursor.executemany(f'INSERT INTO "{table.name}" ({listed}) VALUES ({marks})', values)  # nosec B608 - names from the metadata, values bound
        finally:
            cursor.close()
