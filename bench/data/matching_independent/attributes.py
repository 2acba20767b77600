"""Candidates' hard-requirement data (licences, travel distance, home, hours, availability), decided
before any text: the intended breaks for the own vacancy, and repairs of accidental ones."""
import datetime as dt
import math

import families as F
from grades import breaks, margin, pre_grade, road_km
from wording import rand_date, wchoice

P_REPAIR = 0.65             # chance that an accidental break with another relevant vacancy is repaired
CMIN = [6, 10, 14, 18, 22, 26, 30]            # candidate hours_min values (never a multiple of 4)
CMAX = [14, 18, 22, 26, 30, 34, 38, 40]       # candidate hours_max values (40 is never a vacancy hours_min)


def base_licences(rng, t):
    p_b = {"statushouder": 0.2, "bijstand": 0.55, "herintreder": 0.6, "jongere": 0.3, "beperking": 0.35}[t["persona"]]
    if t["occ"] in ("bezorger", "monteur", "timmerman", "glazenwasser", "hovenier"):
        p_b = max(p_b, 0.75)
    lic = []
    if t["occ"] == "chauffeur":
        lic = wchoice(rng, [(["B", "C", "CE"], 6), (["B", "C"], 3), (["B"], 1)])
    elif rng.random() < p_b:
        lic = ["B"]
        if rng.random() < 0.12:
            lic.append("BE")
        if t["occ"] in ("tuinbouw", "hovenier") and rng.random() < 0.3:
            lic.append("T")
    elif t["persona"] == "jongere" and rng.random() < 0.4:
        lic = ["AM"]
    return lic


def base_max_km(rng, lic):
    if "B" in lic:
        return wchoice(rng, [(15, 1), (20, 2), (25, 3), (30, 3), (35, 2), (40, 2), (45, 1), (50, 1), (60, 1)])
    return wchoice(rng, [(8, 1), (10, 1), (12, 1), (15, 3), (18, 2), (20, 3), (25, 3), (30, 2), (35, 1)])


def max_km_cap(c):
    return 50 if "B" in c["licences"] else 40


def hours_pairs(persona):
    pairs = [(a, b) for a in CMIN for b in CMAX if b - a >= 4]
    if persona in ("herintreder", "beperking"):
        return [(a, b, 3 if b <= 30 else 1) for a, b in pairs]
    return [(a, b, 3 if b >= 30 else 1) for a, b in pairs]


def overlaps(a, b, v):
    return a <= v["hmax"] and v["hmin"] <= b


def avail_ok_date(rng, start):
    """A date on or before start (minus two weeks), never a Monday (vacancies start on Mondays)."""
    if rng.random() < 0.8 or start < dt.date(2027, 1, 20):
        d = rand_date(rng, dt.date(2025, 10, 1), dt.date(2026, 12, 18))
    else:
        d = rand_date(rng, dt.date(2027, 1, 1), start - dt.timedelta(days=14))
    if d.weekday() == 0:
        d -= dt.timedelta(days=1)
    return d


def assign_attributes(rng, c, vac_by_id):
    v = vac_by_id.get(c["target"])
    c["licences"] = base_licences(rng, c)
    c["max_km"] = base_max_km(rng, c["licences"])
    pairs = hours_pairs(c["persona"])
    if v is None:   # background person
        c["city"] = choose_home(rng, c, sorted(F.PLACES), vac_by_id, None)
        a, b, _ = wchoice(rng, [((a, b, w), w) for a, b, w in pairs])
        c["hmin"], c["hmax"] = a, b
        c["avail"] = avail_ok_date(rng, dt.date(2027, 9, 27)) if rng.random() < 0.85 else \
            rand_date(rng, dt.date(2027, 1, 2), dt.date(2027, 8, 30))
        if c["avail"].weekday() == 0:
            c["avail"] += dt.timedelta(days=1)
        return
    brk = c["brk"]
    # licence
    if v["licence"]:
        if brk == "licence":
            c["licences"] = [x for x in c["licences"] if x != v["licence"]]
            if v["licence"] == "B":
                c["licences"] = [x for x in c["licences"] if x not in ("B", "BE", "C", "CE", "T")]
                if rng.random() < 0.3:
                    c["licences"] = ["AM"]
            elif v["licence"] == "C":
                c["licences"] = ["B"]
            elif v["licence"] == "CE":
                c["licences"] = rng.choice([["B"], ["B", "C"]])
        else:
            need = {"B": ["B"], "C": ["B", "C"], "CE": ["B", "C", "CE"]}[v["licence"]]
            c["licences"] = sorted(set(c["licences"]) | set(need), key=lambda x: ["AM", "B", "BE", "C", "CE", "T"].index(x))
    if c["max_km"] > max_km_cap(c):
        c["max_km"] = max_km_cap(c)
    # place and travel distance
    if brk == "distance":
        for _ in range(200):
            km = rng.choice([8, 10, 12, 15, 15, 18, 20, 20, 25])
            far = [p for p in F.PLACES if km + margin(km) <= road_km(p, v["city"]) <= km + 30]
            if far:
                c["max_km"] = km
                c["city"] = rng.choice(sorted(far))
                break
        else:
            raise RuntimeError("no far place")
    else:
        reach = max(c["max_km"], 35 if "B" not in c["licences"] else 40)
        near = [p for p in F.PLACES if road_km(p, v["city"]) <= reach - margin(reach)]
        c["city"] = choose_home(rng, c, near, vac_by_id, v["city"])
        d = road_km(c["city"], v["city"])
        if d > c["max_km"] - margin(c["max_km"]):
            c["max_km"] = int(math.ceil(d + margin(d + 4))) + rng.randint(0, 5)
    # hours
    if brk == "hours":
        bad = [(a, b, w) for a, b, w in pairs if not overlaps(a, b, v)]
        a, b, _ = wchoice(rng, [((a, b, w), w) for a, b, w in bad])
    else:
        good = [(a, b, w) for a, b, w in pairs if overlaps(a, b, v)]
        a, b, _ = wchoice(rng, [((a, b, w), w) for a, b, w in good])
    c["hmin"], c["hmax"] = a, b
    # availability
    if brk == "availability":
        c["avail"] = v["start"] + dt.timedelta(days=rng.randint(14, 100))
        if c["avail"].weekday() == 0:
            c["avail"] += dt.timedelta(days=1)
    else:
        c["avail"] = avail_ok_date(rng, v["start"])


