"""Write the matching evaluation set: `python bench/data/matching_eval/generate.py` (deterministic).

Output beside this file: `dataset.json` (werkbrug-import/1: employers, vacancies, candidates; all
personal fields fictitious) and `qrels.tsv` (vacancy_id, candidate_id, grade 0-3). Grades come from
each record's hidden truth (occupation family, skills actually held), never from its wording, so
the matcher is judged on how well it reads varied Dutch wording and keeps the hard requirements.
"""
from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[2])]

from families import CERTIFICATES, FAMILIES, PHRASES, SKILL_WORDS, Family  # noqa: E402

from matching.geo import locate, travel_km  # noqa: E402
from seed.taxonomy import load_skills  # noqa: E402

SEED = 20260301
N_VACANCIES, PER_VACANCY, N_CANDIDATES = 44, 9, 600
PLACES = {  # Flevoland and the Veluwe edge: (PC4, place)
    "Dronten": "8251", "Swifterbant": "8255", "Biddinghuizen": "8256", "Lelystad": "8232", "Almere": "1315",
    "Zeewolde": "3891", "Kampen": "8261", "Harderwijk": "3841", "Ermelo": "3851", "Nunspeet": "8071",
    "Elburg": "8081", "Emmeloord": "8302", "Urk": "8321", "Zwolle": "8011", "Apeldoorn": "7311",
    "Epe": "8161", "Hattem": "8051", "Putten": "3881", "Oldebroek": "8096", "Wezep": "8091",
}
WORKPLACES = ("Dronten", "Lelystad", "Harderwijk", "Kampen", "Almere", "Emmeloord", "Zeewolde", "Nunspeet",
              "Elburg", "Apeldoorn", "Zwolle")
HOURS = ((32, 40), (24, 32), (16, 24), (20, 38), (12, 20), (28, 36))
EDU = ("vmbo", "mbo1", "mbo2", "mbo2", "mbo3", "mbo4", "havo_vwo", "primary", "none", "foreign_unrecognised")
CEFR = ("A1", "A2", "A2", "B1", "B1", "B2", "C1")
FIRST = ("Sanne", "Mohamed", "Eva", "Yusuf", "Lotte", "Daan", "Aisha", "Bram", "Fenna", "Tesfay", "Ilse", "Kofi",
         "Marieke", "Piotr", "Noor", "Anouk", "Rachid", "Wessel", "Olena", "Jelle", "Merel", "Hamid", "Tamara")
LAST = ("de Vries", "Bakker", "Yilmaz", "Jansen", "Visser", "Haile", "Kowalski", "van Dijk", "Smit", "Bouzid",
        "Mulder", "de Boer", "Petrenko", "Hoekstra", "Meijer", "Osei", "van der Veen", "Brouwer", "El Amrani")
TARGET_GROUPS = (("participatiewet",), ("participatiewet",), ("participatiewet", "statushouder"),
                 ("banenafspraak",), ("participatiewet", "banenafspraak"), ("ww",), ("nug",), ())
TODAY = date(2026, 3, 1)
LABELS = {s.id: s.label for s in load_skills()}
BY_SLUG = {f.slug: f for f in FAMILIES}
POINT = {city: locate(pc, city) for city, pc in PLACES.items()}


@dataclass
class Truth:
    family: str
    skills: set[str] = field(default_factory=set)
    licences: set[str] | None = None
    city: str = "Dronten"


def word(rng: random.Random, slug: str) -> str:
    return rng.choice(SKILL_WORDS.get(slug, (LABELS[slug],)))


def postcode(rng: random.Random, city: str) -> str:
    return f"{PLACES[city]} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}"


def make_vacancy(rng: random.Random, n: int, fam: Family, city: str) -> tuple[dict, dict]:
    core = list(fam.core)
    required = [core[0], *rng.sample(core[1:], rng.choice((1, 2, 2)))]
    preferred = rng.sample([s for s in core if s not in required], rng.choice((1, 2)))
    lo, hi = rng.choice(HOURS)
    record = {"external_id": f"EV-V{n:03d}", "employer": f"EV-W{n:03d}", "title": rng.choice(fam.titles),
              "required_skills": [word(rng, s) for s in required],
              "preferred_skills": [word(rng, s) for s in preferred],
              "hours_min": lo, "hours_max": hi, "city": city,
              "start_date": (TODAY + timedelta(weeks=rng.randint(3, 12))).isoformat()}
    if rng.random() < 0.6:
        record["occupation"] = rng.choice(fam.wordings)
    if rng.random() < 0.6:
        record["postcode"] = postcode(rng, city)
    licence = fam.licence if fam.licence and rng.random() < 0.9 else ("B" if rng.random() < 0.15 else None)
    if licence:
        record["driving_licence"] = licence
    if rng.random() < 0.4:
        record["dutch_min"] = rng.choice(("A2", "B1"))
    if rng.random() < 0.25:
        record["education_min"] = rng.choice(("mbo1", "mbo2"))
    tasks = [PHRASES[s][0] for s in fam.core if s in PHRASES]
    record["description"] = (
        f"Voor onze vestiging in {city} zoeken wij een {record['title'].lower()}. "
        + (f"Je taken: {', '.join(LABELS[s].lower() for s in required + preferred)}. " if rng.random() < 0.7 else "")
        + ("Ervaring met " + tasks[0] + " is mooi meegenomen. " if tasks else "")
        + "Een vast team, goede begeleiding en kans op een vast contract.")
    truth = {"family": fam.slug, "required": required, "preferred": preferred, "licence": licence,
             "city": city, "hours": (lo, hi), "start": record["start_date"],
             "dutch_min": record.get("dutch_min"), "education_min": record.get("education_min")}
    return record, truth


