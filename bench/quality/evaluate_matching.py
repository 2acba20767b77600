"""Evaluate the matcher on the labelled set: `python -m bench.quality.evaluate_matching [--json] [--dir DIR]`.

Links every wording with the taxonomy linker (seed/taxonomy), ranks with matching.index.CandidateIndex,
and prints nDCG@10 (mean over vacancies), hard-requirement breaks in the top 10 (checked here,
independently of the engine) and the same figures for a plain word TF-IDF baseline (cosine over the
concatenated text) and a character n-gram TF-IDF baseline, both with the hard requirements applied.
Every labelled set under bench/data is evaluated in one run (the first set, and the independent set
split into its tune and held-out halves). With --json the last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from bench.quality.eval_mapping import Mapper
from matching.geo import locate
from matching.index import CandidateIndex

DATA = Path(__file__).resolve().parents[1] / "data" / "matching_eval"
K = 10
# The contract's distance is the estimated road distance: straight line times this factor.
ROAD_FACTOR = 1.3


def load(directory: Path = DATA) -> tuple[dict, dict[str, dict[str, int]]]:
    """The dataset (werkbrug-import/1) and its judgements {vacancy: {candidate: grade}}."""
    data = json.loads((directory / "dataset.json").read_text(encoding="utf-8"))
    qrels: dict[str, dict[str, int]] = defaultdict(dict)
    for line in (directory / "qrels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        vacancy, candidate, grade = line.split("\t")
        qrels[vacancy][candidate] = int(grade)
    return data, dict(qrels)


def ndcg(ranked: list[str], judged: dict[str, int], k: int = K) -> float:
    """nDCG@k with gain 2^grade - 1; 0.0 when the vacancy has no relevant candidate."""
    dcg = sum((2 ** judged.get(c, 0) - 1) / math.log2(i + 2) for i, c in enumerate(ranked[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h)) * ROAD_FACTOR


def broken_requirements(vac: dict, cand: dict) -> list[str]:
    """The contract's hard requirements this pair breaks, judged only where both sides give data."""
    out = []
    if vac.get("driving_licence") and "driving_licences" in cand \
            and vac["driving_licence"] not in cand["driving_licences"]:
        out.append("licence")
    where_v = locate(vac.get("postcode"), vac.get("city"))
    where_c = locate(cand.get("postcode"), cand.get("city"))
    if where_v and where_c and cand.get("max_travel_km") is not None and _km(where_c, where_v) > cand["max_travel_km"]:
        out.append("distance")
    lo_v, hi_v = vac.get("hours_min", 0), vac.get("hours_max", 99)
    lo_c, hi_c = cand.get("hours_min", 0), cand.get("hours_max", 99)
    if ("hours_min" in vac or "hours_max" in vac) and ("hours_min" in cand or "hours_max" in cand) \
            and (hi_c < lo_v or lo_c > hi_v):
        out.append("hours")
    if vac.get("start_date") and cand.get("available_from") \
            and date.fromisoformat(cand["available_from"]) > date.fromisoformat(vac["start_date"]):
        out.append("availability")
    return out


def engine_rankings(data: dict, mapper: Mapper) -> dict[str, list[str]]:
    """Top K candidate external ids per vacancy from the matcher."""
    cands = data["candidates"]
    docs = mapper.candidate_docs(cands)
    index = CandidateIndex.build(docs, mapper.taxonomy())
    ext = {d.id: c["external_id"] for d, c in zip(docs, cands)}
    out = {}
    for vdoc, vac in zip(mapper.vacancy_docs(data["vacancies"]), data["vacancies"]):
        out[vac["external_id"]] = [ext[s.candidate_id] for s in index.suggest(vdoc, top=K)]
    return out


def candidate_text(c: dict) -> str:
    """Everything a candidate wrote, as one text (what a plain search engine would index)."""
    return " ".join([*c.get("desired_occupations", []), *c.get("skills", []), *c.get("certificates", []),
                     c.get("experience", ""), c.get("about", "")])


def vacancy_text(v: dict) -> str:
    """Everything a vacancy says, as one text."""
    return " ".join([v["title"], v.get("occupation", ""), v.get("description", ""),
                     *v.get("required_skills", []), *v.get("preferred_skills", [])])


def baseline_rankings(data: dict, filtered: bool = False, analyzer: str = "word") -> dict[str, list[str]]:
    """Top K per vacancy by TF-IDF cosine over the concatenated text (no filters unless `filtered`).

    ``analyzer`` "word" is a plain word TF-IDF; "char_wb" is character 3-5-grams within word
    boundaries, which survives typos, compounds written apart and inflection.
    """
    cands, vacs = data["candidates"], data["vacancies"]
    options = {"analyzer": "char_wb", "ngram_range": (3, 5)} if analyzer == "char_wb" else {}
    vec = TfidfVectorizer(strip_accents="unicode", sublinear_tf=True, **options)
    matrix = vec.fit_transform([candidate_text(c) for c in cands] + [vacancy_text(v) for v in vacs])
    cm, vm = matrix[: len(cands)], matrix[len(cands):]
    sims = (vm @ cm.T).toarray()
    ids = np.array([c["external_id"] for c in cands])
    out = {}
    for row, vac in zip(sims, vacs):
        order = np.lexsort((ids, -row))
        if filtered:
            order = [i for i in order if not broken_requirements(vac, cands[i])]
        out[vac["external_id"]] = ids[order[:K]].tolist()
    return out


