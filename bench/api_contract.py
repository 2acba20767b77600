"""The partner API against its OpenAPI document: schemathesis on the started app, with a token.

Run from the repository root: `python -m bench.api_contract [--seconds 240] [--examples 30]`.
Creates a scratch SQLite database with two organisations, a few vacancies (one shared), an
employer and a candidate, and an API token of the first organisation, and builds both
organisations' matcher index snapshots as the worker would (without them the suggestions answer
503 "being computed", which schemathesis counts as a server error); starts gunicorn in
production mode (one worker, one thread: concurrent writers on SQLite fail with "database is locked", PostgreSQL is for that; BASE_URL set, TRUSTED_HOSTS set) on 127.0.0.1; runs `schemathesis run` against
`/api/v1/openapi.json` with that token and the checks not_a_server_error,
status_code_conformance, content_type_conformance, response_headers_conformance and
response_schema_conformance; stops gunicorn and exits with schemathesis's exit code (0: no
failures). Bounded by --seconds (schemathesis's --max-time, and a hard timeout on the process).
.ci/run calls it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import date
from pathlib import Path

from bench.serving import gunicorn_command

ROOT = Path(__file__).resolve().parent.parent
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,"
          "response_headers_conformance,response_schema_conformance")


def prepare(url: str, secret_key: str, snapshot_dir: str) -> str:
    """Schema, two organisations, a little data, a token of the first and both index snapshots
    (signed with ``secret_key``, the server's); returns the token."""
    from app import create_app
    from models import Base, Employer, Organisation, Vacancy, VacancyShare
    from models.accounts import api_tokens
    from models.matches import index_cache
    from web.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WERKBRUG_ENV": "development", "SECRET_KEY": secret_key,
                      "MATCH_SNAPSHOT_DIR": snapshot_dir})
    with app.app_context():
        Base.metadata.create_all(db.engine)
        own = Organisation(key="dronten", name="Gemeente Dronten", region="Flevoland", is_default=True)
        other = Organisation(key="uwv-flevoland", name="UWV Flevoland", region="Flevoland")
        db.session.add_all([own, other])
        db.session.flush()
        employer = Employer(organisation_id=own.id, name="Polderbakkerij Noord", external_id="W-1", kvk="12345678")
        db.session.add(employer)
        db.session.flush()
        for n in range(3):
            db.session.add(Vacancy(organisation_id=own.id, employer_id=employer.id, external_id=f"V-{n}",
                                   title=f"Productiemedewerker {n}", hours_min=24, hours_max=36,
                                   start_date=date(2026, 12, 1)))
        foreign = Employer(organisation_id=other.id, name="Bouwbedrijf Zee")
        db.session.add(foreign)
        db.session.flush()
        shared = Vacancy(organisation_id=other.id, employer_id=foreign.id, external_id="V-UWV", title="Timmerman")
        db.session.add(shared)
        db.session.flush()
        db.session.add(VacancyShare(vacancy_id=shared.id, organisation_id=own.id))
        _row, token = api_tokens.create_token(db.session, own.id, "contract test")
        db.session.commit()
        for organisation in (own, other):
            index_cache.build(db.session, organisation.id)
    return token


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=240, help="time budget of the schemathesis run")
    parser.add_argument("--examples", type=int, default=30, help="examples per operation")
    args = parser.parse_args(argv)
    schemathesis = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or shutil.which("schemathesis")
    if schemathesis is None:
        print("schemathesis is not installed (pip install -e '.[dev]')", file=sys.stderr)
        return 2
    scratch = tempfile.TemporaryDirectory(prefix="werkbrug-contract-")
    url = f"sqlite:///{scratch.name}/contract.sqlite"
    secret_key, snapshot_dir = uuid.uuid4().hex, f"{scratch.name}/match-snapshots"
    token = prepare(url, secret_key, snapshot_dir)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DATABASE_URL=url, WERKBRUG_ENV="production", SECRET_KEY=secret_key,
               MATCH_SNAPSHOT_DIR=snapshot_dir,
               BASE_URL=base, TRUSTED_HOSTS=f"127.0.0.1:{port},127.0.0.1", PYTHONPATH=str(ROOT))
    log_path = Path(scratch.name) / "gunicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(  # nosec B603: fixed argument list, no shell
            gunicorn_command("app:create_app()", "-w", "1", "--threads", "1", "-b", f"127.0.0.1:{port}", "--timeout", "30"),
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=2).close()  # nosec B310: loopback
                break
            except OSError:
                time.sleep(0.2)
        started = time.monotonic()
        run = subprocess.run(  # nosec B603: fixed argument list, no shell
            [schemathesis, "run", f"{base}/api/v1/openapi.json", "-H", f"Authorization: Bearer {token}",
             "--checks", CHECKS, "--max-examples", str(args.examples), "--max-time", str(args.seconds),
             "--seed", "15", "--request-timeout", "20", "--workers", "1", "--suppress-health-check", "all",
             "--phases", "examples,coverage,fuzzing"],
            cwd=scratch.name, timeout=args.seconds + 180, env=dict(os.environ, SCHEMATHESIS_TELEMETRY="false"))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    crashes = [line for line in log_path.read_text(errors="replace").splitlines()
               if "unhandled" in line or "WORKER TIMEOUT" in line or "SIGSEGV" in line or "signal 11" in line]
    for line in crashes[:20]:
        print("server:", line)
    print(f"schemathesis exit code {run.returncode} in {elapsed:.0f} s; server errors logged: {len(crashes)}")
    scratch.cleanup()
    return run.returncode or (1 if crashes else 0)


if __name__ == "__main__":
    sys.exit(main())
