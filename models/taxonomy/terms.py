"""Linking free wording (skills, occupations, certificates) to taxonomy concepts."""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from matching.text import normalise as _normalise
from models.base import utcnow
from models.common import stamps
from models.enums import ConceptKind
from models.taxonomy import linker_files
from models.taxonomy.concept import Concept, ConceptAlias, UnmatchedWording

if TYPE_CHECKING:  # the linker brings numpy and scipy: loaded when a wording is first linked, not at start-up
    from matching.linker import Linker

Result = tuple[int | None, float | None]


def normalise(wording: str) -> str:
    """Lower case, accents folded, punctuation dropped, single spaces."""
    return _normalise(wording)


@dataclass
class LinkModel:
    """The process's linkers over the database taxonomy at one stamp.

    One linker per kind asked for ("skill", "occupation", None for both), on first use, over the
    concepts of that kind only: a skill wording is compared with the few thousand skill labels,
    not all ESCO titles, and a process whose wordings are all exact never needs one (nor loads
    numpy, scipy or the concepts: an import's fixed memory, issue 18). A kind's linker is the fit
    saved for this taxonomy version, memory-mapped (models/taxonomy/linker_files.py), or fitted
    and saved when there is none.
    """

    stamp: tuple
    linkers: dict[str | None, Linker | None] = field(default_factory=dict)

    def linker(self, session: Session, kind: str | None) -> Linker | None:
        """The linker over concepts of ``kind`` (all for None); None when there are none."""
        with _lock:
            if kind not in self.linkers:
                self.linkers[kind] = linker_files.linker(session, kind)
            return self.linkers[kind]


_models: dict[str, LinkModel] = {}
_lock = threading.RLock()


def exact_concepts(session: Session, keys: list[str], kind: str | None = None) -> dict[str, int]:
    """Of the normalised wordings ``keys``, those that are an alias of exactly one concept (of
    ``kind`` if given), with that concept's id: they link without a linker, at confidence 1."""
    query = select(ConceptAlias.normalised, ConceptAlias.concept_id).join(Concept, Concept.id == ConceptAlias.concept_id)
    if kind is not None:
        query = query.where(Concept.kind == ConceptKind(kind))
    owners: dict[str, set[int]] = {}
    with session.no_autoflush:  # a form links its wordings before its own rows are complete
        for start in range(0, len(keys), 500):
            for key, cid in session.execute(query.where(ConceptAlias.normalised.in_(keys[start:start + 500]))):
                owners.setdefault(key, set()).add(cid)
    return {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}


def link_model(session: Session) -> LinkModel:
    """The cached model for this database; rebuilt when the taxonomy stamp moved."""
    key = str(session.get_bind().url)
    stamp = stamps.read(session, stamps.TAXONOMY)
    with _lock:
        model = _models.get(key)
        if model is None or model.stamp != stamp:
            model = _models[key] = LinkModel(stamp)
        return model


def clear_cache() -> None:
    """Forget every cached linker (tests; a process that knows the taxonomy changed)."""
    with _lock:
        _models.clear()


class TermLinker:
    """Links wordings of one batch of work (an import, a form) and remembers what did not link."""

    def __init__(self, session: Session):
        self.session = session
        self._model: LinkModel | None = None
        self._cache: dict[tuple[str | None, str], Result] = {}
        self._keys: dict[str, str] = {}  # wording -> normalised: an import repeats few wordings often
        self.unmatched: Counter[str] = Counter()
        self._unmatched_wording: dict[str, str] = {}

    @property
    def model(self) -> LinkModel:
        if self._model is None:
            self._model = link_model(self.session)
        return self._model

    def _key(self, wording: str) -> str:
        key = self._keys.get(wording)
        if key is None:
            key = self._keys[wording] = normalise(wording)
        return key

    def prime(self, wordings: Iterable[str], kind: str | None = None) -> None:
        """Link every not yet seen wording in one batch, so that later ``link`` calls are lookups."""
        new: dict[str, None] = {}
        for wording in wordings:
            key = self._key(wording)
            if key and (kind, key) not in self._cache:
                new[key] = None
        if not new:
            return
        exact = exact_concepts(self.session, list(new), kind)
        for key, hit in exact.items():
            self._cache[(kind, key)] = (hit, 1.0)
        keys = [key for key in new if key not in exact]
        if not keys:
            return
        linker = self.model.linker(self.session, kind)
        found = linker.link_many(keys, top=1) if linker else [[] for _ in keys]
        for key, links in zip(keys, found):
            self._cache[(kind, key)] = (int(links[0].concept_id), links[0].confidence) if links else (None, None)

    def link(self, wording: str, kind: str | None = None) -> Result:
        """Return (concept id, confidence) for ``wording`` (of ``kind`` "skill"/"occupation" if given).

        (None, None) when no concept reaches the linker's threshold; such wordings are counted
        for ``save_unmatched``.
        """
        key = self._key(wording)
        if not key:
            return (None, None)
        if (kind, key) not in self._cache:
            self.prime([wording], kind)
        result = self._cache[(kind, key)]
        if result[0] is None:
            self.unmatched[key] += 1
            self._unmatched_wording.setdefault(key, wording.strip()[:200])
        return result

    def save_unmatched(self) -> int:
        """Add the counts of unlinked wordings to the coordinators' worklist; returns how many."""
        if not self.unmatched:
            return 0
        keys = list(self.unmatched)
        existing = {
            row.normalised: row
            for start in range(0, len(keys), 500)
            for row in self.session.scalars(
                select(UnmatchedWording).where(UnmatchedWording.normalised.in_(keys[start:start + 500]))
            )
        }
        now = utcnow()
        for key, count in self.unmatched.items():
            row = existing.get(key)
            if row is None:
                self.session.add(UnmatchedWording(
                    wording=self._unmatched_wording[key], normalised=key[:200], seen_count=count,
                    last_seen_at=now,
                ))
            else:
                row.seen_count += count
                row.last_seen_at = now
        self.unmatched.clear()
        return len(keys)
