"""The labelled evaluation set and the evaluation: valid data, no hard-requirement breaks, beats a baseline."""

import json
from functools import lru_cache

from jsonschema import Draft202012Validator

from bench.quality.evaluate_matching import DATA, broken_requirements, evaluate, load, ndcg, split
from models.importing.validate import schema


@lru_cache(maxsize=1)
def result() -> dict:
    return evaluate()


def test_the_set_is_valid_import_data_with_judgements_for_every_vacancy() -> None:
    data = json.loads((DATA / "dataset.json").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema()).iter_errors(data)) == []
    assert len(data["vacancies"]) >= 40 and len(data["candidates"]) >= 600
    _, qrels = load()
    ids = {c["external_id"] for c in data["candidates"]}
    assert {v["external_id"] for v in data["vacancies"]} == set(qrels)
    assert all(c in ids and 0 <= g <= 3 for judged in qrels.values() for c, g in judged.items())
    assert all(sum(g >= 2 for g in judged.values()) >= 5 for judged in qrels.values())


def test_some_good_looking_candidates_break_a_hard_requirement() -> None:
    data, qrels = load()
    cands = {c["external_id"]: c for c in data["candidates"]}
    kinds = {b for v in data["vacancies"] for c, g in qrels[v["external_id"]].items() if g == 0
             for b in broken_requirements(v, cands[c])}
    assert kinds == {"licence", "distance", "hours", "availability"}


def test_ndcg_is_one_for_the_ideal_order_and_lower_for_a_worse_one() -> None:
    judged = {"a": 3, "b": 1, "c": 2}
    assert ndcg(["a", "c", "b"], judged) == 1.0
    assert ndcg(["b", "c", "a"], judged) < ndcg(["a", "b", "c"], judged) < 1.0
    assert ndcg(["x"], {}) == 0.0


def test_matcher_never_breaks_a_hard_requirement_and_beats_both_baselines() -> None:
    figures = result()["parts"]["all"]
    engine = figures["werkbrug"]
    assert engine["breaks"] == 0, engine["broken"][:5]
    assert figures["unfiltered"]["breaks"] > 0  # the check itself can fail: the unfiltered baseline breaks many
    assert figures["word_tfidf"]["breaks"] == figures["char_tfidf"]["breaks"] == 0
    assert engine["ndcg10"] > figures["unfiltered"]["ndcg10"]
    assert engine["ndcg10"] >= figures["word_tfidf"]["ndcg10"] + 0.03
    assert engine["ndcg10"] >= figures["char_tfidf"]["ndcg10"] + 0.03


def test_the_independent_set_is_split_in_two_halves_of_its_vacancies() -> None:
    directory = DATA.parent / "matching_independent"
    data, qrels = load(directory)
    halves = split(directory)
    assert set(halves) == {"tune", "heldout"} and not halves["tune"] & halves["heldout"]
    assert halves["tune"] | halves["heldout"] == {v["external_id"] for v in data["vacancies"]} == set(qrels)
    assert len(data["vacancies"]) >= 40 and len(data["candidates"]) >= 800
