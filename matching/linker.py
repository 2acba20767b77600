"""Link free Dutch wording ("heftruk", "orderpikker") to taxonomy concepts (skills, occupations)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from matching.linker_arrays import SPACES, LinkerArrays
from matching.linker_features import joined_chars, prepare
from matching.postings import Rows, hstack
from matching.semantic import ConceptProjection, VectorCache
from matching.tfidf import l2_normalise

# Wordings scored per block: each block is dense over every label (24,000 for occupations), so 512
# made a block of ~50 MB plus its sparse product of ~100 MB, most of an import's peak memory
# (493 MB against 337 MB at 64, with the same seconds; rows are scored independently, so the links
# are the same). At 64 a block and its scratch (the typo repair's argpartition indices are int64)
# were ~25 MB of every import batch that met new wordings; 16 keeps a 100,000-candidate import's
# peak at the occupation linker's fitting, in the same seconds (issue 18).
CHUNK = 16


@dataclass(frozen=True)
class Concept:
    """A taxonomy entry as the linker sees it: id, kind ("occupation"/"skill"), label, aliases."""

    id: str
    kind: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Link:
    """One proposed concept for a wording; confidence in 0..1 (lexical), score the ranking score
    (the confidence, or the fused score when the linker has sentence embeddings)."""

    concept_id: str
    label: str
    matched_alias: str
    confidence: float
    score: float | None = None


@dataclass(frozen=True)
class LinkerConfig:
    """Tuning knobs; the defaults are what docs/taxonomy.md reports."""

    char_weight: float = 0.5
    joined_weight: float = 0.2
    word_weight: float = 0.3
    mean_bonus: float = 0.0
    alias_weight: float = 0.95
    fuzzy_top: int = 20
    fuzzy_weight: float = 0.9
    fuzzy_max_len: int = 20
    # typo repair only for near spellings: at a ratio of 0.65 "geduldig" looked like "Lassen" (a
    # 38% worklist proposal); 0.8 keeps "heftrukc" -> heftruck and is +0.002 MRR on MELO lexically
    fuzzy_min_ratio: float = 0.8
    # Word-translation expansion (matching/linker_expansion.py): +0.003 MRR on MELO but doubles
    # link time, so off by default (imports) and on in PROPOSALS (below).
    expansion_weight: float = 0.0
    # Sentence-embedding fusion (matching/semantic.py), used only when the Linker is given a
    # VectorCache: label score += semantic_weight * (cosine - semantic_centre)
    # + projection_weight * cosine in the taxonomy-fitted projection (ConceptProjection). Tuned on
    # MELO (docs/taxonomy.md). Confidences (and so the threshold) stay lexical.
    semantic_weight: float = 8.0
    semantic_centre: float = 0.85
    projection_weight: float = 1.5
    projection_dims: int = 64
    projection_reg: float = 0.3
    threshold: float = 0.5


# The linker for proposals a person checks (the taxonomy worklist, bench.quality.melo): the word expansion
# on, as a few dozen wordings per page do not feel its cost. Imports keep the defaults.
PROPOSALS = LinkerConfig(expansion_weight=0.1)


def _as_concept(record: Concept | Mapping[str, Any] | Any) -> Concept:
    if isinstance(record, Concept):
        return record
    get = record.get if isinstance(record, Mapping) else lambda k, d=None: getattr(record, k, d)
    return Concept(str(get("id")), str(get("kind", "occupation")), str(get("label")), tuple(get("aliases", ()) or ()))


class Linker:
    """Nearest-concept search over character n-gram, joined-form and word TF-IDF spaces, plus typo repair.

    Deterministic for equal input; picklable. ``threshold`` is the confidence under which a
    wording counts as unmatched (``link`` then returns nothing). Built from concepts (fitted
    here) or, with ``from_arrays``, from a fit saved earlier (matching/linker_arrays.py): the
    same links either way.
    """

    def __init__(self, concepts: Iterable[Concept | Mapping[str, Any]], config: LinkerConfig | None = None,
                 semantic: VectorCache | None = None) -> None:
        records = (_as_concept(c) for c in concepts)
        chosen = sorted((c for c in records if c.label.strip()), key=lambda c: c.id)
        if not chosen:
            raise ValueError("a Linker needs at least one concept")
        self._use(LinkerArrays.fit(chosen), config, semantic)

    @classmethod
    def from_arrays(cls, arrays: LinkerArrays, config: LinkerConfig | None = None,
                    semantic: VectorCache | None = None) -> Linker:
        """A linker over an earlier fit (``LinkerArrays``, e.g. memory-mapped): nothing is fitted."""
        linker = cls.__new__(cls)
        linker._use(arrays, config, semantic)
        return linker

    def _use(self, arrays: LinkerArrays, config: LinkerConfig | None, semantic: VectorCache | None) -> None:
        self.config = config or LinkerConfig()
        self.arrays = arrays
        self.vocabulary = arrays.vocabulary
        self.owner = arrays.owner
        self.starts = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]])
        self.sizes = np.diff(np.r_[self.starts, len(self.owner)])
        self.kinds = arrays.kinds
        self._matrix = arrays.matrix
        self._char, self._joined, self._word = (arrays.spaces[name] for name in SPACES)
        words_from = len(self._char) + len(self._joined)
        self._words_from = words_from
        if self.config.expansion_weight > 0:  # scipy.sparse: only the proposals' linker imports it
            from matching.linker_expansion import WordExpansion

            unigram = np.char.find(self._word.features, b"_") < 0
            self._expansion = WordExpansion(self._matrix.csr()[words_from:].T.tocsr(), self.owner, len(arrays.concept_ids),
                                            unigram)
        else:
            self._expansion = None
        self._joined_labels = arrays.joined_labels
        # An alias is weaker evidence than a preferred label: when a wording is one concept's
        # preferred label and another's alias, the first is meant.
        self._label_weight = np.full(len(self.owner), self.config.alias_weight, dtype=np.float32)
        self._label_weight[self.starts] = 1.0
        self._semantic = semantic if semantic is not None and self.config.semantic_weight else None
        self._label_vectors = (self._semantic.vectors(list(arrays.label_texts)) if self._semantic is not None
                               else None)
        self._projection = None
        if self._label_vectors is not None and self.config.projection_weight:
            self._projection = ConceptProjection.fit(self._label_vectors, self.owner, self.config.projection_dims,
                                                     self.config.projection_reg)
        self._label_projected = self._projection.transform(self._label_vectors) if self._projection else None

    @property
    def concept_ids(self) -> Sequence[str]:
        """The concepts' ids in the linker's order (sorted), as ``concept_scores`` columns them."""
        return self.arrays.concept_ids

    @property
    def threshold(self) -> float:
        """Confidence under which a wording counts as unmatched."""
        return self.config.threshold

    def _stack(self, prepared: Sequence[str]) -> Rows:
        cfg = self.config
        joined = [joined_chars(p) for p in prepared]
        blocks = [self._char.rows(prepared), self._joined.rows(joined), self._word.rows(prepared)]
        weights = (cfg.char_weight, cfg.joined_weight, cfg.word_weight)
        return hstack([l2_normalise(b) for b in blocks], weights)

    @property
    def semantic(self) -> bool:
        """Whether sentence embeddings take part in the ranking."""
        return self._semantic is not None

    def label_scores(self, wordings: Sequence[str]) -> Iterator[tuple[int, np.ndarray]]:
        """Yield (offset, dense query x label score block) in chunks: the ranking scores (fused with
        the sentence embeddings when the linker has them)."""
        for offset, ranking, _ in self._scores(wordings):
            yield offset, ranking

    def _scores(self, wordings: Sequence[str]) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
        """(offset, ranking block, lexical block) per chunk; the two blocks are one array without
        embeddings."""
        for offset in range(0, len(wordings), CHUNK):
            chunk = list(wordings[offset : offset + CHUNK])
            prepared = [prepare(w, self.vocabulary) for w in chunk]
            query = self._stack(prepared)
            block = self._matrix.scores(query)
            self._repair_typos(prepared, block)
            if self._expansion is not None:
                # concept-level evidence: every label of a concept gets the concept's best expanded match
                # (the expansion re-normalises, so the word block's space weight does not matter)
                words = query.csr()[:, self._words_from :]
                expanded = np.maximum.reduceat(self._expansion.label_scores(words), self.starts, axis=1)
                block += self.config.expansion_weight * expanded[:, self.owner]
            block *= self._label_weight
            if self._semantic is None:
                yield offset, block, block
                continue
            vectors = self._semantic.vectors(chunk)
            fused = block + self.config.semantic_weight * (vectors @ self._label_vectors.T - self.config.semantic_centre)
            if self._projection is not None:
                fused += self.config.projection_weight * (self._projection.transform(vectors) @ self._label_projected.T)
            yield offset, fused, block

    def _repair_typos(self, prepared: list[str], block: np.ndarray) -> None:
        cfg = self.config
        top = min(cfg.fuzzy_top, block.shape[1])
        if top <= 0:
            return
        joined = [joined_chars(query) for query in prepared]
        rows = [row for row, query in enumerate(joined) if query and len(query) <= cfg.fuzzy_max_len]
        if not rows:
            return
        candidates = np.argpartition(-block[rows], top - 1, axis=1)[:, :top]
        for row, cols in zip(rows, candidates):
            query_joined = joined[row]
            for col in cols:
                ratio = fuzz.ratio(query_joined, self._joined_labels[col]) / 100.0
                if ratio < cfg.fuzzy_min_ratio:
                    continue
                boosted = cfg.fuzzy_weight * ratio * ratio
                if boosted > block[row, col]:
                    block[row, col] = boosted

    def concept_scores(self, label_block: np.ndarray) -> np.ndarray:
        """Aggregate a query x label block to query x concept scores: best label plus a bonus for the rest."""
        best = np.maximum.reduceat(label_block, self.starts, axis=1)
        bonus = self.config.mean_bonus
        if not bonus:
            return best
        mean = np.add.reduceat(label_block, self.starts, axis=1) / self.sizes
        return (best + bonus * mean) / (1.0 + bonus)

    def _kind_mask(self, kind: str | None) -> np.ndarray | None:
        return None if kind is None else self.kinds == kind

    def link_many(self, wordings: Sequence[str], kind: str | None = None, top: int = 1,
                  threshold: float | None = None) -> list[list[Link]]:
        """Best ``top`` concepts per wording (of ``kind`` if given) with confidence >= threshold, best first."""
        limit = self.config.threshold if threshold is None else threshold
        mask = self._kind_mask(kind)
        results: list[list[Link]] = []
        for _, ranking, lexical in self._scores(wordings):
            scores = self.concept_scores(ranking)
            confidences = scores if ranking is lexical else self.concept_scores(lexical)
            if mask is not None:
                scores[:, ~mask] = -np.inf
            for row in range(scores.shape[0]):
                results.append(self._links(scores[row], confidences[row], ranking[row], top, limit))
        return results

    def link(self, wording: str, kind: str | None = None, top: int = 5, threshold: float | None = None) -> list[Link]:
        """Best ``top`` concepts for one wording with confidence >= threshold (default: the linker's), best first."""
        return self.link_many([wording], kind=kind, top=top, threshold=threshold)[0]

    def _links(self, scores: np.ndarray, confidences: np.ndarray, label_row: np.ndarray, top: int,
               limit: float) -> list[Link]:
        # Stable sort on -score keeps ties in concept-id order: deterministic output. Only the
        # concepts at or above the top-th score are sorted (same order as sorting them all).
        # With embeddings the order is the fused score's, the confidence the lexical one: links
        # under the threshold are skipped rather than ending the list.
        if 0 < top < len(scores):
            kth = np.partition(scores, len(scores) - top)[len(scores) - top]
            pool = np.flatnonzero(scores >= kth)
            order = pool[np.argsort(-scores[pool], kind="stable")][:top]
        else:
            order = np.argsort(-scores, kind="stable")[:top]
        links = []
        for index in order:
            if scores[index] == -np.inf:
                break
            confidence = float(min(1.0, max(0.0, confidences[index])))
            if confidence < limit:
                if scores is confidences:
                    break
                continue
            start, size = self.starts[index], self.sizes[index]
            best_label = start + int(np.argmax(label_row[start : start + size]))
            links.append(Link(self.arrays.concept_ids[index], self.arrays.concept_labels[index],
                              self.arrays.label_texts[best_label], round(confidence, 4), round(float(scores[index]), 4)))
        return links
