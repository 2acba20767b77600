#!/usr/bin/env python3
"""Generate the independent matching evaluation set (werkbrug-import/1).

    python3 generate.py            # writes dataset.json, qrels.tsv, split.tsv beside this file

Deterministic (fixed seed, stdlib only, Python 3.11). The generator first decides every
record's hidden truth (occupation, skills held, years of experience, hard-requirement data),
computes the grades from that truth, and only then writes the Dutch text from the truth.
The texts never feed back into the grades.
"""
import datetime as dt
import json
import math
import os
import random
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import families as F  # noqa: E402

SEED = 20270104
N_BACKGROUND = 250          # candidates not built around a particular vacancy
P_BREAK = 0.14              # share of a pool's relevant candidates that break one hard rule for it
P_REPAIR = 0.65             # chance that an accidental break with another relevant vacancy is repaired
CMIN = [6, 10, 14, 18, 22, 26, 30]            # candidate hours_min values (never a multiple of 4)
CMAX = [14, 18, 22, 26, 30, 34, 38, 40]       # candidate hours_max values (40 is never a vacancy hours_min)
VAC_HOURS = [(32, 40), (24, 32), (16, 24), (20, 36), (8, 16), (12, 20), (24, 40), (36, 40),
             (16, 32), (12, 24), (28, 40), (20, 32)]   # vacancy hours, all multiples of 4
POSTCODE_LETTERS = "ABCDEGHJKLMNPRTVWXZ"


# ----------------------------------------------------------------------------------------------
# geography and hard rules
# ----------------------------------------------------------------------------------------------
def road_km(a, b):
    if a == b:
        return 0.0
    _, la1, lo1 = F.PLACES[a]
    _, la2, lo2 = F.PLACES[b]
    la1, lo1, la2, lo2 = map(math.radians, (la1, lo1, la2, lo2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return F.ROAD_FACTOR * 2 * 6371.0 * math.asin(math.sqrt(h))


def margin(km, level=0):
    """No judged pair lies closer than this to its candidate's max_travel_km, so that small
    differences in place coordinates cannot flip a hard-requirement judgement. Level 1 is the
    fallback used where the person's relevant places lie too close together for level 0."""
    return max(3.0, 0.1 * km) if level == 0 else max(2.0, 0.05 * km)


def breaks(c, v):
    """Hard requirements of vacancy v that candidate c breaks."""
    out = []
    if v["licence"] and v["licence"] not in c["licences"]:
        out.append("licence")
    if not (c["hmin"] <= v["hmax"] and v["hmin"] <= c["hmax"]):
        out.append("hours")
    if c["avail"] > v["start"]:
        out.append("availability")
    if road_km(c["city"], v["city"]) > c["max_km"]:
        out.append("distance")
    return out


# ----------------------------------------------------------------------------------------------
# relations and grades
# ----------------------------------------------------------------------------------------------
REL = {}
for a, b in F.CLOSE:
    REL[(a, b)] = REL[(b, a)] = "close"
for a, b in F.RELATED:
    assert (a, b) not in REL, (a, b)
    REL[(a, b)] = REL[(b, a)] = "related"


def relation(a, b):
    return "same" if a == b else REL.get((a, b))


def has_requirements(c, v):
    return set(v["req"]) <= set(c["held"]) and c["years"] >= v["min_years"]


def pre_grade(c, v):
    """Grade from fit alone, before hard requirements."""
    r = relation(c["occ"], v["occ"])
    if r == "same":
        return 3 if has_requirements(c, v) else 2
    if r == "close":
        return 2 if has_requirements(c, v) else 1
    if r == "related":
        return 1
    return 0


def grade(c, v):
    g = pre_grade(c, v)
    return 0 if g and breaks(c, v) else g


for occ, lst in F.CONFUSERS.items():
    for docc, _ in lst:
        assert relation(occ, docc) is None, (occ, docc)


# ----------------------------------------------------------------------------------------------
# small helpers
# ----------------------------------------------------------------------------------------------
def join_nl(items):
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " en " + items[-1]


def join_en(items):
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def pred(t):
    """A trait as predicate: 'je bent flexibel', 'je bent een teamspeler'."""
    return f"een {t}" if t in ("teamspeler", "team player") else t


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch for ch in s.lower() if ch.isalnum())


def wchoice(rng, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights, k=1)[0]


def skill_form(rng, sid, p_odd=0.2):
    s = F.SKILLS[sid]
    if s["odd"] and rng.random() < p_odd:
        return rng.choice(s["odd"])
    return rng.choice(s["forms"])


def title_form(rng, occ, p_odd=0.18, licences=None):
    o = F.OCCUPATIONS[occ]
    pool = o["odd"] if rng.random() < p_odd else o["titles"]
    if licences is not None and occ == "chauffeur":
        # a person does not call themselves a CE driver without the CE licence
        pool = [t for t in pool if ("CE" not in t or "CE" in licences) and (" C" not in t + " " or "C" in licences)]
        pool = pool or ["chauffeur"]
    return rng.choice(pool)


NUM_WORDS = {1: "een", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven", 8: "acht",
             9: "negen", 10: "tien", 11: "elf", 12: "twaalf"}


def years_phrase(rng, n):
    opts = [f"{n} jaar", f"ruim {n} jaar", f"ongeveer {n} jaar"]
    if n in NUM_WORDS:
        opts += [f"{NUM_WORDS[n]} jaar", f"ruim {NUM_WORDS[n]} jaar"]
    return rng.choice(opts)


def postcode(rng, city):
    pc4 = F.PLACES[city][0]
    while True:
        letters = rng.choice(POSTCODE_LETTERS) + rng.choice(POSTCODE_LETTERS)
        if letters not in ("SA", "SD", "SS"):
            break
    return f"{pc4} {letters}" if rng.random() < 0.85 else f"{pc4}{letters}"


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def nl_date(d):
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    return f"{d.day} {months[d.month - 1]} {d.year}"


# ----------------------------------------------------------------------------------------------
# employers and vacancies (truth)
# ----------------------------------------------------------------------------------------------
def build_employers(rng):
    out = []
    for i, (name, sector, city, size, social) in enumerate(F.EMPLOYERS):
        e = {"external_id": f"IV-E{i + 1:03d}", "name": name, "kvk": f"{rng.randint(30000000, 99999999)}",
             "sector": sector, "postcode": postcode(rng, city), "city": city, "size": size}
        if social:
            e["social_enterprise"] = True
        out.append(e)
    return out


def build_vacancies(rng, employers):
    vacs = []
    mondays = []
    d = dt.date(2027, 1, 4)
    while d <= dt.date(2027, 9, 27):
        mondays.append(d)
        d += dt.timedelta(days=7)
    for i, (occ, emp, city, req, pref, min_years, lic, dutch, edu) in enumerate(F.VACANCY_SPECS):
        hmin, hmax = rng.choice(VAC_HOURS)
        vacs.append(dict(id=f"IV-V{i + 1:03d}", occ=occ, family=F.OCCUPATIONS[occ]["family"],
                         employer=employers[emp], city=city, req=list(req), pref=list(pref),
                         min_years=min_years, licence=lic, dutch=dutch, edu=edu, hmin=hmin, hmax=hmax,
                         start=rng.choice(mondays), pc=postcode(rng, city)))
    return vacs


# ----------------------------------------------------------------------------------------------
# candidates (truth)
# ----------------------------------------------------------------------------------------------
PERSONAS = [("statushouder", 30), ("bijstand", 35), ("herintreder", 15), ("jongere", 10), ("beperking", 10)]
OFFICE = {"klantenservice", "administratief", "receptionist"}


def draw_skills(rng, occ, years, must=(), forbid=(), sparse=False):
    o = F.OCCUPATIONS[occ]
    held = set(o["implied"]) if years > 0 else set()
    if not sparse:
        for s in o["core"]:
            if years > 0:
                p = 0.5 if F.SKILLS[s]["cert"] else 0.65
            else:   # no work experience yet: a certificate or a course at most
                p = 0.4 if F.SKILLS[s]["cert"] else 0.12
            if rng.random() < p:
                held.add(s)
        for s in o["extra"]:
            if rng.random() < (0.2 if years > 0 else 0.1):
                held.add(s)
        if not held and years > 0:
            held.add(rng.choice(o["core"]))
    held |= set(must)
    held -= set(forbid)
    return sorted(held)


def new_truth(rng, occ, intent, target=None, years=None, must=(), forbid=(), sparse=False, persona=None):
    if years is None:
        years = rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 8, 10, 12])
    if persona is None:
        weights = list(PERSONAS)
        if occ in OFFICE:
            weights = [("statushouder", 5), ("bijstand", 40), ("herintreder", 30), ("jongere", 10), ("beperking", 15)]
        persona = wchoice(rng, weights)
    return dict(occ=occ, intent=intent, target=target, years=years, sparse=sparse, persona=persona,
                held=draw_skills(rng, occ, years, must, forbid, sparse), brk=None, confuser=None, negwish=None)


