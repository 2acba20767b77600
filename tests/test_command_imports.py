"""`flask` imports what the command it runs needs: no Alembic, Redis client or PostgreSQL driver for an
SQLite import, whose one job still reaches the SQLite queue (issue 18)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ("db", "import", "suggest", "profiles")  # the command names scripts rely on (IMPORT-FORMAT.md)
# Runs `flask ARGS…` and, as it exits, lists which of these modules it imported.
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: print('imported:', ','.join(m for m in ('alembic', 'huey', 'redis', 'psycopg')"
         " if m in sys.modules)))\n"
         "from flask.cli import main\n"
         "sys.argv[0] = 'flask'\n"
         "main()\n")


def flask(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FLASK_DEBUG", "DATABASE_URL", "QUEUE_URL")}
    env.update(WERKBRUG_ENV="testing", DATABASE_URL=f"sqlite:///{tmp_path}/werkbrug.sqlite",
               QUEUE_URL=f"sqlite:///{tmp_path}/queue.sqlite")
    done = subprocess.run([sys.executable, "-c", PROBE, "--app", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def imported(done: subprocess.CompletedProcess) -> set[str]:
    line = next(line for line in done.stdout.splitlines() if line.startswith("imported:"))
    return set(filter(None, line.removeprefix("imported:").strip().split(",")))


def test_help_lists_every_command_without_the_queue_s_storages(tmp_path):
    done = flask(tmp_path, "--help")
    listed = {line.split()[0] for line in done.stdout.split("Commands:")[1].splitlines() if line.strip()}
    assert set(CONTRACT) <= listed
    assert not imported(done) & {"huey", "redis", "psycopg"}


def test_an_sqlite_import_needs_no_alembic_redis_or_postgresql_driver(tmp_path):
    flask(tmp_path, "db", "upgrade")
    done = flask(tmp_path, "import", str(ROOT / "tests" / "data" / "example.json"))
    assert "Imported into" in done.stdout
    assert imported(done) == {"huey"}  # it enqueued its jobs (the suggestions' refresh, the worklist)
    status = flask(tmp_path, "queue", "status")
    waiting = int(status.stdout.split("waiting jobs:")[1].split(";")[0])
    assert waiting >= 1
    assert imported(status) == {"huey"}
