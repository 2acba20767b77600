"""Activity around an import document: contacts, agreements, placements and social return, as plain dicts."""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from seed.demo.contacts import ACCOUNT_MANAGERS, STAFF, contact_moments, contact_persons, employer_accounts
from seed.demo.dates import REFERENCE_DATE, days_before

INSTRUMENTS = ("regular", "wep", "participatiebaan", "proefplaatsing", "bbl", "secondment", "sheltered")
# Only paid work is linked to a contractor's social-return obligation: the shipped tables do not count
# work-experience places, trial placements or participatiebanen as jobs.
PAID = ("regular", "bbl", "secondment", "sheltered")
INSTRUMENT_WEIGHTS = (40, 15, 10, 12, 8, 8, 7)
MONTHS_OF = {"wep": (3, 6), "proefplaatsing": (2, 3), "participatiebaan": (6, 12), "bbl": (12, 24),
             "secondment": (6, 12), "sheltered": (12, 12), "regular": (6, 12)}
# Statushouder is a bonus flag (the candidate's groups carry it), never the group a placement is valued on.
GROUP_PRIORITY = ("banenafspraak", "wajong", "wia", "participatiewet", "ww", "nug", "wsw")
# Sheltered work and participatiebanen are Participatiewet provisions (see valuation/combinations.py).
ALLOWED_GROUPS = {"sheltered": ("participatiewet", "banenafspraak", "nug"),
                  "participatiebaan": ("participatiewet", "banenafspraak")}
CONTRACTS = (  # name, authority, sum in cents, region key (the table of the authority's region), words
    ("Onderhoud openbaar groen", "Gemeente Dronten", 184_000_000, "flevoland-voorbeeld", ("groen", "hovenier")),
    ("Renovatie sporthal De Ketting", "Gemeente Apeldoorn", 312_500_000, "oost-nederland", ("bouw", "renovatie")),
    ("Schoonmaak gemeentelijke gebouwen", "Gemeente Lelystad", 96_000_000, "flevoland-voorbeeld",
     ("schoonmaak", "facilitair")),
    ("Leerlingenvervoer", "Gemeente Tiel", 142_000_000, "rijnvicus", ("transport", "taxi")),
)
# The contractor's rung on the prestatieladder socialer ondernemen, by contract (None: no certificate).
PSO_RUNGS = {"Gemeente Lelystad": 2}
AGREEMENTS = (
    ("{n} plaatsingen in {year} voor statushouders", "statushouder"),
    ("{n} werkervaringsplaatsen per jaar in {year}", None),
    ("{n} participatiebanen in {year}", "participatiewet"),
    ("{n} banen in {year} voor mensen uit het doelgroepregister", "banenafspraak"),
    ("Convenant uitbreiding productielocatie: {n} plaatsingen in {year}", None),
)
SOCIAL_ACTIVITIES = ("Gastlessen op het praktijkonderwijs", "Meewerkdag bij de voedselbank",
                     "Sollicitatietraining voor statushouders", "Begeleiding taalmaatjes op de werkvloer")


def _matches(employer: dict[str, Any], words: tuple[str, ...]) -> bool:
    text = f"{employer['name']} {employer.get('sector', '')}".lower()
    return any(w in text for w in words)


