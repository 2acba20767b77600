"""Time the employer register with a large data set: list page and employer page, through Flask.

    python -m bench.register [--employers 50000 --moments 500000] [--database-url URL] [--json]

Fills a temporary SQLite database with bulk inserts (and, with --database-url, that PostgreSQL
database too: it is EMPTIED first), signs in as an account manager through the test client and
times each page: median and p95 milliseconds and the number of SQL statements. The last line
printed is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event, insert, select, text

from models import Base, BuildingBlockTable, ContactMoment, Employer, Organisation, SroiObligation, User, Vacancy
from models.common import clock
from models.enums import Channel, EmployerStatus, Role, VacancyStatus

PASSWORD = "bench-password-long-enough"
CITIES = ["Dronten", "Lelystad", "Almere", "Biddinghuizen", "Swifterbant", "Zeewolde", "Emmeloord", "Urk"]
SECTORS = ["Bouw", "Zorg", "Logistiek", "Horeca", "Detailhandel", "Techniek", "Voeding", "Agrarisch"]
WORDS = ["Bakkerij", "Bouwbedrijf", "Transport", "Zorggroep", "Garage", "Installatie", "Hotel", "Tuincentrum"]
CHUNK = 10_000
STAR_EMPLOYER_MOMENTS = 2_000


def fill(url: str, employers: int, moments: int, seed: int = 7) -> dict:
    """Create the schema in ``url`` and bulk-insert the data set; returns ids the scenarios use."""
    rng = random.Random(seed)
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    from models.accounts.passwords import hash_password

    with engine.begin() as conn:
        org_ids = [conn.execute(insert(Organisation).values(key=key, name=key.title(), region="Flevoland")
                                .returning(Organisation.id)).scalar_one() for key in ("dronten", "uwv")]
        org = org_ids[0]
        users = []
        for n in range(10):
            users.append(conn.execute(insert(User).values(
                email=f"am{n}@bench.example", name=f"Accountmanager {n}", password_hash=hash_password(PASSWORD),
                role=Role.ACCOUNT_MANAGER, organisation_id=org).returning(User.id)).scalar_one())
        table = conn.execute(insert(BuildingBlockTable).values(key="bench", name="Bench", region="Flevoland",
                                                               source="bench").returning(BuildingBlockTable.id)).scalar_one()
        statuses = list(EmployerStatus)
        for start in range(0, employers, CHUNK):
            conn.execute(insert(Employer), [{
                "organisation_id": org if i % 10 else org_ids[1],
                "name": f"{rng.choice(WORDS)} {rng.choice(CITIES)} {i:06d}", "kvk": f"{10_000_000 + i}",
                "sector": rng.choice(SECTORS), "city": rng.choice(CITIES), "status": rng.choice(statuses),
                "account_manager_id": rng.choice(users + [None]), "social_enterprise": i % 50 == 0,
            } for i in range(start, min(start + CHUNK, employers))])
        ids = [row[0] for row in conn.execute(select(Employer.id).where(Employer.organisation_id == org))]
        star = ids[len(ids) // 2]
        first = clock.today() - timedelta(days=2_500)
        rest = max(moments - STAR_EMPLOYER_MOMENTS, 0)
        for start in range(0, moments, CHUNK):
            batch = []
            for i in range(start, min(start + CHUNK, moments)):
                employer_id = star if i >= rest else rng.choice(ids)
                day = first + timedelta(days=rng.randrange(2_500))
                follow = i % 20 == 0
                # As in real use: old follow-ups were done; the recent ones are still open.
                done = follow and day < clock.today() - timedelta(days=60)
                batch.append({
                    "organisation_id": org, "employer_id": employer_id, "author_id": rng.choice(users),
                    "channel": rng.choice(list(Channel)), "occurred_on": day, "subject": f"Contact {i}",
                    "notes": "Gesprek over mogelijkheden voor werkzoekenden.",
                    "follow_up_on": day + timedelta(days=14) if follow else None,
                    "follow_up_action": "Nabellen" if follow else None,
                    "follow_up_owner_id": rng.choice(users) if follow else None,
                    "follow_up_done_at": clock.utcnow() if done else None,
                })
            conn.execute(insert(ContactMoment), batch)
        # The denormalised last contact date, as the migration backfills it.
        conn.execute(text("UPDATE employer SET last_contact_on = (SELECT max(occurred_on) FROM contact_moment"
                          " WHERE contact_moment.employer_id = employer.id), first_contact_on = (SELECT"
                          " min(occurred_on) FROM contact_moment WHERE contact_moment.employer_id = employer.id)"))
        vacancy_rows = [{"organisation_id": org, "employer_id": rng.choice(ids), "title": f"Vacature {i}",
                         "status": rng.choice([VacancyStatus.OPEN, VacancyStatus.FILLED, VacancyStatus.CLOSED])}
                        for i in range(max(employers // 5, 1))]
        for start in range(0, len(vacancy_rows), CHUNK):
            conn.execute(insert(Vacancy), vacancy_rows[start:start + CHUNK])
        conn.execute(insert(SroiObligation), [{
            "organisation_id": org, "contract_name": f"Contract {i}", "contracting_authority": "Gemeente",
            "contractor_id": rng.choice(ids), "contract_sum_cents": 100_000_00, "period_start": date(2026, 1, 1),
            "period_end": date(2027, 12, 31), "table_id": table} for i in range(max(employers // 100, 1))])
    if engine.dialect.name == "postgresql":
        # VACUUM too, as autovacuum would have by now: without a visibility map a freshly loaded
        # table gets no index-only scans.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    engine.dispose()
    return {"star": star, "employers_in_org": len(ids), "manager": users[0]}


def scenarios(star: int, employers_in_org: int, manager: int) -> dict[str, str]:
    last_page = max((employers_in_org + 24) // 25, 1)
    return {
        "list_page_1": "/werkgevers/",
        "list_search": "/werkgevers/?q=bakkerij",
        "list_search_kvk": "/werkgevers/?q=1000123",
        "list_filters": f"/werkgevers/?status=active&open_vacatures=1&accountmanager={manager}",
        "list_sroi": "/werkgevers/?social_return=1",
        "list_sort_last_contact": "/werkgevers/?sortering=last_contact",
        "list_sort_city_deep": f"/werkgevers/?sortering=city&pagina={last_page // 2}",
        "list_deep_page": f"/werkgevers/?pagina={last_page}",
        "employer_page": f"/werkgevers/{star}",
        "employer_timeline_deep": f"/werkgevers/{star}?tijdlijn={STAR_EMPLOYER_MOMENTS // 20}",
        "follow_ups": "/werkgevers/follow-ups",
    }


def measure(url: str, ids: dict, runs: int) -> dict:
    """Time every scenario against the app on ``url``; returns {name: {median_ms, p95_ms, queries}}."""
    from app import create_app
    from web.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WERKBRUG_ENV": "testing",
                      "WTF_CSRF_ENABLED": False, "TESTING": True})
    results = {}
    with app.app_context():
        client = app.test_client()
        response = client.post("/inloggen", data={"email": "am0@bench.example", "password": PASSWORD})
        if response.status_code != 302:
            raise SystemExit(f"could not sign in to the bench database ({response.status_code})")
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        for name, path in scenarios(**ids).items():
            client.get(path)  # warm up
            timings, counts = [], []
            for _ in range(runs):
                statements.clear()
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
                counts.append(len(statements))
                if response.status_code != 200:
                    raise SystemExit(f"{path} answered {response.status_code}")
            timings.sort()
            results[name] = {"median_ms": round(statistics.median(timings), 1),
                             "p95_ms": round(timings[min(int(len(timings) * 0.95), len(timings) - 1)], 1),
                             "queries": max(counts)}
        db.engine.dispose()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.register", description=__doc__.split("\n\n")[0])
    parser.add_argument("--employers", type=int, default=50_000)
    parser.add_argument("--moments", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=15, help="timed requests per scenario")
    parser.add_argument("--database-url", help="also bench this PostgreSQL database (it is emptied first)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    say = (lambda *_: None) if args.json else (lambda line: print(line, flush=True))
    report = {"employers": args.employers, "moments": args.moments, "runs": args.runs, "results": {}}
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{Path(tmp) / 'bench.sqlite'}")]
        if args.database_url:
            targets.append(("postgresql", args.database_url))
        for label, url in targets:
            started = time.perf_counter()
            ids = fill(url, args.employers, args.moments)
            say(f"{label}: filled {args.employers} employers, {args.moments} contact moments "
                f"in {time.perf_counter() - started:.1f} s")
            results = measure(url, ids, args.runs)
            report["results"][label] = results
            for name, figures in results.items():
                say(f"  {name:<24} median {figures['median_ms']:>7.1f} ms   p95 {figures['p95_ms']:>7.1f} ms"
                    f"   {figures['queries']} queries")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
