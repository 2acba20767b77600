"""Time every staff page at the benchmark scale, through Flask, against a floor measured in the same run.

    python -m bench.staff_pages --database-url postgresql+psycopg://…/werkbrug_scratch [--scale 1] [--runs 15]
    python -m bench.staff_pages --scale 0.1            # quick: a temporary SQLite database
    python -m bench.staff_pages --database-url URL --reuse   # measure again without filling

Scale 1 is 100,000 candidates, 50,000 employers, 1,000,000 contact moments and 50,000 placements;
the database is EMPTIED and filled by bench.staff_fill. ``--reuse`` keeps a filled one and only
adds indexes the models gained since. Every GET page of the staff areas in the URL map is asked as
the first staff role allowed to see it (ids picked from the data), ``--runs`` times after one
warm-up, and so is saving a vacancy with changed skills. The floor is a bare logged-in route on the same app. Printed worst p95 first; the
last line is one JSON object.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

from sqlalchemy import event, text

from bench import reports
from bench.register import PASSWORD
from bench.staff_fill import ROLES, add_missing_indexes, fill, sizes
from models.common import clock
from models.enums import Role

STAFF_PREFIXES = ("/beheer", "/vacatures", "/werkgevers", "/meldingen")
SKIPPED = ("reports.family", "reports.drill", "privacy.erase")  # the reports come from bench.reports' scenarios
FLOOR = "/beheer/_bench-floor"


def _say(quiet: bool):
    return (lambda *_: None) if quiet else (lambda line: print(line, file=sys.stderr, flush=True))


IDS = {  # a URL parameter -> the query that picks a real, well-filled id for it
    "candidate_id": "SELECT candidate_id FROM suggestion GROUP BY candidate_id ORDER BY count(*) DESC, candidate_id LIMIT 1",
    "employer_id": "SELECT employer_id FROM contact_moment GROUP BY employer_id ORDER BY count(*) DESC LIMIT 1",
    "vacancy_id": "SELECT vacancy_id FROM suggestion GROUP BY vacancy_id ORDER BY count(*) DESC LIMIT 1",
    "placement_id": "SELECT min(p.id) FROM placement p JOIN organisation o ON o.id = p.organisation_id WHERE o.key = 'dronten'",
    "concept_id": "SELECT concept_id FROM concept_alias GROUP BY concept_id ORDER BY count(*) DESC LIMIT 1",
    "user_id": "SELECT owner_id FROM candidate WHERE owner_id IS NOT NULL GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1",
    "obligation_id": "SELECT min(id) FROM sroi_obligation",
    "version_id": "SELECT min(id) FROM building_block_table_version",
    "request_id": "SELECT min(id) FROM employer_request",
}


def pages(app, conn) -> dict[str, str]:
    """Every staff GET page of the URL map with its parameters filled in, plus the report pages."""
    picked = {name: conn.execute(text(sql)).scalar() for name, sql in IDS.items()}
    out = {}
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if "GET" not in rule.methods or not rule.rule.startswith(STAFF_PREFIXES) or rule.endpoint in SKIPPED:
            continue
        if rule.rule == FLOOR or set(rule.arguments) - set(picked) or any(picked[a] is None for a in rule.arguments):
            continue  # exports (<fmt>) and rows the data set has none of
        out[rule.endpoint] = rule.build({a: picked[a] for a in rule.arguments}, append_unknown=False)[1]
    out.pop("reports.export", None)
    out.update({f"reports.{k}": v for k, v in reports.scenarios().items() if ".xlsx" not in v})
    return out


class _FormFields(HTMLParser):
    """The values a browser would send for the first form with a ``version`` field."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "checkbox", "radio", "button"):
            self.fields[name] = a.get("value") or ""
        elif tag == "input" and name and a.get("type") in ("checkbox", "radio") and "checked" in a:
            self.fields[name] = a.get("value") or "y"
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.fields.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


def _figures(timings: list[float], counts: list[int]) -> dict:
    timings = sorted(timings)
    return {"median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[min(int(round(0.95 * (len(timings) - 1))), len(timings) - 1)], 1),
            "queries": max(counts) if counts else 0}


