"""Loading the demo data set into the database through the same paths real data takes."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from sqlalchemy.orm import Session

from models.services.profile_bulk import publish_all_consented


def load_demo(session: Session, seed: int, echo: Callable[[str], None] = print) -> Iterator[str]:
    """Load reference tables and demo data; yields summary lines. Flushes, the caller commits."""
    yield "Demo organisations and accounts are ready."
    yield from publish_all_consented(session, date.today(), origin="seed").lines()
