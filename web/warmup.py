"""A worker's warm-up: what start-up leaves out is loaded right after the worker's first answer.

Start-up imports only what the first page needs (issue 18). The libraries a later page would load on
first use are imported once the first response has gone out (``call_on_close`` runs after the
server has written it), so neither the start nor the first typo search waits for them. The matcher's
libraries (numpy, scipy, scikit-learn: about 1.2 s on a shared 2-core machine) follow in a background
thread, so the worker answers its next request at once and its first suggestions page does not pay
for them (bench.multi_host: 1.09 s to the first suggestions after a restart at 5,000 candidates,
most of it these imports).
"""
from __future__ import annotations

import importlib
import threading

from flask import Flask, Response

# Loaded at use, not at boot: rapidfuzz's C++ scorers (~50 ms; the catalogue's typo search and the
# employer register's duplicate check).
AFTER_FIRST_ANSWER = ("rapidfuzz.fuzz", "rapidfuzz.process")
# The matcher (models/matches/index_cache.py maps snapshots with them): in a thread, after the above.
IN_BACKGROUND = ("matching.index", "matching.rank", "matching.explain", "matching.space")


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
    """Import the modules that start-up leaves for later (the matcher's in a background thread)."""
    for name in AFTER_FIRST_ANSWER:
        importlib.import_module(name)
    threading.Thread(target=import_all, args=(IN_BACKGROUND,), name="werkbrug-warm-up", daemon=True).start()


def import_all(names: tuple[str, ...]) -> None:
    for name in names:
        importlib.import_module(name)
