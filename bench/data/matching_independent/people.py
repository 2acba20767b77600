"""Candidates' truth: occupation, skills held, years and persona, and the pool of people built
around each vacancy (relevant at each grade, and decoys)."""
import families as F
from grades import REL, relation
from wording import title_form, wchoice

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