def agreements(rng: random.Random, employers: list[dict[str, Any]], today: date) -> list[dict[str, Any]]:
    """Return covenants: `key`, `employer`, `description`, `target_count`, `target_group` (or None),
    `year`, `signed_on`, `account_manager`."""
    big = [e for e in employers if e.get("size") in ("50-249", "250+")] or employers
    chosen = rng.sample(big, k=min(len(big), max(1, len(employers) // 12)))
    out = []
    for i, employer in enumerate(chosen, start=1):
        template, group = rng.choice(AGREEMENTS)
        n, year = rng.choice((2, 3, 5, 5, 8, 10)), rng.choice((2026, 2027, 2027))
        out.append({"key": f"AG-{i:03d}", "employer": employer["external_id"],
                    "description": template.format(n=n, year=year), "target_count": n, "target_group": group,
                    "year": year, "signed_on": days_before(rng, today, 30, 400).isoformat(),
                    "account_manager": rng.choice(ACCOUNT_MANAGERS)})
    return out


def sroi_obligations(rng: random.Random, employers: list[dict[str, Any]], today: date) -> list[dict[str, Any]]:
    """Return obligations: `contract_number`, `contract_name`, `contracting_authority`,
    `contractor` (employer id), `contract_sum_cents`, `percentage`, `start_date`, `end_date`,
    `region` (bouwblokken table key), `account_manager`."""
    out, used = [], set()
    for i, (name, authority, cents, region, words) in enumerate(CONTRACTS[: len(employers)], start=1):
        fitting = [e for e in employers if _matches(e, words) and e["external_id"] not in used]
        contractor = rng.choice(fitting or [e for e in employers if e["external_id"] not in used])
        used.add(contractor["external_id"])
        start = days_before(rng, today, 90, 500).replace(day=1)
        out.append({"contract_number": f"{authority.split()[-1][:3].upper()}-{start.year}-{100 + 7 * i}",
                    "contract_name": name, "contracting_authority": authority,
                    "contractor": contractor["external_id"], "contract_sum_cents": cents, "percentage": 5,
                    "start_date": start.isoformat(), "end_date": start.replace(year=start.year + 3).isoformat(),
                    "region": region, "pso_rung": PSO_RUNGS.get(authority), "account_manager": rng.choice(ACCOUNT_MANAGERS)})
    return out


def placements(rng: random.Random, doc: dict[str, Any], obligations: list[dict[str, Any]], today: date,
               n: int) -> list[dict[str, Any]]:
    """Return placements: `key`, `candidate`, `employer`, `vacancy` (or None), `start_date`, `end_date` (or None),
    `hours_per_week`, `contract_type` (temporary/permanent), `instrument` (see INSTRUMENTS), `target_group`,
    `statushouder` (bonus flag), `outflow` (none/partial/full), `sroi_obligation` (contract number or None),
    `recorded_by` (staff key), `back_on_benefit_after` (months after the outflow that the person claims a benefit
    again, for one outflow in three; else None)."""
    pool = [c for c in doc.get("candidates", []) if c.get("ladder", 4) >= 3]
    employers = doc.get("employers", [])
    if not pool or not employers:
        return []
    filled = [v for v in doc.get("vacancies", []) if v.get("status") == "filled"]
    contractors = {o["contractor"]: o["contract_number"] for o in obligations}
    out = []
    for i, candidate in enumerate(rng.sample(pool, k=min(n, len(pool))), start=1):
        vacancy = filled.pop(rng.randrange(len(filled))) if filled and rng.random() < 0.5 else None
        if vacancy:
            employer = vacancy["employer"]
        elif contractors and rng.random() < 0.4:
            employer = rng.choice(sorted(contractors))
        else:
            employer = rng.choice(employers)["external_id"]
        instrument = rng.choices(INSTRUMENTS, weights=INSTRUMENT_WEIGHTS)[0]
        permanent = instrument in ("regular", "secondment") and rng.random() < 0.3
        start = days_before(rng, today, -30, 540)
        if vacancy and "start_date" in vacancy:  # a filled vacancy: the person starts when the job does
            start = date.fromisoformat(vacancy["start_date"])
        low, high = MONTHS_OF[instrument]
        end = None if permanent else start + timedelta(days=30 * rng.randint(low, high))
        hours = rng.choice((12, 16, 20, 24, 24, 28, 32, 32, 36, 36, 38, 40))
        if instrument in ("wep", "participatiebaan", "proefplaatsing"):
            outflow = "none"
        else:
            outflow = "full" if hours >= 32 and rng.random() < 0.8 else rng.choice(("partial", "partial", "none"))
        groups = candidate.get("target_groups", ["participatiewet"])
        group = min((g for g in groups if g in GROUP_PRIORITY), key=GROUP_PRIORITY.index, default="participatiewet")
        if group not in ALLOWED_GROUPS.get(instrument, (group,)):
            instrument = "regular"
        out.append({"key": f"P-{i:04d}", "candidate": candidate["external_id"], "employer": employer,
                    "vacancy": vacancy["external_id"] if vacancy else None, "start_date": start.isoformat(),
                    "end_date": end.isoformat() if end else None, "hours_per_week": hours,
                    "contract_type": "permanent" if permanent else "temporary", "instrument": instrument,
                    "target_group": group, "statushouder": "statushouder" in groups, "outflow": outflow,
                    "sroi_obligation": contractors.get(employer) if instrument in PAID else None, "recorded_by": rng.choice(("matcher@gemeente",
                                                                                            "matcher2@gemeente")),
                    # Divosa's benchmark sees roughly a quarter to a third back on benefit within a year.
                    "back_on_benefit_after": (3, 5, 10)[(i // 3) % 3] if outflow != "none" and i % 3 == 0 else None})
    return out


def sroi_activities(rng: random.Random, employers: list[dict[str, Any]], obligations: list[dict[str, Any]],
                    today: date) -> list[dict[str, Any]]:
    """Return non-placement activities: `obligation` (contract number), `kind` (purchase/social_activity),
    `description`, `on` (date), `supplier` (employer id or None), `amount_cents` (or None), `hours` (or None),
    `activities` (how many separate activities the hours were spent on)."""
    social = [e for e in employers if e.get("social_enterprise")]
    out = []
    for obligation in obligations:
        for _ in range(rng.randint(1, 3)):
            on = days_before(rng, today, 10, 300).isoformat()
            if social and rng.random() < 0.5:
                supplier = rng.choice(social)
                out.append({"obligation": obligation["contract_number"], "kind": "purchase",
                            "description": f"Inkoop bij {supplier['name']}", "on": on,
                            "supplier": supplier["external_id"], "amount_cents": rng.randrange(50_000, 2_500_000, 100),
                            "hours": None})
            else:
                out.append({"obligation": obligation["contract_number"], "kind": "social_activity",
                            "description": rng.choice(SOCIAL_ACTIVITIES), "on": on,
                            "supplier": None, "amount_cents": None, "hours": rng.choice((4, 8, 16, 24, 40)),
                            "activities": 1})
    return out


def generate_activity(import_doc: dict[str, Any], seed: int = 2026, today: date = REFERENCE_DATE) -> dict[str, Any]:
    """Return the activity around `import_doc` as plain data referring to external ids and staff keys.

    Keys: `reference_date`, `staff` [{key, role, name}], `employer_accounts`, `contact_persons`,
    `contact_moments`, `agreements`, `placements`, `sroi_obligations`, `sroi_activities`
    (each list's keys are in the docstring of the function that builds it).
    """
    rng = random.Random(f"{seed}:activity")
    employers = import_doc.get("employers", [])
    accounts = employer_accounts(rng, employers)
    persons = contact_persons(rng, employers)
    moments = contact_moments(rng, today, accounts, persons, import_doc.get("vacancies", []),
                              n=round(7.5 * len(employers)))
    obligations = sroi_obligations(rng, employers, today)
    n_placements = max(1, round(len(import_doc.get("candidates", [])) / 12))
    return {
        "reference_date": today.isoformat(),
        "staff": [dict(s) for s in STAFF],
        "employer_accounts": accounts,
        "contact_persons": persons,
        "contact_moments": moments,
        "agreements": agreements(rng, employers, today),
        "placements": placements(rng, import_doc, obligations, today, n_placements),
        "sroi_obligations": obligations,
        "sroi_activities": sroi_activities(rng, employers, obligations, today),
    }
