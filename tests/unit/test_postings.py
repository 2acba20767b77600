"""The linker's numpy scoring (matching/postings.py) gives scipy's sparse product to the bit."""

import random
from functools import lru_cache

import numpy as np
from scipy import sparse

from matching.linker import CHUNK, Linker
from matching.linker_features import joined_chars, prepare
from matching.postings import Postings, Rows, hstack
from matching.tfidf import l2_normalise
from seed.taxonomy import load_all


@lru_cache(maxsize=1)
def linker() -> Linker:
    return Linker(load_all())


def wordings(n: int) -> list[str]:
    """Labels and aliases of the shipped taxonomy, each also with one letter dropped (a typo)."""
    rng = random.Random(18)
    found = ["", "x", "heftruk", "orderpikker", "schoonmaak werk", "zweefvlieger", "Ä§!"]
    for concept in load_all():
        for text in (concept.label, *concept.aliases):
            found.append(text)
            at = rng.randrange(len(text))
            found.append(text[:at] + text[at + 1:])
    return rng.sample(found, n)


def test_scores_are_scipys_product_bit_for_bit() -> None:
    built = linker()
    cfg = built.config
    matrix = built.arrays.matrix.csr()
    words = wordings(3000)
    for offset in range(0, len(words), CHUNK):
        prepared = [prepare(w, built.vocabulary) for w in words[offset:offset + CHUNK]]
        joined = [joined_chars(p) for p in prepared]
        blocks = [built._char.transform(prepared), built._joined.transform(joined), built._word.transform(prepared)]
        weights = (cfg.char_weight, cfg.joined_weight, cfg.word_weight)  # as the linker did with scipy
        expected_query = sparse.hstack([l2_normalise(b) * w for b, w in zip(blocks, weights)], format="csr")
        query = built._stack(prepared)
        assert np.array_equal(query.indptr, expected_query.indptr)
        assert np.array_equal(query.indices, expected_query.indices)
        assert query.data.dtype == np.float32 and query.data.tobytes() == expected_query.data.tobytes()
        expected = (expected_query @ matrix).toarray()
        got = built.arrays.matrix.scores(query)
        assert got.dtype == expected.dtype == np.float32
        assert got.tobytes() == expected.tobytes(), words[offset:offset + CHUNK]


def test_hstack_and_scores_on_small_rows() -> None:
    a = sparse.random(5, 7, density=0.4, format="csr", dtype=np.float32, random_state=1)
    b = sparse.random(5, 3, density=0.5, format="csr", dtype=np.float32, random_state=2)
    stacked = hstack([Rows(m.data, m.indices, m.indptr, m.shape) for m in (a, b)], (0.5, 0.25))
    assert np.array_equal(stacked.toarray(), sparse.hstack([a * 0.5, b * 0.25]).toarray())
    matrix = sparse.random(10, 6, density=0.5, format="csr", dtype=np.float32, random_state=3)
    got = Postings.of(matrix).scores(stacked)
    assert got.tobytes() == (stacked.csr() @ matrix).toarray().tobytes()


def test_labels_saved_as_uint16_score_the_same() -> None:
    """models/taxonomy/linker_files.py saves a matrix's label columns as uint16 when they fit."""
    built = linker()
    matrix = built.arrays.matrix
    narrow = Postings(matrix.data, matrix.indices.astype(np.uint16), matrix.indptr, matrix.shape)
    prepared = [prepare(w, built.vocabulary) for w in wordings(CHUNK)]
    query = built._stack(prepared)
    assert narrow.scores(query).tobytes() == matrix.scores(query).tobytes()
    assert (narrow.csr() != matrix.csr()).nnz == 0
