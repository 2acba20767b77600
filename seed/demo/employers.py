"""Employers in Flevoland and the Veluwe, with unique valid-format KvK numbers."""
from __future__ import annotations

import random
from typing import Any, NamedTuple

from seed.demo.dates import rng_for
from seed.demo.names import person_name
from seed.demo.places import EMPLOYER_WEIGHTS, PLACES, pick_city, postcode_for
from seed.demo.wording import NOUNS, families

# Which kinds of work the region's employers offer (the matcher needs vacancies in every family).
EMPLOYER_FAMILY_WEIGHTS: dict[str, int] = {
    "logistiek": 12, "productie": 14, "schoonmaak": 8, "horeca": 11, "zorg": 11, "retail": 10,
    "groen": 10, "bouw": 8, "transport": 6, "techniek": 6, "klantcontact": 3, "beveiliging": 3,
    "administratie": 3,
}
SIZES = ("1-9", "10-49", "50-249", "250+")
SIZE_WEIGHTS = (30, 38, 22, 10)
SOCIAL_NAMES = ("Kringloop De {noun}", "Leerwerkbedrijf {noun}", "Sociaal Werkbedrijf {place}",
                "Stichting Werkplaats {noun}", "Groenproject {noun}", "Lunchcafé De {noun} (leerwerkplek)")
SOCIAL_FAMILIES = ("retail", "productie", "groen", "horeca", "schoonmaak")
KVK_STEP = 7919  # prime, so index -> index*KVK_STEP mod 10**6 is one-to-one for index < 10**6


class Employer(NamedTuple):
    """An employer record plus what the vacancy generator needs to know about it."""

    record: dict[str, Any]
    family: str
    city: str


def kvk_number(seed: int, index: int, rng: random.Random, city: str) -> str:
    """Return an 8-digit KvK number, unique per index (< 10**6) for a given seed."""
    offset = rng_for(seed, "kvk", 0).randrange(10**6)
    suffix = (index * KVK_STEP + offset) % 10**6
    # Older registrations carry the regional chamber's prefix; newer ones start with 5-9.
    prefix = PLACES[city].kvk_prefix if rng.random() < 0.4 else f"{rng.randint(5, 9)}{rng.randint(0, 9)}"
    return f"{prefix}{suffix:06d}"


def make_employer(seed: int, index: int) -> Employer:
    """Return employer number `index` (0-based) for `seed`."""
    rng = rng_for(seed, "employer", index)
    city = pick_city(rng, EMPLOYER_WEIGHTS)
    social = rng.random() < 0.12
    if social:
        family = rng.choice(SOCIAL_FAMILIES)
        template = rng.choice(SOCIAL_NAMES)
    else:
        family = rng.choices(list(EMPLOYER_FAMILY_WEIGHTS), weights=list(EMPLOYER_FAMILY_WEIGHTS.values()))[0]
        template = rng.choice(families()[family]["employer_names"])
    last = person_name(rng, rng.choices(("nl", "tr", "ma", "pl"), weights=(85, 6, 5, 4))[0], False)[1]
    name = template.format(last=last[:1].upper() + last[1:], noun=rng.choice(NOUNS), place=city)
    rec: dict[str, Any] = {"external_id": f"W-{1001 + index}", "name": name}
    if rng.random() < 0.93:
        rec["kvk"] = kvk_number(seed, index, rng, city)
    if rng.random() < 0.95:
        rec["sector"] = rng.choice(families()[family]["sectors"])
    if rng.random() < 0.9:
        rec["postcode"] = postcode_for(rng, city, rng.choices(("spaced", "compact", "pc4"), (80, 12, 8))[0])
    rec["city"] = city
    if rng.random() < 0.92:
        rec["size"] = rng.choices(SIZES, weights=(45, 35, 15, 5) if social else SIZE_WEIGHTS)[0]
    if social or rng.random() < 0.3:
        rec["social_enterprise"] = social
    return Employer(rec, family, city)


def make_employers(seed: int, n: int) -> list[Employer]:
    """Return the first `n` employers for `seed`."""
    return [make_employer(seed, index) for index in range(n)]