def make_candidate(rng: random.Random, n: int, fam: Family, city: str, coverage: float,
                   must: list[str] = ()) -> tuple[dict, Truth]:
    core = list(fam.core)
    k = max(1, round(coverage * len(core)))
    skills = set(must) | set(rng.sample(core, k))
    other = rng.choice(FAMILIES)
    skills |= set(rng.sample(other.core, rng.choice((0, 1, 1, 2))))
    truth = Truth(fam.slug, skills, city=city)
    birth = date(rng.randint(1961, 2006), rng.randint(1, 12), rng.randint(1, 28))
    lo, hi = rng.choice(((16, 40), (24, 40), (32, 40), (12, 28), (20, 32), (8, 24), (24, 36)))
    record = {"external_id": f"EV-C{n:04d}", "first_name": rng.choice(FIRST), "last_name": rng.choice(LAST),
              "birth_date": birth.isoformat(), "city": city, "hours_min": lo, "hours_max": hi,
              "max_travel_km": rng.choice((15, 20, 25, 30, 40, 50, 60)),
              "available_from": (TODAY + timedelta(days=rng.randint(-90, 14))).isoformat(),
              "education": rng.choice(EDU), "dutch_level": rng.choice(CEFR),
              "target_groups": list(rng.choice(TARGET_GROUPS)), "ladder": rng.choice((3, 4, 4, 5, 5, 6))}
    if rng.random() < 0.7:
        record["postcode"] = postcode(rng, city)
    if rng.random() < 0.85:
        licences = {"B"} if rng.random() < 0.6 else set()
        if "rijbewijs-ce" in skills or (fam.licence == "CE" and rng.random() < 0.9):
            licences |= {"B", "C", "CE"}
            skills.add("rijbewijs-ce")
        if "rijbewijs-b" in skills or (fam.licence == "B" and rng.random() < 0.85):
            licences.add("B")
        truth.licences = licences
        record["driving_licences"] = sorted(licences)
    listed = [s for s in sorted(skills) if not s.startswith("rijbewijs")]
    rng.shuffle(listed)
    in_text = [s for s in listed if s in PHRASES and rng.random() < 0.3]
    written = [s for s in listed if s not in in_text]
    record["certificates"] = [word(rng, s) for s in written if s in CERTIFICATES]
    record["skills"] = [word(rng, s) for s in written if s not in CERTIFICATES]
    occupations = []
    if rng.random() < 0.85:
        occupations.append(rng.choice(fam.wordings))
    if fam.related and rng.random() < 0.25:
        occupations.append(rng.choice(BY_SLUG[rng.choice(fam.related)].wordings))
    record["desired_occupations"] = occupations
    sentences = [f"Ik heb {rng.choice(PHRASES[s])}." for s in in_text]
    if not occupations:
        sentences.append(f"Eerder gewerkt als {rng.choice(fam.wordings)}.")
    record["experience"] = " ".join(sentences) or "Diverse baantjes via het uitzendbureau."
    return {k: v for k, v in record.items() if v != []}, truth


def breaks(vac: dict, cand: dict) -> list[str]:
    """The hard requirements a candidate breaks (contract: only where both sides give the data)."""
    out = []
    if vac.get("driving_licence") and "driving_licences" in cand \
            and vac["driving_licence"] not in cand["driving_licences"]:
        out.append("licence")
    km = travel_km(POINT[cand["city"]], POINT[vac["city"]])
    if km > cand["max_travel_km"]:
        out.append("distance")
    if cand["hours_max"] < vac["hours_min"] or cand["hours_min"] > vac["hours_max"]:
        out.append("hours")
    if cand["available_from"] > vac["start_date"]:
        out.append("availability")
    return out


def grade(vt: dict, cand: dict, ct: Truth) -> int:
    """Relevance 0-3 from the truth: occupation family, share of wanted skills held, soft levels."""
    if breaks(vt, cand):
        return 0
    req, pref = set(vt["required"]), set(vt["preferred"])
    cover = (2 * len(req & ct.skills) + len(pref & ct.skills)) / (2 * len(req) + len(pref))
    occ = 1.0 if ct.family == vt["family"] else 0.5 if ct.family in BY_SLUG[vt["family"]].related else 0.0
    if occ == 1.0 and cover >= 0.75:
        g = 3
    else:
        fit = 0.6 * cover + 0.4 * occ
        g = 2 if fit >= 0.55 else 1 if fit >= 0.3 else 0
    below = (vt["dutch_min"] and CEFR.index(cand["dutch_level"]) < CEFR.index(vt["dutch_min"])) or (
        vt["education_min"] and cand["education"] in ("none", "primary", "foreign_unrecognised"))
    return max(0, g - 1) if below and g else g


