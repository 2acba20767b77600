"""CandidateIndex: concept-major sparse matrix plus columnar attributes, updated incrementally.

LayeredIndex puts an in-process delta over a read-only CandidateIndex (a memory-mapped snapshot,
models/matches/snapshots.py): changed and new candidates go to the small delta, the base is never
written, so every process of a host shares the base's pages.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.filters import Attributes
from matching.rank import Suggestion, select, suggestions
from matching.space import FeatureSpace, wording_pool

FIT_SAMPLE = 50_000  # texts the TF-IDF vocabulary is fitted on at build time
CHUNK = 20_000
# Rows added since the main matrix are transposed again for every query after a change until they are
# this many; then they become a concept-major segment of their own.
SEGMENT_ROWS = 1000


def _transpose(rows: csr_matrix) -> csr_matrix:
    """Concept-major copy (columns x candidates) so a query touches only its columns' postings."""
    csc = rows.tocsc()
    return csr_matrix((csc.data, csc.indices, csc.indptr), shape=(rows.shape[1], rows.shape[0]))


class SortedSlots:
    """Candidate id -> slot over ascending ids (a mapped snapshot's): no dict of a million entries."""

    def __init__(self, ids: np.ndarray) -> None:
        self.ids = ids

    def get(self, candidate_id: int, default: int | None = None) -> int | None:
        i = int(np.searchsorted(self.ids, candidate_id))
        return i if i < len(self.ids) and int(self.ids[i]) == candidate_id else default

    def __contains__(self, candidate_id: object) -> bool:
        return isinstance(candidate_id, (int, np.integer)) and self.get(int(candidate_id)) is not None

    def __getitem__(self, candidate_id: int) -> int:
        slot = self.get(candidate_id)
        if slot is None:
            raise KeyError(candidate_id)
        return slot

    def __len__(self) -> int:
        return len(self.ids)


