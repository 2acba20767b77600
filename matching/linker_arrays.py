"""What a fitted Linker reads when it links, as plain arrays: fitted once per taxonomy, saved, mapped.

Fitting the occupations' TF-IDF spaces (24,000 labels) was an import's peak memory (issue 18).
``LinkerArrays.fit`` does that fitting; everything it gives is numpy arrays (feature names, idf,
the features x labels matrix's parts, per-label owners, per-concept kinds) plus the word
vocabulary, so it can be written as ``.npy`` files and memory-mapped by the next process
(models/taxonomy/linker_files.py) instead of fitted again.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np

from matching.linker_features import WordAnalyzer, joined_chars, prepare
from matching.postings import Postings
from matching.text import word_counts
from matching.tfidf import l2_normalise
from matching.tfidf_fit import TfidfSpace, char_3_5, char_wb_3_5

if TYPE_CHECKING:  # scipy.sparse: the fitting's only; linking reads the matrix with numpy (matching/postings.py)
    from scipy import sparse

SPACES = ("char", "joined", "word")  # the matrix's row blocks, in this order


class ConceptLike(Protocol):
    id: str
    kind: str
    label: str
    aliases: tuple[str, ...]


class Strings(Sequence[str]):
    """Texts as one UTF-8 byte array and offsets (both may be memory-mapped); decoded when read."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray) -> None:
        self.blob, self.offsets = blob, offsets

    @classmethod
    def of(cls, texts: Iterable[str]) -> Strings:
        encoded = [t.encode("utf-8") for t in texts]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        start, end = self.offsets[index], self.offsets[index + 1]
        return self.blob[start:end].tobytes().decode("utf-8")


@dataclass
class LinkerArrays:
    """A fitted linker's data. Labels are in concept order (concepts sorted by id), a concept's
    preferred label first; ``owner`` is each label's concept index."""

    concept_ids: Sequence[str]
    concept_labels: Sequence[str]
    kinds: np.ndarray
    label_texts: Sequence[str]
    joined_labels: Sequence[str]  # each label prepared and without spaces: the typo repair's strings
    owner: np.ndarray
    vocabulary: dict[str, int]  # word counts over the labels: what compound splitting trusts
    spaces: dict[str, TfidfSpace]
    matrix: Postings  # features (the spaces' in SPACES order) x labels, L2-normalised rows per label

    @classmethod
    def fit(cls, concepts: Sequence[ConceptLike]) -> LinkerArrays:
        """Fit the three TF-IDF spaces on the labels and aliases of ``concepts`` (sorted by id, non-empty labels)."""
        texts: list[str] = []
        owner: list[int] = []
        seen: set[tuple[int, str]] = set()
        for index, concept in enumerate(concepts):
            for text in (concept.label, *concept.aliases):
                key = (index, text.strip().casefold())
                if text.strip() and key not in seen:
                    seen.add(key)
                    texts.append(text.strip())
                    owner.append(index)
        vocabulary = word_counts(texts)
        prepared = [prepare(t, vocabulary) for t in texts]
        joined = [joined_chars(p) for p in prepared]
        spaces, matrix = _fit_spaces(prepared, joined, vocabulary)
        return cls([c.id for c in concepts], [c.label for c in concepts], np.asarray([c.kind for c in concepts]),
                   texts, joined, np.asarray(owner, dtype=np.int64), vocabulary, spaces, Postings.of(matrix))

    @staticmethod
    def space(name: str, features: np.ndarray, idf: np.ndarray, vocabulary: dict[str, int]) -> TfidfSpace:
        """A saved space with its analyzer (which is code, so not saved)."""
        analyze = {"char": char_wb_3_5, "joined": char_3_5}.get(name) or WordAnalyzer(vocabulary)
        return TfidfSpace(features, idf, analyze)


def _fit_spaces(prepared: list[str], joined: list[str], vocabulary: dict[str, int]
                ) -> tuple[dict[str, TfidfSpace], sparse.csr_matrix]:
    """Features x labels: the three TF-IDF spaces fitted on the labels (scikit-learn's
    TfidfVectorizer with sublinear tf, without importing it: matching/tfidf_fit.py).

    Each block is transposed on its own and the blocks stacked, rather than the labels x
    features matrix built and then transposed: the same rows (labels in order within each
    feature), without two whole copies alive at once (the occupations' is 26 MB).
    """
    from scipy import sparse

    spaces: dict[str, TfidfSpace] = {}
    blocks = []
    for name, texts, analyze in (("char", prepared, char_wb_3_5), ("joined", joined, char_3_5),
                                 ("word", prepared, WordAnalyzer(vocabulary))):
        spaces[name], rows = TfidfSpace.fit(texts, analyze)
        blocks.append(l2_normalise(rows).tocsc().T)
        del rows
    return spaces, sparse.vstack(blocks, format="csr")
