"""A mapped snapshot hands back the pages a query read, and ranks as the scoring before it did."""
from __future__ import annotations

import os

import numpy as np
import pytest

from matching.index import CandidateIndex
from matching.rank import complete_mask, finish_scores, top_k
from models.matches import snapshots

KEY = b"test-index-pages"
ORG = 1


def _old_ranking(index, vacancy, top, min_score):
    """Scoring as it was: every requirement column gathered at the matched slots (rank.select before
    it tested them along whole columns), on pages the mapping kept."""
    query = index.space.query(vacancy, index.taxonomy)
    slots, raw = index.raw_scores(query.cols, query.vals)
    ok = index.attrs.passes(slots, vacancy)
    slots, raw = slots[ok], raw[ok]
    soft = index.attrs.soft_fit(slots, vacancy) if "soft" in query.parts else np.zeros(len(slots))
    complete = complete_mask(slots, index.holders(query.required_cols), query.n_required)
    scores = finish_scores(raw, soft, query.parts.get("soft", 0.0), complete)
    relevant = scores >= min_score
    below = int((~relevant).sum())
    slots, scores = slots[relevant], scores[relevant]
    best = top_k(scores, index.attrs.ids[slots], top)
    return [(int(i), float(s)) for i, s in zip(index.attrs.ids[slots[best]], scores[best])], below


def _old_eligible(index, vacancy):
    slots = np.flatnonzero(index.attrs.alive[: index.attrs.size]).astype(np.int64)
    return int(index.attrs.passes(slots, vacancy).sum())


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from bench.matching import candidates, taxonomy

    tax = taxonomy()
    built = CandidateIndex.build(candidates(3000, seed=4), tax, store_docs=False)
    root = tmp_path_factory.mktemp("snapshots")
    name = snapshots.save(root, ORG, built, {"change_no": 1}, key=KEY)
    return built, root, name, tax


def test_a_mapped_snapshot_that_releases_its_pages_ranks_every_vacancy_as_the_old_scoring(generated):
    from bench.matching import vacancies

    built, root, name, tax = generated
    released, _meta = snapshots.load(root, ORG, name, tax, key=KEY)
    kept, _meta = snapshots.load(root, ORG, name, tax, key=KEY, release_pages=False)
    assert released.release is not None and kept.release is None
    found = below_seen = 0
    for vacancy in vacancies(60, seed=8):
        assert released.eligible(vacancy) == kept.eligible(vacancy) == _old_eligible(kept, vacancy)
        for min_score in (0.0, 0.15):
            expected, below = _old_ranking(kept, vacancy, 25, min_score)
            for index in (released, kept, built):
                got, n = index.ranking(vacancy, top=25, min_score=min_score)
                # the same candidates, in the same order, with the same (rounded) scores
                assert [(s.candidate_id, s.score) for s in got] == expected and n == below
            found += bool(expected)
            below_seen += below
    assert found > 80 and below_seen > 0


def _resident_kb(array: np.ndarray) -> int:
    """Kilobytes of the mapping holding ``array`` that are in this process's rss (/proc/self/smaps)."""
    address = array.__array_interface__["data"][0]
    inside = False
    with open("/proc/self/smaps", encoding="ascii") as fp:
        for line in fp:
            head = line.split(maxsplit=1)[0]
            if "-" in head and not head.endswith(":"):
                start, end = (int(x, 16) for x in head.split("-"))
                inside = start <= address < end
            elif inside and head == "Rss:":
                return int(line.split()[1])
    raise AssertionError("array not mapped")


@pytest.mark.skipif(not os.path.exists("/proc/self/smaps"), reason="reads /proc/self/smaps (Linux)")
def test_after_a_suggestion_the_process_holds_none_of_the_postings_pages_unless_told_to_keep_them(generated):
    """The postings (most of a snapshot, and what grows with the candidates a vacancy's n-grams reach)
    are handed back; the small requirement columns stay mapped."""
    from bench.matching import vacancies

    _built, root, name, tax = generated
    vacancy = vacancies(1, seed=8)[0]
    for release_pages in (False, True):
        index, _meta = snapshots.load(root, ORG, name, tax, key=KEY, release_pages=release_pages)
        assert index.suggest(vacancy, top=10) and index.eligible(vacancy) > 0
        postings = [_resident_kb(a) for a in (index._main.data, index._main.indices)]
        assert all(kb > 0 for kb in postings) if not release_pages else postings == [0, 0]
        assert _resident_kb(index.attrs.x) > 0 and _resident_kb(index.attrs.ids) > 0
