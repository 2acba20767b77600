"""The fixed list of sectors (the taxonomy's work fields) and how free texts map onto it. Pure.

Employers, the catalogue filter and the taxonomy share these codes. Texts that say which field a
company works in ("Bouw en infra", "Installatietechniek", an SBI section letter such as "I") map onto a
code; what cannot be mapped with confidence stays as written for a coordinator to assign."""
from __future__ import annotations

import re

SECTORS: dict[str, str] = {
    "administratie": "Administratie en kantoor",
    "beveiliging": "Beveiliging",
    "bouw": "Bouw en infra",
    "detailhandel": "Detailhandel",
    "groen": "Groen, land- en tuinbouw",
    "horeca": "Horeca",
    "klantcontact": "Klantcontact",
    "logistiek": "Logistiek en magazijn",
    "productie": "Productie en industrie",
    "schoonmaak": "Schoonmaak",
    "techniek": "Techniek en installatie",
    "transport": "Transport en vervoer",
    "zorg": "Zorg en welzijn",
}
GENERAL = "algemeen"  # the taxonomy's sector of traits (flexibel, nauwkeurig): not a work field

# SBI 2008 sections whose work maps onto one field without doubt; the others (N: rental and other business
# services, which holds cleaning and staffing alike; O, P, S, …) are left to a person.
SBI_SECTIONS = {"A": "groen", "C": "productie", "F": "bouw", "G": "detailhandel", "H": "transport", "I": "horeca",
                "Q": "zorg"}

# Wordings seen in registers, normalised (lower case, single spaces).
SYNONYMS = {
    "bouw en infra": "bouw", "infra": "bouw", "bouwnijverheid": "bouw", "installatietechniek": "techniek",
    "metaal en techniek": "techniek", "metaal": "techniek", "elektrotechniek": "techniek",
    "land- en tuinbouw": "groen", "tuinbouw": "groen", "hoveniers": "groen", "agrarisch": "groen",
    "voedingsmiddelenindustrie": "productie", "maakindustrie": "productie", "industrie": "productie",
    "wegvervoer": "transport", "openbaar vervoer": "transport", "vervoer": "transport",
    "zorg en welzijn": "zorg", "ouderenzorg": "zorg", "welzijn": "zorg", "gehandicaptenzorg": "zorg",
    "retail": "detailhandel", "winkel": "detailhandel", "supermarkt": "detailhandel",
    "magazijn": "logistiek", "distributie": "logistiek", "warehousing": "logistiek",
    "kantoor": "administratie", "zakelijke dienstverlening": "administratie",
    "callcenter": "klantcontact", "klantenservice": "klantcontact", "facilitair": "schoonmaak",
    "catering": "horeca", "hotel": "horeca", "restaurant": "horeca",
}


def _normal(text: str) -> str:
    return " ".join((text or "").lower().split())


def label(code: str | None) -> str:
    """The Dutch label of a sector code; an unknown code as it is, nothing for None."""
    return SECTORS.get(code or "", code or "")


def choices() -> list[tuple[str, str]]:
    return sorted(SECTORS.items(), key=lambda item: item[1])


def sector_of(text: str | None) -> str | None:
    """The sector a free text names, or None when it is empty, unclear or names several fields."""
    normal = _normal(text or "")
    if not normal:
        return None
    if normal in SECTORS:
        return normal
    if normal.upper() in SBI_SECTIONS:
        return SBI_SECTIONS[normal.upper()]
    if normal in SYNONYMS:
        return SYNONYMS[normal]
    if normal in {_normal(v) for v in SECTORS.values()}:
        return next(code for code, name in SECTORS.items() if _normal(name) == normal)
    words = set(re.split(r"[^a-zà-ÿ-]+", normal))
    found = {code for code in SECTORS if code in words} | {SYNONYMS[w] for w in words if w in SYNONYMS}
    return found.pop() if len(found) == 1 else None


def split(taxonomy_sector: str | None) -> list[str]:
    """The work fields of a taxonomy concept's sector text ("productie, techniek" → both), general left out."""
    parts = [_normal(part) for part in re.split(r"[,/;]", taxonomy_sector or "")]
    return [part for part in parts if part in SECTORS]
