"""Candidates (job seekers on social assistance), generated one by one from (seed, index)."""
from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from seed.demo.dates import REFERENCE_DATE, between, days_after, days_before, rng_for
from seed.demo.names import REFUGEE_ORIGINS, person_name, pick_origin
from seed.demo.places import CANDIDATE_WEIGHTS, pick_city, postcode_for
from seed.demo.texts import about_text, email_address, experience_text, phone_number, with_personal_data
from seed.demo.wording import GENERAL_SKILLS, LANGUAGES, families, pick_family, unique, variant

EDUCATION = {  # origin group: (levels, weights)
    "refugee": (("foreign_unrecognised", "none", "primary", "vmbo", "mbo1", "mbo2", "havo_vwo", "hbo", "wo"),
                (34, 14, 16, 6, 10, 6, 4, 7, 3)),
    "nl": (("primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo"), (10, 32, 12, 22, 9, 6, 5, 4)),
    "other": (("foreign_unrecognised", "primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo"),
              (12, 10, 24, 12, 20, 8, 5, 5, 4)),
}
DUTCH = {
    "refugee": (("A0", "A1", "A2", "B1", "B2", "C1"), (5, 24, 36, 25, 8, 2)),
    "nl": (("B2", "C1", "C2"), (8, 35, 57)),
    "pl": (("A0", "A1", "A2", "B1", "B2"), (8, 25, 35, 25, 7)),
    "other": (("A2", "B1", "B2", "C1", "C2"), (6, 20, 30, 24, 20)),
}
HOURS = ((8, 16), (12, 24), (16, 24), (16, 32), (20, 32), (24, 32), (24, 36), (32, 40), (36, 40))
TRAVEL_KM = (5, 10, 10, 15, 15, 20, 20, 25, 30, 40, 50)
LADDER_WEIGHTS = (5, 14, 24, 26, 20, 11)


def _group(origin: str) -> str:
    return "refugee" if origin in REFUGEE_ORIGINS else ("nl" if origin == "nl" else "other")


def _pick(rng: random.Random, table: tuple[tuple[str, ...], tuple[int, ...]]) -> str:
    return rng.choices(table[0], weights=table[1])[0]


def _licences(rng: random.Random, origin: str) -> list[str]:
    share_b = {"nl": 0.55, "pl": 0.45}.get(origin, 0.12 if origin in REFUGEE_ORIGINS else 0.35)
    licences = []
    if rng.random() < 0.06:
        licences.append("AM")
    if rng.random() < share_b:
        licences.append("B")
        if rng.random() < 0.12:
            licences.extend(rng.choice((["C"], ["C", "CE"], ["BE"], ["D"], ["T"])))
    return licences


# The few families whose first spelling is English: a Dutch sentence uses the Dutch word.
PLAIN_NAMES = {"caregiver": "verzorgende"}


def _work(rng: random.Random) -> tuple[list[str], list[str], list[str], list[str]]:
    """Return (desired occupations, skills, certificates, the occupations' plain names) from one or two
    work families; the record gets the messy variants, a sentence the plain name."""
    keys = [pick_family(rng)]
    if rng.random() < 0.4:
        keys.append(pick_family(rng))
    occupations: list[str] = []
    skills: list[str] = []
    certificates: list[str] = []
    plain: list[str] = []
    for key in keys:
        family = families()[key]
        chosen = rng.sample(family["occupations"], k=rng.randint(1, 2))
        occupations += [variant(rng, g) for g in chosen]
        plain += [PLAIN_NAMES.get(g[0], g[0]) for g in chosen]
        skills += [variant(rng, g) for g in rng.sample(family["skills"], k=rng.randint(1, 4))]
        if rng.random() < 0.45:
            certificates.append(rng.choice(family["certificates"]))
    skills += [variant(rng, g) for g in rng.sample(GENERAL_SKILLS, k=rng.randint(0, 3))]
    if rng.random() < 0.12:
        certificates.append(rng.choice(("BHV", "EHBO", "VCA", "HACCP", "Sociale Hygiëne")))
    return unique(occupations), unique(skills), unique(certificates), unique(plain)


