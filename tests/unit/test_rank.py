"""Ranking: hard requirements exclude, scores order sensibly, results are deterministic."""
from datetime import date

import numpy as np
import pytest

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.geo import locate_place
from matching.index import CandidateIndex
from matching.rank import COMPLETE_BONUS, VacancyIndex, top_k

HEFTRUCK, ORDERPICKEN, VCA, KASSA = 1, 2, 3, 4
MAGAZIJN, LOGISTIEK, VERKOOP = 10, 11, 12
TAX = Taxonomy(labels={HEFTRUCK: "heftruck rijden", ORDERPICKEN: "orderpicken", VCA: "VCA",
                       KASSA: "kassawerk", MAGAZIJN: "magazijnmedewerker", LOGISTIEK: "logistiek medewerker",
                       VERKOOP: "verkoopmedewerker"},
               related={MAGAZIJN: {LOGISTIEK: 0.6}})
DRONTEN, LELYSTAD, APELDOORN = locate_place("Dronten"), locate_place("Lelystad"), locate_place("Apeldoorn")


def cand(cid, **kw):
    kw.setdefault("concepts", {HEFTRUCK: 1.0})
    return CandidateDoc(cid, **kw)


def vac(**kw):
    kw.setdefault("required", {HEFTRUCK: 1.0})
    return VacancyDoc(99, **kw)


def ids(index, vacancy, **kw):
    return [s.candidate_id for s in index.suggest(vacancy, **kw)]


@pytest.mark.parametrize("field,vacancy,breaks,meets,unknown", [
    ("licence", vac(licence="CE"), dict(licences=frozenset({"B"})), dict(licences=frozenset({"B", "CE"})),
     dict(licences=None)),
    ("travel", vac(point=DRONTEN), dict(point=APELDOORN, max_travel_km=30), dict(point=LELYSTAD, max_travel_km=30),
     dict(point=APELDOORN)),
    ("hours", vac(hours_min=32, hours_max=40), dict(hours_min=8, hours_max=16), dict(hours_min=16, hours_max=32),
     dict()),
    ("availability", vac(start_date=date(2026, 3, 1)), dict(available_from=date(2026, 4, 1)),
     dict(available_from=date(2026, 3, 1)), dict()),
])
def test_each_hard_requirement_excludes_only_with_data_on_both_sides(field, vacancy, breaks, meets, unknown):
    index = CandidateIndex.build([cand(1, **breaks), cand(2, **meets), cand(3, **unknown)], TAX)
    assert ids(index, vacancy) == [2, 3]
    bare = VacancyDoc(99, required={HEFTRUCK: 1.0})  # the vacancy gives no data: nobody excluded
    assert ids(index, bare) == [1, 2, 3]


def test_empty_licence_set_means_none_and_excludes():
    index = CandidateIndex.build([cand(1, licences=frozenset())], TAX)
    assert ids(index, vac(licence="B")) == []


def test_distance_uses_the_travel_limit_of_the_candidate():
    near = cand(1, point=DRONTEN, max_travel_km=5)
    index = CandidateIndex.build([near, cand(2, point=LELYSTAD, max_travel_km=15)], TAX)
    assert ids(index, vac(point=DRONTEN)) == [1]  # Lelystad is over 15 km by road


def test_required_skills_outrank_preferred():
    index = CandidateIndex.build([cand(1, concepts={ORDERPICKEN: 1.0}), cand(2, concepts={HEFTRUCK: 1.0})], TAX)
    result = index.suggest(vac(required={HEFTRUCK: 1.0}, preferred={ORDERPICKEN: 1.0}))
    assert [s.candidate_id for s in result] == [2, 1]
    assert 0 < result[1].score < result[0].score <= 1


def test_more_required_skills_rank_higher_and_perfect_match_scores_one():
    docs = [cand(1, concepts={HEFTRUCK: 1.0}), cand(2, concepts={HEFTRUCK: 1.0, VCA: 1.0})]
    result = CandidateIndex.build(docs, TAX).suggest(vac(required={HEFTRUCK: 1.0, VCA: 1.0}))
    assert [(s.candidate_id, s.score) for s in result][0] == (2, 1.0)
    # Half the required skills, and no complete-coverage bonus.
    assert result[1].score == pytest.approx(0.5 / (1 + COMPLETE_BONUS), abs=1e-4)


