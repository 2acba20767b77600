"""The matcher's index as versioned snapshots on disk, which every process of a host maps read-only.

Layout under the snapshot folder (MATCH_SNAPSHOT_DIR; default instance/match-snapshots)::

    org-<id>/current                  the name of the published version (replaced with os.replace)
    org-<id>/v<change no>-<time>-<x>/ meta.json, space.pickle, main_{data,indices,indptr}.npy, attr_<name>.npy

The arrays are plain uncompressed .npy files loaded with ``mmap_mode="r"``: the pages live in the
operating system's page cache, shared by every worker, and a process that maps a snapshot reads only
the postings a query touches. A version is written under a temporary name, renamed into place, then
published by replacing ``current``: a reader sees the old version or the new one, never half of one.
``space.pickle`` holds only the fitted text vectorizers (vocabulary and idf). Unpickling runs code, so
the file is signed: meta.json carries an HMAC-SHA256 of its bytes under a key derived from the
installation's SECRET_KEY (``signing_key``), and ``load`` refuses a file that does not match before it
unpickles anything. Someone who can write to the folder but does not know the secret cannot make a
worker run their code; the folder should still be writable by Werkbrug alone, as the instance folder is.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matching.documents import Taxonomy
    from matching.index import CandidateIndex

FORMAT = 1
POINTER = "current"
KEEP_VERSIONS = 2  # besides the current one: processes may still map an older version for a moment
_INT32_MAX = 2**31 - 1


@dataclass(frozen=True)
class Pointer:
    """The published version of an organisation's snapshot, and how its pointer file looked (to notice a change)."""

    name: str
    key: tuple[int, int, int]


def org_dir(root: Path, organisation_id: int) -> Path:
    return Path(root) / f"org-{int(organisation_id)}"


def pointer_key(root: Path, organisation_id: int) -> tuple[int, int, int] | None:
    """(inode, mtime, size) of the pointer file: one stat, to check for a new version cheaply."""
    try:
        st = os.stat(org_dir(root, organisation_id) / POINTER)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def read_pointer(root: Path, organisation_id: int) -> Pointer | None:
    """The published version, or None when none was published (or its folder is gone)."""
    folder = org_dir(root, organisation_id)
    key = pointer_key(root, organisation_id)
    if key is None:
        return None
    try:
        name = (folder / POINTER).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    if not name or "/" in name or not (folder / name / "meta.json").is_file():
        return None
    return Pointer(name, key)


def read_meta(root: Path, organisation_id: int, name: str) -> dict:
    return json.loads((org_dir(root, organisation_id) / name / "meta.json").read_text(encoding="utf-8"))


def signing_key(secret_key: str | bytes) -> bytes:
    """The key that signs ``space.pickle``: derived from the app's SECRET_KEY, never the key itself."""
    raw = secret_key.encode() if isinstance(secret_key, str) else bytes(secret_key)
    if not raw:
        raise ValueError("a snapshot needs a SECRET_KEY to sign its vectorizers")
    return hmac.new(raw, b"werkbrug match snapshot v1", hashlib.sha256).digest()