def make_candidate(seed: int, index: int, today: date = REFERENCE_DATE) -> dict[str, Any]:
    """Return candidate number `index` (0-based) for `seed`, a werkbrug-import/1 candidate record."""
    rng = rng_for(seed, "candidate", index)
    origin = pick_origin(rng)
    female = rng.random() < 0.5
    first, last = person_name(rng, origin, female)
    age_days = int(rng.triangular(18, 66, 38) * 365.25)
    rec: dict[str, Any] = {"external_id": f"{200001 + index}", "first_name": first, "last_name": last,
                           "birth_date": (today - timedelta(days=age_days)).isoformat()}
    city = pick_city(rng, CANDIDATE_WEIGHTS)
    where = rng.random()
    if where < 0.90:
        style = rng.choices(("spaced", "compact", "pc4"), weights=(75, 20, 5))[0]
        rec["postcode"] = postcode_for(rng, city, style)
    if where > 0.08:
        rec["city"] = city
    email = email_address(rng, first, last) if rng.random() < 0.7 else None
    phone = phone_number(rng, city) if rng.random() < 0.85 else None
    if email:
        rec["email"] = email
    if phone:
        rec["phone"] = phone
    group = _group(origin)
    if rng.random() < 0.85:
        rec["education"] = _pick(rng, EDUCATION[group])
    dutch = _pick(rng, DUTCH["pl" if origin == "pl" else group]) if rng.random() < 0.9 else None
    if dutch:
        rec["dutch_level"] = dutch
    licences = _licences(rng, origin)
    if licences or rng.random() < 0.5:
        rec["driving_licences"] = licences
    occupations, skills, certificates, plain_occupations = _work(rng)
    languages = rng.sample(LANGUAGES[origin], k=rng.randint(0, min(2, len(LANGUAGES[origin]))))
    skills += [lang for lang in languages if rng.random() < 0.4]
    if certificates:
        rec["certificates"] = certificates
    if rng.random() < 0.88:
        rec["hours_min"], rec["hours_max"] = rng.choice(HOURS)
    if rng.random() < 0.7:
        rec["available_from"] = (days_before(rng, today, 0, 60) if rng.random() < 0.6
                                 else days_after(rng, today, 1, 180)).isoformat()
    if rng.random() < 0.85:
        rec["max_travel_km"] = rng.choice(TRAVEL_KM)
    rec["desired_occupations"] = occupations
    rec["skills"] = skills
    if rng.random() < 0.8:
        text = experience_text(rng, origin, female, plain_occupations, skills)
        rec["experience"] = with_personal_data(rng, text, first, last, city, phone, email)
    if rng.random() < 0.75:
        text = about_text(rng, first, languages, dutch, origin in REFUGEE_ORIGINS)
        rec["about"] = with_personal_data(rng, text, first, last, city, phone, email)
    if rng.random() < 0.9:
        rec["ladder"] = rng.choices(range(1, 7), weights=LADDER_WEIGHTS)[0]
        if rng.random() < 0.82:
            assessed = days_before(rng, today, 7, 900)
            if (today - assessed).days > 330 and index % 4:  # most files are reviewed yearly: ~half in beeld
                assessed = today - timedelta(days=7 + (today - assessed).days % 320)
            rec["ladder_assessed_on"] = assessed.isoformat()
    groups = ["participatiewet"] if rng.random() < 0.96 else [rng.choice(("nug", "ww"))]
    if origin in REFUGEE_ORIGINS:
        groups.append("statushouder")
    if rng.random() < 0.12:
        groups.append("banenafspraak")
    elif rng.random() < 0.04:
        groups.append(rng.choice(("wajong", "wia")))
    rec["target_groups"] = groups
    earliest = date(2016, 1, 1) if origin in REFUGEE_ORIGINS else date(2012, 1, 1)
    rec["benefit_since"] = between(rng, earliest, today - timedelta(days=30)).isoformat()
    consent = rng.random() < 0.6
    rec["publish_consent"] = consent
    if (consent and rng.random() < 0.85) or (not consent and rng.random() < 0.1):
        ended = rng.random() < (0.15 if consent else 1.0)
        until = days_before(rng, today, 1, 200) if ended else days_after(rng, today, 30, 730)
        rec["consent_until"] = until.isoformat()
    return rec


def iter_candidates(n: int, seed: int = 2026, today: date = REFERENCE_DATE) -> Iterator[dict[str, Any]]:
    """Yield `n` candidate records lazily; the first k are the same for any n >= k."""
    for index in range(n):
        yield make_candidate(seed, index, today)