class CandidateIndex:
    """Candidates for ranking; `add`/`update`/`remove` (and their batched forms) go to a delta.

    The delta is a few concept-major segments, each at most half the size of the one before it (a
    merge copies a candidate O(log n) times), plus the last rows added (fewer than SEGMENT_ROWS).
    Rows are vectorised once per call, never one at a time: re-indexing 5,000 candidates after each
    body of an import, one `add` each, compacted the whole growing delta every 5% (issue 17).

    The text vocabulary is fixed when the index is built: words first seen later do not count
    until the next `build`. Not thread-safe for writes; reads between writes are safe.
    """

    def __init__(self, space: FeatureSpace, taxonomy: Taxonomy | None = None, store_docs: bool = True) -> None:
        self.space, self.taxonomy, self.store_docs = space, taxonomy, store_docs
        self.attrs = Attributes()
        self.docs: dict[int, CandidateDoc] = {}
        self._slot: dict[int, int] = {}
        self._main = csr_matrix((space.width, 0), dtype=np.float32)  # columns x slots [0, n_main)
        self._segments: list[tuple[csr_matrix, np.ndarray]] = []  # (columns x candidates, their slots)
        self._pending: list[tuple[np.ndarray, csr_matrix]] = []  # (slots, rows) not yet in a segment
        self._pending_cache: tuple[csr_matrix, np.ndarray] | None = None
        self.release: Callable[[], None] | None = None

    @classmethod
    def build(cls, docs: Iterable[CandidateDoc], taxonomy: Taxonomy | None = None,
              store_docs: bool = True, workers: int = 1, chunk: int = CHUNK) -> CandidateIndex:
        """Index all docs in one go (streamed in chunks; the text model is fitted on the first ones).

        ``workers`` > 1: the chunks' text n-grams are computed in that many processes while this one
        reads on (only when there is more than one chunk); the index is the same.
        """
        it: Iterator[CandidateDoc] = iter(docs)
        first = list(islice(it, FIT_SAMPLE))
        index = cls(FeatureSpace((d.text for d in first), (d.titles for d in first)), taxonomy, store_docs)
        parts: list[csr_matrix] = []
        pending: deque = deque()  # (wording rows to come, concept rows) of chunks in the workers
        with wording_pool(index.space, workers if len(first) > chunk else 1) as start:
            for part in _chunks(first, it, chunk):
                for doc in part:
                    if doc.id in index._slot:
                        raise ValueError(f"duplicate candidate id {doc.id}")
                    index._slot[doc.id] = index.attrs.append(doc)
                    if store_docs:
                        index.docs[doc.id] = doc
                pending.append((start([d.text for d in part], [d.titles for d in part]),
                                index.space.concept_rows(part)))
                while len(pending) > 2 * workers:
                    wording, concept = pending.popleft()
                    parts.append(FeatureSpace.join_rows(wording(), concept))
            parts += [FeatureSpace.join_rows(wording(), concept) for wording, concept in pending]
        width = index.space.width
        for p in parts:
            p.resize((p.shape[0], width))
        rows = vstack(parts, format="csr", dtype=np.float32) if parts else csr_matrix((0, width), dtype=np.float32)
        index._main = _transpose(rows)
        return index

    @classmethod
    def frozen(cls, space: FeatureSpace, taxonomy: Taxonomy | None, main: csr_matrix,
               columns: dict[str, np.ndarray], licence_bits: dict[str, int],
               release: Callable[[], None] | None = None) -> CandidateIndex:
        """A read-only index over saved arrays (``arrays()``'s); ids ascending. Never add, update or remove.

        ``release`` is called after each ranking: a mapped snapshot hands back the postings' pages
        the query read (models/matches/mapping.py)."""
        index = cls(space, taxonomy, store_docs=False)
        index.release = release
        index.attrs = Attributes.frozen(columns, licence_bits)
        index._slot = SortedSlots(columns["ids"])  # type: ignore[assignment]
        index._main = main
        return index

    def arrays(self) -> tuple[csr_matrix, dict[str, np.ndarray]]:
        """The index as plain arrays ascending by candidate id: the concept-major matrix
        (columns x candidates) and the attribute columns, without removed candidates."""
        if self._segments or self._pending or not self.attrs.alive[: self.attrs.size].all():
            self.compact()
        columns = self.attrs.columns()
        main = self._main.copy()
        main.resize((self.space.width, main.shape[1]))
        order = np.argsort(columns["ids"], kind="stable")
        if not np.array_equal(order, np.arange(len(order))):
            main = csr_matrix(main[:, order], dtype=np.float32)
            columns = {k: v[order] for k, v in columns.items()}
        main.sort_indices()
        return main, columns

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, candidate_id: int) -> bool:
        return candidate_id in self._slot

    def add(self, doc: CandidateDoc) -> None:
        """Add a candidate; raises ValueError if its id is already indexed (use `update`)."""
        self.add_many([doc])

    def add_many(self, docs: Iterable[CandidateDoc]) -> None:
        """Add candidates, vectorised in one go; ValueError (nothing added) if one is already indexed or
        given twice (use `update_many`)."""
        docs, seen = list(docs), set()
        for doc in docs:
            if doc.id in self._slot or doc.id in seen:
                raise ValueError(f"candidate {doc.id} is already indexed")
            seen.add(doc.id)
        if not docs:
            return
        slots = np.fromiter((self.attrs.append(doc) for doc in docs), dtype=np.int64, count=len(docs))
        for doc, slot in zip(docs, slots.tolist()):
            self._slot[doc.id] = slot
            if self.store_docs:
                self.docs[doc.id] = doc
        self._pending.append((slots, self.space.candidate_rows(docs)))
        self._pending_cache = None
        if sum(len(s) for s, _rows in self._pending) >= SEGMENT_ROWS:
            self._seal()
        if self.attrs.size - len(self._slot) > max(SEGMENT_ROWS, len(self._slot)):
            self.compact()  # more removed slots than live ones: drop them (amortised over the removals)

    def update(self, doc: CandidateDoc) -> None:
        """Replace a candidate (or add it when new)."""
        self.update_many([doc])

    def update_many(self, docs: Iterable[CandidateDoc]) -> None:
        """Replace candidates (or add the new ones), vectorised in one go; of one id given twice the last counts."""
        docs = list({doc.id: doc for doc in docs}.values())
        for doc in docs:
            self.remove(doc.id)
        self.add_many(docs)

    def remove(self, candidate_id: int) -> bool:
        """Drop a candidate; False if it was not indexed. Its slot stays, dead, until `compact`."""
        slot = self._slot.pop(candidate_id, None)
        if slot is None:
            return False
        self.attrs.alive[slot] = False
        if self._pending and slot >= self._pending[0][0][0]:
            self._pending_cache = None
        self.docs.pop(candidate_id, None)
        return True

    def _seal(self) -> None:
        """Make the pending rows a segment; merge the last segments while one is not twice the next."""
        self._segments.append(self._pending_matrix())
        self._pending, self._pending_cache = [], None
        while len(self._segments) > 1 and self._segments[-2][0].shape[1] <= 2 * self._segments[-1][0].shape[1]:
            newer, older = self._segments.pop(), self._segments.pop()
            self._segments.append(self._merged([older, newer]))

    def _merged(self, parts: list[tuple[csr_matrix, np.ndarray]]) -> tuple[csr_matrix, np.ndarray]:
        """One concept-major matrix of ``parts`` (matrix, slots) at the current width, live slots only."""
        width = self.space.width
        matrices = []
        for matrix, _slots in parts:
            if matrix.shape[0] != width:  # concept columns added since it was made
                matrix = matrix.copy()
                matrix.resize((width, matrix.shape[1]))
            matrices.append(matrix)
        full = hstack(matrices, format="csr", dtype=np.float32)
        order = np.concatenate([slots for _matrix, slots in parts]).astype(np.int64)
        live = np.flatnonzero(self.attrs.alive[order])
        if len(live) < len(order):
            full = csr_matrix(full[:, live], dtype=np.float32)
        return full, order[live]

    def compact(self) -> None:
        """Merge the delta into the main matrix and drop removed candidates' slots."""
        parts = [(self._main, np.arange(self._main.shape[1])), *self._segments]
        if self._pending:
            parts.append(self._pending_matrix())
        self._main, keep = self._merged(parts)
        self.attrs.keep(keep)
        self._slot = {int(cid): i for i, cid in enumerate(self.attrs.ids[: self.attrs.size])}
        self._segments, self._pending, self._pending_cache = [], [], None

    def _pending_matrix(self) -> tuple[csr_matrix, np.ndarray]:
        """The pending rows' live candidates as a concept-major matrix and their slots (kept until a change)."""
        if self._pending_cache is None:
            width = self.space.width
            slots = np.concatenate([s for s, _rows in self._pending]) if self._pending else np.empty(0, np.int64)
            blocks = []
            for _slots, rows in self._pending:
                rows.resize((rows.shape[0], width))
                blocks.append(rows)
            stacked = (vstack(blocks, format="csr", dtype=np.float32) if blocks
                       else csr_matrix((0, width), dtype=np.float32))
            live = np.flatnonzero(self.attrs.alive[slots])
            if len(live) < len(slots):
                stacked, slots = stacked[live], slots[live]
            self._pending_cache = (_transpose(stacked), slots)
        return self._pending_cache

    def _parts(self) -> list[tuple[csr_matrix, np.ndarray | None]]:
        """The matrices a query reads: the main one (slots are its columns), the segments, the pending rows."""
        parts: list[tuple[csr_matrix, np.ndarray | None]] = [(self._main, None), *self._segments]
        if self._pending:
            parts.append(self._pending_matrix())
        return parts

    def raw_scores(self, cols: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(slots, scores) of every candidate with a non-zero dot product with the query."""
        out_slots, out_scores = [], []
        for matrix, slot_map in self._parts():
            inside = cols < matrix.shape[0]
            q = csr_matrix((vals[inside], (np.zeros(inside.sum(), np.int64), cols[inside])),
                           shape=(1, matrix.shape[0]), dtype=np.float32)
            r = q @ matrix
            out_slots.append(r.indices if slot_map is None else slot_map[r.indices])
            out_scores.append(r.data)
        return np.concatenate(out_slots).astype(np.int64), np.concatenate(out_scores)

    def holders(self, cols: np.ndarray) -> np.ndarray:
        """Slots holding each of the given columns, one entry per (column, slot) pair."""
        out = []
        for matrix, slot_map in self._parts():
            for col in cols[cols < matrix.shape[0]]:
                found = matrix.indices[matrix.indptr[col]: matrix.indptr[col + 1]]
                out.append(found if slot_map is None else slot_map[found])
        return np.concatenate(out).astype(np.int64) if out else np.empty(0, np.int64)

    def ranking(self, vacancy: VacancyDoc, top: int = 10, exclude: Iterable[int] = (),
                lookup: Callable[[int], CandidateDoc | None] | None = None,
                min_score: float = 0.0) -> tuple[list[Suggestion], int]:
        """The best `top` candidates scoring at least `min_score`, and how many candidates met
        the hard requirements and matched at all but scored below it."""
        query = self.space.query(vacancy, self.taxonomy)
        try:
            slots, raw = self.raw_scores(query.cols, query.vals)
            skip = {self._slot[c] for c in exclude if c in self._slot}
            chosen, scores, below = select(slots, raw, self.attrs, vacancy, query.parts, top, skip,
                                           self.holders(query.required_cols), query.n_required, min_score)
            ids = self.attrs.ids[chosen]
        finally:
            if self.release is not None:
                self.release()
        fetch = lookup or self.docs.get
        return suggestions(vacancy, [(int(i), float(s), fetch(int(i))) for i, s in zip(ids, scores)],
                           self.taxonomy), below

    def suggest(self, vacancy: VacancyDoc, top: int = 10, exclude: Iterable[int] = (),
                lookup: Callable[[int], CandidateDoc | None] | None = None,
                min_score: float = 0.0) -> list[Suggestion]:
        """Best `top` candidates for a vacancy, never one breaking a hard requirement; best first.

        Ties are broken by candidate id. Reasons come from the stored docs, or from `lookup` when
        given (an index built with store_docs=False gives no reasons without it).
        """
        return self.ranking(vacancy, top, exclude, lookup, min_score)[0]

    def eligible(self, vacancy: VacancyDoc, exclude: Iterable[int] = ()) -> int:
        """How many indexed candidates (not in `exclude`) meet the vacancy's hard requirements, whatever their score."""
        skip = [self._slot[c] for c in exclude if c in self._slot]
        ok = self.attrs.passes(slice(0, self.attrs.size), vacancy)  # alive ones only; no postings read
        if skip:
            ok[np.asarray(skip, dtype=np.int64)] = False
        return int(ok.sum())


def _chunks(first: list[CandidateDoc], rest: Iterator[CandidateDoc], size: int) -> Iterator[list[CandidateDoc]]:
    for i in range(0, len(first), size):
        yield first[i: i + size]
    while chunk := list(islice(rest, size)):
        yield chunk


def _no_doc(_candidate_id: int) -> None:
    return None


class LayeredIndex:
    """A read-only base index with a delta: candidates changed since the base was saved are hidden
    in the base and indexed again in the delta; rankings of both are merged (exact: a score
    depends on the candidate and the query only)."""

    def __init__(self, base: CandidateIndex) -> None:
        self.base = base
        self.delta = CandidateIndex(base.space, base.taxonomy)
        self.hidden: set[int] = set()  # ids in the base that changed or went

    @property
    def space(self) -> FeatureSpace:
        return self.base.space

    @property
    def taxonomy(self) -> Taxonomy | None:
        return self.base.taxonomy

    @taxonomy.setter
    def taxonomy(self, value: Taxonomy | None) -> None:
        self.base.taxonomy = self.delta.taxonomy = value

    def __len__(self) -> int:
        return len(self.base) - len(self.hidden) + len(self.delta)

    def __contains__(self, candidate_id: int) -> bool:
        return candidate_id in self.delta or (candidate_id in self.base and candidate_id not in self.hidden)

    def update(self, doc: CandidateDoc) -> None:
        """Index a changed or new candidate (in the delta)."""
        self.apply([doc])

    def apply(self, docs: Iterable[CandidateDoc], removed: Iterable[int] = ()) -> None:
        """Index changed and new candidates, vectorised in one go, then drop ``removed``: as `update`
        of each doc and `remove` of each id, in that order."""
        docs = list(docs)
        self.hidden.update(doc.id for doc in docs if doc.id in self.base)
        self.delta.update_many(docs)
        for candidate_id in removed:
            self.remove(candidate_id)

    def remove(self, candidate_id: int) -> None:
        """Drop a candidate (no longer active, or deleted)."""
        if candidate_id in self.base:
            self.hidden.add(candidate_id)
        self.delta.remove(candidate_id)

    def ranking(self, vacancy: VacancyDoc, top: int = 10, exclude: Iterable[int] = (),
                fetch: Callable[[list[int]], dict[int, CandidateDoc]] | None = None,
                min_score: float = 0.0) -> tuple[list[Suggestion], int]:
        """As CandidateIndex.ranking; reasons from the delta's docs, else from ``fetch(ids)``."""
        exclude = set(exclude)
        found: list[Suggestion] = []
        below = 0
        for part, skip in ((self.base, exclude | self.hidden), (self.delta, exclude)):
            if len(part):
                ranked, n = part.ranking(vacancy, top, skip, _no_doc, min_score)
                found += ranked
                below += n
        found = sorted(found, key=lambda s: (-s.score, s.candidate_id))[: max(0, top)]
        docs = {s.candidate_id: self.delta.docs[s.candidate_id] for s in found if s.candidate_id in self.delta.docs}
        missing = [s.candidate_id for s in found if s.candidate_id not in docs]
        if missing and fetch is not None:
            docs.update(fetch(missing))
        return suggestions(vacancy, [(s.candidate_id, s.score, docs.get(s.candidate_id)) for s in found],
                           self.taxonomy), below

    def suggest(self, vacancy: VacancyDoc, top: int = 10, exclude: Iterable[int] = (),
                fetch: Callable[[list[int]], dict[int, CandidateDoc]] | None = None,
                min_score: float = 0.0) -> list[Suggestion]:
        return self.ranking(vacancy, top, exclude, fetch, min_score)[0]

    def eligible(self, vacancy: VacancyDoc, exclude: Iterable[int] = ()) -> int:
        exclude = set(exclude)
        base = self.base.eligible(vacancy, exclude | self.hidden) if len(self.base) else 0
        return base + (self.delta.eligible(vacancy, exclude) if len(self.delta) else 0)
