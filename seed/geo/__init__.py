"""Offline Dutch geography tables (PC4 and place centroids, from GeoNames, CC BY 4.0) and their loader."""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent


def normalise_place(name: str) -> str:
    """Lower-case ASCII key of a place name: accents, punctuation and "'s-"/"'t" spelling folded."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return re.sub(r"\s+", " ", s)


@lru_cache(maxsize=1)
def pc4_table() -> dict[int, tuple[float, float]]:
    """PC4 number -> (lat, lon) centroid for every PC4 area in the table."""
    with open(HERE / "pc4.csv", encoding="utf-8") as f:
        return {int(r["pc4"]): (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def place_table() -> dict[str, tuple[float, float]]:
    """Normalised place name -> (lat, lon), the most populous place winning a shared name."""
    with open(HERE / "places.csv", encoding="utf-8") as f:
        return {r["key"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(f)}