def pool_for(rng, v):
    """Candidates built around vacancy v: relevant ones at each grade and decoys."""
    occ = v["occ"]
    o = F.OCCUPATIONS[occ]
    close = sorted(b for (a, b), r in REL.items() if a == occ and r == "close")
    related = sorted(b for (a, b), r in REL.items() if a == occ and r == "related")
    req = v["req"]
    out = []
    # grade 3: same occupation, all required skills, enough years
    for _ in range(rng.randint(3, 5)):
        sparse = set(req) <= set(o["implied"]) and rng.random() < 0.3
        lo = max(1, v["min_years"])
        years = rng.randint(lo, 12)
        if v["min_years"] == 0 and not sparse and rng.random() < 0.08:
            years = 0
        must = list(req) + [s for s in v["pref"] if rng.random() < 0.4 and not sparse]
        out.append(new_truth(rng, occ, "g3", v["id"], years, must, sparse=sparse))
    # grade 2: same occupation, something required missing
    for _ in range(rng.randint(1, 3)):
        droppable = [s for s in req if s not in o["implied"]]
        if v["min_years"] > 0 and rng.random() < 0.4:
            t = new_truth(rng, occ, "g2s", v["id"], rng.randint(0, v["min_years"] - 1), must=req)
        elif droppable:
            k = rng.randint(1, len(droppable))
            t = new_truth(rng, occ, "g2s", v["id"], rng.randint(0, 9), forbid=rng.sample(droppable, k),
                          sparse=rng.random() < 0.25)
        else:
            t = new_truth(rng, occ, "g2s", v["id"], 0, forbid=req, sparse=rng.random() < 0.5)
        out.append(t)
    # grade 2: close occupation with the required skills
    if close:
        for _ in range(rng.randint(1, 2)):
            out.append(new_truth(rng, rng.choice(close), "g2c", v["id"], rng.randint(max(1, v["min_years"]), 10),
                                 must=req))
    # grade 1: related occupation, or close occupation without the skills
    for _ in range(rng.randint(2, 3)):
        if related and (not close or rng.random() < 0.75):
            out.append(new_truth(rng, rng.choice(related), "g1", v["id"]))
        elif close:
            out.append(new_truth(rng, rng.choice(close), "g1", v["id"], forbid=req[:1] if req else ()))
    # decoys: unrelated occupations whose texts overlap with this work
    conf = list(F.CONFUSERS.get(occ, []))
    rng.shuffle(conf)
    for docc, phrase in conf[:rng.randint(2, 3)]:
        t = new_truth(rng, docc, "decoy", v["id"])
        t["confuser"] = phrase
        out.append(t)
    unrelated = sorted(x for x in F.OCCUPATIONS if relation(occ, x) is None)
    t = new_truth(rng, rng.choice(unrelated), "decoy", v["id"])
    t["negwish"] = title_form(rng, occ, 0.0)
    out.append(t)
    return out


# ----------------------------------------------------------------------------------------------
# candidate attributes (hard-requirement data), decided before any text
# ----------------------------------------------------------------------------------------------
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


