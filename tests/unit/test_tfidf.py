"""FittedTfidf: a snapshot's TF-IDF without scikit-learn, held to scikit-learn's own output."""
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching.space import _vectorizer
from matching.tfidf import FittedTfidf

TEXTS = [
    "Ervaren heftruckchauffeur met VCA, zoekt werk in logistiek en magazijn",
    "Medewerker schoonmaak: kantoren, sanitair, hygiëne volgens HACCP",
    "Kok in een Italiaans restaurant; café en catering, 24-32 uur per week",
    "CONCIËRGE / huismeester — onderhoud, kleine reparaties, sleutelbeheer",
    "Zorgassistent in de thuiszorg: ADL, huishoudelijke hulp, wondzorg",
    "Orderpicker met reachtruck-certificaat, ploegendienst geen probleem",
    "Administratief medewerker, Excel, boekhouding, klantcontact per telefoon",
    "Straße in İstanbul ﬁets ǅ œuvre — tekens die NFKD anders schrijft",
] * 3


def _sklearn(analyzer: str):
    from sklearn.feature_extraction.text import TfidfVectorizer

    options = {"analyzer": "char_wb", "ngram_range": (3, 5)} if analyzer == "char_wb" else {"stop_words": ["de", "en", "in"]}
    return TfidfVectorizer(sublinear_tf=True, dtype=np.float32, strip_accents="unicode", **options).fit(TEXTS)


@pytest.mark.parametrize("analyzer", ["char_wb", "word"])
def test_transform_is_scikit_learns_to_the_bit(analyzer: str) -> None:
    fitted = _sklearn(analyzer)
    ours = FittedTfidf.of(fitted)
    texts = [*TEXTS, "", "  a  ", "onbekende woorden zonder één bekend gram", "Heftruck heftruck HEFTRUCK"]
    expected, got = fitted.transform(texts), ours.transform(texts)
    expected.sort_indices()
    assert got.shape == expected.shape and got.dtype == np.float32
    assert np.array_equal(got.indptr, expected.indptr) and np.array_equal(got.indices, expected.indices)
    assert np.array_equal(got.data, expected.data)
    assert [ours.build_analyzer()(t) for t in texts] == [fitted.build_analyzer()(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gives_the_same_features_and_weights(text: str) -> None:
    fitted = _sklearn("char_wb")
    ours = FittedTfidf.of(fitted)
    assert ours.build_analyzer()(text) == fitted.build_analyzer()(text)
    expected = fitted.transform([text])
    assert np.array_equal(ours.transform([text]).toarray(), expected.toarray())


def test_the_space_keeps_no_scikit_learn_object() -> None:
    vec = _vectorizer(TEXTS, "char_wb")
    assert type(vec) is FittedTfidf


def test_other_settings_are_refused_not_mapped_differently() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    with pytest.raises(ValueError, match="char_wb or word"):
        FittedTfidf.of(TfidfVectorizer(analyzer="char", sublinear_tf=True, strip_accents="unicode").fit(TEXTS))


def test_mapping_a_snapshot_and_ranking_imports_no_scikit_learn(tmp_path) -> None:
    """What a web worker does for its first suggestions: restore a snapshot's space (the pickled
    vectorizers and concept columns it saves) and map texts and a vacancy into it."""
    import pickle

    from matching.space import FeatureSpace

    vectorizers, columns = FeatureSpace(TEXTS, [t.split(",")[0] for t in TEXTS]).state()
    (tmp_path / "space.pickle").write_bytes(pickle.dumps((vectorizers, columns)))
    script = f"""
import pickle, sys
from matching.space import FeatureSpace
vectorizers, columns = pickle.loads(open({str(tmp_path / "space.pickle")!r}, "rb").read())
space = FeatureSpace.restore(vectorizers, columns)
assert space.text_rows(["heftruckchauffeur in het magazijn"]).nnz > 0
print("sklearn" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
