"""Load test: gunicorn with 2 workers on loopback, mixed concurrent reads and writes, then a count check.

Run from the repository root: `python -m bench.load [--seconds 60] [--threads 4] [--database-url URL]`.
Fills a scratch database (a temporary SQLite file unless --database-url is given; tables are created
when missing and a small demo set is loaded when it has no organisations), starts gunicorn on
127.0.0.1 with two workers, and for --seconds lets --threads threads each sign in as the demo account
manager and request a mix of pages: the public catalogue, the employer list, employer pages, and
(one request in five) a new contact moment through the real form, CSRF token included, so nothing
is switched off for the benchmark. Each request carries an X-Forwarded-For address from a
documentation range (RFC 5737; a header value only, nothing is sent there) and gunicorn runs with
PROXY_FIX_HOPS=1, so the catalogue's per-address scraping limit sees many visitors instead of one.

Prints requests, errors, "database is locked" occurrences in the server log, p50/p95 latency per kind,
and checks that the number of stored bench contact moments equals the number of successful writes.
The last line is one JSON object. The run is bounded by --seconds and --max-requests; it stops itself.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

from bench.serving import gunicorn_command
from models.common import clock

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
SMALL_DEMO = {"dronten": (120, 30, 40), "uwv-flevoland": (20, 5, 8)}
EMAIL, PASSWORD = "accountmanager@dronten.example.org", "werkbrug-demo-2026"


def prepare(url: str) -> list[int]:
    """Create the tables and a small demo set when the database is empty; return Dronten's employer ids."""
    from sqlalchemy import func, select

    import seed.loader as loader
    from app import create_app
    from models import Base, Employer, Organisation
    from models.taxonomy.loading import load_taxonomy
    from seed.taxonomy import load_occupations, load_skills
    from web.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WERKBRUG_ENV": "development", "SECRET_KEY": "bench"})
    with app.app_context():
        Base.metadata.create_all(db.engine)
        if not db.session.scalar(select(func.count()).select_from(Organisation)):
            loader.DEMO_SIZES = SMALL_DEMO
            small = [*load_skills(), *[o for o in load_occupations() if o.slug]]  # quick to link
            loader.load_taxonomy = lambda session: load_taxonomy(session, small)
            for _line in loader.load_demo(db.session, 1, echo=lambda _s: None):
                pass
            db.session.commit()
        ids = db.session.scalars(select(Employer.id).join(Organisation).where(Organisation.key == "dronten")).all()
        db.engine.dispose()
    return list(ids)


