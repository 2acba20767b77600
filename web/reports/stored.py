"""Council reports kept per worker for one version of what they count.

The council view (web/reports/council.py) runs some twenty aggregate queries over every candidate,
placement and dossier, 0.4–0.6 s at the benchmark scale, for figures that change only when the data
does. So a worker keeps the computed sections in a small LRU (REPORT_STORE_ENTRIES, default 32; 0
turns it off) under what they depend on: the organisation, scope and period, the day, the language,
the small-numbers threshold and caseload limit, and the data's version — the REPORTS stamp (bumped
by every ORM change to candidates, dossiers, placements, social return, targets, organisations and
employers, models/events.py) with the change number and epoch (taken by the importer's and
erasure's bulk writes too, models/common/stamps.py), read in one query per request. A change
anywhere in those shows on the next request of every worker; nothing is written on a GET.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import current_app
from flask_babel import get_locale

from models.common import stamps
from web.extensions import db

EXTENSION = "werkbrug_report_store"
VERSION = (stamps.REPORTS, stamps.CHANGES, stamps.CHANGE_EPOCH)


class _Store:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.items: OrderedDict[tuple, object] = OrderedDict()


def _store() -> _Store:
    store = current_app.extensions.get(EXTENSION)
    if store is None:
        store = current_app.extensions.setdefault(EXTENSION, _Store())
    return store


def cached(key: tuple, compute: Callable[[], object]):
    """``compute()`` for ``key`` plus the data's version, the language and the report settings;
    the stored result when this worker computed it for the same version before."""
    config = current_app.config
    size = int(config.get("REPORT_STORE_ENTRIES", 32))
    if size <= 0:
        return compute()
    full = (*key, stamps.read_many(db.session, VERSION), str(get_locale()),
            config.get("REPORT_SMALL_NUMBERS"), config.get("CASELOAD_LIMIT"))
    store = _store()
    with store.lock:
        if full in store.items:
            store.items.move_to_end(full)
            return store.items[full]
    value = compute()
    with store.lock:
        store.items[full] = value
        while len(store.items) > size:
            store.items.popitem(last=False)
    return value
