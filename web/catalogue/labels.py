"""Dutch labels for the codes a public profile holds."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

EDUCATION_LABELS = {
    "none": _l("geen afgeronde opleiding"),
    "primary": _l("basisonderwijs"),
    "vmbo": _l("vmbo"),
    "mbo1": _l("mbo niveau 1"),
    "mbo2": _l("mbo niveau 2"),
    "mbo3": _l("mbo niveau 3"),
    "mbo4": _l("mbo niveau 4"),
    "havo_vwo": _l("havo/vwo"),
    "hbo": _l("hbo"),
    "wo": _l("wo (universiteit)"),
    "foreign_unrecognised": _l("buitenlandse opleiding, niet erkend"),
}

# The minimum-level filter: only levels that have a place in the order.
EDUCATION_MINIMUM_CHOICES = [(k, v) for k, v in EDUCATION_LABELS.items() if k != "foreign_unrecognised"]

# Shown on public cards and profile pages: never "moedertaal"/"native" (docs/security.md: it tells
# an employer where someone comes from, and the scrubber removes the word from profile texts).
DUTCH_LABELS = {
    "A0": _l("A0 (beginner)"), "A1": _l("A1 (beginner)"), "A2": _l("A2 (basis)"),
    "B1": _l("B1 (zelfstandig)"), "B2": _l("B2 (goed)"), "C1": _l("C1 (vaardig)"), "C2": "C2",
}

LICENCE_CHOICES = [
    ("B", _l("B (auto)")), ("BE", _l("BE (auto met aanhanger)")), ("C", _l("C (vrachtwagen)")),
    ("CE", _l("CE (vrachtwagen met aanhanger)")), ("D", _l("D (bus)")), ("AM", _l("AM (bromfiets)")),
    ("T", _l("T (trekker)")),
]

SORT_CHOICES = [("relevance", _l("Best passend")), ("newest", _l("Nieuwste eerst"))]
DISTANCE_CHOICES = [(5, "5 km"), (10, "10 km"), (15, "15 km"), (25, "25 km"), (50, "50 km")]
