"""Gunicorn's settings for Werkbrug: ``gunicorn -c python:web.gunicorn_conf --workers 4 --bind … 'app:create_app()'``.

The app is assembled once, in gunicorn's master, and every worker is a fork of it (``preload_app``):
start-up's CPU (importing SQLAlchemy, declaring the models, importing the blueprints, configuring
the mappers) is paid once instead of once per worker, and the workers share the memory pages of
what it made (create_app and ``when_ready`` freeze it out of the collector's reach, which keeps
the pages shared). Issue 18 (cold start), issue 17 (memory per worker).

Fork safety: the master hands its workers nothing two processes cannot share. It opens no database
connection (create_app connects nowhere, and neither does ``when_ready``; tests/test_gunicorn_forks.py
checks the master's open files) and starts no thread (the queue's Huey instance is built on the first
job, in the worker). Keep it so: a connection inherited by a worker shares its socket with the master,
and a worker that closed or collected it would end the master's session too. ``post_fork`` gives
each worker connection pools of its own all the same, as SQLAlchemy advises, so no worker checks out
a connection its parent opened. ``random`` reseeds itself in each child; ``secrets`` and ``uuid``
read the operating system's generator.

The code is loaded when the master starts: a release restarts gunicorn (``systemctl restart``). A
HUP restarts the workers on the code the master already holds.
"""
from __future__ import annotations

import gc

preload_app = True


def _preloaded_app(server):
    """The app the master loaded, or None when preloading was switched off (then each worker loads it)."""
    return server.app.wsgi() if server.cfg.preload_app else None


def when_ready(server) -> None:
    """In the master, before the first fork: configure the ORM's mappers once for every worker.

    SQLAlchemy configures them on the first query otherwise (~0.06 s), in each worker. Nothing here
    touches the database."""
    app = _preloaded_app(server)
    if app is not None and "sqlalchemy" in app.extensions:  # bench.bare_app (the benchmarks' floor) has none
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
        gc.freeze()  # what configuring made lives as long as the app: keep its pages shared too


def post_fork(server, worker) -> None:
    """In each new worker: connection pools of its own (``close=False`` leaves the master's connections alone)."""
    app = _preloaded_app(server)
    db = app.extensions.get("sqlalchemy") if app is not None else None
    if db is not None:
        with app.app_context():
            for engine in db.engines.values():
                engine.dispose(close=False)
