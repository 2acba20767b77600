"""Offline geocoding of Dutch postcodes and place names, and great-circle distances."""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache
from typing import NamedTuple

from seed.geo import normalise_place, pc4_table, place_table

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$")
EARTH_KM = 6371.0088
# Spellings people write that the table keys differently ("Den Haag" is in the table itself).
_PREFIXES = (("s ", ""), ("sint ", "st "), ("st ", "sint "))


class Point(NamedTuple):
    """A WGS84 coordinate in decimal degrees."""

    lat: float
    lon: float


@lru_cache(maxsize=1)
def _pc4_sorted() -> list[int]:
    return sorted(pc4_table())


def locate_postcode(postcode: str) -> Point | None:
    """Centroid of a Dutch postcode (`1234 AB`, `1234AB` or PC4 `1234`); None if not a postcode.

    Only the PC4 part is used. A PC4 missing from the table falls back to the known PC4 with the
    nearest number in the same PC2 area (the lower one on a tie); None if that area has none.
    """
    m = _POSTCODE.match(postcode or "")
    if not m:
        return None
    pc = int(m.group(1))
    table = pc4_table()
    if pc in table:
        return Point(*table[pc])
    codes = _pc4_sorted()
    i = bisect.bisect_left(codes, pc)
    near = [c for c in codes[max(0, i - 1): i + 1] if c // 100 == pc // 100]
    if not near:
        return None
    best = min(near, key=lambda c: (abs(c - pc), c))
    return Point(*table[best])


def locate_place(city: str) -> Point | None:
    """Centroid of a Dutch place by name, tolerant of case, accents and `'s-`/`Den Haag` spellings."""
    key = normalise_place(city or "")
    if not key:
        return None
    places = place_table()
    candidates = [key, key.replace(" ", ""), key.replace(" ", "-")]
    for old, new in _PREFIXES:
        if key.startswith(old):
            candidates.append(new + key[len(old):])
        else:
            candidates.append(old + key) if old == "s " else None
    for cand in candidates:
        if cand in places:
            return Point(*places[cand])
    # "Dronten (Fl)", "Hengelo Ov", "Zwolle, centrum": try the leading words.
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in places:
            return Point(*places[head])
    return None


def locate(postcode: str | None, city: str | None) -> Point | None:
    """Point for a postcode, else for a place name; None when neither is known."""
    return (locate_postcode(postcode) if postcode else None) or (locate_place(city) if city else None)


def distance_km(a: Point, b: Point) -> float:
    """Great-circle (haversine) distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


# Roads wind: Dutch road distances run about 1.3x the straight line (typical circuity factor).
ROAD_FACTOR = 1.3


def travel_km(a: Point, b: Point) -> float:
    """Estimated road distance in km (straight line x ROAD_FACTOR): what `max_travel_km` is compared to."""
    return distance_km(a, b) * ROAD_FACTOR
