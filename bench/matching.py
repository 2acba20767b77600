"""Benchmark the matcher on synthetic data: `python -m bench.matching --candidates N [--json]`.

Prints a readable summary and, as the last stdout line with --json, one JSON object with
n_candidates, build_s, peak_mb, median_ms, p95_ms, floor_median_ms, naive_median_ms (and extras).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from datetime import date, timedelta

import numpy as np
from rapidfuzz import fuzz

from matching.documents import CandidateDoc, Point, Taxonomy, VacancyDoc
from matching.geo import travel_km
from matching.index import CandidateIndex
from matching.levels import education_rank, level_fit

N_SKILLS, N_OCCUPATIONS, N_WORDS = 1_500, 3_000, 6_000
OCC_BASE = 100_000  # occupation ids live apart from skill ids, as in a real taxonomy
LICENCES = ["B", "BE", "C", "CE", "D", "AM"]
EDUCATION = ["none", "primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", "wo"]
CEFR = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"]
TODAY = date(2026, 1, 1)


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def zipf(rng: np.random.Generator, n: int, size: int | tuple, a: float = 1.1) -> np.ndarray:
    """Ids 0..n-1 with a realistic skew: a few very common, a long tail."""
    ranks = np.arange(1, n + 1, dtype=np.float64)
    p = ranks ** -a
    return rng.choice(n, size=size, p=p / p.sum())


def candidates(n: int, seed: int = 1, chunk: int = 20_000):
    """N synthetic candidates, generated chunk by chunk so they need not all be in memory."""
    words = np.array([f"w{i}" for i in range(N_WORDS)])
    for start in range(0, n, chunk):
        rng = np.random.default_rng([seed, start])
        m = min(chunk, n - start)
        skills = zipf(rng, N_SKILLS, (m, 14))
        k_sk = rng.integers(4, 15, m)
        occs = zipf(rng, N_OCCUPATIONS, (m, 3), 1.0)
        k_occ = rng.integers(1, 4, m)
        conf = rng.uniform(0.5, 1.0, (m, 14)).round(2)
        text = words[zipf(rng, N_WORDS, (m, 14), 1.0)]
        lat, lon = rng.uniform(51.4, 53.2, m), rng.uniform(4.2, 6.8, m)
        travel = rng.choice([10, 15, 20, 30, 40, 60, -1], m)
        h_lo = rng.choice([8, 12, 16, 20, 24, 32, -1], m)
        lic = rng.random((m, len(LICENCES))) < [0.5, 0.1, 0.05, 0.05, 0.02, 0.1]
        lic_known = rng.random(m) < 0.85
        avail = rng.integers(-60, 120, m)
        edu, dutch = rng.integers(-1, len(EDUCATION), m), rng.integers(-1, len(CEFR), m)
        for i in range(m):
            ks = k_sk[i]
            yield CandidateDoc(
                start + i, dict(zip(skills[i, :ks].tolist(), conf[i, :ks].tolist())),
                frozenset((occs[i, :k_occ[i]] + OCC_BASE).tolist()),
                frozenset(x for x, has in zip(LICENCES, lic[i]) if has) if lic_known[i] else None,
                Point(lat[i], lon[i]), int(travel[i]) if travel[i] > 0 else None,
                int(h_lo[i]) if h_lo[i] > 0 else None, int(h_lo[i] + 16) if h_lo[i] > 0 else None,
                TODAY + timedelta(days=int(avail[i])) if avail[i] > -30 else None,
                EDUCATION[edu[i]] if edu[i] >= 0 else None, CEFR[dutch[i]] if dutch[i] >= 0 else None,
                " ".join(text[i, : 6 + ks]))


def vacancies(n: int, seed: int = 2) -> list[VacancyDoc]:
    rng = np.random.default_rng(seed)
    out = []
    for j in range(n):
        sk = zipf(rng, N_SKILLS, 9)
        lo = int(rng.choice([16, 24, 32]))
        out.append(VacancyDoc(
            j, {int(s): 1.0 for s in sk[: rng.integers(2, 6)]}, {int(s): 1.0 for s in sk[6: 6 + rng.integers(0, 4)]},
            {int(zipf(rng, N_OCCUPATIONS, 1, 1.0)[0]) + OCC_BASE}, "B" if rng.random() < 0.3 else None,
            Point(rng.uniform(51.4, 53.2), rng.uniform(4.2, 6.8)), lo, lo + 8,
            TODAY + timedelta(days=int(rng.integers(0, 90))),
            str(rng.choice(EDUCATION[2:7])) if rng.random() < 0.5 else None,
            str(rng.choice(CEFR[1:5])) if rng.random() < 0.5 else None,
            " ".join(f"w{int(w)}" for w in zipf(rng, N_WORDS, int(rng.integers(15, 40)), 1.0))))
    return out


def taxonomy(seed: int = 3) -> Taxonomy:
    rng = np.random.default_rng(seed)
    related = {o + OCC_BASE: {int(r) + OCC_BASE: 0.5 for r in rng.integers(0, N_OCCUPATIONS, 3) if r != o}
               for o in range(N_OCCUPATIONS)}
    return Taxonomy(labels={i: f"vaardigheid {i}" for i in range(N_SKILLS)}, related=related)


def naive_score(v: VacancyDoc, c: CandidateDoc) -> float:
    """The obvious way: score every candidate in a Python loop (rapidfuzz for the text, the same
    parts as the engine), then drop those breaking a hard requirement."""
    text = fuzz.token_set_ratio(v.text, c.text) / 100
    skills = sum(2 * c.concepts.get(s, 0) for s in v.required) + sum(c.concepts.get(s, 0) for s in v.preferred)
    occupation = 1.0 if set(v.occupation_ids) & set(c.occupation_ids) else 0.0
    soft = level_fit(education_rank(c.education), education_rank(v.education_min or "none"))
    score = skills + occupation + text + soft
    if v.licence and c.licences is not None and v.licence not in c.licences:
        return 0.0
    if v.point and c.point and c.max_travel_km is not None and travel_km(c.point, v.point) > c.max_travel_km:
        return 0.0
    if v.hours_min and c.hours_max and c.hours_max < v.hours_min:
        return 0.0
    if v.hours_max and c.hours_min and c.hours_min > v.hours_max:
        return 0.0
    if v.start_date and c.available_from and c.available_from > v.start_date:
        return 0.0
    return score


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--candidates", type=int, default=100_000)
    ap.add_argument("--vacancies", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    n, tax, vacs = args.candidates, taxonomy(), vacancies(args.vacancies)
    store = n <= 200_000  # at 1M the docs themselves would not fit the memory budget
    progress(f"building index over {n:,} synthetic candidates (docs kept: {store})")
    t0 = time.perf_counter()
    index = CandidateIndex.build(candidates(n), tax, store_docs=store)
    build_s = time.perf_counter() - t0
    progress(f"built in {build_s:.1f}s; {index._main.nnz:,} non-zeros, width {index.space.width:,}")
    times, floor, dense, hits = [], [], [], []
    x_rows = index._main.T.tocsr()
    for j, v in enumerate(vacs):
        t = time.perf_counter()
        res = index.suggest(v, top=10)
        times.append(time.perf_counter() - t)
        hits.append(len(res))
        q = index.space.query(v, tax)
        t = time.perf_counter()
        slots, raw = index.raw_scores(q.cols, q.vals)
        if len(raw) > 10:
            np.argpartition(-raw, 9)[:10]
        floor.append(time.perf_counter() - t)
        qd = np.zeros(index.space.width, np.float32)
        qd[q.cols] = q.vals
        t = time.perf_counter()
        np.argpartition(-(x_rows @ qd), 9)[:10]
        dense.append(time.perf_counter() - t)
        if j % 50 == 0:
            progress(f"vacancy {j}/{len(vacs)}: {times[-1] * 1e3:.1f} ms, {len(slots):,} non-zero")
    del x_rows
    sample = min(n, 20_000)
    sample_docs = list(candidates(sample, seed=9))
    naive = []
    for v in vacs[:5]:
        t = time.perf_counter()
        scores = [naive_score(v, c) for c in sample_docs]
        sorted(range(len(scores)), key=scores.__getitem__, reverse=True)[:10]
        naive.append((time.perf_counter() - t) * n / sample)
    ms = lambda xs, p=50: round(float(np.percentile(xs, p)) * 1e3, 3)  # noqa: E731
    out = {"n_candidates": n, "build_s": round(build_s, 2),
           "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
           "median_ms": ms(times), "p95_ms": ms(times, 95), "floor_median_ms": ms(floor),
           "naive_median_ms": ms(naive), "naive_extrapolated_from": sample,
           "dense_matvec_median_ms": ms(dense), "reasons_included": store,
           "median_suggestions": float(np.median(hits))}
    print(f"candidates {n:,}: build {out['build_s']} s, peak {out['peak_mb']} MB")
    print(f"suggest top-10 with hard filters: median {out['median_ms']} ms, p95 {out['p95_ms']} ms"
          f" (reasons {'included' if store else 'not included'})")
    print(f"floor (bare sparse product + top-10): median {out['floor_median_ms']} ms;"
          f" dense candidate-major mat-vec + top-10: {out['dense_matvec_median_ms']} ms")
    print(f"naive Python loop with rapidfuzz: median {out['naive_median_ms']} ms"
          f" (timed on {sample:,} candidates, extrapolated to {n:,})")
    print(f"speed-up vs naive {out['naive_median_ms'] / max(out['median_ms'], 1e-9):.0f}x;"
          f" vs floor {out['median_ms'] / max(out['floor_median_ms'], 1e-9):.2f}x")
    if args.json:
        print(json.dumps(out))


if __name__ == "__main__":
    main()