def measure(url: str, runs: int, say, only: str | None = None, snapshot_dir: str | None = None) -> dict:
    from flask_login import current_user, login_required

    from app import create_app
    from models.matches.index_cache import IndexNotReady, build, get_index
    from web.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench", "WERKBRUG_ENV": "testing",
                      "WTF_CSRF_ENABLED": False, "TESTING": True, "QUEUE_URL": "memory://",
                      "MATCH_SNAPSHOT_DIR": snapshot_dir})
    app.add_url_rule(FLOOR, "bench_floor", login_required(lambda: f"ok {current_user.id}"))
    result: dict = {"pages": {}}
    with app.app_context():
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        with db.engine.connect() as conn:
            targets = pages(app, conn)
            org = conn.execute(text("SELECT id FROM organisation WHERE key = 'dronten'")).scalar_one()
            rtt = []
            for _ in range(200):
                start = time.perf_counter()
                conn.execute(text("SELECT 1")).scalar()
                rtt.append((time.perf_counter() - start) * 1000)
        result["select1_ms"] = round(statistics.median(rtt), 3)
        started = time.perf_counter()
        try:  # the worker builds the matcher index snapshot (not this bench's subject); pages map it
            get_index(db.session, org)
        except IndexNotReady:
            build(db.session, org)
            get_index(db.session, org)
        db.session.commit()  # a first build gives the database its change epoch: rolled back, no page matched the snapshot
        result["index_build_s"] = round(time.perf_counter() - started, 1)
        from models.taxonomy import worklist

        started = time.perf_counter()  # what the queue's propose_wordings job does after an import
        stored = worklist.store_proposals(db.session)
        result["proposals_job_s"] = round(time.perf_counter() - started, 1)
        from models.matches import bias

        started = time.perf_counter()  # the queue's compute_bias job, which the monitor's page asks for
        bias.store(db.session, org, clock.today())
        db.session.commit()
        result["bias_job_s"] = round(time.perf_counter() - started, 1)
        say(f"  matcher index {result['index_build_s']} s; worklist proposals for {stored} wordings "
            f"{result['proposals_job_s']} s; bias counts {result['bias_job_s']} s (the queue's work, before the "
            "pages are timed)")
        worklist._cache.clear()  # a web process has no linker of its own
        clients = {}
        for role in ROLES:
            client = app.test_client()
            email = "am0@bench.example" if role == Role.COORDINATOR else f"{role.value}@bench.example"
            response = client.post("/inloggen", data={"email": email, "password": PASSWORD})
            if response.status_code == 302 and "/inloggen" not in response.headers.get("Location", ""):
                clients[role] = client
            else:
                say(f"  (cannot sign in as {role.value}: {response.status_code} {response.headers.get('Location')})")

        def timed(client, method: str, path: str, data=None) -> tuple[float, int, int]:
            statements.clear()
            start = time.perf_counter()
            response = client.open(path, method=method, data=data)
            return (time.perf_counter() - start) * 1000, len(statements), response.status_code

        def series(client, path: str) -> dict:
            first = timed(client, "GET", path)[0]
            timings, counts = [], []
            for _ in range(runs):
                ms, count, status = timed(client, "GET", path)
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")
                timings.append(ms)
                counts.append(count)
            return {**_figures(timings, counts), "first_ms": round(first, 1)}

        result["floor"] = series(clients[ROLES[0]], FLOOR)
        for endpoint, path in targets.items():
            if only and only not in endpoint:
                continue
            for role, client in clients.items():
                status = client.get(path).status_code
                if status == 200:
                    figures = result["pages"][endpoint] = {"path": path, "role": role.value, **series(client, path)}
                    say(f"    {endpoint}: p95 {figures['p95_ms']} ms")
                    break
                if status != 403:
                    say(f"  {endpoint} {path}: {status} for {role.value}, not timed")
                    break
        result["save_vacancy"] = save_vacancy(clients[ROLES[0]], targets["vacancies.edit"], runs, timed)
        db.engine.dispose()
    return result


def save_vacancy(client, path: str, runs: int, timed) -> dict:
    """POST the edit form with the skills changed each time (so the wordings are linked again)."""
    timings, counts = [], []
    for n in range(runs + 1):
        form = _FormFields()
        form.feed(client.get(path).get_data(as_text=True))
        data = dict(form.fields)
        data["required_skills"] = "\n".join([*(data.get("required_skills") or "").splitlines()[:2],
                                             f"heftruck rijden {n % 2}"])
        ms, count, status = timed(client, "POST", path, data)
        if status != 302:
            body = client.get(path).get_data(as_text=True)
            raise SystemExit(f"saving {path} answered {status}: {re.findall(r'error[^<]{0,200}', body)[:3]}")
        if n:  # the first save builds the process's linker
            timings.append(ms)
            counts.append(count)
        else:
            first = ms
    return {"path": path, "first_ms": round(first, 1), **_figures(timings, counts)}


def report(result: dict, say) -> None:
    floor = result["floor"]["p95_ms"]
    say(f"floor (bare signed-in route) median {result['floor']['median_ms']} ms, p95 {floor} ms; "
        f"SELECT 1 {result['select1_ms']} ms; matcher index built in {result['index_build_s']} s")
    rows = [(name, f) for name, f in result["pages"].items()] + [("SAVE vacancy (POST)", result["save_vacancy"])]
    for name, f in sorted(rows, key=lambda r: -r[1]["p95_ms"]):
        f["ratio"] = round(f["p95_ms"] / floor, 1) if floor else None
        say(f"  {name:<36} p95 {f['p95_ms']:>8.1f} ms  median {f['median_ms']:>8.1f}  first {f['first_ms']:>8.1f}"
            f"  x{f['ratio']:<6} {f['queries']:>4} q  {f.get('role', '')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.staff_pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", help="the scratch database (EMPTIED); default a temporary SQLite file")
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 100,000 candidates … (0.1 for a quick run)")
    parser.add_argument("--runs", type=int, default=15, help="timed requests per page")
    parser.add_argument("--reuse", action="store_true", help="measure a database this bench filled before")
    parser.add_argument("--only", help="time only endpoints containing this text")
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    say = _say(args.json)
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'staff.sqlite'}"
        if args.reuse:
            made = add_missing_indexes(url)
            say(f"reusing the filled database; indexes added: {', '.join(made) or 'none'}")
        else:
            say(f"filling at scale {args.scale}: {sizes(args.scale)}")
            fill(url, args.scale, say)
        result = measure(url, args.runs, say, args.only, str(Path(tmp) / "snapshots"))
    report(result, say)
    result.update({"scale": args.scale, **sizes(args.scale), "runs": args.runs,
                   "database": url.split(":")[0].split("+")[0], "floor_p95_ms": result["floor"]["p95_ms"]})
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
