"""Scoring and top-k selection shared by both directions, and the reverse VacancyIndex."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import csr_matrix

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.explain import Reason, reasons
from matching.filters import Attributes
from matching.levels import UNKNOWN, dutch_rank, education_rank, level_fit
from matching.space import FeatureSpace

DECIMALS = 4
# A candidate with every required skill (traits aside) gets this on top: all else equal, and even
# against a somewhat better text or level fit, they rank above one who misses a required skill.
COMPLETE_BONUS = 0.05


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One ranked candidate (or vacancy): id, score in 0..1, structured reasons."""

    candidate_id: int
    score: float
    reasons: list[Reason] = field(default_factory=list)


def finish_scores(raw: np.ndarray, soft: np.ndarray, soft_weight: float,
                  complete: np.ndarray | None = None) -> np.ndarray:
    """Final scores: dot product plus the weighted soft fit and the complete-coverage bonus,
    scaled back into 0..1 and rounded."""
    total = raw.astype(np.float64) + soft_weight * soft
    if complete is not None:
        total = (total + COMPLETE_BONUS * complete) / (1.0 + COMPLETE_BONUS)
    return np.round(np.clip(total, 0.0, 1.0), DECIMALS)


def complete_mask(slots: np.ndarray, holders: np.ndarray, n_required: int) -> np.ndarray | None:
    """Per slot: does it hold all ``n_required`` required skills (``holders`` lists a slot once per
    required skill it has)? Everyone does when the vacancy requires no skill."""
    if n_required <= 0:
        return np.ones(len(slots), dtype=bool)
    if not len(holders):
        return np.zeros(len(slots), dtype=bool)
    counts = np.bincount(holders, minlength=int(slots.max(initial=0)) + 1)
    inside = slots < len(counts)
    out = np.zeros(len(slots), dtype=bool)
    out[inside] = counts[slots[inside]] >= n_required
    return out


def top_k(scores: np.ndarray, ids: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k best, best first; equal scores go by ascending id (deterministic)."""
    if k <= 0 or not len(scores):
        return np.empty(0, dtype=np.int64)
    if len(scores) > k:
        kth = -np.partition(-scores, k - 1)[k - 1]
        pool = np.flatnonzero(scores >= kth)  # keeps every tie at the cut
    else:
        pool = np.arange(len(scores))
    order = np.lexsort((ids[pool], -scores[pool]))
    return pool[order[:k]]


def select(slots: np.ndarray, raw: np.ndarray, attrs: Attributes, vac: VacancyDoc,
           parts: dict[str, float], top: int, skip: set[int], holders: np.ndarray | None = None,
           n_required: int = 0, min_score: float = 0.0) -> tuple[np.ndarray, np.ndarray, int]:
    """Filter the non-zero slots with the hard requirements, score them, return the best
    (slots, scores) at or above ``min_score``, and how many passed but scored below it."""
    # A vacancy's n-grams reach most candidates: testing the requirements along whole columns and
    # indexing the mask then is faster than gathering every column at the slots (the same mask).
    ok = attrs.passes(slice(0, attrs.size), vac)[slots] if 4 * len(slots) > attrs.size else attrs.passes(slots, vac)
    if skip:
        ok &= ~np.isin(slots, np.fromiter(skip, dtype=np.int64, count=len(skip)))
    slots, raw = slots[ok], raw[ok]
    soft = attrs.soft_fit(slots, vac) if "soft" in parts else np.zeros(len(slots))
    complete = complete_mask(slots, holders if holders is not None else np.empty(0, np.int64), n_required)
    scores = finish_scores(raw, soft, parts.get("soft", 0.0), complete)
    relevant = scores >= min_score if min_score > 0 else np.ones(len(scores), dtype=bool)
    below = int((~relevant).sum())
    slots, scores = slots[relevant], scores[relevant]
    best = top_k(scores, attrs.ids[slots], top)
    return slots[best], scores[best], below


def suggestions(vac: VacancyDoc, rows: Iterable[tuple[int, float, CandidateDoc | None]],
                taxonomy: Taxonomy | None) -> list[Suggestion]:
    """Suggestion objects with reasons for (id, score, doc) rows; no reasons when a doc is missing."""
    return [Suggestion(cid, score, reasons(vac, doc, taxonomy) if doc is not None else [])
            for cid, score, doc in rows]


class VacancyIndex:
    """Open vacancies as query rows, for the best vacancies for one candidate (same score)."""

    def __init__(self, vacancies: Iterable[VacancyDoc], space: FeatureSpace,
                 taxonomy: Taxonomy | None = None) -> None:
        self.vacancies = list(vacancies)
        self.space, self.taxonomy = space, taxonomy
        queries = self._queries = [space.query(v, taxonomy) for v in self.vacancies]
        rows = np.repeat(np.arange(len(queries)), [len(q.cols) for q in queries])
        cols = np.concatenate([q.cols for q in queries]) if queries else np.empty(0, np.int64)
        vals = np.concatenate([q.vals for q in queries]) if queries else np.empty(0, np.float32)
        self._q = csr_matrix((vals, (rows, cols)), shape=(len(queries), space.width), dtype=np.float32)
        self._soft_w = np.array([q.parts.get("soft", 0.0) for q in queries])
        self._ids = np.array([v.id for v in self.vacancies], dtype=np.int64)

    def suggest(self, cand: CandidateDoc, top: int = 10, exclude: Iterable[int] = ()) -> list[Suggestion]:
        """Best `top` vacancies for a candidate (Suggestion.candidate_id holds the vacancy id)."""
        if not self.vacancies:
            return []
        x = self.space.candidate_rows([cand])
        x.resize((1, self._q.shape[1]))
        raw = np.asarray((self._q @ x.T).todense()).ravel()
        ok = (raw > 0) & self._passes(cand) & ~np.isin(self._ids, list(exclude))
        pos = np.flatnonzero(ok)
        soft = np.array([_soft(cand, self.vacancies[i]) for i in pos])
        complete = np.array([self._complete(cand, self._queries[i]) for i in pos], dtype=np.float64)
        scores = finish_scores(raw[pos], soft, self._soft_w[pos], complete)
        best = pos[top_k(scores, self._ids[pos], top)]
        score_of = dict(zip(pos.tolist(), scores.tolist()))
        return [Suggestion(int(self._ids[i]), score_of[int(i)], reasons(self.vacancies[i], cand, self.taxonomy))
                for i in best]

    def _complete(self, cand: CandidateDoc, query) -> float:
        """1.0 when the candidate holds every required skill of the query (also when none is asked)."""
        if query.n_required <= 0:
            return 1.0
        cols = {self.space.column("s", c, False) for c in cand.concepts}
        return float(sum(int(c) in cols for c in query.required_cols) >= query.n_required)

    def _passes(self, cand: CandidateDoc) -> np.ndarray:
        attrs = Attributes(capacity=1)
        attrs.append(cand)
        return np.array([bool(attrs.passes(np.zeros(1, np.int64), v)[0]) for v in self.vacancies])


def _soft(cand: CandidateDoc, vac: VacancyDoc) -> float:
    fits = []
    for have, need in ((education_rank(cand.education), education_rank(vac.education_min)),
                       (dutch_rank(cand.dutch_level), dutch_rank(vac.dutch_min))):
        if need != UNKNOWN:
            fits.append(level_fit(have, need))
    return float(np.mean(fits)) if fits else 0.0


__all__ = ["Suggestion", "VacancyIndex", "select", "top_k"]
