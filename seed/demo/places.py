"""Places in Flevoland and the Veluwe with their PC4 ranges, and postcodes consistent with them."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A place, its PC4 range (inclusive), its phone area code and its old KvK chamber prefix."""

    city: str
    pc4_low: int
    pc4_high: int
    area_code: str
    kvk_prefix: str


# Dronten's own PC4 range 8250-8256 also covers its villages; the villages keep their own codes
# here so that a postcode never contradicts the place it is given with.
PLACES: dict[str, Place] = {p.city: p for p in (
    Place("Dronten", 8250, 8254, "0321", "39"),
    Place("Biddinghuizen", 8256, 8256, "0321", "39"),
    Place("Swifterbant", 8255, 8255, "0321", "39"),
    Place("Lelystad", 8211, 8245, "0320", "39"),
    Place("Almere", 1311, 1363, "036", "39"),
    Place("Zeewolde", 3890, 3899, "036", "39"),
    Place("Urk", 8320, 8322, "0527", "39"),
    Place("Emmeloord", 8300, 8308, "0527", "39"),
    Place("Kampen", 8260, 8267, "038", "05"),
    Place("Harderwijk", 3840, 3849, "0341", "08"),
    Place("Ermelo", 3850, 3853, "0341", "08"),
    Place("Nunspeet", 8070, 8075, "0341", "08"),
    Place("Elburg", 8080, 8085, "0525", "08"),
    Place("Epe", 8160, 8162, "0578", "08"),
    Place("Apeldoorn", 7311, 7399, "055", "08"),
)}

# Where the caseload of a Dronten-centred service point lives: mostly the municipality itself,
# then the neighbouring towns of the labour-market region.
CANDIDATE_WEIGHTS: dict[str, int] = {
    "Dronten": 34, "Biddinghuizen": 6, "Swifterbant": 5, "Lelystad": 14, "Almere": 7,
    "Kampen": 5, "Harderwijk": 5, "Zeewolde": 3, "Ermelo": 3, "Nunspeet": 3, "Elburg": 3,
    "Epe": 2, "Apeldoorn": 4, "Urk": 2, "Emmeloord": 4,
}
EMPLOYER_WEIGHTS: dict[str, int] = {
    "Dronten": 24, "Biddinghuizen": 6, "Swifterbant": 4, "Lelystad": 14, "Almere": 10,
    "Kampen": 6, "Harderwijk": 6, "Zeewolde": 4, "Ermelo": 3, "Nunspeet": 3, "Elburg": 3,
    "Epe": 2, "Apeldoorn": 7, "Urk": 3, "Emmeloord": 5,
}

# Letter pairs that Dutch postcodes never use.
_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}
_FIRST_LETTERS = "AABBCCDDEEGGHHJJKKLLMMNNPPRRSTVWXZ"
_SECOND_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"

STREETS: tuple[str, ...] = (
    "De Ruyterstraat", "Wisentweg", "Het Ravelijn", "Schouw", "Karveel", "Zuiderzeestraat",
    "Kamperweg", "Boeier", "Botter", "Fazantstraat", "Lindelaan", "Stationsstraat", "Dorpsstraat",
    "Oranjestraat", "Molenweg", "Kerkstraat", "Spoorstraat", "Waterlelie", "Meeuwenlaan",
    "Zilverschoon", "Hanzeweg", "Nijverheidsweg", "Bonkenstraat", "Stuurboord", "Middenweg",
    "Beatrixstraat", "Prinses Irenestraat", "Tulpstraat", "Reigerlaan", "Klaproosstraat",
)


def pick_city(rng: random.Random, weights: dict[str, int]) -> str:
    """Return a city drawn with the given weights."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def postcode_for(rng: random.Random, city: str, style: str = "spaced") -> str:
    """Return a postcode in `city`'s range; style is `spaced` (1234 AB), `compact` or `pc4`."""
    place = PLACES[city]
    pc4 = rng.randint(place.pc4_low, place.pc4_high)
    if style == "pc4":
        return str(pc4)
    letters = "SA"
    while letters in _FORBIDDEN_LETTERS:
        letters = rng.choice(_FIRST_LETTERS) + rng.choice(_SECOND_LETTERS)
    return f"{pc4} {letters}" if style == "spaced" else f"{pc4}{letters}"


def street_address(rng: random.Random) -> str:
    """Return a fictitious street and house number, as written in a note."""
    number = rng.randint(1, 180)
    suffix = rng.choice(("", "", "", "", "a", "b", "-2", " II"))
    return f"{rng.choice(STREETS)} {number}{suffix}"
