"""Plain documents the matcher ranks: candidates and vacancies as linked concept ids, plus lookups."""
from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from datetime import date

from matching.geo import Point

__all__ = ["OCCUPATION_MIN_CONFIDENCE", "CandidateDoc", "Point", "Taxonomy", "VacancyDoc"]

# An occupation link below this confidence is more often wrong than right ("oogstmedewerker" ->
# a GIS specialist at 0.63): it is not used for occupation fit; the title wording still counts.
OCCUPATION_MIN_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class CandidateDoc:
    """A job seeker as the matcher sees it; no age, gender, nationality, target group or ladder.

    `concepts` maps linked skill concept ids to a weight/confidence in 0..1; `wording` maps a concept
    id to the candidate's own words it was linked from. `licences` None means "not given" (never
    excludes); an empty set means "has none".
    """

    id: int
    concepts: Mapping[int, float] = field(default_factory=dict)
    occupation_ids: Set[int] = frozenset()
    licences: frozenset[str] | None = None
    point: Point | None = None
    max_travel_km: int | None = None
    hours_min: int | None = None
    hours_max: int | None = None
    available_from: date | None = None
    education: str | None = None
    dutch_level: str | None = None
    text: str = ""
    wording: Mapping[int, str] = field(default_factory=dict)
    titles: str = ""  # desired and past occupations as written


@dataclass(frozen=True, slots=True)
class VacancyDoc:
    """A vacancy: required/preferred skill concept ids with weights (0..1), and its conditions."""

    id: int
    required: Mapping[int, float] = field(default_factory=dict)
    preferred: Mapping[int, float] = field(default_factory=dict)
    occupation_ids: Set[int] = frozenset()
    licence: str | None = None
    point: Point | None = None
    hours_min: int | None = None
    hours_max: int | None = None
    start_date: date | None = None
    education_min: str | None = None
    dutch_min: str | None = None
    text: str = ""
    wording: Mapping[int, str] = field(default_factory=dict)
    title: str = ""  # title and occupation as written


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Concept labels for explanations, related occupations (id -> {related id: weight 0..1}) and
    traits: the soft-skill concepts (flexibel, nauwkeurig, communicatief) that only break ties."""

    labels: Mapping[int, str] = field(default_factory=dict)
    related: Mapping[int, Mapping[int, float]] = field(default_factory=dict)
    traits: Set[int] = frozenset()

    def label(self, concept_id: int) -> str:
        """Label of a concept, or a neutral placeholder when the taxonomy lacks it."""
        return self.labels.get(concept_id, f"begrip {concept_id}")
