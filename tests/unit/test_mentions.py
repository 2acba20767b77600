"""Concepts named in free text: found with the linker, weaker than listed skills, glue words ignored."""

from bench.quality.eval_mapping import taxonomy_linker
from matching.mentions import DISCOUNT, mentions, mentions_many, phrases


def linker():
    return taxonomy_linker()[0]


def test_phrases_skip_glue_words_and_keep_longest_first() -> None:
    runs = phrases("Ik heb op de heftruck gereden")
    assert runs[0] == "heftruck gereden"
    assert "heftruck" in runs and "ik" not in runs and "op de" not in runs


def test_a_misspelt_skill_in_a_sentence_is_found_with_a_discount() -> None:
    found = mentions("Ik heb met een heftruk gewerkt.", linker())
    assert [m.concept_id for m in found] == ["heftruck"]
    assert found[0].words == "heftruk" and found[0].confidence <= DISCOUNT


def test_occupations_are_found_when_asked_for_and_vague_text_gives_nothing() -> None:
    found = mentions("Eerder gewerkt als verkoopster.", linker(), kind="occupation")
    assert [m.words for m in found] == ["verkoopster"]
    assert mentions("Diverse baantjes via het uitzendbureau.", linker()) == []


def test_batch_gives_the_same_as_one_by_one() -> None:
    texts = ["Ik heb achter de kassa gestaan.", "", "Ik heb gras gemaaid met een zitmaaier."]
    assert mentions_many(texts, linker()) == [mentions(t, linker()) for t in texts]
