"""A profile's hours as its headline states them, in Dutch (the catalogue's cards read it on every page,
without the drafting and scrubbing that the rest of publishing needs)."""
from __future__ import annotations


def hours_text(hours_min: int | None, hours_max: int | None) -> str | None:
    """ "24–32 uur", "32 uur" or None."""
    if hours_min and hours_max and hours_min != hours_max:
        return f"{hours_min}–{hours_max} uur"
    hours = hours_max or hours_min
    return f"{hours} uur" if hours else None
