"""The mapped snapshot in a fresh process, as a web worker holds it: build, map, query, memory.

Used by ``python -m bench.index_snapshot`` (its ``--memory-only --sizes ...`` runs only this part):
``build_synthetic`` publishes a synthetic snapshot, ``run_worker`` starts ``python -m
bench.index_memory ROOT --queries Q --pages release|keep`` (``worker``: map it, time the first
and the following suggestions, read /proc/self/smaps_rollup) and ``memory_table`` prints the
sizes side by side. Figures: docs/matcher-index.md (*Rss per worker*).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ORG = 1
BENCH_KEY = b"bench-index-snapshot"  # signs the scratch snapshot; no app, no SECRET_KEY


def memory() -> dict[str, float]:
    """MB from /proc/self/smaps_rollup: rss, pss, private (clean + dirty), anon (heap), shared."""
    fields: dict[str, float] = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as fp:
        for line in fp:
            parts = line.split()
            if len(parts) >= 3 and parts[-1] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return {"rss": fields.get("Rss", 0.0), "pss": fields.get("Pss", 0.0),
            "private": fields.get("Private_Clean", 0.0) + fields.get("Private_Dirty", 0.0),
            "shared": fields.get("Shared_Clean", 0.0) + fields.get("Shared_Dirty", 0.0),
            "anon": fields.get("Anonymous", 0.0)}


def build_synthetic(root: Path, n: int) -> dict:
    """Build the index of ``n`` synthetic candidates and publish it as organisation ORG's snapshot."""
    from bench.matching import candidates, taxonomy
    from matching.index import CandidateIndex
    from models.matches import snapshots

    started = time.perf_counter()
    index = CandidateIndex.build(candidates(n), taxonomy(), store_docs=False)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    name = snapshots.save(root, ORG, index, {"change_no": 1, "epoch": 1, "taxonomy_version": 0,
                                             "built_at": time.time(), "build_seconds": build_s},
                          key=BENCH_KEY)
    snapshots.publish(root, ORG, name)
    write_s = time.perf_counter() - started
    size = sum(p.stat().st_size for p in (snapshots.org_dir(root, ORG) / name).iterdir()) / 1e6
    return {"build_s": round(build_s, 2), "write_s": round(write_s, 2), "snapshot_mb": round(size, 1),
            "nnz": int(index._main.nnz)}


