"""A worker's warm-up: what start-up leaves out is loaded right after the worker's first answer.

Start-up imports only what the first page needs (issue 18). The libraries a later page would load on
first use are imported once the first response has gone out (``call_on_close`` runs after the
server has written it), so neither the start nor the first typo search waits for them. The same goes
for the catalogue's search vocabulary (some 26,000 wordings with the taxonomy, ~0.1 s to read): a
plain list page needs only its sectors, and the worker reads the rest here, not in the master (which
connects to no database before it forks: web/gunicorn_conf.py).
"""
from __future__ import annotations

import importlib
import logging

from flask import Flask, Response
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger("werkbrug")

# Loaded at use, not at boot: rapidfuzz's C++ scorers (~50 ms; the catalogue's typo search and the
# employer register's duplicate check).
AFTER_FIRST_ANSWER = ("rapidfuzz.fuzz", "rapidfuzz.process")


def init_app(app: Flask) -> None:
    """Warm the worker up after the first response ``app`` sends."""
    pending = [True]

    @app.after_request
    def warm_up_after_first_answer(response: Response) -> Response:
        if pending:
            pending.clear()
            response.call_on_close(lambda: warm_up(app))
        return response


def warm_up(app: Flask) -> None:
    """Import the modules that start-up leaves for later and read the catalogue's vocabulary."""
    for name in AFTER_FIRST_ANSWER:
        importlib.import_module(name)
    from models.catalogue.search import vocabulary
    from web.extensions import db

    with app.app_context():
        try:
            vocabulary(db.session)
        except SQLAlchemyError as error:  # the first search reads it then; the answer already went out
            log.warning("warm-up: catalogue vocabulary not read (%s)", type(error).__name__)