def count_moments(url: str, marker: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM contact_moment WHERE subject LIKE :m"),
                         {"m": f"{marker}%"}).scalar()
    engine.dispose()
    return int(n)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """A browser-like session: cookies, a fake client address per request, timing of every request."""

    def __init__(self, base: str, rng: random.Random):
        self.base, self.rng = base, rng
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect())

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body, headers={
            "X-Forwarded-For": f"198.51.100.{self.rng.randint(1, 254)}"})
        start = time.perf_counter()
        try:
            with self.opener.open(req, timeout=30) as response:  # nosec B310: loopback URL built here
                status, text = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode("utf-8", "replace")
        return status, text, (time.perf_counter() - start) * 1000

    def token(self, path: str) -> str:
        match = TOKEN.search(self.request(path)[1])
        if not match:
            raise RuntimeError(f"no CSRF token on {path}")
        return match.group(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 is an answer of its own here


def worker(base, employer_ids, deadline, max_requests, marker, results, lock, seed):
    rng = random.Random(seed)
    client = Client(base, rng)
    token = client.token("/inloggen")
    status, _text, _ms = client.request("/inloggen", {"csrf_token": token, "email": EMAIL, "password": PASSWORD})
    if status != 302:
        raise RuntimeError(f"sign-in failed with {status}")
    token = client.token(f"/werkgevers/{employer_ids[0]}")
    while time.monotonic() < deadline:
        with lock:
            if results["requests"] >= max_requests:
                return
            results["requests"] += 1
        roll = rng.random()
        employer = rng.choice(employer_ids)
        if roll < 0.2:
            kind = "write"
            status, _t, ms = client.request(f"/werkgevers/{employer}/contactmomenten", {
                "csrf_token": token, "channel": "phone", "occurred_on": clock.today().isoformat(),
                "subject": f"{marker} {uuid.uuid4().hex[:8]}", "notes": "Belasting", "follow_up_on": "",
                "follow_up_action": "", "contact_person_id": "", "follow_up_owner_id": ""})
            ok = status == 302
        else:
            kind, path = rng.choice([("catalogue", "/kandidaten"), ("catalogue", "/kandidaten?q=heftruck"),
                                     ("employers", "/werkgevers/"), ("employers", "/werkgevers/?q=bouw"),
                                     ("employer page", f"/werkgevers/{employer}")])
            status, _t, ms = client.request(path)
            ok = status == 200
        with lock:
            results["latency"].setdefault(kind, []).append(ms)
            results["ok_writes"] += ok and kind == "write"
            if not ok:
                results["errors"].append((kind, status))


def percentile(values: list[float], p: float) -> float:
    return round(statistics.quantiles(values, n=100)[int(p) - 1], 1) if len(values) > 1 else round(sum(values), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    args = parser.parse_args(argv)
    args.threads = max(1, min(args.threads, 16))

    scratch = tempfile.TemporaryDirectory(prefix="werkbrug-load-")
    url = args.database_url or f"sqlite:///{scratch.name}/load.sqlite"
    print(f"Preparing {url.split('@')[-1]} ...", flush=True)
    employer_ids = prepare(url)
    port = free_port()
    log_path = Path(scratch.name) / "gunicorn.log"
    env = dict(os.environ, DATABASE_URL=url, WERKBRUG_ENV="development", SECRET_KEY=uuid.uuid4().hex,
               PROXY_FIX_HOPS="1", PYTHONPATH=str(ROOT))
    with open(log_path, "w") as log:
        server = subprocess.Popen(  # nosec B603: fixed argument list, no shell
            gunicorn_command("app:create_app()", "-w", "2", "-b", f"127.0.0.1:{port}", "--timeout", "60"),
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2).close()  # nosec B310: loopback
                break
            except OSError:
                time.sleep(0.2)
        marker = f"Bench {uuid.uuid4().hex[:6]}"
        results = {"requests": 0, "ok_writes": 0, "errors": [], "latency": {}}
        lock, deadline = threading.Lock(), time.monotonic() + args.seconds
        threads = [threading.Thread(target=worker, args=(base, employer_ids, deadline, args.max_requests, marker,
                                                         results, lock, i)) for i in range(args.threads)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(args.seconds + 120)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    log_text = log_path.read_text(errors="replace")
    stored = count_moments(url, marker)
    all_ms = [ms for values in results["latency"].values() for ms in values]
    summary = {
        "database": "postgresql" if url.startswith("postgres") else "sqlite",
        "seconds": round(elapsed, 1), "threads": args.threads, "requests": results["requests"],
        "requests_per_second": round(results["requests"] / elapsed, 1), "errors": len(results["errors"]),
        "error_statuses": sorted({s for _k, s in results["errors"]}),
        "errors_per_kind": dict(Counter(k for k, _s in results["errors"])),
        "server_errors": sorted(set(re.findall(r"unhandled \w+ on \S+ \S+", log_text)))[:10],
        "database_locked": log_text.count("database is locked") + log_text.count("OperationalError"),
        "p50_ms": percentile(all_ms, 50), "p95_ms": percentile(all_ms, 95),
        "per_kind": {k: {"n": len(v), "p50_ms": percentile(v, 50), "p95_ms": percentile(v, 95)}
                     for k, v in sorted(results["latency"].items())},
        "writes_ok": results["ok_writes"], "moments_stored": stored, "counts_agree": stored == results["ok_writes"],
    }
    for key, value in summary.items():
        print(f"{key:>20}: {value}")
    print(json.dumps(summary))
    scratch.cleanup()
    return 0 if summary["counts_agree"] and not summary["errors"] and not summary["database_locked"] else 1


if __name__ == "__main__":
    sys.exit(main())
