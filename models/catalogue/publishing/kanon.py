"""k-anonymity of the published profiles on (age band × place × education): pure functions.

Each profile is shown at the lowest generalisation level at which its group holds at least k
profiles; a profile whose group is too small even at the top level is held back (not published).
Groups never cross (region, education), so a publication only re-checks that partition.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from models.catalogue.publishing.draft import ANY_AGE, MERGED_BANDS

LEVELS = 5  # 0 band+place, 1 merged band+place, 2 band+region, 3 merged+region, 4 any age+region


class Record(NamedTuple):
    """One profile's own (finest) values; ``region`` and ``education`` are never coarsened."""

    id: int
    age_band: str | None
    place: str | None
    region: str | None
    education: str | None


class Shown(NamedTuple):
    """What the catalogue shows of the quasi-identifiers at some level."""

    age_band: str | None
    place: str | None
    region: str | None
    education: str | None


def shown_at(record: Record, level: int) -> Shown:
    """The displayed values of ``record`` at generalisation ``level`` (0–4)."""
    band = record.age_band
    if level in (1, 3):
        band = MERGED_BANDS.get(band, band) if band else band
    elif level == 4:
        band = ANY_AGE if band else band
    place = record.place if level < 2 else None
    return Shown(band, place, record.region, record.education)


def assign_levels(records: Iterable[Record], k: int) -> dict[int, int | None]:
    """Lowest level per record id at which its displayed group has >= k members; None: hold back."""
    pending = list(records)
    result: dict[int, int | None] = {}
    for level in range(LEVELS):
        groups: dict[Shown, list[Record]] = defaultdict(list)
        for record in pending:
            groups[shown_at(record, level)].append(record)
        pending = []
        for members in groups.values():
            if len(members) >= k:
                result.update((m.id, level) for m in members)
            else:
                pending.extend(members)
    result.update((r.id, None) for r in pending)
    return result


def violations(shown: Iterable[Shown], k: int) -> dict[Shown, int]:
    """Displayed combinations of published profiles that fewer than ``k`` profiles share."""
    counts = Counter(Shown(*row) for row in shown)
    return {combo: n for combo, n in counts.items() if n < k}


def was_coarsened(record: Record, shown: Shown) -> tuple[bool, bool]:
    """(age band coarsened, place replaced by region) for the preview's explanation."""
    return (shown.age_band != record.age_band, record.place is not None and shown.place is None)
