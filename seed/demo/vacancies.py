"""Vacancies for the work this group does, each at an existing employer."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from seed.demo.dates import between, rng_for
from seed.demo.employers import SIZES, Employer
from seed.demo.places import postcode_for
from seed.demo.wording import DESCRIPTION_EXTRAS, GENERAL_SKILLS, families, pick_family, unique, variant

START_FIRST, START_LAST = date(2026, 12, 1), date(2027, 6, 30)
SIZE_VACANCY_WEIGHT = dict(zip(SIZES, (1, 2, 4, 6)))
ENGLISH_MARKERS = ("worker", "driver", "assistant", "operator", "agent", "guard", "cleaner", "packer")


def _title_and_occupation(rng: Any, family: dict[str, Any], city: str) -> tuple[str, str | None]:
    """Return a title and the occupation in the employer's words (sometimes none, sometimes English)."""
    suffix = rng.choice(("", "", "", "", " (m/v)", " (m/v/x)", " - parttime", f" in {city}"))
    if rng.random() < 0.25:
        return rng.choice(family["titles"]) + suffix, None
    group = rng.choice(family["occupations"])
    english = [w for w in group if any(m in w.lower() for m in ENGLISH_MARKERS)]
    title = english[0].title() if english and rng.random() < 0.15 else group[0][:1].upper() + group[0][1:]
    return title + suffix, variant(rng, group, typo_rate=0.0)


def make_vacancy(seed: int, index: int, employers: Sequence[Employer]) -> dict[str, Any]:
    """Return vacancy number `index` for `seed`; its employer is one of `employers`."""
    rng = rng_for(seed, "vacancy", index)
    weights = [SIZE_VACANCY_WEIGHT.get(e.record.get("size", "10-49"), 2) for e in employers]
    employer = rng.choices(employers, weights=weights)[0]
    key = employer.family if rng.random() < 0.85 else pick_family(rng)
    family = families()[key]
    rec: dict[str, Any] = {"external_id": f"V-{5001 + index}", "employer": employer.record["external_id"],
                           "title": ""}
    rec["title"], occupation = _title_and_occupation(rng, family, employer.city)
    if occupation:
        rec["occupation"] = occupation
    if rng.random() < 0.85:
        rec["description"] = family["description"].format(extra=rng.choice(DESCRIPTION_EXTRAS))
    required = [variant(rng, g, typo_rate=0.01) for g in rng.sample(family["skills"], k=rng.randint(1, 3))]
    if rng.random() < 0.35:
        required.append(rng.choice(family["certificates"]))
    rec["required_skills"] = unique(required)
    preferred = [variant(rng, g) for g in rng.sample(GENERAL_SKILLS, k=rng.randint(0, 2))]
    if rng.random() < 0.5:
        preferred.append(variant(rng, rng.choice(family["skills"])))
    preferred = [w for w in unique(preferred) if w.lower() not in {r.lower() for r in required}]
    if preferred:
        rec["preferred_skills"] = preferred
    if rng.random() < 0.9:
        rec["hours_min"], rec["hours_max"] = rng.choice(family["hours"])
    if rng.random() < 0.85:
        rec["postcode"] = employer.record.get("postcode") or postcode_for(rng, employer.city)
        rec["city"] = employer.city
    elif rng.random() < 0.5:
        rec["city"] = employer.city
    for field, options in (("education_min", "education"), ("driving_licence", "licence"), ("dutch_min", "dutch")):
        value = rng.choice(family[options])
        if value is not None:
            rec[field] = value
    for category in ("CE", "C", "D"):  # a title that names a licence must ask for that licence
        if rec["title"].startswith(f"Chauffeur {category}"):
            rec["driving_licence"] = category
            break
    if rng.random() < 0.92:
        rec["start_date"] = between(rng, START_FIRST, START_LAST).isoformat()
    rec["status"] = rng.choices(("open", "filled", "closed"), weights=(84, 10, 6))[0]
    return rec


def iter_vacancies(seed: int, n: int, employers: Sequence[Employer]) -> Iterator[dict[str, Any]]:
    """Yield `n` vacancies for `seed` at the given employers."""
    for index in range(n):
        yield make_vacancy(seed, index, employers)
