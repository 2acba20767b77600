"""Hard requirements and grades, from the hidden truth alone: road distance between places, the rules
a candidate breaks for a vacancy, how two occupations relate and the grade of a pair."""
import math

import families as F


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
