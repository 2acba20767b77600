"""Catalogue benchmark: typical filtered, sorted catalogue pages over many published profiles.

Run from the repository root: `python -m bench.catalogue [--profiles 100000] [--database-url URL] [--json]`.
Fills a scratch database (a temporary SQLite file unless --database-url is given; its tables are
created when missing and public profiles are added until there are --profiles) with bulk inserts,
then requests each page through the Flask test client and prints the median and p95 time and the
number of SQL statements per page. The last line is one JSON object. Target: median < 100 ms.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta

from sqlalchemy import create_engine, event, func, insert, select

from models import Base, Organisation, PublicProfile
from models.catalogue.index import index_rows, profile_terms
from models.common import clock

TARGET_MS = 100
PAGES = {
    "newest": "/kandidaten?sortering=newest",
    "typo search": "/kandidaten?q=heftruk",
    "search + hours, relevance": "/kandidaten?q=magazijn&uren=32&sortering=relevance",
    "distance + education": "/kandidaten?plaats=8251&km=25&opleiding=mbo2&sortering=newest",
    "licence + available, page 5": "/kandidaten?rijbewijs=B&beschikbaar_voor=2026-12-01&pagina=5",
    "occupation + search + distance": "/kandidaten?beroep=orderpicker&q=heftruck&plaats=Lelystad&km=50",
}
OCCUPATIONS = ["Orderpicker", "Magazijnmedewerker", "Heftruckchauffeur", "Schoonmaker", "Kok", "Keukenhulp",
               "Productiemedewerker", "Inpakker", "Verkoopmedewerker", "Kassamedewerker", "Hovenier",
               "Groenvoorziener", "Chauffeur", "Bezorger", "Beveiliger", "Receptionist", "Administratief medewerker",
               "Helpende zorg", "Thuishulp", "Timmerman", "Schilder", "Metselaar", "Lasser", "Monteur",
               "Callcentermedewerker", "Klantenservicemedewerker", "Vakkenvuller", "Afwasser", "Glazenwasser",
               "Postsorteerder"] + [f"Beroep {n}" for n in range(300)]
SKILLS = ["Heftruck rijden", "Orderpicken", "Reachtruck", "Schoonmaken", "Koken", "Klantvriendelijk",
          "Kassa", "Inpakken", "Voorraadbeheer", "Scannen", "Tuinonderhoud", "Snoeien", "Rijbewijs B",
          "Computervaardig", "Excel", "Telefoneren", "Nederlands spreken", "Engels", "Teamwerk", "Lassen",
          "Schilderen", "Timmeren", "VCA", "HACCP", "Zorg verlenen", "Huishouden", "Plannen",
          "Nauwkeurig werken", "Fysiek sterk", "Stressbestendig"] + [f"Vaardigheid {n}" for n in range(1500)]
PLACES = [("Dronten", 52.525, 5.718), ("Lelystad", 52.508, 5.475), ("Almere", 52.371, 5.222),
          ("Zwolle", 52.512, 6.094), ("Kampen", 52.555, 5.911), ("Harderwijk", 52.342, 5.621),
          ("Emmeloord", 52.711, 5.749), ("Urk", 52.662, 5.601), ("Zeewolde", 52.330, 5.541)]
EDUCATION = ["none", "primary", "vmbo", "mbo1", "mbo2", "mbo3", "mbo4", "havo_vwo", "hbo", None]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _profile(rng: random.Random, n: int, org_id: int, now: datetime) -> dict:
    place, lat, lon = rng.choice(PLACES)
    low = rng.choice([8, 16, 20, 24, 32])
    return dict(
        organisation_id=org_id, code=f"B-{n:06X}", status="published", headline=f"Werkzoekende {n}",
        age_band=rng.choice(["18-24", "25-34", "35-44", "45-54", "55+"]), place=place, region="Flevoland",
        lat=lat + rng.uniform(-0.05, 0.05), lon=lon + rng.uniform(-0.08, 0.08), education=rng.choice(EDUCATION),
        dutch_level=rng.choice(["A2", "B1", "B2", "C1", None]),
        occupations=rng.sample(OCCUPATIONS[:30], 1) + rng.sample(OCCUPATIONS, rng.randint(0, 2)),
        skills=rng.sample(SKILLS[:30], rng.randint(1, 4)) + rng.sample(SKILLS, rng.randint(0, 3)),
        licences=["B"] if rng.random() < 0.4 else [], certificates=[], hours_min=low,
        hours_max=min(40, low + rng.choice([0, 8, 16])), available_from=date(2026, 1, 1) + timedelta(days=rng.randint(0, 600)),
        description="", search_text="", published_at=now - timedelta(minutes=n), checked_on=date(2026, 6, 1),
        version=1, created_at=now, updated_at=now,
    )


def fill(url: str, wanted: int, seed: int = 2026) -> int:
    """Create the tables if missing and add published profiles until there are ``wanted``."""
    engine = create_engine(url)
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        org_id = conn.scalar(select(Organisation.id).limit(1))
        if org_id is None:
            org_id = conn.execute(insert(Organisation).values(key="bench", name="Bench", kind="municipality",
                                                              is_default=False).returning(Organisation.id)).scalar_one()
        have = conn.scalar(select(func.count()).select_from(PublicProfile)) or 0
    rng, now = random.Random(seed + have), clock.utcnow()
    started = time.perf_counter()
    for start in range(have, wanted, 5000):
        rows = [_profile(rng, n, org_id, now) for n in range(start, min(wanted, start + 5000))]
        with engine.begin() as conn:
            ids = [r.id for r in conn.execute(insert(PublicProfile).returning(PublicProfile.id), rows)]
            index_rows(conn, {i: profile_terms(r["occupations"], r["skills"], r["licences"]) for i, r in zip(ids, rows)})
        log(f"  {min(wanted, start + 5000):,} profiles")
    if wanted > have:
        log(f"  filled in {time.perf_counter() - started:.1f} s")
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE")
        else:
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return max(wanted, have)


def measure(url: str, repeats: int) -> dict:
    """Time every page ``repeats`` times after one warm-up; returns figures per page."""
    from app import create_app
    from web.extensions import db

    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url,
                      "CATALOGUE_MAX_LIST_VIEWS_PER_HOUR": 10**9, "CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR": 10**9})
    results = {}
    with app.app_context():
        client = app.test_client()
        code = db.session.scalar(select(PublicProfile.code).order_by(PublicProfile.id.desc()).limit(1))
        pages = {**PAGES, "profile page": f"/kandidaten/{code}"}
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        for name, path in pages.items():
            client.get(path)  # warm-up: vocabulary cache, connection, templates
            times, counts, total = [], [], None
            for _ in range(repeats):
                statements.clear()
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                counts.append(len(statements))
                assert response.status_code == 200, (path, response.status_code)
                total = response.get_data(as_text=True).split(' kandida')[0].rsplit('>', 1)[-1].strip()
            times.sort()
            results[name] = {"path": path, "median_ms": round(statistics.median(times), 1),
                             "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                             "queries": sorted(set(counts)), "results": total if name != "profile page" else None}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--database-url", help="scratch database (default: a temporary SQLite file)")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='werkbrug-bench-')}/catalogue.sqlite"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    log(f"filling {url.split('@')[-1]} with {args.profiles:,} published profiles")
    count = fill(url, args.profiles)
    results = measure(url, args.repeats)
    worst = max(r["median_ms"] for r in results.values())
    if not args.json:
        print(f"{'page':34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}  results")
        for name, r in results.items():
            print(f"{name:34} {r['median_ms']:>10} {r['p95_ms']:>8} {','.join(map(str, r['queries'])):>8}  {r['results'] or ''}")
        print(f"slowest median {worst} ms (target < {TARGET_MS} ms)")
    print(json.dumps({"profiles": count, "dialect": url.split(":")[0], "target_ms": TARGET_MS,
                      "slowest_median_ms": worst, "pages": results}))
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
