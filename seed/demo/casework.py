"""The candidate file around an import document: owners, ladder histories, plans, screening, trajectories,
participatiebanen and an outreach campaign, as plain data referring to external ids. Pure and deterministic."""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from seed.demo.dates import REFERENCE_DATE, days_before

ROUTES = {
    "dronten": (("werk-2-jaar", "Betaald werk binnen 2 jaar"), ("participatie-eerst", "Eerst participatie"),
                ("rust-eerst", "Eerst rust en stabiliteit")),
    "uwv-flevoland": (("direct", "Direct bemiddelbaar"), ("scholing", "Eerst scholing")),
}
GOALS = ("Taalniveau A2 halen en daarna werkervaring opdoen.", "Structuur in de week: vrijwilligerswerk twee dagdelen.",
         "Doorstromen naar betaald werk in de logistiek.", "Schulden op orde, daarna een proefplaatsing.",
         "Werkfit worden via een werkervaringsplaats in het groen.")
STEPS = ("Wekelijks naar de taalschool; over drie maanden evaluatie.", "Kennismaken bij het werkleerbedrijf.",
         "Cv maken met de jobcoach en twee sollicitaties per maand.", "Aanmelden bij schuldhulp; samen naar het eerste gesprek.")
KINDS = ("language_and_work", "development_network", "participation_coaching", "activation", "training", "work_fit")
RESULTS = ("wep", "wep", "paid_work", "participation", "education", "dropped_out")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def owners_for(candidates: list[dict], owners: list[str], limit: int, rng: random.Random) -> dict[str, str]:
    """Spread candidates over owners so that the caseloads sit around ``limit``, one just above it."""
    out, ids = {}, [c["external_id"] for c in candidates]
    rng.shuffle(ids)
    share = [limit + 12] + [limit - rng.randint(0, 8) for _ in owners[1:]]
    cursor = 0
    for owner, n in zip(owners, share):
        for ext in ids[cursor:cursor + n]:
            out[ext] = owner
        cursor += n
    return out  # the rest stays without an owner, as newly imported people do


def generate_casework(doc: dict[str, Any], org_key: str, owners: list[str], seed: int = 2026,
                      today: date = REFERENCE_DATE, limit: int = 50) -> dict[str, Any]:
    """Return `routes`, `owners` {ext: owner key}, `ladder` [{candidate, rung, on, expected}], `expected`
    {ext: (rung, on)}, `plans`, `screening` {ext: (code, on)}, `provider` (employer ext), `budget`,
    `trajectories`, `participatiebanen`, `outreach` {campaign, steps: [{candidate, upto}]}."""
    rng = random.Random(f"{seed}:casework:{org_key}")
    candidates = doc.get("candidates", [])
    routes = ROUTES.get(org_key, ROUTES["uwv-flevoland"])
    ladder, expected, plans, screening = [], {}, [], {}
    for c in candidates:
        ext, rung, on = c["external_id"], c.get("ladder"), c.get("ladder_assessed_on")
        if rung and on:
            current = date.fromisoformat(on)
            for back in range(rng.randint(0, 2)):
                earlier = current - timedelta(days=rng.randint(150, 400) * (back + 1))
                ladder.append({"candidate": ext, "rung": max(1, rung - rng.randint(0, back + 1)), "on": _iso(earlier),
                               "expected": min(6, rung + rng.randint(0, 1))})
            if rng.random() < 0.85:
                expected[ext] = (min(6, rung + rng.choice((0, 1, 1, 2))), on)
        if rng.random() < 0.55:
            drawn = days_before(rng, today, 10, 520)
            plans.append({"candidate": ext, "on": _iso(drawn), "goals": rng.choice(GOALS), "steps": rng.choice(STEPS),
                          "review": _iso(drawn + timedelta(days=rng.choice((90, 120, 180))))})
        if "statushouder" in c.get("target_groups", []) or rng.random() < 0.1:
            code = rng.choices([r[0] for r in routes], weights=(5, 3, 2)[:len(routes)])[0]
            screening[ext] = (code, _iso(days_before(rng, today, 20, 300)))
    employers = doc.get("employers", [])
    provider = employers[-1]["external_id"] if employers else None
    trajectories = []
    pool = rng.sample(candidates, k=min(len(candidates), 34 if org_key == "dronten" else 8))
    year_start = date(today.year, 1, 1)
    bought_n = 32 if org_key == "dronten" else 8
    for n, c in enumerate(pool[:bought_n]):
        bought = year_start + timedelta(days=rng.randint(0, (today - year_start).days - 10))
        waiting = n % 16 >= 13 or n == bought_n - 1  # of 32 bought, 26 start
        started = None if waiting else bought + timedelta(days=rng.randint(5, 30))
        started = started if started and started <= today else None
        ended = result = None
        if started and n % 3 == 0 and started + timedelta(days=60) <= today:
            ended = started + timedelta(days=rng.randint(60, min(200, (today - started).days)))
            result = RESULTS[(n // 3) % len(RESULTS)]  # every result occurs, a third or so to a WEP
        trajectories.append({"candidate": c["external_id"], "kind": KINDS[n % len(KINDS)] if n % 2 else KINDS[0],
                             "bought_on": _iso(bought), "started_on": _iso(started), "ended_on": _iso(ended),
                             "planned_end_on": _iso((started or bought) + timedelta(days=180)), "result": result,
                             "cost_cents": 250_000})
    # Two bought last year that ended this year, after about 10 and 14 months: not every trajectory is quick.
    for c, days, result in zip(pool[bought_n:], (300, 420), ("wep", "dropped_out")):
        started = year_start - timedelta(days=days - 60)
        if started + timedelta(days=days) > today:
            continue
        trajectories.append({"candidate": c["external_id"], "kind": KINDS[1], "bought_on": _iso(started - timedelta(
            days=10)), "started_on": _iso(started), "ended_on": _iso(started + timedelta(days=days)),
            "planned_end_on": _iso(started + timedelta(days=270)), "result": result, "cost_cents": 250_000})
    used = {t["candidate"] for t in trajectories}
    jobs = []
    for n, c in enumerate([c for c in candidates if c["external_id"] not in used][:18 if org_key == "dronten" else 4]):
        started = today - timedelta(days=(700, 690, 680, 200, 420, 90)[n % 6] + n)
        jobs.append({"candidate": c["external_id"], "started_on": _iso(started), "hours": rng.choice((16, 20, 24))})
    eligible = [c["external_id"] for c in candidates if c.get("benefit_since")
                and date.fromisoformat(c["benefit_since"]) <= today - timedelta(days=365)
                and c["external_id"] not in used][:60 if org_key == "dronten" else 12]
    upto = ("selected", "approached", "approached", "talked", "talked", "follow_up", "referred")
    outreach = [{"candidate": ext, "upto": upto[i % len(upto)], "referred_to": ("coach", "work_centre",
                 "social_care_team")[i % 3]} for i, ext in enumerate(eligible)]
    return {"routes": routes, "owners": owners_for(candidates, owners, limit, rng), "ladder": ladder,
            "expected": expected, "plans": plans, "screening": screening, "provider": provider,
            "budget": {"year": today.year, "budgeted": 50 if org_key == "dronten" else 10},
            "trajectories": trajectories, "participatiebanen": jobs,
            "outreach": {"campaign": f"Herstart {today.year}", "steps": outreach}}
