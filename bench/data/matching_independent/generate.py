#!/usr/bin/env python3
"""Generate the independent matching evaluation set (werkbrug-import/1).

    python3 generate.py            # writes dataset.json, qrels.tsv, split.tsv beside this file

Deterministic (fixed seed, stdlib only, Python 3.11). The generator first decides every
record's hidden truth (occupation, skills held, years of experience, hard-requirement data),
computes the grades from that truth, and only then writes the Dutch text from the truth.
The texts never feed back into the grades.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# the modules beside this file, found by the path above
import families as F  # noqa: E402
from attributes import assign_attributes, choose_break, intended_ok, repair, settle_distance  # noqa: E402
from candidate_text import candidate_record, persona_profile  # noqa: E402
from grades import breaks, grade, margin, pre_grade, road_km  # noqa: E402
from people import new_truth, pool_for  # noqa: E402
from vacancies import build_employers, build_vacancies, vacancy_record  # noqa: E402
from wording import postcode, wchoice  # noqa: E402

SEED = 20270104
N_BACKGROUND = 250          # candidates not built around a particular vacancy
P_BREAK = 0.14              # share of a pool's relevant candidates that break one hard rule for it


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
