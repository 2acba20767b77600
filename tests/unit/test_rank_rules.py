"""The ranking rules of docs/algorithm.md: traits only break ties, full required coverage ranks first."""
from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.index import CandidateIndex
from matching.rank import VacancyIndex

HEFTRUCK, VCA, FLEXIBEL, NAUWKEURIG, COMMUNICATIEF = 1, 2, 3, 4, 5
MAGAZIJN = 10
TAX = Taxonomy(labels={HEFTRUCK: "Heftruck rijden", VCA: "VCA", FLEXIBEL: "Flexibiliteit",
                       NAUWKEURIG: "Nauwkeurig werken", COMMUNICATIEF: "Communicatief", MAGAZIJN: "Magazijnmedewerker"},
               traits=frozenset({FLEXIBEL, NAUWKEURIG, COMMUNICATIEF}))


def test_trait_words_only_break_ties_between_otherwise_equal_candidates() -> None:
    vacancy = VacancyDoc(1, required={HEFTRUCK: 1.0, FLEXIBEL: 1.0}, preferred={NAUWKEURIG: 1.0, COMMUNICATIEF: 1.0})
    docs = [CandidateDoc(1, concepts={FLEXIBEL: 1.0, NAUWKEURIG: 1.0, COMMUNICATIEF: 1.0}),  # traits only
            CandidateDoc(2, concepts={HEFTRUCK: 1.0}),
            CandidateDoc(3, concepts={HEFTRUCK: 1.0, COMMUNICATIEF: 1.0})]
    result = CandidateIndex.build(docs, TAX).suggest(vacancy)
    assert [s.candidate_id for s in result] == [3, 2, 1]
    scores = {s.candidate_id: s.score for s in result}
    assert scores[3] - scores[2] < 0.02  # the trait only tips the balance
    assert scores[1] < 0.05  # all three traits weigh next to nothing without the skill


def test_every_required_skill_ranks_above_missing_one_even_with_a_better_occupation_text() -> None:
    vacancy = VacancyDoc(1, required={HEFTRUCK: 1.0, VCA: 1.0}, occupation_ids=frozenset({MAGAZIJN}))
    docs = [CandidateDoc(1, concepts={HEFTRUCK: 1.0}, occupation_ids=frozenset({MAGAZIJN})),
            CandidateDoc(2, concepts={HEFTRUCK: 1.0, VCA: 1.0}, occupation_ids=frozenset({MAGAZIJN}))]
    index = CandidateIndex.build(docs, TAX)
    assert [s.candidate_id for s in index.suggest(vacancy)] == [2, 1]
    # The reverse direction gives the same scores.
    forward = {s.candidate_id: s.score for s in index.suggest(vacancy)}
    reverse = VacancyIndex([vacancy], index.space, TAX)
    assert [s.score for s in reverse.suggest(docs[0])] == [forward[1]]
    assert [s.score for s in reverse.suggest(docs[1])] == [forward[2]]


def test_minimum_relevance_counts_who_was_left_out_and_eligible_counts_everyone_passing() -> None:
    vacancy = VacancyDoc(1, required={HEFTRUCK: 1.0, VCA: 1.0}, hours_min=32)
    docs = [CandidateDoc(1, concepts={HEFTRUCK: 1.0, VCA: 1.0}), CandidateDoc(2, concepts={VCA: 0.3}),
            CandidateDoc(3, concepts={HEFTRUCK: 1.0, VCA: 1.0}, hours_max=16),  # breaks the hours
            CandidateDoc(4, concepts={})]
    index = CandidateIndex.build(docs, TAX)
    shown, below = index.ranking(vacancy, min_score=0.5)
    assert [s.candidate_id for s in shown] == [1] and below == 1
    assert index.eligible(vacancy) == 3  # 1, 2 and 4: 4 matches nothing but breaks nothing
