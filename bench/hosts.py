"""Werkbrug hosts on loopback for the benchmarks: a scratch PostgreSQL database, a filled site, the
processes (gunicorn, the worker) and their memory, waiting until they answer and have their snapshots.
Used by bench.multi_host and bench.import_refresh."""
from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgresql+psycopg://werkbrug:werkbrug@127.0.0.1:5432"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- the scratch installation -------------------------------------------------------------------------------

def fresh_database(name: str) -> str:
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{PG}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{PG}/{name}"


def sql(url: str, statement: str, **params):
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text(statement), params).scalar()
    engine.dispose()
    return value


def column(url: str, statement: str) -> list:
    """The first column of every row ``statement`` gives."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = [r[0] for r in conn.execute(text(statement))]
    engine.dispose()
    return rows


def tokens(url: str) -> dict[str, str]:
    """An API token per organisation of the demo (plain text, shown once)."""
    from app import create_app
    from models import Organisation
    from models.accounts import api_tokens
    from web.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "WERKBRUG_ENV": "development", "SECRET_KEY": "bench"})
    out = {}
    with app.app_context():
        for org in db.session.scalars(db.select(Organisation)):
            out[org.key] = api_tokens.create_token(db.session, org.id, "multi-host bench")[1]
        db.session.commit()
        db.engine.dispose()
    return out


def fill(env: dict, directory: Path, n: int) -> float:
    """Import ``n`` generated candidates (and employers, vacancies) into Dronten with `flask import`."""
    from seed.demo import write_import_file

    path = directory / f"fill-{n}.json"
    write_import_file(path, n, n_employers=max(80, n // 100), n_vacancies=max(120, n // 50), seed=2026)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flask", "--app", "app", "import", str(path), "--org", "dronten"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # nosec B603: fixed arguments
    path.unlink()
    return time.perf_counter() - started


@dataclass
class Process:
    name: str
    args: list[str]
    env: dict
    log: Path
    popen: subprocess.Popen | None = None

    def start(self) -> None:
        with open(self.log, "a") as out:
            self.popen = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=out,  # nosec B603
                                          stderr=subprocess.STDOUT)

    def stop(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)

    def worker_pids(self) -> list[int]:
        pid = self.popen.pid
        try:
            return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def private_mb(pid: int) -> float | None:
    """The process's own written memory (private dirty pages: its heap; not the snapshot's read-only
    file pages, which the page cache holds once for the host)."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
    except OSError:
        return None
    kb = sum(int(fields[k].split()[0]) for k in ("Private_Dirty",) if k in fields)
    return round(kb / 1024, 1)


def wait_up(base: str, limit: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        try:
            urllib.request.urlopen(base + "/health", timeout=2).close()  # nosec B310: loopback
            return time.monotonic() - started
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{base} did not answer within {limit:.0f} s")


def wait_for_snapshots(url: str, root: Path, limit: float = 1800) -> float:
    """Seconds until every organisation with candidates has a published snapshot in ``root``."""
    from models.matches import snapshots

    started = time.monotonic()
    wanted = column(url, "SELECT DISTINCT organisation_id FROM candidate")
    while time.monotonic() - started < limit:
        if all(snapshots.read_pointer(root, org) is not None for org in wanted):
            return time.monotonic() - started
        time.sleep(1)
    raise RuntimeError(f"the worker built no snapshots within {limit:.0f} s")