def worker(root: str, queries: int, pages: str = "release") -> None:
    """A fresh process: map the snapshot, time the first and the following suggestions, report memory.

    ``pages``: "release" (what web workers do: the index hands the mapped pages back after each
    query) or "keep" (the mapping keeps every page it read, as before)."""
    started = time.perf_counter()
    from bench.matching import taxonomy, vacancies
    from matching.index import LayeredIndex
    from models.matches import snapshots

    tax = taxonomy()
    import_s = time.perf_counter() - started
    vacs = vacancies(queries + 1, seed=7)
    before = memory()
    started = time.perf_counter()
    pointer = snapshots.read_pointer(Path(root), ORG)
    base, _meta = snapshots.load(Path(root), ORG, pointer.name, tax, key=BENCH_KEY, release_pages=pages == "release")
    index = LayeredIndex(base)
    map_s = time.perf_counter() - started
    floor = memory()  # mapped, before the first query
    index.suggest(vacs[0], top=20)
    first_s = time.perf_counter() - started
    after_first = memory()
    times = []
    for vac in vacs[1:]:
        t = time.perf_counter()
        index.suggest(vac, top=20)
        times.append((time.perf_counter() - t) * 1000)
    after = memory()
    # What one query holds while it runs: rss just before the index lets go of the pages (untimed queries).
    during: list[float] = []
    release = base.release
    base.release = lambda: (during.append(memory()["rss"]), release and release())
    for vac in vacs[1:11]:
        index.suggest(vac, top=20)
    # Both ways in this one process, in alternating blocks of 20 queries (the machine's load drifts
    # less within a block pair than between processes); a kept block's first query maps its pages again.
    blocks: dict[str, list[float]] = {"keep": [], "release": []}
    if pages == "release":
        base.release = release
        for block in range(10):
            mode = ("keep", "release")[block % 2]
            base.release = release if mode == "release" else None
            for i, vac in enumerate(vacs[1 + 20 * (block // 2): 21 + 20 * (block // 2)]):
                t = time.perf_counter()
                index.suggest(vac, top=20)
                if i:
                    blocks[mode].append((time.perf_counter() - t) * 1000)
    print(json.dumps({
        "interleaved_median_ms": {k: round(statistics.median(v), 2) for k, v in blocks.items() if v},
        "pages": pages, "import_s": round(import_s, 3), "map_s": round(map_s, 3),
        "first_suggestion_s": round(first_s, 3), "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(sorted(times)[int(0.95 * (len(times) - 1))], 2),
        "before": before, "floor": floor, "after_first": after_first, "after": after,
        "during_rss_max": round(max(during), 1),
        "growth": {k: round(after[k] - before[k], 1) for k in before},
        "over_floor": {k: round(after[k] - floor[k], 1) for k in floor},
    }))


def run_worker(root: Path, queries: int, pages: str = "release") -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.index_memory", str(root),
                          "--queries", str(queries), "--pages", pages], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def memory_table(per_size: dict, layouts: list[str], queries: int) -> dict:
    """Print, per layout and size, the worker's memory after the queries against its floor (mapped,
    before the first query), and the differences between sizes; returns the figures."""
    sizes = sorted(per_size)
    out: dict = {}
    for pages in layouts:
        rows = {n: per_size[n][pages] for n in sizes}
        for n, w in rows.items():
            a, f = w["after"], w["floor"]
            print(f"pages={pages:7} {n:>9,}: after {queries} suggestions rss {a['rss']:.1f} MB (floor {f['rss']:.1f}, "
                  f"+{a['rss'] - f['rss']:.1f}, x{a['rss'] / f['rss']:.2f}), pss {a['pss']:.1f} (+{a['pss'] - f['pss']:.1f}), "
                  f"private {a['private']:.1f} (+{a['private'] - f['private']:.1f}); during a query rss "
                  f"{w['during_rss_max']:.1f}; median {w['median_ms']} ms, p95 {w['p95_ms']} ms")
        small, big = rows[sizes[0]]["after"], rows[sizes[-1]]["after"]
        print(f"pages={pages:7} {sizes[0]:,} -> {sizes[-1]:,}: rss {big['rss'] - small['rss']:+.1f} MB, "
              f"pss {big['pss'] - small['pss']:+.1f}, private {big['private'] - small['private']:+.1f} (target +-50 MB rss)")
        out[pages] = {n: {"rss": round(w["after"]["rss"], 1), "pss": round(w["after"]["pss"], 1),
                          "private": round(w["after"]["private"], 1), "floor_rss": round(w["floor"]["rss"], 1),
                          "during_rss_max": w["during_rss_max"], "median_ms": w["median_ms"], "p95_ms": w["p95_ms"]}
                      for n, w in rows.items()}
    if len(layouts) == 2:
        for n in sizes:
            keep, rel = per_size[n]["keep"], per_size[n]["release"]
            alt = rel["interleaved_median_ms"]
            print(f"{n:>9,}: release / keep: rss {rel['after']['rss'] / keep['after']['rss']:.2f}, "
                  f"median {rel['median_ms'] / keep['median_ms']:.2f} ({rel['median_ms']} / {keep['median_ms']} ms; "
                  f"in one process, alternating: {alt['release'] / alt['keep']:.2f}, {alt['release']} / {alt['keep']} ms)")
            out.setdefault("interleaved_median_ms", {})[n] = alt
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.index_memory", description=worker.__doc__.splitlines()[0])
    parser.add_argument("root", help="the snapshot folder build_synthetic wrote")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--pages", choices=("release", "keep"), default="release")
    args = parser.parse_args(argv)
    worker(args.root, args.queries, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