# ----------------------------------------------------------------------------------------------
# text: vacancies
# ----------------------------------------------------------------------------------------------
def vacancy_record(rng, v):
    occ = v["occ"]
    o = F.OCCUPATIONS[occ]
    style = wchoice(rng, [("short", 20), ("long", 30), ("bullets", 25), ("english", 12), ("note", 13)])
    v["style"] = style
    en = style == "english"
    vlic = {"C": ["B", "C"], "CE": ["B", "C", "CE"]}.get(v["licence"], ["B"])
    title_word = o["en"] if en else title_form(rng, occ, 0.12, licences=vlic)
    city = v["city"]
    if en:
        title = wchoice(rng, [(f"{cap(title_word)} ({v['hmin']}-{v['hmax']} hrs)", 1),
                              (f"{cap(title_word)} – {city}", 1), (f"We are hiring: {title_word}", 1)])
    else:
        title = wchoice(rng, [(f"{cap(title_word)} (m/v/x)", 2), (f"{cap(title_word)} {v['hmin']}-{v['hmax']} uur", 2),
                              (f"{cap(title_word)} in {city}", 2), (f"Wij zoeken een {title_word}!", 1),
                              (f"{cap(title_word)}", 2), (f"{cap(title_word)} – {v['employer']['name']}", 1)])
    rec = {"external_id": v["id"], "employer": v["employer"]["external_id"], "title": title}
    occ_mode = wchoice(rng, [("own", 65), ("en", 15), ("none", 20)])
    if occ_mode == "own":
        rec["occupation"] = title_form(rng, occ, 0.1, licences=vlic)
    elif occ_mode == "en":
        rec["occupation"] = o["en"]

    req_mode = wchoice(rng, [("list", 60), ("desc", 20), ("mixed", 20)])
    pref_mode = wchoice(rng, [("list", 55), ("desc", 30), ("none", 15)]) if v["pref"] else "none"
    fmt = (lambda s: F.SKILLS[s]["en"]) if en else (lambda s: skill_form(rng, s, 0.12))
    req_words = [fmt(s) for s in v["req"]]
    pref_words = [fmt(s) for s in v["pref"]]
    traits = rng.sample(F.TRAITS_EN if en else F.TRAITS, k=rng.randint(1, 3))
    tasks = [fmt(s) for s in o["core"] if s not in v["req"] and not F.SKILLS[s]["cert"]][:3]

    req_list, desc_ids = [], []
    if req_mode == "list":
        req_list = [fmt(s) for s in v["req"]]
        desc_ids = list(v["req"]) if rng.random() < 0.5 else []
    elif req_mode == "desc":
        desc_ids = list(v["req"])
    else:
        k = rng.randint(1, max(1, len(v["req"]) - 1)) if len(v["req"]) > 1 else 0
        req_list = [fmt(s) for s in v["req"][:k]]
        desc_ids = list(v["req"][k:]) if k else list(v["req"])
    word_of = dict(zip(v["req"], req_words))
    desc_req = [word_of[s] for s in desc_ids]
    desc_skills = [word_of[s] for s in desc_ids if not F.SKILLS[s]["cert"]]
    desc_certs = [word_of[s] for s in desc_ids if F.SKILLS[s]["cert"]]
    if req_list and rng.random() < 0.3:
        req_list.append(rng.choice(F.TRAITS_EN if en else F.TRAITS))
    years_txt = ""
    if v["min_years"]:
        years_txt = (f"at least {v['min_years']} years of experience as a {o['en']}" if en else
                     rng.choice([f"minimaal {v['min_years']} jaar ervaring als {title_form(rng, occ, 0, licences=vlic)}",
                                 f"je hebt al {v['min_years']} jaar of langer als {title_form(rng, occ, 0, licences=vlic)} gewerkt",
                                 f"{v['min_years']}+ jaar werkervaring in een vergelijkbare functie"]))
        if req_list and rng.random() < 0.5:
            req_list.append(f"{v['min_years']} years experience" if en else f"minimaal {v['min_years']} jaar ervaring")
    pref_list = pref_words if pref_mode == "list" else []
    desc_pref = pref_words if pref_mode == "desc" or (pref_mode == "list" and rng.random() < 0.3) else []

    lic_txt = ""
    if v["licence"]:
        lic_txt = (f"driving licence {v['licence']}" if en else
                   rng.choice([f"rijbewijs {v['licence']}", f"je hebt rijbewijs {v['licence']}",
                               f"in het bezit van rijbewijs {v['licence']} (eis)"]))
    dutch_txt = ""
    if v["dutch"]:
        dutch_txt = (f"Dutch at {v['dutch']} level" if en else
                     rng.choice([f"Nederlands op {v['dutch']}-niveau", f"je spreekt en begrijpt Nederlands (minimaal {v['dutch']})"]))
    start_txt = nl_date(v["start"])
    emp = v["employer"]["name"]
    hours_txt = f"{v['hmin']} tot {v['hmax']} uur per week"

    if style == "short":
        parts = [f"{emp} zoekt een {title_word} in {city}, {hours_txt}, start {start_txt}."]
        must = join_nl(desc_req + ([years_txt] if years_txt else []) + ([lic_txt] if lic_txt else []))
        if must:
            parts.append(f"Vereist: {must}.")
        if desc_pref:
            parts.append(f"Pré: {join_nl(desc_pref)}.")
        if rng.random() < 0.5:
            parts.append(f"Ben jij {join_nl([pred(t) for t in traits])}? Reageer snel!")
        desc = " ".join(parts)
    elif style == "long":
        parts = [rng.choice(F.MARKETING),
                 f"{emp} in {city} is een {rng.choice(['groeiend bedrijf', 'familiebedrijf', 'modern bedrijf', 'sociaal betrokken bedrijf'])} "
                 f"waar collega's voor elkaar klaarstaan. Voor ons team zoeken wij per {start_txt} een enthousiaste {title_word}."]
        if tasks:
            parts.append(f"Wat ga je doen? Je houdt je vooral bezig met {join_nl(tasks)}. Geen dag is hetzelfde!")
        wie = [f"je bent {join_nl([pred(t) for t in traits])}"]
        if desc_skills:
            wie.append(f"je hebt ervaring met {join_nl(desc_skills)}")
        if desc_certs:
            wie.append(f"je bent in het bezit van {join_nl(desc_certs)}")
        if years_txt:
            wie.append(years_txt)
        if lic_txt:
            wie.append(lic_txt)
        if dutch_txt:
            wie.append(dutch_txt)
        parts.append("Wie ben jij? " + cap("; ".join(wie)) + ".")
        if desc_pref:
            parts.append(f"Heb je ook ervaring met {join_nl(desc_pref)}? Dan heb je een streepje voor.")
        offer = rng.sample(F.CAO_PHRASES, 2)
        parts.append(f"Wat bieden wij? {offer[0]}, {offer[1][0].lower() + offer[1][1:]} en een baan van {hours_txt}.")
        parts.append("Ook kandidaten met een afstand tot de arbeidsmarkt nodigen we van harte uit om te reageren.")
        desc = "\n\n".join(parts)
    elif style == "bullets":
        lines = [f"Functie: {title_word}", f"Locatie: {city}", f"Uren: {v['hmin']}-{v['hmax']} p/w",
                 f"Startdatum: {v['start'].isoformat()}"]
        if tasks:
            lines.append("Taken:")
            lines += [f"- {t}" for t in tasks]
        eisen = desc_req + ([years_txt] if years_txt else []) + ([lic_txt] if lic_txt else []) + ([dutch_txt] if dutch_txt else [])
        if eisen:
            lines.append("Eisen:")
            lines += [f"- {e}" for e in eisen]
        if desc_pref:
            lines.append("Wensen:")
            lines += [f"- {p}" for p in desc_pref]
        lines.append(f"Competenties: {', '.join(traits)}")
        desc = "\n".join(lines)
    elif style == "english":
        parts = [f"{emp} in {city} is looking for a {title_word} ({v['hmin']}-{v['hmax']} hours a week), starting {v['start'].isoformat()}."]
        if tasks:
            parts.append(f"You will mainly do {join_en(tasks)}.")
        must = desc_req + ([years_txt] if years_txt else []) + ([lic_txt] if lic_txt else []) + ([dutch_txt] if dutch_txt else [])
        if must:
            parts.append(f"Requirements: {join_en(must)}.")
        if desc_pref:
            parts.append(f"Nice to have: {join_en(desc_pref)}.")
        parts.append(f"You are {join_en([('a ' + t) if t == 'team player' else t for t in traits])}. Dutch colleagues will help you settle in.")
        desc = " ".join(parts)
    else:  # note by the employer consultant
        parts = [f"Werkgeversnotitie ({emp}): zoekt {title_word} voor de vestiging {city}, {hours_txt}, vanaf {start_txt}."]
        if desc_skills or years_txt:
            parts.append("Moet kunnen: " + join_nl(desc_skills + ([years_txt] if years_txt else [])) + ".")
        if desc_certs:
            parts.append("Moet hebben: " + join_nl(desc_certs) + ".")
        if desc_pref:
            parts.append(f"Liefst ook {join_nl(desc_pref)}.")
        if lic_txt:
            parts.append(cap(lic_txt) + " is nodig (eigen vervoer naar de klanten).")
        parts.append(f"Werkgever staat open voor statushouders en mensen die lang thuis zaten, mits {traits[0]}.")
        desc = " ".join(parts)

    rec["description"] = desc
    if req_list:
        rec["required_skills"] = req_list
    if pref_list:
        rec["preferred_skills"] = pref_list
    rec.update({"hours_min": v["hmin"], "hours_max": v["hmax"], "postcode": v["pc"], "city": city})
    if v["edu"]:
        rec["education_min"] = v["edu"]
    if v["licence"]:
        rec["driving_licence"] = v["licence"]
    if v["dutch"]:
        rec["dutch_min"] = v["dutch"]
    rec["start_date"] = v["start"].isoformat()
    rec["status"] = "open"
    return rec


