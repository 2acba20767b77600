"""The shipped bouwblokken tables, one JSON file per region, loaded and validated as dataclasses."""

from __future__ import annotations

import json
from pathlib import Path

from models.sroi.valuation.tables import Table, table_from_dict
from models.sroi.valuation.validate import validate_table

HERE = Path(__file__).parent
TABLE_KEYS = ("utrecht", "oost-nederland", "rijnvicus")


def load_table(key: str) -> Table:
    """Load and validate one shipped table; raises ValueError listing every problem."""
    path = HERE / f"{key}.json"
    if key not in TABLE_KEYS or not path.is_file():
        raise ValueError(f"No shipped bouwblokken table '{key}' (known: {', '.join(TABLE_KEYS)}).")
    table = table_from_dict(json.loads(path.read_text(encoding="utf-8")))
    errors = validate_table(table)
    if table.key != key:
        errors.insert(0, f"{path.name}: key '{table.key}' does not match the file name.")
    if errors:
        raise ValueError(f"{path.name} is not a valid table:\n" + "\n".join(errors))
    return table


def load_tables() -> list[Table]:
    """All shipped tables, validated, in TABLE_KEYS order."""
    return [load_table(key) for key in TABLE_KEYS]