def test_occupation_and_related_occupation_count():
    docs = [cand(1, concepts={}, occupation_ids={MAGAZIJN}), cand(2, concepts={}, occupation_ids={LOGISTIEK}),
            cand(3, concepts={}, occupation_ids={VERKOOP})]
    result = CandidateIndex.build(docs, TAX).suggest(VacancyDoc(9, occupation_ids={MAGAZIJN}))
    assert [s.candidate_id for s in result] == [1, 2]
    # Nothing is required, so nothing is missing: the related occupation's weight plus the bonus.
    assert result[1].score == pytest.approx((0.6 + COMPLETE_BONUS) / (1 + COMPLETE_BONUS), abs=1e-4)


def test_soft_fits_rank_but_do_not_exclude():
    docs = [cand(1, education="vmbo", dutch_level="A1"), cand(2, education="mbo3", dutch_level="B2"), cand(3)]
    result = CandidateIndex.build(docs, TAX).suggest(vac(education_min="mbo2", dutch_min="B1"))
    assert [s.candidate_id for s in result] == [2, 3, 1]


def test_text_similarity_counts():
    docs = [cand(1, concepts={}, text="ervaren chauffeur vrachtwagen"),
            cand(2, concepts={}, text="kapper kapsalon knippen")]
    index = CandidateIndex.build(docs, TAX)
    vacancy = VacancyDoc(9, text="Chauffeur gezocht voor vrachtwagen")
    result = index.suggest(vacancy)
    assert result[0].candidate_id == 1
    # Character n-grams ("en ") give the hairdresser a trace of similarity, far below the driver's,
    # and a minimum relevance leaves it out and counts it.
    assert all(s.score < result[0].score / 4 for s in result[1:])
    shown, below = index.ranking(vacancy, min_score=0.2)
    assert [s.candidate_id for s in shown] == [1] and below == len(result) - 1


def test_ties_are_broken_by_candidate_id_and_results_are_deterministic():
    docs = [cand(i) for i in (5, 3, 9, 1, 7)]
    index = CandidateIndex.build(docs, TAX)
    assert ids(index, vac(), top=3) == [1, 3, 5]
    assert ids(CandidateIndex.build(list(reversed(docs)), TAX), vac(), top=3) == [1, 3, 5]
    assert ids(index, vac(), top=10) == [1, 3, 5, 7, 9]
    assert list(top_k(np.array([0.5, 0.9, 0.5]), np.array([7, 8, 2]), 2)) == [1, 2]


def test_exclude_and_top():
    index = CandidateIndex.build([cand(i) for i in range(1, 6)], TAX)
    assert ids(index, vac(), top=2, exclude=[1, 3]) == [2, 4]


def test_no_overlap_gives_no_suggestion():
    index = CandidateIndex.build([cand(1, concepts={KASSA: 1.0})], TAX)
    assert ids(index, vac()) == []


def test_reverse_direction_gives_the_same_score():
    c = cand(1, concepts={HEFTRUCK: 1.0, VCA: 0.5}, occupation_ids={LOGISTIEK}, education="mbo2",
             point=DRONTEN, max_travel_km=40, text="heftruck magazijn")
    vacancies = [VacancyDoc(11, required={HEFTRUCK: 1.0, VCA: 1.0}, occupation_ids={MAGAZIJN}, point=LELYSTAD,
                            education_min="mbo3", text="magazijn"),
                 VacancyDoc(12, required={HEFTRUCK: 1.0}, licence="CE"),
                 VacancyDoc(13, required={KASSA: 1.0})]
    index = CandidateIndex.build([c, cand(2, text="magazijn kassa")], TAX)
    forward = {v.id: s.score for v in vacancies for s in index.suggest(v) if s.candidate_id == 1}
    reverse = VacancyIndex(vacancies, index.space, TAX).suggest(c)
    assert [(s.candidate_id, s.score) for s in reverse] == sorted(forward.items(), key=lambda kv: -kv[1])
    assert [s.candidate_id for s in reverse] == [12, 11]


def test_protected_characteristics_are_not_in_the_documents():
    fields = set(CandidateDoc.__dataclass_fields__)
    assert not fields & {"age", "birth_date", "gender", "nationality", "target_groups", "ladder"}
