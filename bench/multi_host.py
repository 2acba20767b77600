"""Werkbrug on two hosts: two gunicorn instances, one worker, one PostgreSQL, one Redis, all on loopback.

Run from the repository root:
`python -m bench.multi_host [--candidates 5000] [--seconds 60] [--threads 6] [--ports 5130,5131]`
(`--candidates 100000` for the issue's figure). Creates (drops first) the scratch PostgreSQL database
--database (role werkbrug on 127.0.0.1:5432), empties Redis db --redis-db, loads the small demo set,
fills Dronten with --candidates candidates through `flask import`, and starts host A and host B
(`gunicorn -c python:web.gunicorn_conf -w 2` each, the same SECRET_KEY, QUEUE_URL on the Redis db)
and one `flask queue work`. The hosts and the worker share one MATCH_SNAPSHOT_DIR (the README's first
way to run snapshots on several hosts: a folder they all mount; the worker writes it, the web
processes map it read-only).
It waits until the worker has built the snapshots of the filled site. Then for --seconds: --threads
signed-in account managers (half on each host) browse the catalogue and the register and write
through the real forms with CSRF tokens: contact moments, placements and vacancy edits; meanwhile
--import-candidates candidates (default: as many as --candidates) for UWV Flevoland go through the
API in bodies of --chunk candidates (each above IMPORT_INLINE_MAX_BYTES, so each runs on the
worker), one after the other, each polled until done. An import that outlasts the load goes on
(polled, at most --import-timeout seconds after the load), and the bench says when it finished.

Afterwards it prints: errors per host; successful writes against the rows stored (each exactly
once); the imported candidates against those the import reported (and the rows added); jobs that failed on
the worker; how long an edit through host A
takes to show in host B's suggestions (a suggested candidate's hours set to 1-1 through host A's
API; polled on host B); how long host B's first suggestions take after a restart; the RSS of each
web worker (after the load; after 40 suggestion calls per host, so that each has mapped the
snapshot; after B's restart) and its private dirty memory (its own heap). Suggestion figures read "n/a" when the API gives
none in time (503 while no matcher snapshot exists, or no vacancy with suggestions). The last line is
one JSON object. Exit status 1 when a request or a job failed, a count disagrees, the import did not
finish, or a suggestion figure is missing or misses its target (edit lag 10 s, first suggestions 1 s).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from bench.hosts import (
    ROOT,
    Process,
    column,
    fill,
    fresh_database,
    private_mb,
    rss_mb,
    say,
    sql,
    tokens,
    wait_for_snapshots,
    wait_up,
)
from bench.load import percentile, prepare
from bench.serving import gunicorn_command
from bench.staff_load import ImportRun, Tally, api, import_thread, staff_thread
from models.common import clock

IMPORT_ORG = "uwv-flevoland"
LAG_LIMIT_SECONDS = 60
RESTART_LIMIT_SECONDS = 180
LAG_TARGET_SECONDS, FIRST_TARGET_SECONDS = 10, 1  # issue 17


# --- suggestions: freshness across hosts and the first answer after a restart -------------------------------

def suggested(base: str, token: str, vacancy: str, top: int = 10, timeout: float = 120) -> tuple[int, list[str]]:
    status, answer, _h = api(base, token, f"/api/v1/vacancies/{vacancy}/suggestions?top={top}", timeout=timeout)
    return status, [s["candidate"] for s in answer.get("suggestions", [])] if status == 200 else []


def edit_lag(base_a: str, base_b: str, token: str, vacancies: list[str], n_candidates: int) -> dict:
    """Set a suggested candidate's hours to 1-1 through host A; seconds until host B stops suggesting them."""
    from seed.demo.importfile import REFERENCE_DATE
    from seed.demo.people import make_candidate

    numbers = {make_candidate(2026, i, REFERENCE_DATE)["external_id"]: i for i in range(min(n_candidates, 200_000))}
    for vacancy in vacancies[:40]:
        status, names = suggested(base_b, token, vacancy)
        if status != 200:
            return {"lag_seconds": None, "note": f"host B answered {status} for suggestions"}
        names = [n for n in names if n in numbers]
        if not names:
            continue
        record = make_candidate(2026, numbers[names[0]], REFERENCE_DATE)
        record.update(hours_min=1, hours_max=1)
        body = json.dumps({"format": "werkbrug-import/1", "candidates": [record]}).encode()
        status, answer, _h = api(base_a, token, "/api/v1/import", body)
        if status != 200:
            return {"lag_seconds": None, "note": f"the edit through host A answered {status}: {str(answer)[:200]}"}
        edited = time.monotonic()
        while time.monotonic() - edited < LAG_LIMIT_SECONDS:
            status, now = suggested(base_b, token, vacancy, top=50)
            if status == 200 and names[0] not in now:
                return {"lag_seconds": round(time.monotonic() - edited, 2), "vacancy": vacancy}
            time.sleep(0.25)
        return {"lag_seconds": None, "note": f"host B still suggested the edited candidate after {LAG_LIMIT_SECONDS} s"}
    return {"lag_seconds": None, "note": "no vacancy with suggestions among the first 40"}