# ----------------------------------------------------------------------------------------------
# text: candidates
# ----------------------------------------------------------------------------------------------
EDU_TEXT = {
    "none": ["Geen diploma.", "Geen opleiding afgerond."],
    "primary": ["Basisschool / praktijkonderwijs.", "Praktijkonderwijs afgerond."],
    "vmbo": ["vmbo-basis.", "vmbo kader, diploma gehaald.", "mavo (niet afgemaakt)."],
    "mbo1": ["mbo-1 Entree.", "Entreeopleiding (mbo-1)."],
    "mbo2": ["mbo-2 diploma.", "mbo niveau 2."],
    "mbo3": ["mbo-3 diploma.", "mbo niveau 3 afgerond."],
    "mbo4": ["mbo-4 diploma."],
    "havo_vwo": ["havo-diploma.", "havo, daarna een jaar hbo (gestopt)."],
    "hbo": ["hbo-diploma (bedrijfskunde)."],
    "foreign_unrecognised": ["Middelbare school in {country}, diploma niet erkend in NL.",
                             "Diploma uit {country} (niet gewaardeerd).", "Tien jaar school in {country}."],
}


EDU_RANK = ["none", "primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo"]


def persona_profile(rng, c):
    p = c["persona"]
    if p == "statushouder":
        origin = wchoice(rng, [("sy", 5), ("er", 3), ("af", 2)])
        edu = wchoice(rng, [("foreign_unrecognised", 50), ("none", 20), ("primary", 10), ("mbo1", 15), ("mbo2", 5)])
        dutch = wchoice(rng, [("A1", 15), ("A2", 45), ("B1", 35), ("B2", 5)])
        groups = ["participatiewet", "statushouder"]
        age = rng.randint(20, 55)
    elif p == "bijstand":
        origin = wchoice(rng, [("nl", 65), ("tr", 15), ("sr", 10), ("pl", 10)])
        edu = wchoice(rng, [("vmbo", 30), ("mbo1", 20), ("mbo2", 30), ("primary", 10), ("mbo3", 10)])
        dutch = wchoice(rng, [("C1", 6), ("C2", 4)]) if origin == "nl" else wchoice(rng, [("B1", 5), ("B2", 4), ("C1", 1)])
        groups = ["participatiewet"]
        age = rng.randint(23, 62)
    elif p == "herintreder":
        origin = wchoice(rng, [("nl", 70), ("tr", 20), ("sr", 10)])
        edu = wchoice(rng, [("vmbo", 30), ("mbo2", 30), ("mbo3", 20), ("havo_vwo", 15), ("mbo4", 5)])
        dutch = wchoice(rng, [("C1", 6), ("C2", 3)]) if origin == "nl" else wchoice(rng, [("B2", 6), ("C1", 3)])
        groups = wchoice(rng, [(["participatiewet"], 8), (["nug"], 2)])
        age = rng.randint(32, 60)
    elif p == "jongere":
        origin = wchoice(rng, [("nl", 60), ("tr", 20), ("sr", 10), ("sy", 10)])
        edu = wchoice(rng, [("vmbo", 35), ("mbo1", 30), ("mbo2", 20), ("none", 15)])
        dutch = wchoice(rng, [("B2", 4), ("C1", 6)])
        groups = ["participatiewet"]
        age = rng.randint(18, 26)
    else:
        origin = wchoice(rng, [("nl", 80), ("tr", 10), ("sr", 10)])
        edu = wchoice(rng, [("primary", 40), ("vmbo", 30), ("mbo1", 25), ("mbo2", 5)])
        dutch = wchoice(rng, [("B2", 4), ("C1", 6)])
        groups = wchoice(rng, [(["participatiewet", "banenafspraak"], 6), (["wajong", "banenafspraak"], 3), (["wia"], 1)])
        age = rng.randint(19, 58)
    if c["occ"] in OFFICE and dutch in ("A1", "A2"):
        dutch = "B1"
    # a Dutch vocational diploma that the person holds sets a floor to the education level
    for sid, floor in (("diploma_pw", "mbo3"), ("diploma_helpende", "mbo2"), ("svh_kok", "mbo2"),
                       ("diploma_beveiliger", "mbo2")):
        if sid in c["held"] and (edu == "foreign_unrecognised" or EDU_RANK.index(edu) < EDU_RANK.index(floor)):
            edu = floor
            if dutch in ("A1", "A2"):
                dutch = "B1"
    c.update(origin=origin, edu=edu, dutch=dutch, groups=groups, age=age,
             country=rng.choice(F.COUNTRY[origin]))
    first = rng.choice(F.NAMES[origin][0])
    last = rng.choice(F.NAMES[origin][1])
    c["first"], c["last"] = first, last
    birth_year = 2026 - age
    c["birth"] = rand_date(rng, dt.date(birth_year - 1, 7, 1), dt.date(birth_year, 6, 30))


