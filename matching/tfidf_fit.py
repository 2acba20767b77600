"""Fitting the linker's TF-IDF spaces without scikit-learn, to scikit-learn's bit.

An import links wordings with ``matching.linker.Linker``; importing scikit-learn for its
``TfidfVectorizer`` cost that process ~68 MB of its peak memory (and ~1 s), and its fit kept every
entry of the label matrix as a Python int for a while (~65 MB more for the 24,000 occupation labels).
``TfidfSpace.fit`` does what ``TfidfVectorizer(analyzer=..., sublinear_tf=True, dtype=np.float32)``
does with its other settings at their defaults (lower case for the built-in analyzers, no accent
stripping, every feature kept): features sorted by name, smoothed idf, the same float32 arithmetic.
``tests/unit/test_tfidf_fit.py`` holds it to scikit-learn's output on the demo taxonomy.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from matching.postings import Rows
from matching.tfidf import char_wb_grams, weigh

if TYPE_CHECKING:  # scipy.sparse: imported by the fitting only; a query's rows are numpy (matching/postings.py)
    from scipy.sparse import csr_matrix

_WHITE_SPACES = re.compile(r"\s\s+")


def char_wb_3_5(text: str) -> list[str]:
    """scikit-learn's ``analyzer="char_wb", ngram_range=(3, 5)`` (lower case, accents kept)."""
    return char_wb_grams(text.lower(), 3, 5)


def char_3_5(text: str) -> list[str]:
    """scikit-learn's ``analyzer="char", ngram_range=(3, 5)``: n-grams across word boundaries."""
    text = _WHITE_SPACES.sub(" ", text.lower())
    size = len(text)
    return [text[i:i + n] for n in range(3, min(6, size + 1)) for i in range(size - n + 1)]


@dataclass
class TfidfSpace:
    """A fitted TF-IDF space: ``features`` (their names, sorted: a feature's column is its place),
    ``idf_`` and the analyzer.

    The names are one numpy byte-string array searched with ``np.searchsorted`` rather than a
    dict: the occupation labels' 150,000 features took 13 MB as a dict, 8 MB as a unicode array
    (4 bytes a character, every name as long as the longest word bigram) and take 2 MB so. The
    linker's texts are prepared (``[a-z0-9 ]`` only), so every feature is ASCII (sorted as the
    strings are; anything else raises UnicodeEncodeError) and none ends in a NUL, which numpy's
    strings would drop.
    """

    features: np.ndarray
    idf_: np.ndarray
    analyze: Callable[[str], Iterable[str]]

    @classmethod
    def fit(cls, texts: Sequence[str], analyze: Callable[[str], Iterable[str]]) -> tuple[TfidfSpace, csr_matrix]:
        """The space of ``texts`` and their rows, as ``TfidfVectorizer.fit_transform`` gives them.

        Raises ValueError when no text has a feature.
        """
        from scipy.sparse import csr_matrix

        vocabulary: dict[str, int] = {}
        indices, counts, indptr = array("i"), array("i"), array("q", [0])  # 4 bytes an entry, not a Python int
        for text in texts:
            row: dict[int, int] = {}
            for feature in analyze(text):
                col = vocabulary.get(feature)
                if col is None:
                    col = vocabulary[feature] = len(vocabulary)
                row[col] = row.get(col, 0) + 1
            indices.extend(row)
            counts.extend(row.values())
            indptr.append(len(indices))
        if not vocabulary:
            raise ValueError("empty vocabulary")
        n_texts = len(indptr) - 1
        matrix = csr_matrix((np.frombuffer(counts, dtype=np.int32).astype(np.float32),
                             np.frombuffer(indices, dtype=np.int32).copy(), np.asarray(indptr, dtype=np.int32)),
                            shape=(n_texts, len(vocabulary)))
        del indices, counts
        matrix.sort_indices()
        # Columns in the order of the features' names; each row keeps the order of first appearance,
        # as scikit-learn's (it re-numbers the columns after sorting the rows).
        names = sorted(vocabulary)
        renumber = np.empty(len(names), dtype=np.int32)
        for new, feature in enumerate(names):
            renumber[vocabulary[feature]] = new
        del vocabulary
        matrix.indices = renumber.take(matrix.indices)
        df = np.bincount(matrix.indices, minlength=len(names)).astype(np.float32)
        df += 1.0  # smooth_idf: one more text that has every feature
        idf = np.full_like(df, fill_value=n_texts + 1, dtype=np.float32)
        idf /= df
        np.log(idf, out=idf)
        idf += 1.0
        return cls(np.array(names, dtype=np.bytes_), idf, analyze), weigh(matrix, idf)

    def __len__(self) -> int:
        return len(self.features)

    def transform(self, texts: Iterable[str]) -> csr_matrix:
        """TF-IDF rows of ``texts`` over the fitted features (others ignored), columns sorted."""
        return self.rows(texts).csr()

    def rows(self, texts: Iterable[str]) -> Rows:
        """What ``transform`` gives, as numpy arrays (no scipy)."""
        found: list[str] = []
        owners: list[int] = []
        n_texts = 0
        for n_texts, text in enumerate(texts, start=1):
            features = self.analyze(text)
            found.extend(features)
            owners.extend([n_texts - 1] * len(features))
        n_features = len(self.features)
        keys = np.zeros(0, dtype=np.int64)
        counts = np.zeros(0, dtype=np.int64)
        if found:
            wanted = np.array(found, dtype=np.bytes_)
            at = np.searchsorted(self.features, wanted)
            at[at == n_features] = 0
            hit = self.features[at] == wanted
            keys, counts = np.unique(np.asarray(owners, dtype=np.int64)[hit] * n_features + at[hit],
                                     return_counts=True)
        rows, columns = np.divmod(keys, n_features)
        matrix = Rows(counts.astype(np.float32), columns.astype(np.int32),
                      np.searchsorted(rows, np.arange(n_texts + 1)).astype(np.int32), (n_texts, n_features))
        return weigh(matrix, self.idf_)