def ask_suggestions(bases: list[str], token: str, vacancies: list[str], per_host: int = 40) -> int:
    """Ask each host for suggestions ``per_host`` times (so that every web worker maps the snapshot)."""
    asked = 0
    for base in bases:
        for vacancy in (vacancies * per_host)[:per_host]:
            suggested(base, token, vacancy)
            asked += 1
    return asked


def first_suggestions_after_restart(host: Process, base: str, token: str, vacancy: str | None) -> dict:
    host.stop()
    host.start()
    up = wait_up(base)
    if vacancy is None:
        return {"up_seconds": round(up, 2), "first_suggestions_seconds": None, "note": "no vacancy"}
    started = time.monotonic()
    while time.monotonic() - started < RESTART_LIMIT_SECONDS:
        try:
            status, _names = suggested(base, token, vacancy, timeout=RESTART_LIMIT_SECONDS)
        except OSError:
            status = 0
        if status == 200:
            return {"up_seconds": round(up, 2), "first_suggestions_seconds": round(time.monotonic() - started, 2)}
        time.sleep(0.5)  # 503 while no snapshot exists yet: ask again
    return {"up_seconds": round(up, 2), "first_suggestions_seconds": None,
            "note": f"no suggestions within {RESTART_LIMIT_SECONDS} s"}


# --- main ---------------------------------------------------------------------------------------------------

def world_of(url: str, threads: int) -> dict:
    return {
        "employers": column(url, "SELECT e.id FROM employer e JOIN organisation o ON o.id = e.organisation_id "
                                 "WHERE o.key = 'dronten' ORDER BY e.id LIMIT 200"),
        "vacancies": column(url, "SELECT v.id FROM vacancy v JOIN organisation o ON o.id = v.organisation_id "
                                 "WHERE o.key = 'dronten' AND v.status = 'open' ORDER BY v.id LIMIT 64"),
        "vacancy_numbers": column(url, "SELECT v.external_id FROM vacancy v JOIN organisation o "
                                       "ON o.id = v.organisation_id WHERE o.key = 'dronten' AND v.status = 'open' "
                                       "AND v.external_id IS NOT NULL ORDER BY v.id"),
        "candidates": column(url, "SELECT c.id FROM candidate c JOIN organisation o ON o.id = c.organisation_id "
                                  "WHERE o.key = 'dronten' AND c.status = 'active' ORDER BY c.id DESC LIMIT 2000"),
        "threads": threads,
    }


def stored_counts(url: str, marker: str) -> dict:
    return {
        "contact moment": sql(url, "SELECT count(*) FROM contact_moment WHERE subject LIKE :m", m=f"{marker}%"),
        "placement": sql(url, "SELECT count(*) FROM placement p JOIN organisation o ON o.id = p.organisation_id "
                              "WHERE o.key = 'dronten' AND p.created_at >= :t", t=MARK_TIME["start"]),
        "vacancy edit": sql(url, "SELECT count(*) FROM change_record WHERE object_type = 'Vacancy' "
                                 "AND field = 'description' AND new LIKE :m", m=f"{marker}%"),
    }


