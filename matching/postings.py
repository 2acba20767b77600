"""Sparse rows and the linker's features x labels matrix as plain numpy arrays, without scipy.sparse.

An import links wordings against a saved, memory-mapped linker (matching/linker_arrays.py);
importing scipy.sparse for its CSR product took that process 22 MB (issue 18). ``Rows`` are a few
query rows in CSR form; ``Postings`` is the matrix as CSR parts, one row a feature (n-gram or word)
listing the labels that have it, so a query reads only its own features' rows. ``Postings.scores``
gives what scipy's ``(rows @ matrix).toarray()`` gives, to the bit: each product in float32, each
label's sum in float32 in the order of the query's features (scipy's ``csr_matmat``), which
``tests/unit/test_postings.py`` holds it to.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass
class Rows:
    """CSR parts of ``shape[0]`` rows; ``weigh`` and ``l2_normalise`` (matching/tfidf.py) take these too."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    def toarray(self) -> np.ndarray:
        dense = np.zeros(self.shape, dtype=self.data.dtype)
        dense[np.repeat(np.arange(self.shape[0]), np.diff(self.indptr)), self.indices] = self.data
        return dense

    def csr(self):
        """The same rows as a scipy ``csr_matrix`` (imports scipy)."""
        from scipy.sparse import csr_matrix

        return csr_matrix((self.data, self.indices, self.indptr), shape=self.shape, copy=False)


def hstack(blocks: Sequence[Rows], weights: Sequence[float]) -> Rows:
    """The blocks side by side, each one's data times its weight (in its dtype), as
    ``scipy.sparse.hstack([b * w ...], format="csr")`` orders them: per row, block by block."""
    n_rows = blocks[0].shape[0]
    data, columns, owners = [], [], []
    offset = 0
    for block, weight in zip(blocks, weights):
        data.append(block.data * weight)
        columns.append(block.indices.astype(np.int64) + offset)
        owners.append(np.repeat(np.arange(n_rows), np.diff(block.indptr)))
        offset += block.shape[1]
    order = np.argsort(np.concatenate(owners), kind="stable")
    counts = sum(np.diff(b.indptr) for b in blocks)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return Rows(np.concatenate(data)[order], np.concatenate(columns)[order], indptr, (n_rows, offset))


@dataclass
class Postings:
    """Features x labels in CSR parts (``data`` float32, ``indices`` the labels), maybe memory-mapped."""

    data: np.ndarray
    indices: np.ndarray
    indptr: np.ndarray
    shape: tuple[int, int]

    @classmethod
    def of(cls, matrix) -> Postings:
        """The parts of a scipy CSR matrix (or anything with them)."""
        return cls(matrix.data, matrix.indices, matrix.indptr, tuple(matrix.shape))

    def csr(self):
        """The matrix as a scipy ``csr_matrix`` over the same arrays (imports scipy)."""
        from scipy.sparse import csr_matrix

        return csr_matrix((self.data, self.indices, self.indptr), shape=self.shape, copy=False)

    def scores(self, rows: Rows) -> np.ndarray:
        """Dense rows x labels: each label's sum of query weight x label weight over the row's
        features, in float32, the features in the row's order (so bit for bit scipy's product)."""
        n_labels = self.shape[1]
        block = np.zeros((rows.shape[0], n_labels), dtype=np.float32)
        for row in range(rows.shape[0]):
            start, end = rows.indptr[row], rows.indptr[row + 1]
            if start == end:
                continue
            features = rows.indices[start:end]
            firsts = self.indptr[features].astype(np.int64)
            lengths = self.indptr[features + 1] - firsts
            total = int(lengths.sum())
            if not total:
                continue
            # positions of every posting of the row's features, feature by feature
            skip = np.cumsum(lengths) - lengths - firsts
            positions = np.arange(total, dtype=np.int64) - np.repeat(skip, lengths)
            products = self.data[positions] * np.repeat(rows.data[start:end].astype(np.float32), lengths)
            np.add.at(block[row], self.indices[positions], products)  # in order: the sums scipy's are
        return block
