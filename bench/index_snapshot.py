"""The matcher's index snapshots: `python -m bench.index_snapshot [--candidates 100000] [--db-candidates 2000]`.

Measured figures at 10,000, 100,000 and 1,000,000: docs/matcher-index.md (Measured).

Prints, for synthetic candidates (bench/matching.py's generator):

* the build time of the index and of writing its snapshot at N candidates (``--candidates 1000000``
  for the 5-minute target; the database part of a real build is measured separately below);
* for a fresh process that maps the snapshot (as a web worker does): the time to the first
  suggestion (target < 1 s at 100,000) and the median suggestion latency (target <= 100 ms at 1M);
* that process's memory before and after mapping and querying, at 10,000 and at N candidates,
  from /proc/self/smaps_rollup: ``anon`` (private heap: what every extra worker costs) against
  ``rss`` (which counts the mapped file's pages, shared by every worker through the page cache).
  Target: the private growth differs by at most 50 MB between 10,000 and 100,000;
* with ``--pages both`` (the default) each size's fresh process twice: keeping every page it read
  (as before) and handing the postings' pages back after each query (as web workers do): rss, pss
  and private after the queries against the floor (mapped, before the first query), rss while a
  query runs, the medians, and both ways timed in one process in alternating blocks;
  ``--sizes 10000,100000,200000 --memory-only`` for only that;
* through the real code on SQLite with ``--db-candidates`` active candidates (``--db-import`` of
  them through the importer, the rest copies of those rows with new ids): the build from the
  database as the worker runs it (wall and cpu seconds, rows per second; ``--db-candidates 1000000``
  for the 5-minute target), and the lag from an edit committed in this process until another
  process's index reflects it (via the change number; target < 10 s).

Last stdout line: one JSON object with every figure and the ratios against the targets.
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.index_memory import ORG, build_synthetic, memory_table, run_worker


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def observer(database: str, snapshot_dir: str, candidate_id: int) -> None:
    """Another process on the same database and snapshot folder: says when the candidate leaves its index."""
    from app import create_app
    from models.matches import index_cache
    from web.extensions import db

    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "bench", "QUEUE_URL": "memory://",
                      "SQLALCHEMY_DATABASE_URI": database, "MATCH_SNAPSHOT_DIR": snapshot_dir})
    with app.app_context():
        assert candidate_id in index_cache.get_index(db.session, ORG).index
        print("ready", flush=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            db.session.rollback()  # a new transaction, as the next request has
            if candidate_id not in index_cache.get_index(db.session, ORG).index:
                print(json.dumps({"seen_at": time.time()}), flush=True)
                return
            time.sleep(0.02)
    print(json.dumps({"seen_at": None}), flush=True)


def replicate(session, organisation_id: int, total: int) -> int:
    """Copy the organisation's candidates (with their personal record and terms) until ``total`` are active.

    Imports are the slow part of a fill (the importer at 1,000,000 would take longer than the build
    it is there to measure); the copies are rows as the importer writes them, with new ids and
    external ids, so the build reads what it would read after importing that many.
    """
    from sqlalchemy import func, select, text

    from models import Base, Candidate

    def columns(table: str) -> list[str]:
        return [c.name for c in Base.metadata.tables[table].columns]

    from models.enums import CandidateStatus

    def active() -> int:
        return session.scalar(select(func.count(Candidate.id)).where(
            Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE))

    base_max = session.scalar(select(func.max(Candidate.id)))  # copies are always of the imported rows
    base_active = active()
    while (have := active()) < total:
        off = session.scalar(select(func.max(Candidate.id)))
        term_off = session.scalar(text("SELECT coalesce(max(id), 0) FROM candidate_term"))
        last = base_max if have + base_active <= total else session.scalar(  # the last round copies a part
            select(Candidate.id).where(Candidate.organisation_id == organisation_id, Candidate.id <= base_max,
                                       Candidate.status == CandidateStatus.ACTIVE)
            .order_by(Candidate.id).offset(total - have - 1).limit(1))
        picked = f"SELECT id FROM candidate WHERE organisation_id = {int(organisation_id)} AND id <= {last}"
        values = {"id": f"id + {off}", "external_id": f"external_id || '-c{off}'"}
        cols = columns("candidate")
        session.execute(text(f"INSERT INTO candidate ({', '.join(cols)}) SELECT "
                             f"{', '.join(values.get(c, c) for c in cols)} FROM candidate WHERE id IN ({picked})"))
        cols = columns("candidate_personal")
        session.execute(text(f"INSERT INTO candidate_personal ({', '.join(cols)}) SELECT "
                             f"{', '.join(f'candidate_id + {off}' if c == 'candidate_id' else c for c in cols)} "
                             f"FROM candidate_personal WHERE candidate_id IN ({picked})"))
        cols = columns("candidate_term")
        values = {"id": f"id + {term_off}", "candidate_id": f"candidate_id + {off}"}
        session.execute(text(f"INSERT INTO candidate_term ({', '.join(cols)}) SELECT "
                             f"{', '.join(values.get(c, c) for c in cols)} FROM candidate_term "
                             f"WHERE candidate_id IN ({picked})"))
        session.commit()
    return have


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def database_part(directory: Path, n: int, imported: int) -> dict:
    """Import ``imported`` candidates into SQLite, copy them up to ``n``, build from the database, and
    time an edit's way to another process."""
    from sqlalchemy import select

    from app import create_app
    from models import Base, Candidate, Organisation
    from models.enums import CandidateStatus
    from models.importing import run_import
    from models.matches import index_cache
    from models.matches.documents import candidate_rows
    from models.taxonomy.loading import load_taxonomy
    from seed.demo import generate_import
    from web.extensions import db

    database = f"sqlite:///{directory}/bench.sqlite"
    snapshot_dir = str(directory / "db-snapshots")
    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "bench", "QUEUE_URL": "memory://",
                      "SQLALCHEMY_DATABASE_URI": database, "MATCH_SNAPSHOT_DIR": snapshot_dir})
    with app.app_context():
        Base.metadata.create_all(db.engine)
        db.session.add(Organisation(id=ORG, key="bench", name="Bench", is_default=True))
        load_taxonomy(db.session)
        started = time.perf_counter()
        doc = generate_import(seed=2026, candidates=imported, employers=max(80, imported // 100),
                              vacancies=max(20, imported // 50))
        org = db.session.get(Organisation, ORG)
        run_import(db.session, json.dumps(doc).encode("utf-8"), org, max_bytes=10**9, origin="bench")
        db.session.commit()
        log(f"  imported {imported:,} candidates in {time.perf_counter() - started:.0f} s")
        if n > imported:  # n counts active candidates (what the index holds), imported all of them
            started = time.perf_counter()
            replicate(db.session, ORG, n)
            log(f"  copied them up to {n:,} in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        loaded = sum(1 for _ in candidate_rows(db.session, ORG))  # the database's share of a build
        load_s = time.perf_counter() - started
        db.session.rollback()
        started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
        meta = index_cache.build(db.session, ORG)
        # cpu seconds (on a shared machine wall time depends on the load): this process's and those of
        # the build's n-gram processes (MATCH_BUILD_PROCESSES), which have ended by now
        build_s, build_cpu_s = time.perf_counter() - started, time.process_time() - cpu
        build_workers_cpu_s = _children_cpu() - children
        target = db.session.scalar(select(Candidate).where(Candidate.organisation_id == ORG,
                                                           Candidate.status == CandidateStatus.ACTIVE).limit(1))
        proc = subprocess.Popen([sys.executable, "-m", "bench.index_snapshot", "--observe", database, snapshot_dir,
                                 str(target.id)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        target.status = CandidateStatus.INACTIVE
        db.session.commit()
        committed = time.time()
        seen = json.loads(proc.stdout.readline())["seen_at"]
        proc.wait(timeout=30)
    return {"db_candidates": meta["candidates"], "db_imported": imported, "db_build_s": round(build_s, 2),
            "db_build_cpu_s": round(build_cpu_s, 2), "db_build_workers_cpu_s": round(build_workers_cpu_s, 2),
            "db_load_s": round(load_s, 2),
            "db_rows_per_s": round(loaded / load_s), "edit_lag_s": round(seen - committed, 3) if seen else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.index_snapshot", description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000, help="the smaller size for the memory comparison")
    parser.add_argument("--db-candidates", type=int, default=2_000, help="candidates in the database part")
    parser.add_argument("--db-import", type=int, default=20_000,
                        help="of those, how many go through the importer (the rest are copies of them)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--sizes", help="comma-separated sizes for the memory comparison (default: --small and --candidates)")
    parser.add_argument("--pages", choices=("release", "keep", "both"), default="both",
                        help="what the mapped snapshot does with the pages a query read (both: compare)")
    parser.add_argument("--memory-only", action="store_true", help="only the fresh processes' memory and latency")
    parser.add_argument("--observe", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.observe:
        observer(args.observe[0], args.observe[1], int(args.observe[2]))
        return 0

    directory = Path(tempfile.mkdtemp(prefix="werkbrug-snapshot-bench-"))
    atexit.register(shutil.rmtree, directory, True)  # ~4 GB at 1,000,000 candidates: never left behind
    figures: dict = {"benchmark": "index_snapshot", "candidates": args.candidates}
    per_size = {}
    layouts = ["keep", "release"] if args.pages == "both" else [args.pages]
    sizes = {int(x) for x in args.sizes.split(",")} if args.sizes else set()
    sizes = sorted(sizes if args.memory_only and sizes else sizes | {args.small, args.candidates})
    for n in sizes:
        root = directory / f"synthetic-{n}"
        log(f"building the index of {n:,} synthetic candidates ...")
        built = build_synthetic(root, n)
        mapped = run_worker(root, args.queries, layouts[-1])
        warm = {pages: run_worker(root, args.queries, pages) for pages in layouts}  # pages in the page cache now
        second = warm[layouts[-1]]
        per_size[n] = {**built, "cold": mapped, "warm": second, **warm}
        shutil.rmtree(root, ignore_errors=True)
        log(f"  {n:,}: built in {built['build_s']} s (+ {built['write_s']} s to write {built['snapshot_mb']} MB); "
            f"fresh process: first suggestion {second['first_suggestion_s']} s after mapping, median "
            f"{second['median_ms']} ms; private heap +{second['growth']['anon']} MB, "
            f"rss +{second['growth']['rss']} MB; "
            f"the worker's rss {second['after']['rss']:.1f} MB (pss {second['after']['pss']:.1f}, private heap "
            f"{second['after']['anon']:.1f})")
    figures["memory"] = memory_table(per_size, layouts, args.queries)
    if args.memory_only:
        print(json.dumps(figures))
        return 0
    big, small = per_size[args.candidates], per_size[args.small]
    log(f"working through the database with {args.db_candidates:,} candidates ...")
    db_figures = database_part(directory, args.db_candidates, min(args.db_import, args.db_candidates))
    figures.update({
        "build_s": big["build_s"], "write_s": big["write_s"], "snapshot_mb": big["snapshot_mb"],
        "first_suggestion_s": big["warm"]["first_suggestion_s"], "first_suggestion_cold_s": big["cold"]["first_suggestion_s"],
        "map_s": big["warm"]["map_s"], "median_ms": big["warm"]["median_ms"], "p95_ms": big["warm"]["p95_ms"],
        "anon_growth_mb": {args.small: small["warm"]["growth"]["anon"], args.candidates: big["warm"]["growth"]["anon"]},
        "rss_growth_mb": {args.small: small["warm"]["growth"]["rss"], args.candidates: big["warm"]["growth"]["rss"]},
        # What one web worker holds after mapping and querying: rss counts the mapped file pages it
        # touched (shared by every worker of the host), anon only its own heap.
        "worker_mb": {n: {k: round(per_size[n]["warm"]["after"][k], 1) for k in ("rss", "pss", "anon")}
                      for n in (args.small, args.candidates)},
        **db_figures,
    })
    # Estimated full build at N from the database: reading N rows at the measured rate, plus the index build.
    # Measured instead when the database part holds at least N candidates.
    figures["db_build_estimate_s"] = round(args.candidates / db_figures["db_rows_per_s"] + big["build_s"], 1)
    measured = db_figures["db_candidates"] >= args.candidates
    if measured:
        figures["db_build_estimate_s"] = db_figures["db_build_s"]
    figures["ratios"] = {
        "build_vs_5min": round(figures["db_build_estimate_s"] / 300, 3),
        "first_suggestion_vs_1s": round(figures["first_suggestion_s"] / 1.0, 3),
        "median_vs_100ms": round(figures["median_ms"] / 100, 3),
        "worker_growth_difference_vs_50mb": round(abs(big["warm"]["growth"]["anon"] - small["warm"]["growth"]["anon"]) / 50, 3),
        "worker_rss_difference_vs_50mb": round(
            abs(big["warm"]["after"]["rss"] - small["warm"]["after"]["rss"]) / 50, 3),
        "edit_lag_vs_10s": round(db_figures["edit_lag_s"] / 10, 3) if db_figures["edit_lag_s"] is not None else None,
    }
    print(f"{args.candidates:,} candidates: index built in {figures['build_s']} s, snapshot written in "
          f"{figures['write_s']} s ({figures['snapshot_mb']} MB); from the database "
          + (f"{figures['db_build_estimate_s']} s measured ({db_figures['db_build_cpu_s']} s cpu, and "
             f"{db_figures['db_build_workers_cpu_s']} s in its n-gram processes)" if measured
             else f"about {figures['db_build_estimate_s']} s")
          + f" (reading rows at {db_figures['db_rows_per_s']:,}/s, measured on {db_figures['db_candidates']:,} "
          f"candidates, {db_figures['db_imported']:,} of them imported)")
    print(f"fresh process: snapshot mapped in {figures['map_s']} s, first suggestion after {figures['first_suggestion_s']} s "
          f"(cold page cache: {figures['first_suggestion_cold_s']} s); median {figures['median_ms']} ms, p95 {figures['p95_ms']} ms")
    print(f"per worker, private heap growth: {figures['anon_growth_mb']} MB; rss growth (incl. shared file pages): "
          f"{figures['rss_growth_mb']} MB")
    print(f"rss per web worker after mapping and {args.queries} suggestions: "
          + "; ".join(f"{n:,}: {m['rss']} MB (pss {m['pss']}, private heap {m['anon']})"
                      for n, m in figures["worker_mb"].items())
          + f"; difference {abs(big['warm']['after']['rss'] - small['warm']['after']['rss']):.1f} MB (target 50)")
    print(f"an edit committed here was in another process's index after {db_figures['edit_lag_s']} s")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("WERKBRUG_ENV", "testing")
    sys.exit(main())
