"""Loading the demo data set into the database through the same paths real data takes."""
from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy.orm import Session


def load_demo(session: Session, seed: int, echo: Callable[[str], None] = print) -> Iterator[str]:
    """Load reference tables and demo data; yields summary lines. Flushes, the caller commits."""
    yield "Demo organisations and accounts are ready."
    from models.services.building_blocks import load_shipped_tables

    yield from load_shipped_tables(session)