def low_dutch(c):
    return c["dutch"] in ("A1", "A2")


def experience_text(rng, c, todo):
    """Work history in one of several styles. Mentions the skills in `todo` (removes them)."""
    occ, n = c["occ"], c["years"]
    o = F.OCCUPATIONS[occ]
    statush = c["persona"] == "statushouder"
    lines = []

    def take(k):
        picked = todo[:k]
        del todo[:k]
        return picked

    if n == 0:
        style = wchoice(rng, [("none", 3), ("note0", 2)])
        if style == "none":
            lines.append(rng.choice(["Nog geen betaalde werkervaring in Nederland.", "Geen werkervaring.",
                                     f"Geen werkervaring als {title_form(rng, occ, 0, licences=c['licences'])}."]))
            if rng.random() < 0.5:
                lines.append(f"Snuffelstage van twee weken bij {rng.choice(o['places'])}.")
        else:
            lines.append(f"Kandidaat heeft nog niet als {title_form(rng, occ, licences=c['licences'])} gewerkt, maar wil dit graag.")
        picked = take(len(todo))
        if picked:
            lines.append(rng.choice(["Wel gehaald/geleerd: ", "Via cursus en stage: ", "Kan al: "]) +
                         join_nl([skill_form(rng, s) for s in picked]) + ".")
        lines.append(rng.choice(F.NEUTRAL_ACTIVITIES))
        return "\n".join(lines)

    if c["sparse"]:
        where = rng.choice(o["places"])
        t = title_form(rng, occ, licences=c["licences"])
        return rng.choice([f"{years_phrase(rng, n)} {t} bij {where}.", f"{cap(t)}, {years_phrase(rng, n)}.",
                           f"Werkte {years_phrase(rng, n)} als {t}."])

    style_opts = [("cv", 35), ("informal", 25), ("note", 25), ("english", 6)]
    if statush:
        style_opts.append(("abroad", 35))
    if low_dutch(c):
        style_opts = [(s, w) for s, w in style_opts if s != "informal"] + [("simple", 30)]
    style = wchoice(rng, style_opts)
    end = rng.randint(2010, 2019) if c["persona"] == "herintreder" else rng.randint(2022, 2026)
    start = end - n

    if style == "cv":
        if n >= 3 and rng.random() < 0.5:
            n1 = rng.randint(1, n - 1)
            jobs = [(start, start + n1), (start + n1, end)]
        else:
            jobs = [(start, end)]
        for a, b in reversed(jobs):
            t = title_form(rng, occ, licences=c["licences"])
            where = rng.choice(o["places"])
            lines.append(f"{a} – {b}  {cap(t)} bij {where} ({rng.choice(list(F.PLACES))})")
            picked = take(rng.randint(1, 3)) if todo else []
            if picked:
                lines.append("    Taken: " + ", ".join(skill_form(rng, s) for s in picked) + ".")
        if c["persona"] == "herintreder":
            lines.append(f"{end} – 2025  Thuis voor de kinderen / mantelzorg.")
        elif rng.random() < 0.3:
            lines.append(rng.choice(F.NEUTRAL_ACTIVITIES))
    elif style == "informal":
        lines.append(f"Ik {rng.choice(o['informal'])}, {years_phrase(rng, n)} in totaal.")
        for s in take(rng.randint(1, 3)):
            lines.append(f"Ik {rng.choice(F.SKILLS[s]['said'])}.")
        if c["persona"] == "herintreder":
            lines.append(f"Na {end} ben ik thuis geweest voor mijn gezin.")
    elif style == "note":
        t = title_form(rng, occ, licences=c["licences"])
        lines.append(f"Kandidaat heeft ca. {n} jr ervaring als {t} ({rng.choice(o['places'])}), laatst in {end}.")
        picked = take(rng.randint(1, 4))
        if picked:
            lines.append("Werkzaamheden: " + ", ".join(skill_form(rng, s) for s in picked) + ".")
    elif style == "english":
        lines.append(f"Worked {n} year{'s' if n > 1 else ''} as {o['en']} ({start}-{end}).")
        picked = take(rng.randint(1, 3))
        if picked:
            lines.append("Tasks: " + join_en([F.SKILLS[s]["en"] for s in picked]) + ".")
    elif style == "abroad":
        t = title_form(rng, occ, 0.05, licences=c["licences"])
        lines.append(rng.choice([f"In {c['country']} {years_phrase(rng, n)} gewerkt als {t}.",
                                 f"{c['country']}: {t}, {years_phrase(rng, n)} ({rng.choice(o['places'])}).",
                                 f"Heeft in {c['country']} {years_phrase(rng, n)} als {t} gewerkt."]))
        picked = take(rng.randint(1, 3))
        if picked:
            lines.append("Daar deed ik: " + ", ".join(skill_form(rng, s, 0.3) for s in picked) + ".")
        lines.append(rng.choice(["In Nederland nog geen betaald werk.", "Inburgering afgerond.",
                                 "In NL: werkervaringsplek via de gemeente.", "Nu aan het inburgeren."]))
    else:  # simple Dutch
        t = title_form(rng, occ, 0.3, licences=c["licences"])
        lines.append(rng.choice([f"Ik werk {n} jaar als {t}.", f"Ik heb {n} jaar {t} gewerkt.",
                                 f"Ik was {t}, {n} jaar."]))
        picked = take(rng.randint(1, 3))
        if picked:
            lines.append("Ik kan " + join_nl([skill_form(rng, s, 0.3) for s in picked]) + ".")
    if c["confuser"] and rng.random() < 0.6:
        lines.append(c["confuser"])
        c["confuser_used"] = True
    return "\n".join(lines)


