"""An API import sent in bodies, through the worker's jobs: `python -m bench.import_refresh [--candidates 20000]`.

Run from the repository root:
`python -m bench.import_refresh [--candidates 20000] [--chunk 5000] [--base 1000] [--vacancies 50] [--database NAME]
[--client sequential|all]`.
Loads the taxonomy and --base candidates with --vacancies open vacancies into a fresh database (SQLite
in a temporary folder; with --database a PostgreSQL database of that name on 127.0.0.1, dropped and
created, role werkbrug), builds the organisation's snapshot and ranks every vacancy once. Then
--candidates more go through the API's path in bodies of --chunk, stored as queued imports as the route
stores them, and the worker's jobs run in turn as the worker runs them: `run_api_import` of a body, then
the `refresh_organisation` its commit enqueued, when it is due. The client (--client) sends its next body
about a second after the previous one is done (`sequential`, as bench.multi_host does: a refresh due
sooner runs before it arrives), or all of them at once (`all`).

Prints per body the import's seconds and the refresh's, split into applying the changes since the
snapshot to the worker's index (``index_cache._apply``) and ranking the open vacancies
(``refresh.for_organisation``). The floor, measured in the same run: building the index of all the
organisation's candidates from the database at the end (the snapshot build, ``index_cache.build``),
and the sum of the bodies' own import time. The last stdout line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

CLIENT_GAP_SECONDS = 1.0  # bench.multi_host polls a body's status every second, then sends the next


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Timer:
    """Seconds spent in a wrapped function since the last ``take``."""

    def __init__(self, owner, name: str) -> None:
        self.seconds, real = 0.0, getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started
        setattr(owner, name, timed)

    def take(self) -> float:
        seconds, self.seconds = self.seconds, 0.0
        return seconds


def database_url(name: str | None, directory: Path) -> str:
    if not name:
        return f"sqlite:///{directory}/bench.sqlite"
    from bench.hosts import fresh_database

    return fresh_database(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_refresh", description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=20_000, help="candidates imported in bodies")
    parser.add_argument("--chunk", type=int, default=5000, help="candidates per body")
    parser.add_argument("--base", type=int, default=1000, help="candidates in the snapshot before the import")
    parser.add_argument("--vacancies", type=int, default=50, help="open vacancies ranked by each refresh")
    parser.add_argument("--database", help="a PostgreSQL database name (dropped and created); default SQLite")
    parser.add_argument("--client", choices=("sequential", "all"), default="sequential",
                        help="sequential: each body sent about a second after the one before is done "
                             "(bench.multi_host's client); all: every body sent at once")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)

    from sqlalchemy import func, select

    from app import create_app
    from models import Base, Candidate, Organisation
    from models.importing import run_import
    from models.jobs import imports
    from models.matches import index_cache, refresh
    from models.taxonomy.loading import load_taxonomy
    from seed.demo import generate_import
    from seed.demo.people import iter_candidates
    from web.extensions import db
    from web.queue import enqueue, huey_for

    directory = Path(tempfile.mkdtemp(prefix="werkbrug-import-refresh-"))
    url = database_url(args.database, directory)
    app = create_app({"TESTING": True, "WERKBRUG_ENV": "testing", "SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url,
                      "MATCH_SNAPSHOT_DIR": str(directory / "snapshots"), "QUEUE_URL": "memory://",
                      "QUEUE_REFRESH_MAX_VACANCIES": args.vacancies, "MATCH_SNAPSHOT_CHECK_SECONDS": 0})
    figures: dict = {"benchmark": "import_refresh", "backend": url.split(":")[0].split("+")[0],
                     "client": args.client, "candidates": args.candidates, "chunk": args.chunk, "base": args.base}
    apply_timer = Timer(index_cache, "_apply")
    rank_timer = Timer(refresh, "for_organisation")
    with app.app_context():
        Base.metadata.create_all(db.engine)
        org = Organisation(key="bench", name="Bench", is_default=True)
        db.session.add(org)
        started = time.perf_counter()
        load_taxonomy(db.session)
        doc = generate_import(seed=args.seed, candidates=args.base, employers=max(20, args.vacancies // 2),
                              vacancies=args.vacancies)
        run_import(db.session, json.dumps(doc).encode(), org, max_bytes=10**9, origin="bench")
        db.session.commit()
        index_cache.build(db.session, org.id)
        db.session.commit()
        refresh.for_organisation(db.session, org.id, 0.0, args.vacancies)
        db.session.commit()
        log(f"{args.base:,} candidates and {args.vacancies} vacancies loaded, indexed and ranked "
            f"in {time.perf_counter() - started:.1f} s ({figures['backend']})")

        records = list(iter_candidates(args.base + args.candidates, args.seed))[args.base:]
        payloads = [json.dumps({"format": "werkbrug-import/1", "candidates": records[i: i + args.chunk]}).encode()
                    for i in range(0, len(records), args.chunk)]
        org_id = org.id
        db.session.remove()

    def send(body: bytes) -> None:
        """What POST /api/v1/import does with a body above the inline size: store it, enqueue its job."""
        with app.app_context():
            record = imports.submit(db.session, org_id, "bench", body)
            db.session.commit()
            enqueue("run_api_import", record.id)
            db.session.remove()

    huey, bodies, sent = huey_for(app), [], 0
    apply_timer.take(), rank_timer.take()
    for body in payloads if args.client == "all" else payloads[:1]:
        send(body)
        sent += 1
    waiting: list = []
    while len(bodies) < len(payloads):
        waiting = waiting or [task for task in iter(huey.dequeue, None) if task.name == "run_api_import"]
        started = time.perf_counter()
        huey.execute(waiting.pop(0))
        bodies.append({"import_s": round(time.perf_counter() - started, 2)})
        follows = [task for task in iter(huey.dequeue, None) if task.name == "refresh_organisation"]
        soon = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=CLIENT_GAP_SECONDS)
        if sent < len(payloads) and all(task.eta is not None and task.eta > soon for task in follows):
            send(payloads[sent])  # the client's next body is in before the refresh is due
            sent += 1
        for task in follows:  # the refresh its commit enqueued (a second worker thread takes it when due)
            started = time.perf_counter()
            huey.execute(task, timestamp=max(task.eta or datetime.min, datetime.now(UTC).replace(tzinfo=None)))
            seconds = time.perf_counter() - started
            applied, ranked = apply_timer.take(), rank_timer.take()
            bodies[-1].update(refresh_s=round(seconds, 2), apply_s=round(applied, 2), rank_s=round(ranked, 2))
        if sent < len(payloads) and args.client == "sequential" and sent == len(bodies):
            send(payloads[sent])
            sent += 1
        log(f"body {len(bodies):>3}: import {bodies[-1]['import_s']:6.2f} s, refresh {bodies[-1].get('refresh_s', 0):6.2f} s "
            f"(apply {bodies[-1].get('apply_s', 0):6.2f} s, rank {bodies[-1].get('rank_s', 0):6.2f} s)")

    with app.app_context():
        total = db.session.scalar(select(func.count(Candidate.id)).where(Candidate.organisation_id == org_id))
        started = time.perf_counter()
        index_cache.build(db.session, org_id)
        db.session.commit()
        floor = time.perf_counter() - started
        db.engine.dispose()
    sums = {k: round(sum(b.get(k, 0.0) for b in bodies), 2) for k in ("import_s", "refresh_s", "apply_s", "rank_s")}
    figures.update(sums, bodies=len(bodies), refreshes=sum(1 for b in bodies if "refresh_s" in b),
                   in_database=total, floor_build_s=round(floor, 2),
                   refresh_per_build=round(sums["refresh_s"] / floor, 2) if floor else None,
                   refresh_per_import=round(sums["refresh_s"] / sums["import_s"], 2) if sums["import_s"] else None,
                   per_body=bodies)
    print(f"{len(bodies)} bodies of {args.chunk:,} ({total:,} candidates in the organisation): imports "
          f"{sums['import_s']} s, refreshes {sums['refresh_s']} s (applying the delta {sums['apply_s']} s, "
          f"ranking {sums['rank_s']} s)")
    print(f"floor: a fresh build of the index of all {total:,} from the database {floor:.2f} s; "
          f"refreshes / build {figures['refresh_per_build']}, refreshes / imports {figures['refresh_per_import']}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
