"""Linking free wording (skills, occupations, certificates) to taxonomy concepts."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.taxonomy import Concept, ConceptAlias, UnmatchedWording


def normalise(wording: str) -> str:
    """Lower case, accents folded, punctuation dropped, single spaces."""
    text = unicodedata.normalize("NFKD", wording.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"[a-z0-9]+", text))


class TermLinker:
    """Links wordings of one batch of work (an import, a form) and remembers what did not link."""

    def __init__(self, session: Session):
        self.session = session
        rows = session.execute(select(ConceptAlias.normalised, ConceptAlias.concept_id, Concept.kind)
                               .join(Concept, Concept.id == ConceptAlias.concept_id))
        self._aliases: dict[str, tuple[int, str]] = {}
        for normalised, concept_id, kind in rows:
            self._aliases.setdefault(normalised, (concept_id, kind.value))
        self._cache: dict[str, tuple[int | None, float | None]] = {}
        self.unmatched: Counter[str] = Counter()
        self._unmatched_wording: dict[str, str] = {}

    def link(self, wording: str) -> tuple[int | None, float | None]:
        """Return (concept id, confidence) for ``wording``, or (None, None) when nothing fits."""
        key = normalise(wording)
        if key not in self._cache:
            hit = self._aliases.get(key)
            self._cache[key] = (hit[0], 1.0) if hit else (None, None)
        result = self._cache[key]
        if result[0] is None and key:
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
