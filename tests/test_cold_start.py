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


def _fresh_process(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` in a new interpreter in the repository (SQLite: no PostgreSQL driver either)."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=300, env=env)


def _app_on_sqlite(tmp_path) -> str:
    """Script lines that make ``app`` on an empty SQLite database."""
    return ("import sys; from app import create_app; "
            f"app = create_app({{'TESTING': True, 'WERKBRUG_ENV': 'testing', 'SQLALCHEMY_DATABASE_URI': "
            f"'sqlite:///{tmp_path}/cold.sqlite'}}); "
            "from web.extensions import db; ctx = app.app_context(); ctx.push(); db.create_all(); ctx.pop(); ")


def test_the_app_starts_without_importing_heavy_libraries():
    script = ("import sys; from app import create_app; create_app({'TESTING': True, 'WERKBRUG_ENV': 'testing'}); "
              f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    done = _fresh_process(script)
    assert done.stdout.strip() == "", f"imported at boot: {done.stdout.strip()}"


def test_a_worker_loads_the_deferred_libraries_once_its_first_page_is_sent(tmp_path):
    script = (_app_on_sqlite(tmp_path) +
              "before = 'rapidfuzz' in sys.modules; "
              "response = app.test_client().get('/kandidaten'); status = response.status_code; "
              "during = 'rapidfuzz' in sys.modules; response.close(); "
              "print(status, before, during, 'rapidfuzz.process' in sys.modules)")
    done = _fresh_process(script)
    assert done.stdout.split() == ["200", "False", "False", "True"], done.stdout + done.stderr


def test_the_commands_are_there_when_the_command_line_asks(app):
    result = app.test_cli_runner().invoke(args=["--help"])
    assert result.exit_code == 0, result.output
    for group in ("db", "import", "throttle", "queue", "vacancies", "seed"):
        assert f"\n  {group}" in result.output, group


# The staff, employer and API areas' view modules (and the forms and operations they import): on the
# first request that reaches one of their views (web.lazy); the public catalogue's are there at start.
LAZY_VIEWS = ("web.candidates.routes", "web.reports.routes", "web.accounts.auth.routes", "web.api.routes",
              "web.register.routes", "web.sroi.routes", "web.vacancies.routes", "web.matches.routes")


def test_staff_views_are_imported_by_their_first_request_not_at_start(tmp_path):
    script = (_app_on_sqlite(tmp_path) + "import threading; "
              f"lazy = {LAZY_VIEWS!r}; loaded = lambda: ','.join(m for m in lazy if m in sys.modules) or '-'; "
              "print(loaded(), 'web.catalogue.routes' in sys.modules); "
              "print(app.test_client().get('/kandidaten').status_code, loaded()); "
              # eight threads (flask run is threaded) ask for the same staff page at once
              "codes = []; threads = [threading.Thread(target=lambda: codes.append("
              "app.test_client().get('/beheer/kandidaten/').status_code)) for _ in range(8)]; "
              "[t.start() for t in threads]; [t.join() for t in threads]; "
              "print(','.join(map(str, sorted(set(codes)))), len(codes), loaded()); "
              # the API's token check is eager: a request without a token never imports its views
              "print(app.test_client().get('/api/v1/vacancies').status_code, loaded()); "
              "print(app.test_client().get('/inloggen').status_code, loaded())")
    done = _fresh_process(script)
    assert done.stdout.splitlines() == [
        "- True",
        "200 -",
        "302 8 web.candidates.routes",  # to the sign-in page: the view's access check ran
        "401 web.candidates.routes",
        "200 web.candidates.routes,web.accounts.auth.routes",
    ], done.stdout + done.stderr