def _signature(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def save(root: Path, organisation_id: int, index: CandidateIndex, meta: dict, *, key: bytes) -> str:
    """Write ``index`` as a new version (not yet published); returns its name. ``meta`` needs ``change_no``;
    ``key`` (``signing_key``) signs the pickled vectorizers."""
    import numpy as np

    main, columns = index.arrays()
    folder = org_dir(root, organisation_id)
    folder.mkdir(parents=True, exist_ok=True)
    name = f"v{int(meta['change_no']):012d}-{int(time.time())}-{secrets.token_hex(3)}"
    tmp = folder / f".tmp-{name}"
    tmp.mkdir()
    small = main.nnz <= _INT32_MAX and max(main.shape) <= _INT32_MAX
    index_type = np.int32 if small else np.int64
    np.save(tmp / "main_data.npy", main.data.astype(np.float32, copy=False))
    np.save(tmp / "main_indices.npy", main.indices.astype(index_type, copy=False))
    np.save(tmp / "main_indptr.npy", main.indptr.astype(index_type, copy=False))
    for field, values in columns.items():
        np.save(tmp / f"attr_{field}.npy", np.ascontiguousarray(values))
    vectorizers, concept_columns = index.space.state()
    space_bytes = pickle.dumps(vectorizers, protocol=pickle.HIGHEST_PROTOCOL)
    (tmp / "space.pickle").write_bytes(space_bytes)
    full = {**meta, "format": FORMAT, "space_hmac": _signature(key, space_bytes), "organisation_id": int(organisation_id), "shape": list(main.shape),
            "candidates": int(main.shape[1]), "columns": concept_columns,
            "licence_bits": index.attrs.licence_bits}
    (tmp / "meta.json").write_text(json.dumps(full), encoding="utf-8")
    os.rename(tmp, folder / name)
    return name


def publish(root: Path, organisation_id: int, name: str) -> None:
    """Make version ``name`` the current one (an atomic replace of the pointer file)."""
    folder = org_dir(root, organisation_id)
    tmp = folder / f".{POINTER}-{secrets.token_hex(4)}"
    tmp.write_text(name + "\n", encoding="ascii")
    os.replace(tmp, folder / POINTER)


_verified: dict[tuple, bool] = {}  # signed()'s answers by file identity, meta signature and key


def signed(root: Path, organisation_id: int, name: str, meta: dict, *, key: bytes) -> bool:
    """Does version ``name``'s space.pickle match its signature under ``key``? (False when unreadable.)

    The answer is kept per (file, inode, mtime, size, signature, key): the health check and the
    5-minute duty ask it often and a snapshot never changes. ``load`` does not use it: it verifies the
    bytes it unpickles every time."""
    path = org_dir(root, organisation_id) / name / "space.pickle"
    try:
        st = os.stat(path)
    except OSError:
        return False
    ident = (str(path), st.st_ino, st.st_mtime_ns, st.st_size, str(meta.get("space_hmac", "")),
             hashlib.sha256(key).digest())
    if ident in _verified:
        return _verified[ident]
    try:
        space_bytes = path.read_bytes()
    except OSError:
        return False
    ok = hmac.compare_digest(ident[4], _signature(key, space_bytes))
    if len(_verified) >= 256:
        _verified.clear()
    _verified[ident] = ok
    return ok


def load(root: Path, organisation_id: int, name: str, taxonomy: Taxonomy | None, *,
         key: bytes, release_pages: bool = True) -> tuple[CandidateIndex, dict]:
    """Map version ``name`` read-only; (the index, its meta). ValueError when the vectorizers' signature
    does not match ``key`` (written by another installation, or tampered with): nothing is unpickled.

    With ``release_pages`` the index hands the postings' pages back after each ranking (``mapping``);
    without, they stay mapped once read (as before: bench.index_snapshot compares both)."""
    from functools import partial

    from scipy.sparse import csr_matrix

    from matching.filters import FIELDS
    from matching.index import CandidateIndex
    from matching.space import FeatureSpace
    from models.matches import mapping

    folder = org_dir(root, organisation_id) / name
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise ValueError(f"snapshot {name}: format {meta.get('format')}, expected {FORMAT}")

    # What a release hands back: the postings. The pointers and the requirement columns (~50 bytes a
    # candidate, read whole by most queries) stay mapped.
    postings: list = []
    kept: list = []

    def mapped(file: str, maps: list):
        return mapping.map_npy(folder / file, maps)

    main = csr_matrix((mapped("main_data.npy", postings), mapped("main_indices.npy", postings),
                       mapped("main_indptr.npy", kept)), shape=tuple(meta["shape"]), copy=False)
    columns = {field: mapped(f"attr_{field}.npy", kept) for field in FIELDS}
    space_bytes = (folder / "space.pickle").read_bytes()
    if not hmac.compare_digest(str(meta.get("space_hmac", "")), _signature(key, space_bytes)):
        raise ValueError(f"snapshot {name}: space.pickle does not match its signature")
    vectorizers = pickle.loads(space_bytes)  # nosec B301 - signed above with this installation's key
    space = FeatureSpace.restore(vectorizers, meta["columns"])
    release = partial(mapping.release, postings) if release_pages else None
    return CandidateIndex.frozen(space, taxonomy, main, columns, meta["licence_bits"], release), meta


def prune(root: Path, organisation_id: int, keep: int = KEEP_VERSIONS) -> int:
    """Delete versions older than the current one and the ``keep`` before it, and temporary
    folders older than an hour (a build that died); returns how many were deleted."""
    folder = org_dir(root, organisation_id)
    current = read_pointer(root, organisation_id)
    versions = sorted((p for p in folder.glob("v*") if p.is_dir()), key=lambda p: p.name)
    others = [p for p in versions if current is None or p.name != current.name]
    old = others[: max(0, len(others) - keep)]
    stale = [p for p in folder.glob(".tmp-*") if time.time() - p.stat().st_mtime > 3600]
    for path in [*old, *stale]:
        shutil.rmtree(path, ignore_errors=True)  # a process still mapping it keeps its pages (POSIX)
    return len(old) + len(stale)
