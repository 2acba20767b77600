"""The taxonomy's fitted linkers on disk: fitted once per taxonomy version, memory-mapped by every process.

A linker is derived data of the taxonomy. Fitting the occupations' (24,000 labels) took an import
~90 MB at its peak (issue 18), so it is fitted when the taxonomy changes (``flask taxonomy load``,
or the first process that needs it) and saved here; an import, a form or a worker job maps the
arrays with ``np.load(mmap_mode="r")``: nothing fitted, nothing copied, the pages shared by every
process of the host. Layout under LINKER_DIR (default instance/linkers)::

    <kind>-<key digest>/   meta.json (the key, the matrix shape), vocabulary.json and the .npy arrays
                           of matching.linker_arrays.LinkerArrays (no pickles); kind "skill",
                           "occupation" or "all" (the worklist's proposals)

The key is the taxonomy stamp (version and time of its last bump: every change bumps it) with a
count and the highest id of the kind's concepts and aliases, and ``FORMAT``: raise ``FORMAT``
whenever the fitting changes, so older arrays are never taken for current. A version is written
under ``.tmp-...`` and renamed into place, as the matcher's snapshots are (docs/matcher-index.md):
a reader finds the whole folder or none; two processes that fit at once write the same arrays and
the second's rename just fails. Other versions of a kind, beyond the last ``KEEP``, are deleted.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.common import stamps
from models.enums import ConceptKind
from models.taxonomy.concept import Concept, ConceptAlias

if TYPE_CHECKING:  # numpy (and, to fit, scipy): loaded when a wording first needs a linker
    from matching.linker import Linker, LinkerConfig
    from matching.linker_arrays import LinkerArrays
    from matching.semantic import VectorCache

FORMAT = 1
KEEP = 2  # other versions of a kind kept besides the newest: a process may still map one
KINDS = ("skill", "occupation")
_STRINGS = ("concept_ids", "concept_labels", "label_texts", "joined_labels")
log = logging.getLogger("werkbrug.matching")


def root() -> Path:
    """LINKER_DIR, or instance/linkers (no app: ./instance/linkers)."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return Path("instance") / "linkers"
    return Path(current_app.config.get("LINKER_DIR") or os.path.join(current_app.instance_path, "linkers"))


def key(session: Session, kind: str | None) -> dict:
    """What the kind's linker (None: over every concept) follows from (see the module docstring),
    as JSON-ready values."""
    version, updated = stamps.read(session, stamps.TAXONOMY)
    concepts = select(func.count(), func.max(Concept.id))
    aliases = select(func.count(), func.max(ConceptAlias.id)).join(Concept, Concept.id == ConceptAlias.concept_id)
    if kind is not None:
        concepts = concepts.where(Concept.kind == ConceptKind(kind))
        aliases = aliases.where(Concept.kind == ConceptKind(kind))
    found, labels = session.execute(concepts).one(), session.execute(aliases).one()
    return {"format": FORMAT, "kind": kind or "all", "taxonomy": [version, updated.isoformat() if updated else None],
            "concepts": [int(found[0]), found[1]], "aliases": [int(labels[0]), labels[1]]}


def folder_name(key: dict) -> str:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]
    return f"{key['kind']}-{digest}"


def concepts(session: Session, kind: str | None) -> list[dict]:
    """The concepts of ``kind`` (all for None) with their aliases, as the Linker takes them."""
    found: dict[int, dict] = {}
    rows = select(Concept.id, Concept.kind, Concept.label)
    aliases = select(ConceptAlias.concept_id, ConceptAlias.label).order_by(ConceptAlias.id)
    if kind is not None:
        rows = rows.where(Concept.kind == ConceptKind(kind))
        aliases = aliases.join(Concept, Concept.id == ConceptAlias.concept_id).where(Concept.kind == ConceptKind(kind))
    for cid, concept_kind, label in session.execute(rows):
        found[cid] = {"id": str(cid), "kind": concept_kind.value, "label": label, "aliases": []}
    for cid, label in session.execute(aliases):
        if cid in found:
            found[cid]["aliases"].append(label)
    return list(found.values())


