"""Bias monitoring as a pure function: shares, thresholds, minimum group size, pooling, age bands."""
from datetime import date

from matching.bias import NO_GROUP, Person, age_band, compare, pooled


def crowd() -> dict[int, Person]:
    young = {i: Person(i, "tot 27", frozenset({"participatiewet"})) for i in range(1, 11)}
    older = {i: Person(i, "50-59", frozenset({"statushouder"})) for i in range(11, 21)}
    return {**young, **older}


def share(report, dimension, group):
    return next(s for s in report.shares if (s.dimension, s.group) == (dimension, group))


def test_a_top_of_only_young_people_flags_both_age_bands() -> None:
    report = compare(list(range(1, 11)), range(1, 21), crowd(), vacancy_id=7)
    older = share(report, "age_band", "50-59")
    assert (older.top_share, older.eligible_share, round(older.difference, 2)) == (0.0, 0.5, -0.5)
    assert {(s.dimension, s.group) for s in report.flags} == {
        ("age_band", "tot 27"), ("age_band", "50-59"),
        ("target_group", "participatiewet"), ("target_group", "statushouder")}
    assert report.vacancy_id == 7 and report.top_size == 10 and report.eligible_size == 20


def test_a_mixed_top_is_not_flagged_and_the_threshold_is_configurable() -> None:
    top = [1, 2, 3, 4, 11, 12, 13, 14, 15, 16]  # 40% young against 50%: 10 points
    assert compare(top, range(1, 21), crowd()).flags == ()
    assert compare(top, range(1, 21), crowd(), threshold=0.05).flags != ()


def test_small_groups_are_not_judged() -> None:
    people = {**crowd(), 99: Person(99, "60+", frozenset({"wajong"}))}
    report = compare(list(range(1, 10)) + [99], [*range(1, 21), 99], people)
    assert not share(report, "age_band", "60+").flagged  # 1 eligible member: noise
    assert share(report, "age_band", "60+").top_count == 1


def test_people_without_target_group_count_as_a_group_and_unknown_age_is_left_out() -> None:
    people = {1: Person(1, None, frozenset()), 2: Person(2, "40-49", frozenset())}
    report = compare([1], [1, 2], people)
    assert share(report, "target_group", NO_GROUP).eligible_count == 2
    assert [s.group for s in report.shares if s.dimension == "age_band"] == ["40-49"]


def test_pooled_sums_counts_over_vacancies() -> None:
    a = compare(list(range(1, 11)), range(1, 21), crowd())
    b = compare(list(range(11, 21)), range(1, 21), crowd())
    total = pooled([a, b])
    assert total.top_size == 20 and total.eligible_size == 40
    assert share(total, "age_band", "tot 27").difference == 0 and total.flags == ()


def test_age_band_on_birthdays() -> None:
    today = date(2026, 6, 1)
    assert age_band(date(1999, 6, 2), today) == "tot 27"  # 26, birthday tomorrow
    assert age_band(date(1999, 6, 1), today) == "27-39"
    assert age_band(date(1966, 1, 1), today) == "60+"
    assert age_band(None, today) is None


def test_a_very_small_top_is_not_flagged() -> None:
    report = compare([1, 2, 3], range(1, 21), crowd())
    assert report.top_size == 3 and report.flags == ()
