"""The demo's own bouwblokken table: Flevoland (Dronten, Lelystad) has no published one to ship.

It is marked as an example, so every page that uses it says its values have no traceable source.
"""
from __future__ import annotations

import json
from pathlib import Path

from models.sroi.valuation.tables import Table, table_from_dict
from models.sroi.valuation.validate import validate_table

DEMO_TABLE = Path(__file__).with_name("flevoland-voorbeeld.json")


def demo_table() -> Table:
    """The validated Flevoland example table; raises ValueError listing every problem."""
    table = table_from_dict(json.loads(DEMO_TABLE.read_text(encoding="utf-8")))
    errors = validate_table(table)
    if errors or not table.example:
        raise ValueError(f"{DEMO_TABLE.name} is not a valid example table:\n" + "\n".join(errors))
    return table