def about_text(rng, c, todo, desired):
    parts = []
    low = low_dutch(c)
    traits = rng.sample(F.TRAITS, k=rng.randint(1, 3))
    title = title_form(rng, c["occ"], 0.1, licences=c["licences"])
    style = wchoice(rng, [("simple", 1)]) if low and rng.random() < 0.7 else wchoice(rng, [("own", 5), ("note", 5)])
    lic = c["licences"]
    if style == "simple":
        parts.append(rng.choice([f"Ik heet {c['first']}.", f"Ik ben {c['first']}, ik kom uit {c['country']}.",
                                 f"Ik woon in {c['city']}."]))
        if c["years"] == 0 or not desired or rng.random() < 0.5:
            parts.append(rng.choice([f"Ik wil graag werken als {title}.", f"Ik zoek werk als {title}.",
                                     f"Mijn wens: {rng.choice(F.OCCUPATIONS[c['occ']]['wish'])}."]))
        parts.append(f"Ik ben {pred(traits[0])}." if rng.random() < 0.6 else "Ik ben hard werken.")
        parts.append(f"Ik kan {c['hmin']} tot {c['hmax']} uur werken.")
        if "B" not in lic:
            parts.append(rng.choice(["Ik heb geen auto, ik ga met de fiets.", "Geen rijbewijs. Ik ga met de bus.",
                                     "Ik heb geen rijbewijs."]))
        for s in todo:
            parts.append(f"Ik {rng.choice(F.SKILLS[s]['said'])}.")
    elif style == "own":
        parts.append(rng.choice([f"Ik ben {pred(traits[0])}." if traits[0] == "teamspeler" else f"Ik ben een {traits[0]} persoon.",
                                 f"Ik ben {pred(traits[0])} en werk graag samen.",
                                 f"Mensen omschrijven mij als {join_nl([pred(t) for t in traits])}.",
                                 f"Ik ben {join_nl([pred(t) for t in traits])} en kom mijn afspraken na.",
                                 "Ik wil graag weer aan het werk en ben snel inzetbaar."]))
        if c["years"] == 0 or not desired or rng.random() < 0.5:
            parts.append(rng.choice([f"Het liefst ga ik aan de slag als {title}.",
                                     f"Mijn wens is {rng.choice(F.OCCUPATIONS[c['occ']]['wish'])}.",
                                     f"Ik zoek een baan als {title}, liefst in de buurt."]))
        for s in todo:
            parts.append(f"En ik {rng.choice(F.SKILLS[s]['said'])}." if rng.random() < 0.3 else f"Ik {rng.choice(F.SKILLS[s]['said'])}.")
        parts.append(rng.choice([f"Ik kan {c['hmin']}-{c['hmax']} uur per week werken.",
                                 f"Beschikbaar voor {c['hmin']} tot {c['hmax']} uur.",
                                 f"Ik zoek werk voor {c['hmin']} à {c['hmax']} uur in de week."]))
        if "B" in lic:
            parts.append(rng.choice([f"Ik heb een auto en wil tot zo'n {c['max_km']} km reizen.",
                                     "Eigen vervoer aanwezig.", f"Ik heb rijbewijs {'/'.join(x for x in lic if x != 'AM')}."]))
        else:
            parts.append(rng.choice(["Ik heb geen rijbewijs, ik reis met fiets of bus.",
                                     f"Zonder auto, dus niet verder dan ongeveer {c['max_km']} km.", ""]))
    else:
        dte = rand_date(rng, dt.date(2025, 9, 1), dt.date(2026, 10, 30))
        parts.append(f"Intake {dte.isoformat()}: kandidaat is {join_nl([pred(t) for t in traits])}, komt afspraken na.")
        if c["years"] == 0 or not desired or rng.random() < 0.6:
            parts.append(f"Wens: {rng.choice(F.OCCUPATIONS[c['occ']]['wish'])} ({title}).")
        if todo:
            parts.append("Kan ook: " + ", ".join(skill_form(rng, s) for s in todo) + ".")
        parts.append(f"Uren: {c['hmin']}-{c['hmax']}. Reisafstand max. {c['max_km']} km"
                     f"{' (eigen auto)' if 'B' in lic else ' (fiets/ov)'}.")
        if c["persona"] == "beperking":
            parts.append(rng.choice(["Arbeidsbeperking (rugklachten), geen zwaar tilwerk langer dan een uur.",
                                     "Doelgroepregister banenafspraak; heeft baat bij vaste structuur en een vaste begeleider.",
                                     "Licht verstandelijke beperking, leert het best door voordoen."]))
    todo.clear()
    # reasons that go with the hard-requirement data (written for everybody, not only for breakers)
    if c["avail"] > dt.date(2027, 1, 1) and rng.random() < 0.7:
        parts.append(f"Beschikbaar vanaf {nl_date(c['avail'])}: " +
                     rng.choice(["eerst de inburgering afronden.", "eerst een cursus afmaken.",
                                 "nog herstellen van een operatie.", "dan is de verhuizing rond.",
                                 "nog een lopend tijdelijk contract."]))
    if c.get("lic_story"):
        parts.append(c["lic_story"])
    if c["hmax"] <= 18 and rng.random() < 0.6:
        parts.append(rng.choice(["Kan alleen onder schooltijd werken.", "Meer uren lukt nog niet (belastbaarheid).",
                                 "Wil eerst klein beginnen."]))
    if c["hmin"] >= 26 and rng.random() < 0.6:
        parts.append(rng.choice(["Zoekt echt een fulltime baan.", "Wil minimaal " + str(c["hmin"]) + " uur werken om uit de bijstand te komen."]))
    if c["negwish"]:
        parts.append(rng.choice(F.NEGATIVE_WISHES).format(x=c["negwish"]))
    if c["confuser"] and not c.get("confuser_used"):
        parts.append(c["confuser"])
    return " ".join(p for p in parts if p)


