"""The task queue (Huey): everything that is not answering a request runs here.

``init_app`` binds the queue to an app; the Huey instance is built from the app's configuration on
first use (``huey_for``), so creating an app opens no file or connection. QUEUE_URL chooses the
storage: unset, a SQLite file beside the database (one host, nothing to install); ``redis://…`` a
shared Redis (several hosts); ``memory://`` the process itself (tests). Jobs open their own app
context, so they use the same session factory and listeners as the commands (``jobs.py``); the web
side only enqueues, after its transaction commits (``triggers.py``).
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, current_app

if TYPE_CHECKING:
    from huey import Huey

EXTENSION = "werkbrug_queue"
log = logging.getLogger("werkbrug.queue")
ONCE_KEY_SECONDS = 3600


class QueueState:
    """One app's queue: its configuration, and the Huey instance with its tasks once built."""

    def __init__(self, app: Flask):
        self.app = app
        self._huey: Huey | None = None
        self.tasks: dict = {}
        self._lock = threading.Lock()

    @property
    def huey(self) -> Huey:
        if self._huey is None:
            with self._lock:
                if self._huey is None:
                    huey = build_huey(self.app.config, self.app.instance_path)
                    from web.queue import jobs

                    self.tasks = jobs.register(huey, self.app)
                    self._huey = huey
        return self._huey


def build_huey(config, instance_path: str) -> Huey:
    """A Huey instance for QUEUE_URL (see the module docstring); QUEUE_IMMEDIATE runs jobs in the caller."""
    url = config.get("QUEUE_URL") or ""
    redis = url.startswith(("redis://", "rediss://", "unix://"))
    # Huey is imported here, on the first job, not when a web worker starts.
    _import_huey(redis)
    from huey import MemoryHuey, RedisHuey, SqliteHuey

    immediate = bool(config.get("QUEUE_IMMEDIATE"))
    options = {"name": "werkbrug", "results": False, "utc": True, "immediate": immediate}
    if redis:
        return RedisHuey(url=url, **options)
    if url.startswith("memory://"):
        return MemoryHuey(**options)
    if url.startswith("sqlite:///"):
        filename = url[len("sqlite:///"):]
    elif url:
        raise RuntimeError(f"QUEUE_URL must start with redis://, sqlite:/// or memory:// (got {url.split(':')[0]}://…)")
    else:
        Path(instance_path).mkdir(parents=True, exist_ok=True)
        filename = str(Path(instance_path) / "werkbrug-queue.sqlite")
    return SqliteHuey(filename=filename, **options)


def _import_huey(redis: bool) -> None:
    """Import Huey without the clients of the storages this process does not use.

    Huey's storage module imports redis and psycopg (its PostgreSQL storage, which Werkbrug never
    uses) if they are installed: 15 MB of an SQLite import's memory for the one job it enqueues
    (issue 18). Neither is imported for it unless something else already has; redis is taught
    to Huey later if another app in the process has a Redis queue.
    """
    if "huey.storage" not in sys.modules:
        kept_out = [name for name in ("psycopg", *(() if redis else ("redis",))) if name not in sys.modules]
        sys.modules.update(dict.fromkeys(kept_out))  # None: "import redis" fails, Huey goes without
        try:
            import huey.storage  # noqa: F401
        finally:
            for name in kept_out:
                if sys.modules.get(name, False) is None:
                    del sys.modules[name]
    if redis:
        from huey import storage

        if storage.Redis is None:
            from redis import ConnectionPool, Redis
            from redis.exceptions import ConnectionError, TimeoutError  # noqa: A004 - Huey's own names

            storage.ConnectionPool, storage.Redis = ConnectionPool, Redis
            storage.ConnectionError, storage.TimeoutError = ConnectionError, TimeoutError
            storage.RedisStorage.redis_client = Redis


def init_app(app: Flask) -> None:
    """Bind the queue to ``app`` and enqueue jobs after the commits that need them."""
    app.extensions[EXTENSION] = QueueState(app)
    from web.queue import triggers

    triggers.install(app)


def state_for(app: Flask | None = None) -> QueueState:
    return (app or current_app).extensions[EXTENSION]


def huey_for(app: Flask | None = None) -> Huey:
    """The app's Huey instance (built on first use)."""
    return state_for(app).huey


def enqueue(name: str, *args, once_key: str | None = None, delay: float = 0, app: Flask | None = None) -> bool:
    """Enqueue task ``name``; with ``once_key``, only if no job with that key is waiting (True if enqueued);
    with ``delay``, to run that many seconds from now (at once when the queue runs jobs in the caller).

    The key is cleared when the job starts, so a change during a running job gets one more run.
    """
    state = state_for(app)
    huey = state.huey
    if once_key is not None and not huey.put_if_empty(once_key, time.time()):
        # Not every storage expires keys: a key left by a job that was lost counts for an hour only.
        waiting_since = huey.get(once_key, peek=True)
        if isinstance(waiting_since, float) and time.time() - waiting_since < ONCE_KEY_SECONDS:
            return False
        huey.put(once_key, time.time())
    if delay > 0 and not huey.immediate:
        state.tasks[name].schedule(args=args, delay=delay)
    else:
        state.tasks[name](*args)
    return True


def enqueue_quietly(name: str, *args, once_key: str | None = None) -> bool:
    """``enqueue`` for work a page asks for on the side: a queue that is down is logged, not raised."""
    try:
        return enqueue(name, *args, once_key=once_key)
    except Exception as exc:  # noqa: BLE001 - the page has what it needs; the job is catch-up work
        log.error("could not enqueue %s (%s: %s)", name, type(exc).__name__, str(exc)[:200])
        return False
