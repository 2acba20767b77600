"""Cold start: seconds from starting gunicorn to the first catalogue page, against a bare Flask app.

Run from the repository root: `python -m bench.cold_start [--repeats 3] [--no-taxonomy] [--json]`.
Compiles the app's modules to bytecode first, as `pip install .` does on a real host (an environment
with PYTHONDONTWRITEBYTECODE would otherwise time Python's compiler). Fills a small scratch SQLite
catalogue with the taxonomy loaded (as every installation has it: the first page's search vocabulary
holds its wordings; `--no-taxonomy` leaves it out), then --repeats times starts gunicorn (2 workers,
loopback, production settings, web/gunicorn_conf.py: loaded in the master, workers forked) with the
Werkbrug app and with bench.bare_app, the same way, and times the first answer to /kandidaten; it
also reads the CPU seconds gunicorn and its workers had used by then, which other work on the
machine moves far less than wall time. Then it times one search (/kandidaten?q=heftruk) sent right
after that first answer: what start-up leaves for after the first page (web/warmup.py) shows there.
Last, for the app only, it signs a staff member in and opens the candidate list (``staff_seconds``:
the sign-in form, signing in and the first staff page, each on a new connection): the staff areas'
views are imported on their first request (web/lazy.py), so that cost shows there, not hidden. The
bench runs the app with STAFF_TWO_FACTOR=0 (no authenticator app in a benchmark); nothing else of
the first catalogue page depends on it.
Prints the medians and as the last line one JSON object with seconds, floor_seconds, ratio,
cpu_seconds, floor_cpu_seconds, cpu_ratio, search_seconds, floor_search_seconds and staff_seconds.
Target (issue 18): ratio <= 3 (heavy libraries imported where used).
"""
from __future__ import annotations

import argparse
import compileall
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.catalogue import fill
from bench.catalogue_http import ADDRESSES, ROOT, get, log, serve

TARGET_RATIO = 3
SEARCH = "/kandidaten?q=heftruk"  # a typo: the search vocabulary and rapidfuzz are needed
STAFF_PAGE = "/beheer/kandidaten/"
STAFF_EMAIL, STAFF_PASSWORD = "matcher@cold.example", "cold-start-password-long-enough"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its children (Linux /proc)."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(entry.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def add_staff_member(url: str) -> None:
    """A matcher of the catalogue's organisation, to sign in as."""
    from sqlalchemy import create_engine, insert, select

    from models import Organisation, User
    from models.accounts.passwords import hash_password
    from models.enums import Role

    engine = create_engine(url)
    with engine.begin() as conn:
        org = conn.scalar(select(Organisation.id).limit(1))
        conn.execute(insert(User).values(email=STAFF_EMAIL, name="Matcher", role=Role.MATCHER,
                                         password_hash=hash_password(STAFF_PASSWORD), organisation_id=org))
    engine.dispose()


