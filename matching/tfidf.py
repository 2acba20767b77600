"""TF-IDF of new texts over a vocabulary fitted by scikit-learn, without importing scikit-learn.

A web worker maps the matcher's snapshot and only has to turn a vacancy, or a candidate changed
since the snapshot, into the snapshot's columns. ``FittedTfidf`` holds what that needs from a fitted
``TfidfVectorizer`` (vocabulary, idf, analyzer settings) and transforms the way it does (lower case,
accents stripped, character n-grams within words or words without stop words, sublinear tf, idf,
L2 norm, float32), so the worker never pays scikit-learn's ~1.2 s import and ~60 MB, and the snapshot
pickles plain data. ``tests/unit/test_tfidf.py`` holds it to scikit-learn's output.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # imported where rows are built: weigh and l2_normalise take matching.postings.Rows too
    from scipy.sparse import csr_matrix

_WHITE_SPACES = re.compile(r"\s\s+")


def strip_accents(text: str) -> str:
    """scikit-learn's ``strip_accents="unicode"``: NFKD, combining marks dropped (ASCII as it is)."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def char_wb_grams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside words, each word padded with a space (scikit-learn's ``char_wb``)."""
    grams: list[str] = []
    append = grams.append
    for word in _WHITE_SPACES.sub(" ", text).split():
        word = f" {word} "
        length = len(word)
        for n in range(low, high + 1):
            offset = 0
            append(word[offset:offset + n])
            while offset + n < length:
                offset += 1
                append(word[offset:offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return grams


@dataclass
class FittedTfidf:
    """The transform half of a fitted ``TfidfVectorizer`` (sublinear tf, L2 norm, accents stripped)."""

    vocabulary_: dict[str, int]
    idf_: np.ndarray
    analyzer: str  # "char_wb" or "word"
    ngram_range: tuple[int, int]
    stop_words: frozenset[str]
    token_pattern: str

    @classmethod
    def of(cls, vectorizer) -> FittedTfidf:
        """The fitted parts of ``vectorizer`` (a scikit-learn ``TfidfVectorizer`` or a ``FittedTfidf``)."""
        if isinstance(vectorizer, cls):
            return vectorizer
        if (vectorizer.analyzer not in ("char_wb", "word") or not vectorizer.sublinear_tf
                or vectorizer.norm != "l2" or not vectorizer.use_idf or not vectorizer.lowercase
                or vectorizer.strip_accents != "unicode" or vectorizer.preprocessor or vectorizer.tokenizer):
            raise ValueError("FittedTfidf covers char_wb or word TF-IDF with sublinear tf, l2 norm, "
                             "lower case and strip_accents='unicode' only")
        return cls({str(term): int(col) for term, col in vectorizer.vocabulary_.items()},
                   np.asarray(vectorizer.idf_), vectorizer.analyzer, tuple(vectorizer.ngram_range),
                   frozenset(vectorizer.get_stop_words() or ()), vectorizer.token_pattern)

    def build_analyzer(self) -> Callable[[str], list[str]]:
        """The text -> features function, as scikit-learn's ``build_analyzer`` gives it."""
        low, high = self.ngram_range
        if self.analyzer == "char_wb":
            return lambda text: char_wb_grams(strip_accents(text.lower()), low, high)
        pattern, stop = re.compile(self.token_pattern), self.stop_words

        def words(text: str) -> list[str]:
            tokens = [t for t in pattern.findall(strip_accents(text.lower())) if t not in stop]
            if (low, high) == (1, 1):
                return tokens
            grams = tokens[:] if low == 1 else []
            for n in range(max(low, 2), min(high, len(tokens)) + 1):
                grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
            return grams

        return words

    def transform(self, texts: Iterable[str]) -> csr_matrix:
        """TF-IDF rows (CSR, float32, L2-normalised) over the fitted vocabulary; unknown features are ignored."""
        return tfidf_rows(texts, self.build_analyzer(), self.vocabulary_, self.idf_)


def tfidf_rows(texts: Iterable[str], analyze: Callable[[str], Iterable[str]], vocabulary: dict[str, int],
               idf: np.ndarray) -> csr_matrix:
    """What a fitted ``TfidfVectorizer(sublinear_tf=True, dtype=np.float32)``'s ``transform`` gives:
    counts of the features of ``vocabulary`` (others ignored), columns sorted, weighted by ``weigh``."""
    from scipy.sparse import csr_matrix

    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for text in texts:
        row: dict[int, int] = {}
        for feature in analyze(text):
            col = vocabulary.get(feature)
            if col is not None:
                row[col] = row.get(col, 0) + 1
        indices.extend(row)
        counts.extend(row.values())
        indptr.append(len(indices))
    matrix = csr_matrix((np.asarray(counts, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                         np.asarray(indptr, dtype=np.int32)), shape=(len(indptr) - 1, len(idf)), dtype=np.float32)
    matrix.sort_indices()
    return weigh(matrix, idf)


def weigh(counts: csr_matrix, idf: np.ndarray) -> csr_matrix:
    """scikit-learn's TfidfTransformer (sublinear tf, then idf, then L2) on float32 ``counts``, in place."""
    data = counts.data
    np.log(data, data)
    data += 1.0
    data *= idf[counts.indices]
    return l2_normalise(counts)


def l2_normalise(matrix: csr_matrix) -> csr_matrix:
    """Rows scaled to unit length in place, as scikit-learn's ``normalize`` (empty rows stay empty)."""
    data = matrix.data
    lengths = np.diff(matrix.indptr)
    filled = lengths > 0
    if filled.any():  # sums of squares in float64 and the division in float64, as scikit-learn's normalize
        sums = np.add.reduceat((data * data).astype(np.float64), matrix.indptr[:-1][filled])
        norms = np.sqrt(sums)
        norms[norms == 0] = 1.0
        data /= np.repeat(norms, lengths[filled])
    return matrix
