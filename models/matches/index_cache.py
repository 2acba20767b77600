"""The matcher's candidate index as a per-process cache, refreshed when the database stamp moves.

One index per organisation (only its active candidates are suggested). On use, each process
compares the ``match-index`` stamp with the one its index was built at: when it moved, candidates
updated since the high-water mark are re-read (incrementally); a changed taxonomy, removed rows or
an unknown state give a full rebuild. Derived state only: any number of processes agree.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.documents import Taxonomy
from models.candidates.candidate import Candidate
from models.common import stamps
from models.enums import CandidateStatus
from models.matches.documents import candidate_rows, load_taxonomy_doc

if TYPE_CHECKING:
    from matching.index import CandidateIndex

# Rows committed late can carry an updated_at a little before the high-water mark: re-read those.
SAFETY_MARGIN = timedelta(minutes=5)


@dataclass
class CachedIndex:
    index: CandidateIndex
    stamp: stamps.Stamp
    taxonomy_stamp: stamps.Stamp
    high_water: datetime | None
    built_at: float = field(default_factory=time.time)
    lock: threading.RLock = field(default_factory=threading.RLock)
    full_builds: int = 1
    refreshes: int = 0


_cache: dict[tuple[str, int], CachedIndex] = {}
_taxonomies: dict[str, tuple[stamps.Stamp, Taxonomy]] = {}
_lock = threading.Lock()


def clear_cache() -> None:
    """Forget every cached index (tests, or to force rebuilds in this process)."""
    with _lock:
        _cache.clear()
        _taxonomies.clear()


def _key(session: Session) -> str:
    return str(session.get_bind().url)


def taxonomy(session: Session) -> Taxonomy:
    """Labels and related occupations, cached per taxonomy stamp."""
    stamp = stamps.read(session, stamps.TAXONOMY)
    key = _key(session)
    with _lock:
        cached = _taxonomies.get(key)
    if cached is None or cached[0] != stamp:
        cached = (stamp, load_taxonomy_doc(session))
        with _lock:
            _taxonomies[key] = cached
    return cached[1]


def _max_time(current: datetime | None, seen: datetime | None) -> datetime | None:
    if seen is None:
        return current
    return seen if current is None or seen > current else current


def build(session: Session, organisation_id: int) -> CachedIndex:
    """Read every active candidate of the organisation and build a fresh index."""
    stamp = stamps.read(session, stamps.MATCH_INDEX)
    tax_stamp = stamps.read(session, stamps.TAXONOMY)
    high = None
    docs = []
    for doc, _cid, updated in candidate_rows(session, organisation_id):
        docs.append(doc)
        high = _max_time(high, updated)
    from matching.index import CandidateIndex  # numpy/scipy/scikit-learn: only when an index is built

    index = CandidateIndex.build(docs, taxonomy(session))
    return CachedIndex(index, stamp, tax_stamp, high)


def _refresh(session: Session, entry: CachedIndex, organisation_id: int) -> bool:
    """Apply candidates changed since the high-water mark; False when a full rebuild is needed."""
    since = entry.high_water - SAFETY_MARGIN if entry.high_water else None
    if since is None:
        return False
    high = entry.high_water
    for doc, cid, updated in candidate_rows(session, organisation_id, since=since):
        if doc is None:
            entry.index.remove(cid)
        else:
            entry.index.update(doc)
        high = _max_time(high, updated)
    active = session.scalar(select(func.count(Candidate.id)).where(
        Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE))
    if active != len(entry.index):  # rows deleted (or an inconsistency): start again
        return False
    entry.high_water = high
    entry.refreshes += 1
    return True


def get_index(session: Session, organisation_id: int) -> CachedIndex:
    """The organisation's index, current with the database stamps (built or refreshed as needed).

    Hold ``entry.lock`` while querying it: the index is not safe for reads during a refresh.
    """
    key = (_key(session), organisation_id)
    with _lock:
        entry = _cache.get(key)
    stamp = stamps.read(session, stamps.MATCH_INDEX)
    tax_stamp = stamps.read(session, stamps.TAXONOMY)
    if entry is not None and entry.stamp == stamp and entry.taxonomy_stamp == tax_stamp:
        return entry
    if entry is not None and entry.taxonomy_stamp == tax_stamp and (entry.stamp[0] < stamp[0]):
        with entry.lock:
            if _refresh(session, entry, organisation_id):
                entry.stamp = stamp
                return entry
    fresh = build(session, organisation_id)
    if entry is not None:
        fresh.full_builds = entry.full_builds + 1
    with _lock:
        _cache[key] = fresh
    return fresh


def rebuild_all(session: Session, organisation_ids: list[int]) -> list[tuple[int, int, float]]:
    """Build every organisation's index anew; returns (organisation id, candidates, seconds)."""
    out = []
    for org_id in organisation_ids:
        started = time.perf_counter()
        entry = build(session, org_id)
        with _lock:
            _cache[(_key(session), org_id)] = entry
        out.append((org_id, len(entry.index), time.perf_counter() - started))
    return out


def bump(session: Session) -> None:
    """Tell every process that candidates changed (import, edits, placements)."""
    stamps.bump(session, stamps.MATCH_INDEX)
