"""Where a public profile says someone lives: the town and its province, never a postcode."""
from __future__ import annotations

import csv
from functools import lru_cache
from typing import NamedTuple

from seed.geo import HERE, normalise_place

# GeoNames admin1 codes of the Netherlands (the `province` column of seed/geo/places.csv).
PROVINCES = {
    "01": "Drenthe", "02": "Friesland", "03": "Gelderland", "04": "Groningen", "05": "Limburg",
    "06": "Noord-Brabant", "07": "Noord-Holland", "09": "Utrecht", "10": "Zeeland",
    "11": "Zuid-Holland", "15": "Overijssel", "16": "Flevoland",
}


class Place(NamedTuple):
    """A town as shown publicly: its name, province, and the town's (not the postcode's) centroid."""

    name: str
    region: str | None
    lat: float
    lon: float


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, str, float, float, int]]:
    table: dict[str, tuple[str, str, float, float, int]] = {}
    with open(HERE / "places.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            row = (r["name"], r["province"], float(r["lat"]), float(r["lon"]), int(r["population"]))
            if r["key"] not in table or row[4] > table[r["key"]][4]:
                table[r["key"]] = row
    return table


def find_place(city: str | None) -> Place | None:
    """The town named ``city`` (tolerant of case, accents and "Dronten (Fl)"); None if unknown."""
    key = normalise_place(city or "")
    if not key:
        return None
    places = _places()
    words = key.split()
    tries = [key, key.replace(" ", ""), key.replace(" ", "-"), "s " + key]
    tries += [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    for attempt in tries:
        if attempt in places:
            name, province, lat, lon, _pop = places[attempt]
            return Place(name, PROVINCES.get(province), lat, lon)
    return None


@lru_cache(maxsize=32)
def region_centroid(region: str) -> tuple[float, float] | None:
    """Population-weighted centre of a province: the point shown when the town is hidden."""
    code = next((c for c, name in PROVINCES.items() if name == region), None)
    rows = [r for r in _places().values() if r[1] == code]
    weight = sum(max(r[4], 1) for r in rows)
    if not rows:
        return None
    lat = sum(r[2] * max(r[4], 1) for r in rows) / weight
    lon = sum(r[3] * max(r[4], 1) for r in rows) / weight
    return round(lat, 5), round(lon, 5)