def save(folder: Path, key: dict, arrays: LinkerArrays) -> Path:
    """Write ``arrays`` as the version of ``key`` (unless another process just did); its folder."""
    import numpy as np

    from matching.linker_arrays import SPACES, Strings

    folder.mkdir(parents=True, exist_ok=True)
    name = folder_name(key)
    tmp = folder / f".tmp-{name}-{secrets.token_hex(3)}"
    tmp.mkdir()
    for field in _STRINGS:
        texts = getattr(arrays, field)
        strings = texts if isinstance(texts, Strings) else Strings.of(texts)
        np.save(tmp / f"{field}_blob.npy", strings.blob)
        np.save(tmp / f"{field}_offsets.npy", strings.offsets)
    np.save(tmp / "kinds.npy", arrays.kinds)
    np.save(tmp / "owner.npy", arrays.owner)
    for space in SPACES:
        np.save(tmp / f"{space}_features.npy", arrays.spaces[space].features)
        np.save(tmp / f"{space}_idf.npy", arrays.spaces[space].idf_)
    matrix = arrays.matrix
    # labels as uint16 when there are at most 65,536 (the occupations' 23,963): the same columns in
    # half the bytes of the part every query reads most of (6.5 MB of the occupations' 26 MB matrix)
    indices = matrix.indices.astype(np.uint16) if matrix.shape[1] <= 1 << 16 else matrix.indices
    for part, values in (("data", matrix.data), ("indices", indices), ("indptr", matrix.indptr)):
        np.save(tmp / f"matrix_{part}.npy", values)
    (tmp / "vocabulary.json").write_text(json.dumps(arrays.vocabulary), encoding="utf-8")
    meta = {"key": key, "shape": list(arrays.matrix.shape), "labels": len(arrays.owner), "built_at": time.time()}
    (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    try:
        os.rename(tmp, folder / name)
    except OSError:  # another process published the same version first
        shutil.rmtree(tmp, ignore_errors=True)
    prune(folder, str(key["kind"]), name)
    return folder / name


def load(folder: Path, key: dict) -> LinkerArrays | None:
    """The saved arrays of ``key``, memory-mapped read-only; None when there are none (or unreadable)."""
    import numpy as np

    from matching.linker_arrays import SPACES, LinkerArrays, Strings
    from matching.postings import Postings

    path = folder / folder_name(key)
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        if meta.get("key") != key:
            return None

        def mapped(file: str):
            return np.load(path / f"{file}.npy", mmap_mode="r")

        strings = {field: Strings(mapped(f"{field}_blob"), mapped(f"{field}_offsets")) for field in _STRINGS}
        vocabulary = json.loads((path / "vocabulary.json").read_text(encoding="utf-8"))
        spaces = {space: LinkerArrays.space(space, mapped(f"{space}_features"), mapped(f"{space}_idf"), vocabulary)
                  for space in SPACES}
        matrix = Postings(mapped("matrix_data"), mapped("matrix_indices"), mapped("matrix_indptr"),
                          tuple(meta["shape"]))
        return LinkerArrays(**strings, kinds=mapped("kinds"), owner=mapped("owner"), vocabulary=vocabulary,
                            spaces=spaces, matrix=matrix)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as error:
        log.warning("saved linker %s unreadable (%s: %s); fitting it again", path.name, type(error).__name__, error)
        return None


def linker(session: Session, kind: str | None, folder: Path | None = None, config: LinkerConfig | None = None,
           semantic: VectorCache | None = None) -> Linker | None:
    """The linker over concepts of ``kind`` (None: all, as the worklist's proposals use), with
    ``config`` and ``semantic`` as ``Linker`` takes them: the saved fit of this taxonomy version,
    mapped, or (missing or stale: said on stderr) fitted here and saved; None without concepts."""
    from matching.linker import Linker

    folder = root() if folder is None else folder
    wanted = key(session, kind)
    arrays = load(folder, wanted)
    if arrays is not None:
        return Linker.from_arrays(arrays, config, semantic)
    chosen = concepts(session, kind)
    if not chosen:
        return None
    log.warning("no saved %s linker for taxonomy version %s: fitting it (%d concepts) and saving it in %s",
                wanted["kind"], wanted["taxonomy"][0], len(chosen), folder)
    built = Linker(chosen, config, semantic)
    try:
        save(folder, wanted, built.arrays)
    except OSError as error:  # a read-only instance folder: link with the fitted one all the same
        log.warning("could not save the %s linker in %s: %s", kind, folder, error)
    return built


def ensure(session: Session, folder: Path | None = None) -> list[str]:
    """Fit and save every linker that has no saved fit for this taxonomy version (``flask taxonomy
    load``): each kind's, and the one over all concepts that the worklist's proposals use, so no page
    and no job fits one; one line per linker saying what was done."""
    from matching.linker import Linker

    folder = root() if folder is None else folder
    lines = []
    for kind in (*KINDS, None):
        wanted = key(session, kind)
        name = wanted["kind"]
        if load(folder, wanted) is not None:
            lines.append(f"{name} linker: saved already ({folder_name(wanted)})")
            continue
        chosen = concepts(session, kind)
        if not chosen:
            lines.append(f"{name} linker: no concepts")
            continue
        started = time.perf_counter()
        built = Linker(chosen)
        try:
            path = save(folder, wanted, built.arrays)
        except OSError as error:  # the taxonomy is loaded all the same; the first import fits it again
            lines.append(f"{name} linker: could not be saved in {folder}: {error}")
            continue
        lines.append(f"{name} linker: {len(built.owner)} labels fitted in {time.perf_counter() - started:.1f} s, "
                     f"saved in {path}")
    return lines


def prune(folder: Path, kind: str, keep_name: str, keep: int = KEEP) -> int:
    """Delete ``kind``'s versions other than ``keep_name`` and the ``keep`` newest others, and
    temporary folders older than an hour; returns how many were deleted."""
    others = sorted((p for p in folder.glob(f"{kind}-*") if p.is_dir() and p.name != keep_name),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    stale = [p for p in folder.glob(f".tmp-{kind}-*") if time.time() - p.stat().st_mtime > 3600]
    for path in [*others[keep:], *stale]:
        shutil.rmtree(path, ignore_errors=True)  # a process still mapping it keeps its pages (POSIX)
    return len(others[keep:]) + len(stale)
