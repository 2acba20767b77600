"""Suggestions benchmark through the service: `python -m bench.suggestions [--candidates 10000] [--vacancies 50]`.

Loads the taxonomy and a demo-like import of N candidates into a fresh SQLite database, then
measures the index build (the worker's job: a snapshot) and the per-vacancy latency of
`suggestions_payload` and of `refresh_suggestions` with the snapshot mapped, as a page would see it. Last stdout line: one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print figures and, last, one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m bench.suggestions", description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--vacancies", type=int, default=50, help="vacancies to time (of those imported)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)

    from sqlalchemy import select

    from app import create_app
    from models import Base, Organisation, Vacancy
    from models.importing import run_import
    from models.matches.index_cache import build, get_index
    from models.matches.suggestions import refresh_suggestions, suggestions_payload
    from models.taxonomy.loading import load_taxonomy
    from seed.demo import generate_import
    from web.extensions import db

    directory = Path(tempfile.mkdtemp(prefix="werkbrug-suggest-bench-"))
    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "bench",
                      "SQLALCHEMY_DATABASE_URI": f"sqlite:///{directory}/bench.sqlite",
                      "MATCH_SNAPSHOT_DIR": str(directory / "snapshots")})
    figures: dict = {"benchmark": "suggestions", "candidates": args.candidates}
    with app.app_context():
        Base.metadata.create_all(db.engine)
        org = Organisation(key="bench", name="Bench", is_default=True)
        db.session.add(org)
        started = time.perf_counter()
        load_taxonomy(db.session)
        doc = generate_import(seed=args.seed, candidates=args.candidates, employers=max(80, args.candidates // 100),
                              vacancies=max(args.vacancies, args.candidates // 50))
        run_import(db.session, json.dumps(doc).encode("utf-8"), org, max_bytes=10**9, origin="bench")
        db.session.commit()
        figures["load_s"] = round(time.perf_counter() - started, 2)
        log(f"taxonomy and {args.candidates:,} candidates loaded in {figures['load_s']} s")

        started = time.perf_counter()
        build(db.session, org.id)
        entry = get_index(db.session, org.id)
        figures["build_s"] = round(time.perf_counter() - started, 3)
        figures["indexed"] = len(entry.index)
        vacancies = db.session.scalars(select(Vacancy).where(Vacancy.status == "open").order_by(Vacancy.id)
                                       .limit(args.vacancies)).all()
        payload_ms, refresh_ms, found = [], [], []
        for vacancy in vacancies:
            started = time.perf_counter()
            payload = suggestions_payload(db.session, org, vacancy.external_id, 10)
            payload_ms.append((time.perf_counter() - started) * 1000)
            found.append(len(payload["suggestions"]))
            started = time.perf_counter()
            refresh_suggestions(db.session, vacancy, org, top=20)
            refresh_ms.append((time.perf_counter() - started) * 1000)
        db.session.commit()
        figures.update({
            "vacancies": len(vacancies), "snapshot": get_index(db.session, org.id).version,
            "payload_median_ms": round(statistics.median(payload_ms), 2),
            "payload_p95_ms": round(percentile(payload_ms, 0.95), 2),
            "refresh_median_ms": round(statistics.median(refresh_ms), 2),
            "refresh_p95_ms": round(percentile(refresh_ms, 0.95), 2),
            "mean_suggestions": round(statistics.mean(found), 1) if found else 0,
        })
    print(f"{figures['indexed']:,} active candidates indexed in {figures['build_s']} s (the worker's snapshot build)")
    print(f"suggestions_payload (top 10): median {figures['payload_median_ms']} ms, p95 {figures['payload_p95_ms']} ms"
          f" over {figures['vacancies']} vacancies; {figures['mean_suggestions']} suggestions on average")
    print(f"refresh_suggestions (top 20, stores rows): median {figures['refresh_median_ms']} ms, "
          f"p95 {figures['refresh_p95_ms']} ms; snapshot {figures['snapshot']}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