def nearby(rng: random.Random, city: str, reach: float) -> str:
    return rng.choice([c for c in PLACES if travel_km(POINT[c], POINT[city]) <= reach])


def targeted(rng: random.Random, n: int, vac: dict, vt: dict) -> list[tuple[dict, Truth, bool]]:
    """Candidates for one vacancy: strong, partial, related, and strong ones that break one requirement."""
    fam, out = BY_SLUG[vt["family"]], []
    plan = ["strong", "strong", "strong", "partial", "partial", "related", "break", "break", "break"]
    for i, kind in enumerate(plan):
        f = BY_SLUG[rng.choice(fam.related)] if kind == "related" and fam.related else fam
        cover = 0.4 if kind == "partial" else 0.7
        must = vt["required"] if kind in ("strong", "break") else []
        city = nearby(rng, vt["city"], 15)
        cand, truth = make_candidate(rng, n + i, f, city, cover, must)
        cand["max_travel_km"] = max(cand["max_travel_km"], round(travel_km(POINT[city], POINT[vt["city"]])) + 5)
        cand["hours_min"] = min(cand["hours_min"], vac["hours_max"])
        cand["hours_max"] = max(cand["hours_max"], vac["hours_min"])
        cand["available_from"] = min(cand["available_from"], vac["start_date"])
        if vac.get("driving_licence") and "driving_licences" in cand:
            cand["driving_licences"] = sorted(set(cand["driving_licences"]) | {vac["driving_licence"]})
        if kind == "break":
            _break_one(rng, cand, vac, ("distance", "hours", "availability", "licence")[(n + i) % 4])
        out.append((cand, truth, kind == "break"))
    return out


def _break_one(rng: random.Random, cand: dict, vac: dict, what: str) -> None:
    if what == "licence" and not vac.get("driving_licence"):
        what = "availability"
    if what == "distance":
        far = [c for c in PLACES if travel_km(POINT[c], POINT[vac["city"]]) > 30]
        cand["city"] = rng.choice(far)
        cand.pop("postcode", None)
        cand["max_travel_km"] = max(5, round(travel_km(POINT[cand["city"]], POINT[vac["city"]])) - rng.randint(5, 15))
    elif what == "hours":
        lo = vac["hours_max"] + 4
        cand["hours_min"], cand["hours_max"] = (lo, min(48, lo + 8)) if lo <= 40 else (4, vac["hours_min"] - 4)
    elif what == "availability":
        start = date.fromisoformat(vac["start_date"])
        cand["available_from"] = (start + timedelta(weeks=rng.randint(2, 10))).isoformat()
    else:
        cand["driving_licences"] = sorted({"B", "AM"} - {vac["driving_licence"]})


def main() -> None:
    rng = random.Random(SEED)
    employers, vacancies, truths, candidates = [], [], [], []
    for n in range(1, N_VACANCIES + 1):
        fam = FAMILIES[(n - 1) % len(FAMILIES)]
        city = rng.choice(WORKPLACES)
        vac, vt = make_vacancy(rng, n, fam, city)
        employers.append({"external_id": vac["employer"], "name": f"Evaluatiebedrijf {n:03d}", "city": city})
        vacancies.append(vac)
        truths.append(vt)
    people: list[tuple[dict, Truth, bool]] = []
    for vac, vt in zip(vacancies, truths):
        people.extend(targeted(rng, len(people) + 1, vac, vt))
    while len(people) < N_CANDIDATES:
        fam = rng.choice(FAMILIES)
        cand, truth = make_candidate(rng, len(people) + 1, fam, rng.choice(list(PLACES)), rng.choice((0.3, 0.5, 0.7)))
        people.append((cand, truth, False))
    qrels = []
    for vac, vt in zip(vacancies, truths):
        vt["start_date"], vt["driving_licence"], vt["hours_min"], vt["hours_max"] = (
            vac["start_date"], vac.get("driving_licence"), vac["hours_min"], vac["hours_max"])
        for cand, truth, _ in people:
            g = grade(vt, cand, truth)
            looks_good = truth.family == vt["family"] and set(vt["required"]) <= truth.skills
            if g or (looks_good and breaks(vt, cand)):
                qrels.append((vac["external_id"], cand["external_id"], g))
        candidates = [c for c, _, _ in people]
    data = {"format": "werkbrug-import/1", "employers": employers, "vacancies": vacancies, "candidates": candidates}
    (HERE / "dataset.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = ["vacancy_id\tcandidate_id\tgrade", *(f"{v}\t{c}\t{g}" for v, c, g in qrels)]
    (HERE / "qrels.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(vacancies)} vacancies, {len(candidates)} candidates, {len(qrels)} judgements")


if __name__ == "__main__":
    main()
