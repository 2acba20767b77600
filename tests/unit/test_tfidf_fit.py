"""TfidfSpace: the linker's TF-IDF spaces fitted without scikit-learn, held to scikit-learn's own output."""
import subprocess
import sys
from functools import lru_cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.linker import Linker
from matching.linker_features import WordAnalyzer, joined_chars, prepare
from matching.text import word_counts
from matching.tfidf_fit import TfidfSpace, char_3_5, char_wb_3_5
from seed.taxonomy import load_all


@lru_cache(maxsize=1)
def label_texts() -> list[str]:
    """Every label and alias of the shipped taxonomy, as the linker fits them."""
    return [text.strip() for c in load_all() for text in (c.label, *c.aliases) if text.strip()]


def _pairs(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vocabulary = word_counts(texts)
    prepared = [prepare(t, vocabulary) for t in texts]
    joined = [joined_chars(p) for p in prepared]
    options = dict(sublinear_tf=True, dtype=np.float32)
    return [
        (prepared, char_wb_3_5, TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), **options)),
        (joined, char_3_5, TfidfVectorizer(analyzer="char", ngram_range=(3, 5), **options)),
        (prepared, WordAnalyzer(vocabulary), TfidfVectorizer(analyzer=WordAnalyzer(vocabulary), **options)),
    ]


def _same(ours, theirs) -> None:
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype == np.float32
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)
    assert np.array_equal(ours.data, theirs.data)


@pytest.mark.parametrize("space", [0, 1, 2], ids=["char_wb", "char", "words"])
def test_fit_on_the_taxonomy_is_scikit_learns_to_the_bit(space: int) -> None:
    texts, analyze, vectorizer = _pairs(label_texts())[space]
    fitted, rows = TfidfSpace.fit(texts, analyze)
    expected = vectorizer.fit_transform(texts)
    assert {feature.decode(): column for column, feature in enumerate(fitted.features)} == vectorizer.vocabulary_
    assert fitted.idf_.dtype == vectorizer.idf_.dtype and np.array_equal(fitted.idf_, vectorizer.idf_)
    _same(rows, expected)  # the same entries in the same order within each row
    queries = [prepare(t) for t in ("heftrukc", "Orderpikker in een magazijn", "", "werkt graag in een team")]
    queries = [joined_chars(q) for q in queries] if space == 1 else queries
    _same(fitted.transform(queries), vectorizer.transform(queries))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
def test_any_texts_give_the_same_char_features(texts: list[str]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    assert [char_3_5(t) for t in texts] == [TfidfVectorizer(analyzer="char", ngram_range=(3, 5)).build_analyzer()(t)
                                             for t in texts]
    assert [char_wb_3_5(t) for t in texts] == [
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()(t) for t in texts]


def test_nothing_to_fit_is_refused() -> None:
    with pytest.raises(ValueError, match="empty vocabulary"):
        TfidfSpace.fit(["", "ab"], char_3_5)


def test_building_a_linker_and_linking_imports_no_scikit_learn() -> None:
    script = """
import sys
from matching.linker import Linker
linker = Linker([{"id": "1", "kind": "skill", "label": "heftruck", "aliases": ["vorkheftruck"]},
                 {"id": "2", "kind": "skill", "label": "reachtruck"}])
assert linker.link("heftrukc", top=1)[0].concept_id == "1"
print(sorted(m for m in sys.modules if m == "sklearn" or m.startswith("sklearn.")))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_linker_still_pickles() -> None:
    import pickle

    linker = Linker([{"id": "1", "kind": "skill", "label": "heftruck"}, {"id": "2", "kind": "skill", "label": "kok"}])
    assert pickle.loads(pickle.dumps(linker)).link("heftruk", top=1)[0].concept_id == "1"
