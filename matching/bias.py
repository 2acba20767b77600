"""Bias monitoring: are age bands and target groups as common in a top 10 as among the eligible?

Age and target group are read here ONLY to monitor the outcome; they never enter a score (the
matcher's documents do not even carry them). A group is flagged when its share in the top differs
from its share among the candidates who meet the vacancy's hard requirements by more than a
threshold, and the group is large enough among the eligible for the difference to mean something.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

THRESHOLD = 0.20  # 20 percentage points
MIN_GROUP = 5  # eligible members a group needs before its share is compared
MIN_TOP = 5  # a top of fewer candidates moves in steps of 25+ points: too coarse to flag
AGE_BANDS = ((0, "tot 27"), (27, "27-39"), (40, "40-49"), (50, "50-59"), (60, "60+"))
NO_GROUP = "geen"  # candidates without any target group


@dataclass(frozen=True, slots=True)
class Person:
    """What monitoring knows of a candidate: id, age band, target groups."""

    id: int
    age_band: str | None = None
    target_groups: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GroupShare:
    """One group's share in the top versus among the eligible; `difference` = top - eligible."""

    dimension: str  # "age_band" or "target_group"
    group: str
    top_count: int
    top_size: int
    eligible_count: int
    eligible_size: int
    flagged: bool = False

    @property
    def top_share(self) -> float:
        return self.top_count / self.top_size if self.top_size else 0.0

    @property
    def eligible_share(self) -> float:
        return self.eligible_count / self.eligible_size if self.eligible_size else 0.0

    @property
    def difference(self) -> float:
        return self.top_share - self.eligible_share


@dataclass(frozen=True, slots=True)
class BiasReport:
    """The shares of every group for one vacancy (or pooled over many), and those flagged."""

    vacancy_id: int | None
    top_size: int
    eligible_size: int
    shares: tuple[GroupShare, ...]

    @property
    def flags(self) -> tuple[GroupShare, ...]:
        return tuple(s for s in self.shares if s.flagged)


def age_band(birth_date: date | None, today: date) -> str | None:
    """The age band of someone born on `birth_date` (None when unknown)."""
    if birth_date is None:
        return None
    age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
    return [label for start, label in AGE_BANDS if age >= start][-1]


def _groups(person: Person) -> Iterable[tuple[str, str]]:
    if person.age_band:
        yield "age_band", person.age_band
    for group in sorted(person.target_groups) or [NO_GROUP]:
        yield "target_group", group


def _count(ids: Iterable[int], people: Mapping[int, Person]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for cid in ids:
        if cid in people:
            for key in _groups(people[cid]):
                counts[key] = counts.get(key, 0) + 1
    return counts


def compare(top: Sequence[int], eligible: Iterable[int], people: Mapping[int, Person],
            vacancy_id: int | None = None, threshold: float = THRESHOLD, min_group: int = MIN_GROUP) -> BiasReport:
    """Shares of each age band and target group in `top` versus `eligible` (which should contain top).

    A group is flagged when |top share - eligible share| > threshold, it has at least `min_group`
    members among the eligible, and the top holds at least MIN_TOP candidates.
    """
    eligible = list(dict.fromkeys(eligible))
    return _report(vacancy_id, _count(top, people), len(top), _count(eligible, people), len(eligible),
                   threshold, min_group)


class GroupTable:
    """Everyone's groups as a membership matrix, so that long id lists are counted at once: ``compare``
    gives what the function ``compare`` gives. Counting id by id took 27 s of 36 for 200 vacancies
    with 90,000 eligible each (18 million look-ups, issue 18)."""

    def __init__(self, people: Mapping[int, Person]) -> None:
        import numpy as np

        self.ids = np.array(sorted(people), dtype=np.int64)
        self.keys = sorted({key for person in people.values() for key in _groups(person)}, key=_order)
        column = {key: i for i, key in enumerate(self.keys)}
        self.member = np.zeros((len(self.ids), len(self.keys)), dtype=bool)
        for row, cid in enumerate(self.ids.tolist()):
            for key in _groups(people[cid]):
                self.member[row, column[key]] = True

    def count(self, ids) -> dict[tuple[str, str], int]:
        """``_count``: per group, how many of ``ids`` (each as often as listed) belong to it."""
        import numpy as np

        ids = np.asarray(ids, dtype=np.int64)
        rows = np.searchsorted(self.ids, ids)
        inside = rows < len(self.ids)
        rows, ids = rows[inside], ids[inside]
        sums = self.member[rows[self.ids[rows] == ids]].sum(axis=0)
        return {key: int(n) for key, n in zip(self.keys, sums.tolist(), strict=True) if n}

    def compare(self, top: Sequence[int], eligible, vacancy_id: int | None = None, threshold: float = THRESHOLD,
                min_group: int = MIN_GROUP) -> BiasReport:
        """``compare(top, eligible, people, …)`` for the people of this table."""
        import numpy as np

        eligible = np.sort(np.asarray(eligible, dtype=np.int64))  # once each (np.unique's hashing took longer)
        eligible = eligible[np.concatenate(([True], eligible[1:] != eligible[:-1]))] if len(eligible) else eligible
        return _report(vacancy_id, self.count(top), len(top), self.count(eligible), len(eligible), threshold, min_group)


def recount(vacancy_id: int | None, top_size: int, eligible_size: int, counts: Iterable[Sequence],
            threshold: float = THRESHOLD, min_group: int = MIN_GROUP) -> BiasReport:
    """``compare``'s report again from its counts per group ((dimension, group, in the top, among the
    eligible), as stored), flagged for these settings."""
    counts = [tuple(c) for c in counts]
    return _report(vacancy_id, {(d, g): t for d, g, t, _ in counts if t}, top_size,
                   {(d, g): e for d, g, _, e in counts if e}, eligible_size, threshold, min_group)


def pooled(reports: Iterable[BiasReport], threshold: float = THRESHOLD, min_group: int = MIN_GROUP) -> BiasReport:
    """All vacancies together: counts and sizes summed, then compared like one vacancy."""
    top: dict[tuple[str, str], int] = {}
    elig: dict[tuple[str, str], int] = {}
    top_size = elig_size = 0
    for report in reports:
        top_size += report.top_size
        elig_size += report.eligible_size
        for s in report.shares:
            key = (s.dimension, s.group)
            top[key] = top.get(key, 0) + s.top_count
            elig[key] = elig.get(key, 0) + s.eligible_count
    return _report(None, top, top_size, elig, elig_size, threshold, min_group)


def _report(vacancy_id: int | None, top: Mapping[tuple[str, str], int], top_size: int,
            elig: Mapping[tuple[str, str], int], elig_size: int, threshold: float, min_group: int) -> BiasReport:
    shares = []
    for key in sorted(set(top) | set(elig), key=_order):
        share = GroupShare(key[0], key[1], top.get(key, 0), top_size, elig.get(key, 0), elig_size)
        big_enough = share.eligible_count >= min_group and top_size >= MIN_TOP
        flagged = big_enough and abs(share.difference) > threshold + 1e-9
        shares.append(GroupShare(*key, share.top_count, top_size, share.eligible_count, elig_size, flagged))
    return BiasReport(vacancy_id, top_size, elig_size, tuple(shares))


def _order(key: tuple[str, str]) -> tuple[int, int, str]:
    dimension, group = key
    bands = [label for _, label in AGE_BANDS]
    return (0 if dimension == "age_band" else 1, bands.index(group) if group in bands else 99, group)
