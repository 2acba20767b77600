"""The matcher's candidate index in a process: the published snapshot, mapped, plus the changes since.

A job (``build``: the worker, ``flask match build-index``) reads an organisation's active candidates
and saves the index as a versioned snapshot (models/matches/snapshots.py). ``get_index`` never
builds: it maps the published snapshot read-only (cheap, shared by every process of the host),
looks for a newer one at most every MATCH_SNAPSHOT_CHECK_SECONDS (one stat), and applies the
candidates whose change number is above the one it has seen (models/common/stamps.py) to a small
in-process delta. When no usable snapshot exists it raises IndexNotReady: the page says the
suggestions are being computed, the API answers 503, and the web layer enqueues the build.
"""
from __future__ import annotations

import fcntl
import logging
import os
import pickle
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from matching.documents import Taxonomy
from models.candidates.candidate import Candidate
from models.common import stamps
from models.common.system import CacheStamp
from models.matches import snapshots
from models.matches.documents import candidate_rows, load_taxonomy_doc, removed_since
from models.matches.not_ready import IndexNotReady  # noqa: F401 - raised here, imported from here by callers

if TYPE_CHECKING:
    from matching.index import LayeredIndex

log = logging.getLogger("werkbrug.matching")

DEFAULT_CHECK_SECONDS = 5.0
# The worker saves a new snapshot when the delta holds this many candidates (or this share of the
# snapshot), or when a change is older than MATCH_SNAPSHOT_MAX_AGE seconds.
DELTA_ROWS, DELTA_SHARE = 5000, 0.05
# Changed candidates are vectorised this many at a time (one at a time, a 5,000-candidate body of an
# import took 3.5-5 s to apply: bench.import_refresh); a batch bounds the documents held at once.
APPLY_BATCH = 20_000


@dataclass
class CachedIndex:
    index: LayeredIndex
    version: str  # the snapshot's name
    pointer: tuple[int, int, int]
    snapshot_change_no: int
    change_no: int  # every change up to this one is applied
    epoch: int
    taxonomy_stamp: int
    built_at: float  # when the snapshot was built (unix time)
    checked_at: float = field(default_factory=time.monotonic)
    lock: threading.RLock = field(default_factory=threading.RLock)
    refreshes: int = 0

    @property
    def delta_size(self) -> int:
        return len(self.index.delta) + len(self.index.hidden)


_cache: dict[tuple[str, str, int], CachedIndex] = {}
_taxonomies: dict[str, tuple[int, Taxonomy]] = {}
_building: dict[tuple[str, int], threading.Lock] = {}
_lock = threading.Lock()


def clear_cache() -> None:
    """Forget every mapped index (tests, or to map the snapshots again in this process)."""
    with _lock:
        _cache.clear()
        _taxonomies.clear()


def _key(session: Session) -> str:
    return str(session.get_bind().url)


