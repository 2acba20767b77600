"""The floor for the import: a bare DBAPI executemany of the rows an import wrote, into the same
tables with their indexes, in a copy of the database as it was before the import."""
from __future__ import annotations

import time

from sqlalchemy import create_engine

from models.base import Base

# The tables an import writes, parents first (the organisation row is copied untimed).
TABLES = ("employer", "vacancy", "vacancy_term", "candidate", "candidate_personal", "candidate_term",
          "ladder_assessment", "trajectory")
CHUNK = 5000


def _copy(source, target, table: str, pg: bool) -> tuple[float, int]:
    """Copy every row of ``table``; returns (seconds spent in executemany, rows)."""
    columns = [c.name for c in Base.metadata.tables[table].columns]
    # On PostgreSQL as text, so that the server casts each value (JSON, enums) as a COPY would.
    listed = ", ".join(f'"{c}"::text' if pg else f'"{c}"' for c in columns)
    placeholders = ", ".join(["%s" if pg else "?"] * len(columns))
    insert = f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) VALUES ({placeholders})'
    read, write = source.cursor(), target.cursor()
    read.execute(f'SELECT {listed} FROM "{table}"')
    seconds, rows = 0.0, 0
    while batch := read.fetchmany(CHUNK):
        started = time.perf_counter()
        write.executemany(insert, batch)
        seconds += time.perf_counter() - started
        rows += len(batch)
    return seconds, rows


def bare_insert(source_url: str, target_url: str) -> dict[str, float | int]:
    """Insert the import's rows from ``source_url`` into ``target_url`` in one transaction.

    Returns the seconds of the executemany calls and the commit (reading the rows is not
    counted) and the number of rows.
    """
    source_engine, target_engine = create_engine(source_url), create_engine(target_url)
    pg = target_engine.dialect.name == "postgresql"
    source, target = source_engine.raw_connection(), target_engine.raw_connection()
    try:
        _copy(source, target, "organisation", pg)
        seconds, rows = 0.0, 0
        for table in TABLES:
            spent, copied = _copy(source, target, table, pg)
            seconds, rows = seconds + spent, rows + copied
        started = time.perf_counter()
        target.commit()
        seconds += time.perf_counter() - started
    finally:
        source.close()
        target.close()
        source_engine.dispose()
        target_engine.dispose()
    return {"seconds": round(seconds, 2), "rows": rows}