def choose_home(rng, c, places, vac_by_id, target_city):
    """People tend to live where their kind of work is: weigh each place by the share of the
    person's relevant vacancies within a comfortable travel distance (35 km, 40 km with a car)."""
    rel = [w for w in vac_by_id.values() if pre_grade(c, w) > 0]
    comfy = 45 if "B" in c["licences"] else 36
    weights = []
    for p in sorted(places):
        frac = sum(1 for w in rel if road_km(p, w["city"]) <= comfy - margin(comfy)) / max(1, len(rel))
        base = 6 if p == target_city else F.PLACE_WEIGHT[p]
        weights.append((p, base * (0.05 + frac) ** 4))
    return wchoice(rng, weights)


def choose_break(rng, v):
    opts = [("distance", 30), ("hours", 25), ("availability", 25)]
    if v["licence"]:
        opts.append(("licence", 30))
    if v["hmin"] <= 6 and v["hmax"] >= 40:
        opts = [o for o in opts if o[0] != "hours"]
    return wchoice(rng, opts)


def intended_ok(c, vac_by_id):
    """The candidate's own pool vacancy still shows exactly the intended break (or none)."""
    v = vac_by_id.get(c["target"])
    if v is None or c["intent"] == "decoy":
        return True
    b = breaks(c, v)
    return b == ([c["brk"]] if c["brk"] else [])


def repair(rng, cands, vacs, vac_by_id):
    """Repair accidental breaks with other vacancies the person is relevant for: always for the
    distance (within a realistic maximum), with probability P_REPAIR for the other rules, so that
    the breaks that remain are spread over the four rules."""
    for c in cands:
        rel = [v for v in vacs if pre_grade(c, v) > 0]
        rng.shuffle(rel)
        for v in rel:
            if v["id"] == c["target"]:
                continue
            for rule in breaks(c, v):
                if rule != "distance" and rng.random() >= P_REPAIR:
                    continue
                saved = {k: c[k] for k in ("licences", "max_km", "hmin", "hmax", "avail")}
                if rule == "distance":
                    d = road_km(c["city"], v["city"])
                    c["max_km"] = int(math.ceil(d + margin(d + 4) + rng.randint(0, 2)))
                elif rule == "hours":
                    if c["hmax"] < v["hmin"]:
                        c["hmax"] = min(x for x in CMAX if x > v["hmin"])
                    if c["hmin"] > v["hmax"]:
                        c["hmin"] = max(x for x in CMIN if x < v["hmax"])
                elif rule == "availability":
                    c["avail"] = v["start"] - dt.timedelta(days=rng.randint(10, 120))
                    if c["avail"].weekday() == 0:
                        c["avail"] -= dt.timedelta(days=1)
                elif rule == "licence":
                    if v["licence"] == "B" or c["occ"] == "chauffeur":
                        need = {"B": ["B"], "C": ["B", "C"], "CE": ["B", "C", "CE"]}[v["licence"]]
                        c["licences"] = sorted(set(c["licences"]) | set(need) - {"AM"},
                                               key=lambda x: ["AM", "B", "BE", "C", "CE", "T"].index(x))
                if c["max_km"] > max_km_cap(c) or not intended_ok(c, vac_by_id) or c["hmin"] >= c["hmax"]:
                    c.update(saved)


def settle_distance(c, vacs, vac_by_id):
    """Move max_travel_km so that no relevant pair lies within the safety margin of it."""
    rel = [v for v in vacs if pre_grade(c, v) > 0]
    ds = [(road_km(c["city"], v["city"]), v["id"]) for v in rel]
    if not ds:
        return
    cur = c["max_km"]
    reach = {vid for d, vid in ds if d <= cur}
    target = c["target"] if c["intent"] != "decoy" else None

    def ok(x, keep_all, level):
        for d, vid in ds:
            if abs(d - x) < margin(x, level):
                return False
            if keep_all and ((d <= x) != (vid in reach)):
                return False
            if vid == target and ((d <= x) != (vid in reach)):
                return False
        return True

    for level, keep_all in ((0, True), (0, False), (1, True), (1, False)):
        for delta in range(0, 40):
            for x in (cur - delta, cur + delta):
                if 5 <= x <= max_km_cap(c) + 5 and ok(x, keep_all, level):
                    c["max_km"] = x
                    return
    raise RuntimeError(f"cannot settle distance for {c['id']}")