def _request(port: int, path: str, cookies: dict, form: dict | None = None) -> tuple[int, str]:
    """One request on a new connection, keeping the cookies by hand (the session cookie is Secure, and
    this is loopback http)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"X-Forwarded-For": ADDRESSES[2], "Host": "localhost",
               "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    body = None
    if form is not None:
        from urllib.parse import urlencode

        body, headers["Content-Type"] = urlencode(form), "application/x-www-form-urlencoded"
    try:
        conn.request("POST" if form is not None else "GET", path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or ():
            name, _, value = header.split(";", 1)[0].partition("=")
            cookies[name] = value
        return response.status, text
    finally:
        conn.close()


def first_staff_page(port: int) -> float:
    """Seconds to sign in (the form, then posting it) and open the first staff page."""
    cookies: dict[str, str] = {}
    started = time.perf_counter()
    status, page = _request(port, "/inloggen", cookies)
    token = TOKEN.search(page)
    if status != 200 or token is None:
        raise RuntimeError(f"/inloggen answered {status} without a form")
    status, _ = _request(port, "/inloggen", cookies, {"csrf_token": token.group(1), "email": STAFF_EMAIL,
                                                       "password": STAFF_PASSWORD})
    if status != 302:
        raise RuntimeError(f"signing in answered {status}")
    status, page = _request(port, STAFF_PAGE, cookies)
    if status != 200:
        raise RuntimeError(f"{STAFF_PAGE} answered {status}")
    return time.perf_counter() - started


def first_answer(app_spec: str, env: dict, log_path: Path, staff: bool) -> tuple[float, float, float, float | None]:
    """Seconds to the first answer, the CPU seconds gunicorn and its workers had used by then, the
    seconds a search sent right after that answer took, and then (``staff``) the first staff page's."""
    server, port, seconds = serve(app_spec, env, log_path)
    cpu = cpu_seconds(server.pid)
    try:
        status, search_ms = get(port, SEARCH, ADDRESSES[1])
        if status != 200:
            raise RuntimeError(f"{SEARCH} answered {status}; see {log_path}")
        staff_s = first_staff_page(port) if staff else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    return seconds, cpu, search_ms / 1000, staff_s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cold_start", description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="leave out the table; the JSON line is always last")
    parser.add_argument("--no-taxonomy", dest="taxonomy", action="store_false",
                        help="a catalogue without the taxonomy (smaller search vocabulary than any installation)")
    args = parser.parse_args(argv)
    for name in ("app.py", "web", "models", "matching", "bench"):  # __pycache__ is in .gitignore
        compile_ = compileall.compile_file if name.endswith(".py") else compileall.compile_dir
        compile_(str(ROOT / name), quiet=2)
    scratch = tempfile.TemporaryDirectory(prefix="werkbrug-cold-")
    url = f"sqlite:///{scratch.name}/catalogue.sqlite"
    fill(url, 200)
    add_staff_member(url)
    env = dict(os.environ, DATABASE_URL=url, WERKBRUG_ENV="production", SECRET_KEY=uuid.uuid4().hex,
               PYTHONPATH=str(ROOT), STAFF_TWO_FACTOR="0")
    if args.taxonomy:
        log("loading the taxonomy into the scratch catalogue")
        subprocess.run([sys.executable, "-m", "flask", "--app", "app", "taxonomy", "load"], env=env, cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
    log_path = Path(scratch.name) / "gunicorn.log"
    app, floor, app_cpu, floor_cpu, app_search, floor_search, staff = [], [], [], [], [], [], []
    for n in range(max(1, args.repeats)):  # interleaved, so a busy moment hits both alike
        runs = (("app:create_app()", app, app_cpu, app_search),
                ("bench.bare_app:create_app()", floor, floor_cpu, floor_search))
        for spec, times, cpus, searches in runs:
            wall, cpu, search, staff_s = first_answer(spec, env, log_path, staff=times is app)
            times.append(round(wall, 3))
            cpus.append(round(cpu, 2))
            searches.append(round(search, 3))
            if staff_s is not None:
                staff.append(round(staff_s, 3))
        log(f"  run {n + 1}: app {app[-1]:.2f} s ({app_cpu[-1]:.2f} s CPU; then a search {app_search[-1]:.2f} s, "
            f"signing in and a staff page {staff[-1]:.2f} s), "
            f"bare Flask {floor[-1]:.2f} s ({floor_cpu[-1]:.2f} s CPU; {floor_search[-1]:.2f} s)")
    seconds, floor_seconds = statistics.median(app), statistics.median(floor)
    ratio = round(seconds / floor_seconds, 1)
    # CPU seconds (master and both workers, to the first answer) swing far less with other work on the
    # machine than wall time does: a second view of the same start.
    cpu, floor_cpu_s = statistics.median(app_cpu), statistics.median(floor_cpu)
    cpu_ratio = round(cpu / floor_cpu_s, 1) if floor_cpu_s else None
    if not args.json:
        print(f"first catalogue page {seconds:.2f} s, bare Flask {floor_seconds:.2f} s: {ratio}x "
              f"(target <= {TARGET_RATIO}); CPU {cpu:.2f} s against {floor_cpu_s:.2f} s: {cpu_ratio}x")
    print(json.dumps({"taxonomy": args.taxonomy, "seconds": round(seconds, 2), "floor_seconds": round(floor_seconds, 2), "ratio": ratio,
                      "target_ratio": TARGET_RATIO, "cpu_seconds": cpu, "floor_cpu_seconds": floor_cpu_s,
                      "cpu_ratio": cpu_ratio, "search_seconds": statistics.median(app_search),
                      "floor_search_seconds": statistics.median(floor_search),
                      "staff_seconds": statistics.median(staff),
                      "runs": {"app": app, "floor": floor, "app_cpu": app_cpu, "floor_cpu": floor_cpu,
                               "app_search": app_search, "floor_search": floor_search, "staff": staff}}))
    scratch.cleanup()
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
