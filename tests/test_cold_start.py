"""Start-up stays light: heavy libraries are imported where they are used, not at boot (issue 18)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sklearn", "scipy", "numpy", "matching.space", "matching.linker", "matching.index", "matching.semantic",
         # the task queue and its storages: on the first job
         "huey", "redis", "psycopg",
         # Flask-Migrate and Alembic (and Mako, Pygments), the command modules: when the command line asks
         "flask_migrate", "alembic", "mako", "web.commands.seed", "web.commands.importing",
         # the importer (jsonschema), iCalendar feeds, e-mail validation (dnspython): on first use
         "models.importing", "jsonschema", "icalendar", "email_validator", "dns",
         # fuzzy matching (typo search, duplicate employers): after the worker's first answer
         "rapidfuzz")


def test_the_app_starts_without_importing_heavy_libraries():
    script = ("import sys; from app import create_app; create_app({'TESTING': True, 'WERKBRUG_ENV': 'testing'}); "
              f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # SQLite: no PostgreSQL driver either
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=300, env=env)
    assert done.stdout.strip() == "", f"imported at boot: {done.stdout.strip()}"


def test_a_worker_loads_the_deferred_libraries_once_its_first_page_is_sent(tmp_path):
    script = ("import sys; from app import create_app; "
              f"app = create_app({{'TESTING': True, 'WERKBRUG_ENV': 'testing', 'SQLALCHEMY_DATABASE_URI': "
              f"'sqlite:///{tmp_path}/cold.sqlite'}}); "
              "from web.extensions import db; ctx = app.app_context(); ctx.push(); db.create_all(); ctx.pop(); "
              "before = 'rapidfuzz' in sys.modules; "
              "response = app.test_client().get('/kandidaten'); status = response.status_code; "
              "during = 'rapidfuzz' in sys.modules; response.close(); "
              "print(status, before, during, 'rapidfuzz.process' in sys.modules)")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=300, env=env)
    assert done.stdout.split() == ["200", "False", "False", "True"], done.stdout + done.stderr


def test_the_commands_are_there_when_the_command_line_asks(app):
    result = app.test_cli_runner().invoke(args=["--help"])
    assert result.exit_code == 0, result.output
    for group in ("db", "import", "throttle", "queue", "vacancies", "seed"):
        assert f"\n  {group}" in result.output, group
