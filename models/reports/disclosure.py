"""Small-cell protection for figures shown outside the team (the council report and its downloads).

Primary suppression: a count of people from 1 to ``threshold - 1`` reads "<threshold"; 0 stays 0.
Secondary (complementary) suppression: the rows of a breakdown that partition its whole add up to the
total, and the total is shown (its row, its headline or the text). With one hidden row that row is the
total minus the shown rows; with two hidden rows of 1 and 1 their sum (2) says both are 1. So while a
breakdown has hidden rows, the next-smallest shown rows are hidden too ("×") until at least two rows
are hidden and the hidden rows together count at least ``threshold`` people: then what a reader can
derive (total minus the shown rows) is itself no small number, and no single hidden row follows from it.
"Waarvan" rows (``Bar.overlap``) are no part of the partition and only get the primary rule.
A percentage with a hidden count behind it (its part or its whole) is hidden too: 50% of "<5" is 1 of 2
or 2 of 4. docs/indicators.md, *Small numbers*, says the same for readers.
"""
from __future__ import annotations

from dataclasses import dataclass

SECONDARY = "×"  # CBS: "geheim", hidden so that a small cell cannot be derived


@dataclass(frozen=True)
class Shown:
    """What the council view shows of one figure: per bar its value and whether it is hidden."""

    values: tuple[str, ...]
    hidden: tuple[bool, ...]
    counts: tuple[tuple[str, str] | None, ...]  # per bar: the (part, whole) behind a percentage, as shown
    total: str
    secondary: bool  # some cell was hidden only so that a small one cannot be derived


def small(value, threshold: int) -> bool:
    """True for a count that reads "<threshold" (1 up to threshold - 1; never 0)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < threshold


def disclose(figure, threshold: int, plain) -> Shown:
    """The figure's values as shown outside the team; ``plain(value, unit)`` formats a value that is shown."""
    bars = figure.bars
    less = f"<{threshold}"
    hidden = [b.people and small(b.value, threshold) for b in bars]
    secondary = [False] * len(bars)
    partition = [i for i, b in enumerate(bars) if b.people and not b.overlap]
    if any(hidden[i] for i in partition):
        def protected() -> bool:
            gone = [i for i in partition if hidden[i] or secondary[i]]
            return len(gone) >= 2 and sum(bars[i].value for i in gone) >= threshold
        while not protected():
            left = [i for i in partition if not (hidden[i] or secondary[i]) and bars[i].value]
            if not left:
                break  # the whole is small itself: the total reads "<threshold" too
            secondary[min(left, key=lambda i: (bars[i].value, i))] = True
    values, counts, gone = [], [], []
    for i, b in enumerate(bars):
        shown_counts = None
        if b.counts:
            part, whole = b.counts
            shown_counts = tuple(less if small(n, threshold) else plain(n, "aantal") for n in (part, whole))
        if hidden[i]:
            values.append(less)
        elif secondary[i]:
            values.append(SECONDARY)
        elif b.counts and any(small(n, threshold) for n in b.counts):
            values.append(SECONDARY)
            secondary[i] = True
        else:
            values.append(plain(b.value, figure.unit))
        counts.append(shown_counts)
        gone.append(hidden[i] or secondary[i])
    people = any(b.people for b in bars)
    total = less if people and small(figure.total, threshold) else plain(figure.total, figure.unit)
    return Shown(tuple(values), tuple(gone), tuple(counts), total, any(secondary))
