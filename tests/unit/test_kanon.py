"""k-anonymity: coarsen age band and place until every displayed group has k profiles."""
import random

from models.catalogue.publishing.kanon import Record, assign_levels, shown_at, violations

BANDS = ["18–24", "25–34", "35–44", "45–54", "55–67"]
PLACES = {"Flevoland": ["Dronten", "Lelystad", "Almere", "Biddinghuizen", "Swifterbant"],
          "Overijssel": ["Zwolle", "Kampen", "Genemuiden"]}
EDUCATIONS = ["mbo1", "mbo2", "mbo3", "hbo", "wo", "none"]


def generated(n: int, seed: int) -> list[Record]:
    rng = random.Random(seed)
    records = []
    for i in range(n):
        region = rng.choice(list(PLACES))
        records.append(Record(i, rng.choice(BANDS), rng.choice(PLACES[region]), region,
                              rng.choices(EDUCATIONS, weights=[2, 6, 5, 2, 1, 1])[0]))
    return records


def published_view(records, levels):
    return [shown_at(r, levels[r.id]) for r in records if levels[r.id] is not None]


def test_a_large_enough_group_is_shown_as_is():
    records = [Record(i, "25–34", "Dronten", "Flevoland", "mbo2") for i in range(5)]
    assert set(assign_levels(records, 5).values()) == {0}


def test_small_groups_get_a_merged_band_then_the_region():
    records = ([Record(i, "25–34", "Dronten", "Flevoland", "mbo2") for i in range(3)]
               + [Record(10 + i, "35–44", "Dronten", "Flevoland", "mbo2") for i in range(2)]
               + [Record(20 + i, "25–34", "Lelystad", "Flevoland", "mbo2") for i in range(2)])
    levels = assign_levels(records, 5)
    assert [levels[i] for i in (0, 10)] == [1, 1]
    assert shown_at(records[0], 1).age_band == "25–44" and shown_at(records[0], 1).place == "Dronten"
    assert levels[20] is None  # two in Lelystad: no level gives them company of five


def test_held_back_when_even_the_coarsest_group_is_too_small():
    records = [Record(1, "25–34", "Dronten", "Flevoland", "wo")]
    assert assign_levels(records, 5) == {1: None}
    assert assign_levels(records, 1) == {1: 0}


def test_generated_published_set_always_satisfies_k():
    for seed in range(20):
        for k in (2, 3, 5, 10):
            records = generated(random.Random(seed).randint(1, 400), seed)
            levels = assign_levels(records, k)
            assert violations(published_view(records, levels), k) == {}
            # and nothing was hidden that could have been shown as it is
            exact = {}
            for r in records:
                exact.setdefault(shown_at(r, 0), []).append(r)
            for members in exact.values():
                if len(members) >= k:
                    assert all(levels[m.id] == 0 for m in members)


def test_violations_names_the_small_groups():
    shown = [("25–34", "Dronten", "Flevoland", "mbo2")] * 2 + [("18–24", None, "Flevoland", "hbo")] * 5
    assert list(violations(shown, 5).values()) == [2]
