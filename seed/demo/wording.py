"""Occupation and skill wording as people really write it: synonyms, typos, English, compounds."""
from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path
from typing import Any

# Families of work the target group does; weights say how often a candidate wants that work.
FAMILY_WEIGHTS: dict[str, int] = {
    "logistiek": 16, "productie": 15, "schoonmaak": 12, "horeca": 10, "zorg": 9, "retail": 9,
    "groen": 7, "bouw": 6, "transport": 5, "techniek": 4, "klantcontact": 3, "beveiliging": 2,
    "administratie": 2,
}

GENERAL_SKILLS: tuple[tuple[str, ...], ...] = (
    ("punctueel", "op tijd", "altijd op tijd"),
    ("teamspeler", "samenwerken", "werkt graag in een team", "team player"),
    ("zelfstandig werken", "zelfstandig", "zelfstandigheid"),
    ("fysiek werk", "lichamelijk zwaar werk", "kan tillen"),
    ("flexibel", "flexibele instelling", "flexibel inzetbaar"),
    ("leergierig", "wil graag leren", "leerbaar"),
    ("betrouwbaar", "eerlijk"),
    ("stressbestendig", "kan tegen drukte"),
)

LANGUAGES: dict[str, tuple[str, ...]] = {
    "nl": ("Engels",), "ma": ("Arabisch", "Berbers", "Tamazight", "Frans"), "tr": ("Turks",),
    "sy": ("Arabisch", "Koerdisch", "Engels"), "er": ("Tigrinya", "Arabisch", "Amhaars"),
    "af": ("Dari", "Pashto", "Farsi"), "pl": ("Pools", "Engels", "Duits"), "sr": ("Sranantongo", "Engels"),
}

NOUNS: tuple[str, ...] = (
    "Waterkant", "Polder", "Horizon", "Schakel", "Zuiderzee", "Hanze", "Kogge", "Flevo", "Veluwe",
    "Eiland", "Linde", "Brug", "Akker", "Korenbloem", "Meerpaal", "Vaart", "Dijk", "Botter",
    "Wielewaal", "Noorderlicht", "Klaproos", "Zwaluw", "Reiger", "Oever",
)

DESCRIPTION_EXTRAS: tuple[str, ...] = (
    "Ervaring is niet nodig: je wordt goed ingewerkt.",
    "Je werkt in een vast team met vaste collega's.",
    "De werkplek is goed bereikbaar met de fiets.",
    "Na een proefplaatsing is een contract voor een jaar mogelijk.",
    "Wij werken samen met het werkgeversservicepunt en bieden begeleiding op de werkvloer.",
    "Werktijden in overleg, ook deeltijd is bespreekbaar.",
    "Je krijgt een werkbegeleider (jobcoach) die je de eerste maanden helpt.",
    "Bij goed functioneren volgt een vast contract.",
    "Je kunt een BBL-opleiding volgen met behoud van salaris.",
)


@cache
def families() -> dict[str, dict[str, Any]]:
    """Return the work families from families.json (read once)."""
    return json.loads((Path(__file__).with_name("families.json")).read_text(encoding="utf-8"))


def typo(rng: random.Random, word: str) -> str:
    """Return `word` with one plausible typing error: a dropped, doubled or swapped letter."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    if " " in word[i:i + 2]:
        return word
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def variant(rng: random.Random, group: tuple[str, ...] | list[str], typo_rate: float = 0.03) -> str:
    """Return one wording from a synonym group: mostly the first, now and then misspelt or capitalised."""
    word = group[0] if rng.random() < 0.45 else rng.choice(group)
    roll = rng.random()
    if roll < typo_rate:
        word = typo(rng, word)
    elif roll < typo_rate + 0.12:
        word = word[:1].upper() + word[1:]
    return word


def pick_family(rng: random.Random) -> str:
    """Return a work family drawn with FAMILY_WEIGHTS."""
    return rng.choices(list(FAMILY_WEIGHTS), weights=list(FAMILY_WEIGHTS.values()))[0]


def unique(words: list[str]) -> list[str]:
    """Return `words` without case-insensitive duplicates, first occurrence kept."""
    seen: set[str] = set()
    out = []
    for word in words:
        if word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out
