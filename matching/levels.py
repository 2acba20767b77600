"""Order of education levels and CEFR Dutch levels, and how well a candidate meets a minimum."""
from __future__ import annotations

# havo/vwo and mbo4 are both NLQF level 4; "foreign_unrecognised" has no place in the order.
EDUCATION_RANK: dict[str, int] = {
    "none": 0, "primary": 1, "vmbo": 2, "mbo1": 3, "mbo2": 4, "mbo3": 5, "mbo4": 6,
    "havo_vwo": 6, "hbo": 7, "wo": 8,
}
CEFR_RANK: dict[str, int] = {"A0": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}
UNKNOWN = -1
# Fit when the level is unknown on the candidate's side: neither rewarded nor punished much.
UNKNOWN_FIT = 0.5


def education_rank(level: str | None) -> int:
    """Rank of an education level, UNKNOWN (-1) for None, unknown or unranked values."""
    return EDUCATION_RANK.get(level or "", UNKNOWN)


def dutch_rank(level: str | None) -> int:
    """Rank of a CEFR level (A0 lowest), UNKNOWN (-1) for None or unknown values."""
    return CEFR_RANK.get((level or "").upper(), UNKNOWN)


def level_fit(have: int, need: int) -> float:
    """1.0 at or above the minimum, 0.5 one step below, 0.0 further below; UNKNOWN_FIT if unknown."""
    if have == UNKNOWN:
        return UNKNOWN_FIT
    gap = need - have
    return 1.0 if gap <= 0 else 0.5 if gap == 1 else 0.0