MARK_TIME: dict = {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.multi_host", description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=5000, help="candidates filled into Dronten first")
    parser.add_argument("--import-candidates", type=int, help="candidates imported through the API during the load "
                                                                "(default: --candidates)")
    parser.add_argument("--chunk", type=int, default=5000, help="candidates per API body")
    parser.add_argument("--import-timeout", type=float, default=1800,
                        help="seconds the import may go on after the load before it counts as not finished")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--max-requests", type=int, default=20_000, help="per thread")
    parser.add_argument("--ports", default="5130,5131")
    parser.add_argument("--database", default="werkbrug_jobs_bench")
    parser.add_argument("--redis-db", type=int, default=3)
    args = parser.parse_args(argv)
    args.threads = max(2, min(args.threads, 16))
    n_import = args.import_candidates if args.import_candidates is not None else args.candidates
    ports = [int(p) for p in args.ports.split(",")][:2]
    scratch = Path(tempfile.mkdtemp(prefix="werkbrug-multihost-"))

    say(f"scratch database {args.database}, Redis db {args.redis_db}, hosts on {ports}, files in {scratch}")
    url = fresh_database(args.database)
    import redis

    redis_url = f"redis://127.0.0.1:6379/{args.redis_db}"
    redis.Redis.from_url(redis_url).flushdb()
    snapshot_dir = scratch / "snapshots"  # shared by the hosts and the worker
    # This process (the demo set, the tokens) keeps its jobs, snapshots and fitted linkers out of the
    # repository's instance folder; the hosts and the worker share the linkers as they share the snapshots.
    os.environ.update(QUEUE_URL=redis_url, MATCH_SNAPSHOT_DIR=str(scratch / "snapshots-setup"),
                      LINKER_DIR=str(scratch / "linkers"))
    prepare(url)  # tables and the small demo set
    env = dict(os.environ, DATABASE_URL=url, WERKBRUG_ENV="development", SECRET_KEY=uuid.uuid4().hex,
               QUEUE_URL=redis_url, PROXY_FIX_HOPS="1", PYTHONPATH=str(ROOT), IMPORT_INLINE_MAX_BYTES="262144",
               MATCH_SNAPSHOT_DIR=str(snapshot_dir))
    say(f"filling Dronten with {args.candidates:,} candidates (flask import) ...")
    fill_seconds = fill(env, scratch, args.candidates)
    say(f"  filled in {fill_seconds:.1f} s")
    keys = tokens(url)
    world = world_of(url, args.threads)
    before_import = sql(url, "SELECT count(*) FROM candidate c JOIN organisation o ON o.id = c.organisation_id "
                             "WHERE o.key = :k", k=IMPORT_ORG)

    hosts = [Process(name, gunicorn_command("app:create_app()", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "60",
                                            "--control-socket", str(scratch / f"gunicorn-{name}.ctl")),
                     env, scratch / f"host-{name}.log")
             for name, port in zip("AB", ports)]
    worker = Process("worker", [sys.executable, "-m", "flask", "--app", "app", "queue", "work", "--workers", "2"],
                     env, scratch / "worker.log")
    bases = [f"http://127.0.0.1:{port}" for port in ports]
    tally, run = Tally(), ImportRun()
    marker = f"Bench {uuid.uuid4().hex[:6]}"
    try:
        for process in (*hosts, worker):
            process.start()
        for base in bases:
            wait_up(base)
        say("hosts A and B answer; the worker runs; waiting for its index snapshots ...")
        first_build = wait_for_snapshots(url, snapshot_dir)
        say(f"  there {first_build:.1f} s after the hosts answered")
        MARK_TIME["start"] = clock.utcnow()
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=staff_thread, args=(
            "AB"[i % 2], bases[i % 2], world, deadline, marker, tally, i, args.max_requests), daemon=True)
            for i in range(args.threads)]
        importer = threading.Thread(target=import_thread, args=(bases, keys[IMPORT_ORG], n_import, args.chunk, run,
                                                                deadline, args.import_timeout), daemon=True)
        for t in (*threads, importer):
            t.start()
        while any(t.is_alive() for t in threads):
            time.sleep(10)
            say(f"load: A {tally.requests['A']} / B {tally.requests['B']} requests, "
                f"{sum(tally.errors.values())} error(s), writes {dict(tally.ok)}; import: {run.bodies} body(ies) sent, "
                f"{run.done} done, {run.created:,} created")
        load_ended = time.monotonic()
        say("load finished; waiting for the import to finish ...")
        while importer.is_alive() and time.monotonic() - load_ended < args.import_timeout + 60:
            importer.join(timeout=30)
            if importer.is_alive():
                say(f"  import: {run.bodies} body(ies) sent, {run.done} done, {run.created:,} created")
        after_load = max(0.0, run.seconds - args.seconds) if run.finished else None
        say(f"import: {run.done} of {run.bodies} body(ies) done in {run.seconds:.1f} s"
            + (f" ({after_load:.1f} s after the load ended)" if after_load else " (within the load)"))
        rss_browsing = {p.name: [rss_mb(pid) for pid in p.worker_pids()] for p in hosts}
        asked = ask_suggestions(bases, keys["dronten"], world["vacancy_numbers"])
        rss = {p.name: [rss_mb(pid) for pid in p.worker_pids()] for p in hosts}
        private = {p.name: [private_mb(pid) for pid in p.worker_pids()] for p in hosts}
        say(f"rss per web worker after the load {rss_browsing} MB; after {asked} suggestion calls {rss} MB "
            f"(private {private} MB)")
        lag = edit_lag(bases[0], bases[1], keys["dronten"], world["vacancy_numbers"], args.candidates)
        say(f"edit through A seen in B's suggestions: {lag}")
        restart = first_suggestions_after_restart(hosts[1], bases[1], keys["dronten"],
                                                  lag.get("vacancy") or next(iter(world["vacancy_numbers"]), None))
        say(f"host B restarted: {restart}")
        rss_after = {p.name: [rss_mb(pid) for pid in p.worker_pids()] for p in hosts}
    finally:
        for process in (*hosts, worker):
            process.stop()

    stored = stored_counts(url, marker)
    after_import = sql(url, "SELECT count(*) FROM candidate c JOIN organisation o ON o.id = c.organisation_id "
                            "WHERE o.key = :k", k=IMPORT_ORG)
    logs = "".join((scratch / f"host-{h}.log").read_text(errors="replace") for h in "AB")
    worker_log = (scratch / "worker.log").read_text(errors="replace")
    failed_jobs = [line[:240] for line in worker_log.splitlines() if " failed: " in line and "werkbrug.queue" in line]
    errors_per_host = {h: sum(v for (host, _k, _s), v in tally.errors.items() if host == h) for h in "AB"}
    writes = {kind: {"ok": tally.ok[kind], "stored": stored[kind], "exactly_once": tally.ok[kind] == stored[kind]}
              for kind in stored}
    summary = {
        "candidates": args.candidates, "imported_through_api": n_import, "seconds": args.seconds,
        "threads": args.threads, "fill_seconds": round(fill_seconds, 1),
        "first_snapshots_seconds": round(first_build, 1), "failed_jobs": failed_jobs[:10],
        "requests": dict(tally.requests), "errors_per_host": errors_per_host,
        "errors": {f"{h} {k} {s}": v for (h, k, s), v in sorted(tally.errors.items())},
        "server_errors_logged": logs.count("unhandled "), "database_locked": logs.count("database is locked"),
        "writes": writes,
        "import": {"bodies": run.bodies, "done": run.done, "failed": run.failed, "seconds": round(run.seconds, 1),
                   "finished": run.finished,
                   "after_load_seconds": round(after_load, 1) if after_load is not None else None,
                   "created": run.created, "updated": run.updated, "unchanged": run.unchanged,
                   "rows_added": after_import - before_import,
                   "each_once": after_import - before_import == run.created and
                   run.created + run.updated + run.unchanged == n_import,
                   "errors": run.errors[:5]},
        "p50_ms": {k: percentile(v, 50) for k, v in sorted(tally.latency.items())},
        "p95_ms": {k: percentile(v, 95) for k, v in sorted(tally.latency.items())},
        "edit_lag_seconds": lag.get("lag_seconds"), "edit_lag_note": lag.get("note"),
        "first_suggestions_after_restart_seconds": restart.get("first_suggestions_seconds"),
        "restart_note": restart.get("note"),
        "rss_mb_per_web_worker_browsing": rss_browsing, "rss_mb_per_web_worker": rss,
        "private_mb_per_web_worker": private,
        "rss_mb_per_web_worker_after_restart": rss_after,
    }
    first = restart.get("first_suggestions_seconds")
    targets = {"edit_lag": lag.get("lag_seconds") is not None and lag["lag_seconds"] <= LAG_TARGET_SECONDS,
               "first_suggestions": first is not None and first <= FIRST_TARGET_SECONDS}
    summary["targets_met"] = targets
    ok = (not any(errors_per_host.values()) and all(w["exactly_once"] for w in writes.values())
          and summary["import"]["each_once"] and run.finished and run.done == run.bodies
          and not summary["server_errors_logged"] and not failed_jobs and all(targets.values()))
    print()
    print(f"Errors per host: A {errors_per_host['A']}, B {errors_per_host['B']} "
          f"({sum(tally.requests.values())} requests in {args.seconds:.0f} s)")
    for kind, w in writes.items():
        print(f"{kind:>15}: {w['ok']} successful, {w['stored']} stored -> {'once each' if w['exactly_once'] else 'DIFFER'}")
    print(f"API import: {run.done}/{run.bodies} bodies done in {run.seconds:.1f} s"
          + (f" ({after_load:.1f} s after the load)" if after_load else "")
          + f"; {run.created:,} created, {run.updated:,} updated, {after_import - before_import:,} rows added -> "
          f"{'once each' if summary['import']['each_once'] else 'DIFFER'}")
    print(f"Jobs failed on the worker: {len(failed_jobs)}" + (f" (first: {failed_jobs[0]})" if failed_jobs else ""))
    lag_text = f"{lag['lag_seconds']} s" if lag.get("lag_seconds") is not None else f"n/a ({lag.get('note')})"
    print(f"Edit through A visible in B's suggestions after: {lag_text} (target {LAG_TARGET_SECONDS} s)")
    first_text = f"{first} s" if first is not None else f"n/a ({restart.get('note')})"
    print(f"First suggestions after restarting B: {first_text} (target {FIRST_TARGET_SECONDS} s)")
    print(f"RSS per web worker (MB): after the load {rss_browsing}; after {asked} suggestion calls {rss}; "
          f"after B's restart and first suggestions {rss_after}; private after the calls {private}")
    print("Result: " + ("all held" if ok else "something failed; see errors, counts and the logs in " + str(scratch)))
    print(json.dumps(summary, default=str))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