def candidate_record(rng, c):
    occ = c["occ"]
    o = F.OCCUPATIONS[occ]
    held = list(c["held"])
    rng.shuffle(held)
    # licence stories for people whose missing licence matters
    c["lic_story"] = None
    if occ == "chauffeur" and "C" not in c["licences"]:
        c["lic_story"] = (f"Reed in {c['country']} vrachtwagen, maar heeft nog geen Nederlands rijbewijs C/CE."
                          if c["origin"] != "nl" else
                          "Rijbewijs C/CE is verlopen; de medische keuring moet nog opnieuw.")
    elif occ == "chauffeur" and "CE" not in c["licences"] and rng.random() < 0.5:
        c["lic_story"] = "Heeft rijbewijs C, nog geen CE (aanhanger/oplegger)."
    elif "B" not in c["licences"] and rng.random() < 0.25:
        c["lic_story"] = rng.choice(["Is bezig met rijlessen, examen staat gepland.",
                                     f"Rijbewijs uit {c['country']} is nog niet omgezet." if c["origin"] != "nl"
                                     else "Rijbewijs is ingetrokken, nog niet terug.",
                                     "Heeft geen rijbewijs."])
    rec = {"external_id": c["id"], "first_name": c["first"], "last_name": c["last"],
           "birth_date": c["birth"].isoformat(), "postcode": c["pc"], "city": c["city"]}
    if rng.random() < 0.7:
        rec["email"] = f"{ascii_slug(c['first'])}.{ascii_slug(c['last'])}{rng.randint(1, 99) if rng.random() < 0.4 else ''}@example.org"
    if rng.random() < 0.4:
        rec["phone"] = f"06-00{rng.randint(100000, 999999)}"
    rec["education"] = c["edu"]
    rec["dutch_level"] = c["dutch"]
    rec["driving_licences"] = list(c["licences"])
    # certificates
    certs, todo = [], []
    for s in held:
        if F.SKILLS[s]["cert"] and rng.random() < 0.6:
            certs.append(rng.choice(F.SKILLS[s]["cert"]))
        else:
            todo.append(s)
    if certs:
        rec["certificates"] = certs
    if c["sparse"]:     # the job title in the work history says it all
        todo = [s for s in todo if s not in o["implied"]]
    rec.update({"hours_min": c["hmin"], "hours_max": c["hmax"], "available_from": c["avail"].isoformat(),
                "max_travel_km": c["max_km"]})
    # desired occupations
    desired = []
    if rng.random() < 0.8 or (c["years"] == 0 and rng.random() < 0.5):
        desired.append(title_form(rng, occ, licences=c["licences"]))
        if rng.random() < 0.3:
            alt = title_form(rng, occ, 0.5, licences=c["licences"])
            if alt != desired[0]:
                desired.append(alt)
        others = sorted(b for (a, b), r in REL.items() if a == occ)
        if others and rng.random() < 0.2:
            desired.append(title_form(rng, rng.choice(others), 0.1))
        if rng.random() < 0.05:
            desired.append(rng.choice(["maakt niet uit", "alles", "iets in de buurt"]))
    rec["desired_occupations"] = desired
    # skills
    mode = "sparse" if c["sparse"] else wchoice(rng, [("list", 55), ("empty", 25), ("few", 20)])
    skills = []
    if mode == "list":
        listed = [s for s in todo if rng.random() < 0.7]
        skills = [skill_form(rng, s) for s in listed]
        todo = [s for s in todo if s not in listed]
        skills += rng.sample(F.TRAITS, k=rng.randint(0, 3))
    elif mode in ("few", "sparse"):
        skills = rng.sample(F.TRAITS, k=rng.randint(0, 3))
        if mode == "few" and todo and rng.random() < 0.5:
            skills.insert(0, skill_form(rng, todo.pop(0)))
    rng.shuffle(skills)
    if skills or rng.random() < 0.5:
        rec["skills"] = skills
    # negated skill (a skill of this occupation the person does not hold)
    missing = [s for s in o["core"] if s not in c["held"] and F.SKILLS[s]["cert"]]
    neg = None
    if missing and rng.random() < 0.4:
        s = rng.choice(missing)
        word = F.SKILLS[s]["cert"][0]
        neg = rng.choice([f"Nog geen {word}, wil dat graag halen.",
                          f"Heeft (nog) geen {word}.",
                          f"{cap(word)}: nee, nog niet."])
    rng_todo_exp = todo[:]
    exp_todo = rng_todo_exp[: max(0, len(rng_todo_exp) - rng.randint(0, 1))]
    about_todo = rng_todo_exp[len(exp_todo):]
    exp = experience_text(rng, c, exp_todo)
    about_todo = exp_todo + about_todo      # whatever the work history did not mention
    edu_line = rng.choice(EDU_TEXT[c["edu"]]).format(country=c["country"])
    if rng.random() < 0.5:
        exp = exp + "\nOpleiding: " + edu_line
    if neg:
        exp = exp + "\n" + neg
    rec["experience"] = exp
    rec["about"] = about_text(rng, c, about_todo, desired)
    ladder = rng.choice([2, 3, 3, 4, 4, 5])
    rec["ladder"] = ladder
    rec["ladder_assessed_on"] = rand_date(rng, dt.date(2025, 3, 1), dt.date(2026, 10, 30)).isoformat()
    rec["target_groups"] = list(c["groups"])
    rec["benefit_since"] = rand_date(rng, dt.date(2014, 1, 1), dt.date(2026, 6, 1)).isoformat()
    consent = rng.random() < 0.6
    rec["publish_consent"] = consent
    if consent:
        rec["consent_until"] = rand_date(rng, dt.date(2027, 6, 1), dt.date(2028, 12, 31)).isoformat()
    return rec


