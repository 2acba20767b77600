"""Time the coordinator reports with a large data set, through Flask.

    python -m bench.reports [--candidates 100000 --moments 1000000 --placements 50000] [--database-url URL] [--json]

Fills a temporary SQLite database with bulk inserts (and, with --database-url, that PostgreSQL
database too: it is EMPTIED first), signs in as a coordinator through the test client and times
every report page for the year: median and p95 milliseconds and the number of SQL statements.
The last line printed is one JSON object with every figure.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text

from bench.register import PASSWORD
from bench.register import measure as _measure
from models import (
    Base,
    BuildingBlockTable,
    Candidate,
    ContactMoment,
    Employer,
    Organisation,
    Placement,
    SroiObligation,
    Suggestion,
    User,
    Vacancy,
)
from models.common import clock
from models.enums import Channel, ContractType, Instrument, Outflow, Role, SuggestionStatus

CHUNK = 10_000
YEAR = clock.today().year
GROUPS = ["participatiewet", "banenafspraak", "statushouder", "ww", None]


def _chunks(conn, model, rows):
    for start in range(0, len(rows), CHUNK):
        conn.execute(insert(model), rows[start:start + CHUNK])


def fill(url: str, candidates: int, moments: int, placements: int, seed: int = 7, employers: int | None = None) -> dict:
    """Create the schema in ``url`` and bulk-insert the data set (``employers``: default a twentieth of the candidates)."""
    rng = random.Random(seed)
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    Base.metadata.create_all(engine)
    from models.accounts.passwords import hash_password

    today = clock.today()
    with engine.begin() as conn:
        orgs = [conn.execute(insert(Organisation).values(key=k, name=k.title(), region="Flevoland")
                             .returning(Organisation.id)).scalar_one() for k in ("dronten", "uwv")]
        org = orgs[0]
        conn.execute(insert(User).values(email="am0@bench.example", name="Coordinator", role=Role.COORDINATOR,
                                         password_hash=hash_password(PASSWORD), organisation_id=org))
        staff = [conn.execute(insert(User).values(email=f"m{n}@bench.example", name=f"Medewerker {n}",
                                                  role=Role.MATCHER, password_hash="x", organisation_id=org)
                              .returning(User.id)).scalar_one() for n in range(40)]
        table = conn.execute(insert(BuildingBlockTable).values(key="bench", name="Bench", region="Flevoland",
                                                               source="bench").returning(BuildingBlockTable.id)).scalar_one()
        _chunks(conn, Employer, [{"organisation_id": orgs[i % 10 == 0], "name": f"Werkgever {i}",
                                  "created_at": datetime(YEAR - rng.randrange(3), rng.randrange(1, 13), 1, tzinfo=UTC)}
                                 for i in range(employers or max(candidates // 20, 10))])
        employers = [r[0] for r in conn.execute(select(Employer.id).where(Employer.organisation_id == org))]
        _chunks(conn, Candidate, [{
            "organisation_id": orgs[i % 10 == 0], "external_id": f"K-{i:07d}", "owner_id": rng.choice(staff + [None]),
            "ladder": rng.choice([1, 2, 3, 4, 5, 6, None]),
            "ladder_assessed_on": today - timedelta(days=rng.randrange(800)) if i % 3 else None,
            "plan_updated_on": today - timedelta(days=rng.randrange(800)) if i % 2 else None,
            # the casework page: six in seven on a Participatiewet benefit, three in four with an expected rung
            "target_groups": ["participatiewet"] if i % 7 else ["ww"],
            "expected_ladder": 1 + (i % 6) if i % 4 else None,
            "expected_ladder_on": today - timedelta(days=(i * 37) % 700) if i % 4 else None,
            "education": "mbo2" if i % 4 else None, "hours_min": 20, "hours_max": 32,
            "available_from": today if i % 5 else None} for i in range(candidates)])
        cands = [r[0] for r in conn.execute(select(Candidate.id).where(Candidate.organisation_id == org))]
        obligations = [conn.execute(insert(SroiObligation).values(
            organisation_id=org, contract_name=f"Contract {i}", contracting_authority="Gemeente",
            contractor_id=rng.choice(employers), contract_sum_cents=100_000_00, period_start=date(YEAR, 1, 1),
            period_end=date(YEAR + 1, 12, 31), table_id=table).returning(SroiObligation.id)).scalar_one()
            for i in range(20)]
        rows = []
        for i in range(placements):
            start = date(YEAR - 2, 1, 1) + timedelta(days=rng.randrange(3 * 365))
            rows.append({"organisation_id": orgs[i % 10 == 0], "candidate_id": rng.choice(cands),
                         "employer_id": rng.choice(employers), "start_date": start,
                         "end_date": start + timedelta(days=rng.randrange(30, 700)), "hours_per_week": 24,
                         "contract_type": rng.choice(list(ContractType)), "instrument": rng.choice(list(Instrument)),
                         "target_group": rng.choice(GROUPS), "age_at_start": rng.randrange(18, 67),
                         "statushouder": i % 7 == 0, "outflow": rng.choice(list(Outflow)),
                         "sroi_obligation_id": rng.choice(obligations) if i % 20 == 0 else None})
        _chunks(conn, Placement, rows)
        vacancies = [conn.execute(insert(Vacancy).values(organisation_id=org, employer_id=rng.choice(employers),
                                                         title=f"Vacature {i}").returning(Vacancy.id)).scalar_one()
                     for i in range(200)]
        statuses = list(SuggestionStatus)
        rows = []
        for i, candidate in enumerate(cands[:placements * 2]):
            made = datetime(YEAR, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(300))
            status = rng.choice(statuses)
            steps = list(enumerate(["proposed", "introduced", "interview", "hired"], 1))[:rng.randrange(5)]
            history = [{"status": s, "at": (made + timedelta(days=d)).isoformat()} for d, s in steps]
            rows.append({"vacancy_id": vacancies[i % 200], "candidate_id": candidate, "organisation_id": org,
                         "score": 0.5, "status": status, "history": history, "created_at": made,
                         "reject_reason": "skills" if status == SuggestionStatus.REJECTED else None,
                         **{f"{s}_at": (made + timedelta(days=d)) if (d, s) in steps else None
                            for d, s in enumerate(["proposed", "introduced", "interview", "hired"], 1)}})
        _chunks(conn, Suggestion, rows)
        for start in range(0, moments, CHUNK):
            batch = []
            for i in range(start, min(start + CHUNK, moments)):
                day = date(YEAR - 3, 1, 1) + timedelta(days=rng.randrange(4 * 365))
                follow = i % 20 == 0
                batch.append({"organisation_id": org, "employer_id": rng.choice(employers),
                              "author_id": rng.choice(staff), "channel": rng.choice(list(Channel)),
                              "occurred_on": day, "subject": f"Contact {i}",
                              "follow_up_on": day + timedelta(days=14) if follow else None,
                              "follow_up_owner_id": rng.choice(staff) if follow else None,
                              "follow_up_done_at": clock.utcnow() if follow and i % 3 else None})
            conn.execute(insert(ContactMoment), batch)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    engine.dispose()
    return {}


def scenarios() -> dict[str, str]:
    q = f"periode=year&jaar={YEAR}"
    base = "/beheer/rapportages"
    return {"placements": f"{base}/plaatsingen?{q}", "placements_region": f"{base}/plaatsingen?{q}&bereik=region",
            "social_return": f"{base}/social-return?{q}", "funnel": f"{base}/funnel?{q}",
            "contacts": f"{base}/werkgevers?{q}", "candidates": f"{base}/kandidaten?{q}",
            "casework": f"{base}/dossier?{q}",
            "council": f"{base}/raad?{q}", "drill_ladder": f"{base}/kandidaten/ladder/lijst/3?{q}",
            "export_months": f"{base}/plaatsingen/per_month.xlsx?{q}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reports", description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--moments", type=int, default=1_000_000)
    parser.add_argument("--placements", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=9, help="timed requests per page")
    parser.add_argument("--database-url", help="also bench this PostgreSQL database (it is emptied first)")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    say = (lambda *_: None) if args.json else (lambda line: print(line, flush=True))
    import bench.register as register

    register.scenarios = lambda: scenarios()  # measure() times whatever scenarios() returns
    report = {"candidates": args.candidates, "moments": args.moments, "placements": args.placements,
              "runs": args.runs, "results": {}}
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("sqlite", f"sqlite:///{Path(tmp) / 'bench.sqlite'}")]
        if args.database_url:
            targets.append(("postgresql", args.database_url))
        for label, url in targets:
            started = time.perf_counter()
            ids = fill(url, args.candidates, args.moments, args.placements)
            say(f"{label}: filled {args.candidates} candidates, {args.moments} contact moments, "
                f"{args.placements} placements in {time.perf_counter() - started:.1f} s")
            results = _measure(url, ids, args.runs)
            report["results"][label] = results
            for name, f in results.items():
                say(f"  {name:<20} median {f['median_ms']:>7.1f} ms   p95 {f['p95_ms']:>7.1f} ms   {f['queries']} queries")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