def settings() -> tuple[Path, float]:
    """(snapshot folder, seconds between checks for a new snapshot) from the app's configuration."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return Path("instance") / "match-snapshots", DEFAULT_CHECK_SECONDS
    config = current_app.config
    root = config.get("MATCH_SNAPSHOT_DIR") or os.path.join(current_app.instance_path, "match-snapshots")
    return Path(root), float(config.get("MATCH_SNAPSHOT_CHECK_SECONDS", DEFAULT_CHECK_SECONDS))


def build_processes() -> int:
    """MATCH_BUILD_PROCESSES (no app: 1)."""
    from flask import current_app, has_app_context

    return int(current_app.config.get("MATCH_BUILD_PROCESSES", 1)) if has_app_context() else 1


def signing_key() -> bytes:
    """The key that signs a snapshot's vectorizers, from the app's SECRET_KEY (no app: no snapshots)."""
    from flask import current_app

    return snapshots.signing_key(current_app.config.get("SECRET_KEY") or "")


def _versions(session: Session) -> dict[str, int]:
    names = (stamps.CHANGES, stamps.CHANGE_EPOCH, stamps.TAXONOMY)
    rows = dict(session.execute(select(CacheStamp.name, CacheStamp.version).where(CacheStamp.name.in_(names))).all())
    return {n: int(rows.get(n, 0)) for n in names}


def taxonomy(session: Session, version: int | None = None) -> Taxonomy:
    """Labels and related occupations, cached per taxonomy stamp."""
    version = stamps.read(session, stamps.TAXONOMY)[0] if version is None else version
    key = _key(session)
    with _lock:
        cached = _taxonomies.get(key)
    if cached is None or cached[0] != version:
        cached = (version, load_taxonomy_doc(session))
        with _lock:
            _taxonomies[key] = cached
    return cached[1]


def get_index(session: Session, organisation_id: int) -> CachedIndex:
    """The organisation's index as of the database's last change; raises IndexNotReady without a snapshot.

    Hold ``entry.lock`` while querying it: the delta is not safe for reads while changes are applied.
    """
    root, check_seconds = settings()
    key = (_key(session), str(root), organisation_id)
    with _lock:
        entry = _cache.get(key)
    versions = _versions(session)
    now = time.monotonic()
    if entry is None or now - entry.checked_at >= check_seconds:
        pointer = snapshots.pointer_key(root, organisation_id)
        if pointer is None and entry is None:
            raise IndexNotReady(organisation_id)
        if pointer is not None and (entry is None or pointer != entry.pointer):
            entry = _map(session, root, organisation_id, versions, key)
        entry.checked_at = now
    if entry.epoch != versions[stamps.CHANGE_EPOCH] or versions[stamps.CHANGES] < entry.snapshot_change_no:
        with _lock:
            _cache.pop(key, None)
        raise IndexNotReady(organisation_id, "the snapshot is of another database (or of one restored since)")
    if versions[stamps.CHANGES] > entry.change_no:
        with entry.lock:
            _apply(session, entry, organisation_id, versions[stamps.CHANGES])
    if versions[stamps.TAXONOMY] != entry.taxonomy_stamp:
        with entry.lock:
            entry.index.taxonomy = taxonomy(session, versions[stamps.TAXONOMY])
            entry.taxonomy_stamp = versions[stamps.TAXONOMY]
    return entry


def _map(session: Session, root: Path, organisation_id: int, versions: dict[str, int], key) -> CachedIndex:
    """Map the published snapshot and apply the changes since; replaces the cached entry at once."""
    from matching.index import LayeredIndex

    pointer = snapshots.read_pointer(root, organisation_id)
    if pointer is None:
        raise IndexNotReady(organisation_id)
    try:
        base, meta = snapshots.load(root, organisation_id, pointer.name, taxonomy(session, versions[stamps.TAXONOMY]),
                                    key=signing_key())
    except (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError) as exc:  # unreadable: a job builds a new one
        log.warning("matcher snapshot %s of organisation %s unreadable: %s: %s", pointer.name, organisation_id,
                    type(exc).__name__, str(exc)[:200])
        raise IndexNotReady(organisation_id, "the snapshot could not be read") from exc
    entry = CachedIndex(LayeredIndex(base), pointer.name, pointer.key, int(meta["change_no"]), int(meta["change_no"]),
                        int(meta["epoch"]), versions[stamps.TAXONOMY], float(meta["built_at"]))
    if entry.epoch == versions[stamps.CHANGE_EPOCH] and versions[stamps.CHANGES] > entry.change_no:
        _apply(session, entry, organisation_id, versions[stamps.CHANGES])
    with _lock:
        _cache[key] = entry
    return entry


def _apply(session: Session, entry: CachedIndex, organisation_id: int, upto: int) -> None:
    """Re-index the candidates changed after ``entry.change_no`` and drop those deleted since."""
    since = entry.change_no
    docs, gone = [], []
    for doc, cid, _no in candidate_rows(session, organisation_id, since=since):
        if doc is None:
            gone.append(cid)
        else:
            docs.append(doc)
        if len(docs) >= APPLY_BATCH:
            entry.index.apply(docs)
            docs = []
    gone += [cid for cid, _no in removed_since(session, organisation_id, since)]
    entry.index.apply(docs, gone)
    entry.change_no = upto  # rows above it read now are read again next time: applying twice changes nothing
    entry.refreshes += 1


@contextmanager
def one_build(root: Path, organisation_id: int):
    """Hold the right to build the organisation's snapshot in ``root``: one build at a time, among the
    threads of a process (a lock) and the processes sharing the folder (an flock on its lock file).
    Jobs that found no snapshot at the same moment then build it once, not once each."""
    with _lock:
        in_process = _building.setdefault((str(root), organisation_id), threading.Lock())
    with in_process:
        folder = snapshots.org_dir(root, organisation_id)
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".build.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def build(session: Session, organisation_id: int, root: Path | None = None) -> dict:
    """Build the organisation's index from the database and publish it as a new snapshot; its meta.

    A job's work (36 s at 100,000 candidates on SQLite: bench.index_snapshot), never a request's.
    It reads in the caller's transaction; a snapshot of changes that are then rolled back is never
    used (its change number is ahead of the database's). Waits while another build of it runs.
    """
    root = root or settings()[0]
    with one_build(root, organisation_id):
        return _build(session, organisation_id, root)


def _build(session: Session, organisation_id: int, root: Path) -> dict:
    from matching.index import CandidateIndex

    started = time.perf_counter()
    if not _versions(session)[stamps.CHANGE_EPOCH]:
        stamps.ensure_epoch(session)  # the caller commits it; rolled back, the snapshot just never matches
    versions = _versions(session)  # first: every change up to this number is in the rows read below
    docs = (doc for doc, _cid, _no in candidate_rows(session, organisation_id))
    index = CandidateIndex.build(docs, taxonomy(session, versions[stamps.TAXONOMY]), store_docs=False,
                                 workers=build_processes())
    meta = {"change_no": versions[stamps.CHANGES], "epoch": versions[stamps.CHANGE_EPOCH],
            "taxonomy_version": versions[stamps.TAXONOMY], "built_at": time.time(),
            "build_seconds": round(time.perf_counter() - started, 3)}
    name = snapshots.save(root, organisation_id, index, meta, key=signing_key())
    snapshots.publish(root, organisation_id, name)
    snapshots.prune(root, organisation_id)
    log.info("matcher index of organisation %s: %s candidates saved as %s in %.1f s",
             organisation_id, len(index), name, time.perf_counter() - started)
    return {**meta, "name": name, "candidates": len(index)}


def snapshot_state(session: Session, organisation_id: int, max_age: float) -> str | None:
    """Why the organisation's snapshot should be built again (None when it is fine): missing, of
    another database, another taxonomy, unreadable or signed with another key, or changes since it that
    are too many or too old."""
    root = settings()[0]
    pointer = snapshots.read_pointer(root, organisation_id)
    if pointer is None:
        return "no snapshot"
    meta = snapshots.read_meta(root, organisation_id, pointer.name)
    versions = _versions(session)
    if meta.get("epoch") != versions[stamps.CHANGE_EPOCH] or versions[stamps.CHANGES] < meta["change_no"]:
        return "snapshot of another database"
    if meta.get("taxonomy_version") != versions[stamps.TAXONOMY]:
        return "taxonomy changed"
    if not snapshots.signed(root, organisation_id, pointer.name, meta, key=signing_key()):
        return "snapshot unreadable or not signed with this installation's key"
    if versions[stamps.CHANGES] == meta["change_no"]:
        return None
    changed = session.scalar(select(func.count(Candidate.id)).where(
        Candidate.organisation_id == organisation_id, Candidate.change_no > meta["change_no"]))
    changed += len(removed_since(session, organisation_id, meta["change_no"]))
    if not changed:
        return None
    if changed >= max(DELTA_ROWS, DELTA_SHARE * meta["candidates"]):
        return f"{changed} changes since the snapshot"
    if time.time() - meta["built_at"] > max_age:
        return f"{changed} changes since a snapshot older than {max_age:.0f} s"
    return None


def build_if_needed(session: Session, organisation_id: int, max_age: float) -> str:
    """Build the organisation's snapshot when ``snapshot_state`` says so; one line saying what happened."""
    reason = snapshot_state(session, organisation_id, max_age)
    if reason is None:
        return f"organisation {organisation_id}: snapshot current"
    root = settings()[0]
    with one_build(root, organisation_id):
        reason = snapshot_state(session, organisation_id, max_age)  # another job may have built it meanwhile
        if reason is None:
            return f"organisation {organisation_id}: snapshot current (built by another job meanwhile)"
        meta = _build(session, organisation_id, root)
    return f"organisation {organisation_id}: {reason}; built {meta['name']} ({meta['candidates']} candidates)"


def ensure(session: Session, organisation_id: int) -> CachedIndex:
    """The index, building the snapshot first when there is none (jobs and commands only, never a request)."""
    try:
        return get_index(session, organisation_id)
    except IndexNotReady:
        pass
    root = settings()[0]
    with one_build(root, organisation_id):
        try:
            return get_index(session, organisation_id)  # another job published one while this one waited
        except IndexNotReady:
            _build(session, organisation_id, root)
    return get_index(session, organisation_id)


def rebuild_all(session: Session, organisation_ids: list[int]) -> list[tuple[int, int, float]]:
    """Build and publish every organisation's snapshot anew; (organisation id, candidates, seconds)."""
    out = []
    for org_id in organisation_ids:
        started = time.perf_counter()
        meta = build(session, org_id)
        out.append((org_id, meta["candidates"], time.perf_counter() - started))
    return out


def snapshot_report(session: Session, organisation_id: int, max_age: float) -> dict:
    """The organisation's snapshot for a health probe: its age in seconds and its state, no personal data.

    ``missing``: none was published (or it is of another database: it is never used); ``stale``: older
    than ``max_age`` while the database has candidate changes it does not hold (the periodic duty should
    have built a new one by then; a quiet organisation's old snapshot is still current); else ``ok``.
    """
    root = settings()[0]
    pointer = snapshots.read_pointer(root, organisation_id)
    if pointer is None:
        return {"organisation_id": organisation_id, "state": "missing", "age_s": None}
    meta = snapshots.read_meta(root, organisation_id, pointer.name)
    age = max(0.0, time.time() - float(meta["built_at"]))
    reason = snapshot_state(session, organisation_id, max_age)
    if reason == "snapshot of another database":
        state = "missing"
    elif reason is not None and age > max_age:
        state = "stale"
    else:
        state = "ok"
    return {"organisation_id": organisation_id, "state": state, "age_s": round(age)}
