"""A worker's warm-up: what start-up leaves out is loaded right after the worker's first answer.

Start-up imports only what the first page needs (issue 18). The libraries a later page would load on
first use are imported once the first response has gone out (``call_on_close`` runs after the
server has written it), so neither the start nor the first typo search waits for them.
"""
from __future__ import annotations

import importlib

from flask import Flask, Response

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
            response.call_on_close(warm_up)
        return response


def warm_up() -> None:
    """Import the modules that start-up leaves for later."""
    for name in AFTER_FIRST_ANSWER:
        importlib.import_module(name)