# ----------------------------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------------------------
def main(write=True):
    rng = random.Random(SEED)
    employers = build_employers(rng)
    vacs = build_vacancies(rng, employers)
    vac_by_id = {v["id"]: v for v in vacs}

    # 1. truth: pools around each vacancy plus background people
    cands = []
    for v in vacs:
        pool = pool_for(rng, v)
        for t in pool:
            g = pre_grade(t, v)
            want = {"g3": 3, "g2s": 2, "g2c": 2, "g1": 1, "decoy": 0}[t["intent"]]
            assert g == want, (v["id"], t["intent"], t["occ"], g)
            if t["intent"] != "decoy" and rng.random() < P_BREAK:
                t["brk"] = choose_break(rng, v)
        cands += pool
    occ_weights = sorted((o, 3 if F.OCCUPATIONS[o]["family"] in ("productie", "logistiek", "schoonmaak", "keuken", "zorg") else 2)
                         for o in F.OCCUPATIONS)
    for _ in range(N_BACKGROUND):
        cands.append(new_truth(rng, wchoice(rng, occ_weights), "background"))
    rng.shuffle(cands)
    for i, c in enumerate(cands):
        c["id"] = f"IV-C{i + 1:04d}"

    # 2. hard-requirement data
    for c in cands:
        assign_attributes(rng, c, vac_by_id)
        assert intended_ok(c, vac_by_id), c
    repair(rng, cands, vacs, vac_by_id)
    for c in cands:
        settle_distance(c, vacs, vac_by_id)
        assert intended_ok(c, vac_by_id), c["id"]
        c["pc"] = postcode(rng, c["city"])

    # 3. text
    for c in cands:
        persona_profile(rng, c)
    vac_records = [vacancy_record(rng, v) for v in vacs]
    cand_records = [candidate_record(rng, c) for c in cands]

    # 4. judgements
    by_id = {c["id"]: c for c in cands}
    qrels = []
    stats = {"pairs": 0, "grades": [0, 0, 0, 0], "otherwise_relevant": 0, "broken": 0, "broken_exactly_one": 0,
             "by_rule": {}, "per_vacancy_min": 10 ** 9, "per_vacancy_max": 0, "relevant_min": 10 ** 9}
    for v in vacs:
        judged = {}
        for c in cands:
            if pre_grade(c, v) > 0:
                judged[c["id"]] = c
        for c in cands:
            if c["target"] == v["id"] and c["intent"] == "decoy":
                judged[c["id"]] = c
        zero = [c for c in cands if c["id"] not in judged]
        fam = [c for c in zero if F.OCCUPATIONS[c["occ"]]["family"] == v["family"]]
        share = [c for c in zero if set(c["held"]) & set(v["req"] + v["pref"])]
        local = [c for c in zero if c["city"] == v["city"]]
        for group, k in ((fam, 6), (share, 6), (local, 4), (zero, 4)):
            group = [c for c in group if c["id"] not in judged]
            for c in rng.sample(group, min(k, len(group))):
                judged[c["id"]] = c
        # at least 20 people of another occupation per vacancy, padded with people from the
        # vacancy's own place and then from anywhere
        n_wrong = sum(1 for c in judged.values() if pre_grade(c, v) == 0)
        for group in (local, zero):
            group = [c for c in group if c["id"] not in judged]
            rng.shuffle(group)
            while n_wrong < 20 and group:
                judged[group.pop()["id"]] = None
                n_wrong += 1
        judged = {cid: (c if c is not None else by_id[cid]) for cid, c in judged.items()}
        n_rel = 0
        for cid in sorted(judged):
            c = judged[cid]
            g = grade(c, v)
            pg = pre_grade(c, v)
            qrels.append((v["id"], cid, g))
            stats["pairs"] += 1
            stats["grades"][g] += 1
            n_rel += g > 0
            if pg > 0:
                stats["otherwise_relevant"] += 1
                b = breaks(c, v)
                if b:
                    stats["broken"] += 1
                    stats["broken_exactly_one"] += len(b) == 1
                    for r in b:
                        stats["by_rule"][r] = stats["by_rule"].get(r, 0) + 1
                    # a judged relevant pair never sits on a distance boundary
                d = road_km(c["city"], v["city"])
                assert abs(d - c["max_km"]) >= margin(c["max_km"], 1) or d == 0, (v["id"], cid, d, c["max_km"])
                stats["near_margin"] = stats.get("near_margin", 0) + (0 < abs(d - c["max_km"]) < margin(c["max_km"]))
        stats["per_vacancy_min"] = min(stats["per_vacancy_min"], len(judged))
        stats["per_vacancy_max"] = max(stats["per_vacancy_max"], len(judged))
        stats["relevant_min"] = min(stats["relevant_min"], n_rel)

    # 5. split, stratified by occupation family
    by_family = {}
    for v in vacs:
        by_family.setdefault(v["family"], []).append(v["id"])
    fams = sorted(by_family)
    rng.shuffle(fams)
    order = []
    for f in fams:
        ids = sorted(by_family[f])
        rng.shuffle(ids)
        order += ids
    flip = rng.random() < 0.5
    split = {vid: ("tune" if (i % 2 == 0) != flip else "heldout") for i, vid in enumerate(order)}

    if not write:
        return cands, vacs, qrels, stats
    # 6. write
    data = {"format": "werkbrug-import/1", "employers": employers, "vacancies": vac_records,
            "candidates": cand_records}
    with open(os.path.join(HERE, "dataset.json"), "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(HERE, "qrels.tsv"), "w", encoding="utf-8") as fh:
        fh.write("vacancy_id\tcandidate_id\tgrade\n")
        for vid, cid, g in qrels:
            fh.write(f"{vid}\t{cid}\t{g}\n")
    with open(os.path.join(HERE, "split.tsv"), "w", encoding="utf-8") as fh:
        fh.write("vacancy_id\thalf\n")
        for v in vacs:
            fh.write(f"{v['id']}\t{split[v['id']]}\n")

    s = stats
    print(f"employers {len(employers)}, vacancies {len(vacs)}, candidates {len(cands)}")
    styles = {}
    for v in vacs:
        styles[v["style"]] = styles.get(v["style"], 0) + 1
    print("vacancy styles", dict(sorted(styles.items())),
          "| no occupation", sum(1 for r in vac_records if "occupation" not in r),
          "| occupation in English", sum(1 for r, v in zip(vac_records, vacs) if r.get("occupation") == F.OCCUPATIONS[v["occ"]]["en"]),
          "| no required_skills list", sum(1 for r in vac_records if "required_skills" not in r))
    print("candidates: skills empty or absent", sum(1 for r in cand_records if not r.get("skills")),
          "| no skill words in skills list (empty or traits only)",
          sum(1 for r in cand_records if all(x in F.TRAITS for x in r.get("skills", []))),
          "| desired_occupations empty", sum(1 for r in cand_records if not r["desired_occupations"]),
          "| title-only (sparse) profiles", sum(1 for c in cands if c["sparse"]),
          "| decoys", sum(1 for c in cands if c["intent"] == "decoy"),
          "| background", sum(1 for c in cands if c["intent"] == "background"))
    kms = [c["max_km"] for c in cands]
    print(f"max_travel_km: 15-40 km {sum(1 for k in kms if 15 <= k <= 40)}, under 15 {sum(1 for k in kms if k < 15)}, "
          f"over 40 {sum(1 for k in kms if k > 40)}; judged relevant pairs within max(3 km, 10%) of the limit: "
          f"{s.get('near_margin', 0)} (none within max(2 km, 5%))")
    print(f"judged pairs {s['pairs']} (per vacancy {s['per_vacancy_min']}..{s['per_vacancy_max']}, "
          f"fewest relevant {s['relevant_min']}); grades 0/1/2/3 = {s['grades']}")
    print(f"otherwise relevant pairs {s['otherwise_relevant']}, breaking a hard requirement {s['broken']} "
          f"({100 * s['broken'] / s['otherwise_relevant']:.1f}%), exactly one {s['broken_exactly_one']}, "
          f"by rule {dict(sorted(s['by_rule'].items()))}")
    print(f"split: tune {sum(1 for x in split.values() if x == 'tune')}, heldout {sum(1 for x in split.values() if x == 'heldout')}")
    return stats


if __name__ == "__main__":
    main()