def score(rankings: dict[str, list[str]], data: dict, qrels: dict[str, dict[str, int]],
          vacancies: set[str] | None = None) -> dict:
    """Mean nDCG@K and hard-requirement breaks in the top K (with the pairs that break), over `vacancies`."""
    cands = {c["external_id"]: c for c in data["candidates"]}
    values, broken, names = [], [], []
    for vac in data["vacancies"]:
        if vacancies is not None and vac["external_id"] not in vacancies:
            continue
        ranked = rankings[vac["external_id"]]
        values.append(ndcg(ranked, qrels.get(vac["external_id"], {})))
        names.append(vac["external_id"])
        broken += [(vac["external_id"], c, b) for c in ranked for b in broken_requirements(vac, cands[c])]
    return {"ndcg10": round(float(np.mean(values)), 4) if values else 0.0, "breaks": len(broken),
            "broken": broken, "per_vacancy": dict(zip(names, (round(v, 4) for v in values)))}


def split(directory: Path) -> dict[str, set[str]]:
    """{half: vacancy ids} from split.tsv (vacancy_id, tune|heldout); {} when the set has no split."""
    path = directory / "split.tsv"
    if not path.exists():
        return {}
    halves: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            vacancy, half = line.split("\t")[:2]
            halves[half.strip()].add(vacancy.strip())
    return dict(halves)


SYSTEMS = ("werkbrug", "word_tfidf", "char_tfidf")


def evaluate(directory: Path = DATA, halves: tuple[str, ...] | None = None) -> dict:
    """Run the matcher and both baselines on a set; figures per system (and per half when split).

    Baselines are scored with the hard requirements applied (what the ranking itself adds); the
    unfiltered word TF-IDF is kept as ``unfiltered`` to show that the break check can fail.
    ``halves`` limits which halves of a split set are scored (all by default).
    """
    started = time.perf_counter()
    data, qrels = load(directory)
    mapper = Mapper()
    runs = {"werkbrug": engine_rankings(data, mapper),
            "word_tfidf": baseline_rankings(data, filtered=True),
            "char_tfidf": baseline_rankings(data, filtered=True, analyzer="char_wb")}
    unfiltered = baseline_rankings(data)
    parts = {"all": None} | {h: ids for h, ids in split(directory).items() if halves is None or h in halves}
    if len(parts) > 1:
        parts.pop("all")
    out = {"vacancies": len(data["vacancies"]), "candidates": len(data["candidates"]),
           "judgements": sum(len(j) for j in qrels.values()), "parts": {}}
    for name, ids in parts.items():
        out["parts"][name] = {system: score(runs[system], data, qrels, ids) for system in SYSTEMS}
        out["parts"][name]["unfiltered"] = score(unfiltered, data, qrels, ids)
        out["parts"][name]["n"] = len(out["parts"][name]["werkbrug"]["per_vacancy"])
    out["unlinked_wordings"] = mapper.unlinked
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


SETS = {"first": DATA, "independent": DATA.parent / "matching_independent"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--dir", type=Path, action="append",
                        help="folder with dataset.json and qrels.tsv (repeatable; default: every set)")
    parser.add_argument("--half", action="append", choices=("tune", "heldout"),
                        help="score only this half of a split set (repeatable; default: both)")
    args = parser.parse_args(argv)
    dirs = {d.name: d for d in args.dir} if args.dir else {k: v for k, v in SETS.items() if v.exists()}
    summary = {}
    for set_name, directory in dirs.items():
        result = evaluate(directory, tuple(args.half) if args.half else None)
        print(f"== {set_name} ({directory.name}): {result['vacancies']} vacancies, {result['candidates']} "
              f"candidates, {result['judgements']} judgements; {result['unlinked_wordings']} wordings "
              f"unlinked; {result['seconds']} s")
        for part, figures in result["parts"].items():
            label = f"{set_name}" if part == "all" else f"{set_name}/{part}"
            w, c = figures["werkbrug"], figures["char_tfidf"]
            print(f"  {label} ({figures['n']} vacancies)   nDCG@{K}   breaks in top {K}")
            print(f"    Werkbrug                       {w['ndcg10']:.4f}   {w['breaks']}")
            print(f"    word TF-IDF, hard req. applied {figures['word_tfidf']['ndcg10']:.4f}   "
                  f"{figures['word_tfidf']['breaks']}")
            print(f"    char 3-5 TF-IDF, hard req.     {c['ndcg10']:.4f}   {c['breaks']}")
            print(f"    (word TF-IDF without filters   {figures['unfiltered']['ndcg10']:.4f}   "
                  f"{figures['unfiltered']['breaks']})")
            print(f"    Werkbrug - char n-gram: {w['ndcg10'] - c['ndcg10']:+.4f}")
            summary[label] = {s: {"ndcg10": figures[s]["ndcg10"], "breaks": figures[s]["breaks"]}
                              for s in (*SYSTEMS, "unfiltered")}
            for pair in w["broken"]:
                print(f"BREAK {label} {pair}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
