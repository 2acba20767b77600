"""Bias report per open vacancy of an organisation: top 10 versus everyone who meets the requirements.

`build_monitoring_index` is a small stand-in for the matcher's shared index cache: it builds a
CandidateIndex straight from the database rows. Replace it by the cache once that exists.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from matching.bias import BiasReport, Person, age_band, compare, pooled
from matching.documents import CandidateDoc, Point, VacancyDoc
from matching.geo import locate
from models.candidates.candidate import Candidate
from models.enums import CandidateStatus, TermKind, VacancyStatus
from models.vacancies.vacancy import Vacancy

if TYPE_CHECKING:  # the matcher's index pulls in scikit-learn: imported where it is built
    from matching.index import CandidateIndex

TOP = 10


@dataclass(frozen=True)
class VacancyBias:
    """One open vacancy and its report."""

    vacancy: Vacancy
    report: BiasReport


@dataclass(frozen=True)
class OrganisationBias:
    """Reports of every open vacancy of an organisation, and all of them pooled."""

    vacancies: list[VacancyBias]
    overall: BiasReport

    @property
    def flagged(self) -> list[VacancyBias]:
        return [v for v in self.vacancies if v.report.flags]


def candidate_doc(c: Candidate) -> CandidateDoc:
    """The matcher's view of a candidate row: no age, target group, ladder or personal text."""
    concepts: dict[int, float] = {}
    wording: dict[int, str] = {}
    occupations = set()
    for t in c.terms:
        if t.concept_id is None:
            continue
        if t.kind == TermKind.OCCUPATION:
            occupations.add(t.concept_id)
        elif concepts.get(t.concept_id, -1.0) < (t.confidence or 1.0):
            concepts[t.concept_id], wording[t.concept_id] = t.confidence or 1.0, t.wording
    point = Point(c.lat, c.lon) if c.lat is not None and c.lon is not None else locate(
        c.personal.postcode if c.personal else None, c.place)
    return CandidateDoc(
        c.id, concepts, frozenset(occupations), frozenset(c.driving_licences) if c.driving_licences else None,
        point, c.max_travel_km, c.hours_min, c.hours_max, c.available_from,
        c.education.value if c.education else None, c.dutch_level.value if c.dutch_level else None,
        " ".join([*c.desired_occupations, *c.skills, *c.certificates]), wording)


def vacancy_doc(v: Vacancy) -> VacancyDoc:
    """The matcher's view of a vacancy row."""
    required = {t.concept_id: t.confidence or 1.0 for t in v.terms if t.required and t.concept_id}
    preferred = {t.concept_id: t.confidence or 1.0 for t in v.terms
                 if not t.required and t.concept_id and t.concept_id not in required}
    point = Point(v.lat, v.lon) if v.lat is not None and v.lon is not None else locate(v.postcode, v.city)
    return VacancyDoc(
        v.id, required, preferred, frozenset([v.occupation_concept_id] if v.occupation_concept_id else []),
        v.driving_licence, point, v.hours_min, v.hours_max, v.start_date,
        v.education_min.value if v.education_min else None, v.dutch_min.value if v.dutch_min else None,
        " ".join(x for x in (v.title, v.occupation, v.description) if x),
        {t.concept_id: t.wording for t in v.terms if t.concept_id})


def active_candidates(session: Session, organisation_id: int) -> list[Candidate]:
    """Active candidates of the organisation with their terms and personal row (two extra queries)."""
    return list(session.scalars(
        select(Candidate).where(Candidate.organisation_id == organisation_id,
                                Candidate.status == CandidateStatus.ACTIVE)
        .options(selectinload(Candidate.terms), selectinload(Candidate.personal)).order_by(Candidate.id)))


def build_monitoring_index(candidates: list[Candidate]) -> CandidateIndex:
    """A CandidateIndex from candidate rows (stand-in for the matcher's cached index)."""
    from matching.index import CandidateIndex

    return CandidateIndex.build([candidate_doc(c) for c in candidates])


def eligible(index: CandidateIndex, vacancy: VacancyDoc) -> list[int]:
    """Ids of every indexed candidate who meets the vacancy's hard requirements (score or not)."""
    import numpy as np

    slots = np.arange(index.attrs.size, dtype=np.int64)
    ok = index.attrs.passes(slots, vacancy)
    return [int(i) for i in index.attrs.ids[slots[ok]]]


def people(candidates: list[Candidate], today: date) -> dict[int, Person]:
    """Age band and target groups per candidate: read for monitoring only."""
    return {c.id: Person(c.id, age_band(c.personal.birth_date if c.personal else None, today),
                         frozenset(c.target_groups or ())) for c in candidates}


def organisation_bias(session: Session, organisation_id: int, today: date, threshold: float | None = None,
                      min_group: int | None = None) -> OrganisationBias:
    """Bias report for every open vacancy of the organisation, best first by vacancy title."""
    options = {k: v for k, v in (("threshold", threshold), ("min_group", min_group)) if v is not None}
    vacancies = list(session.scalars(
        select(Vacancy).where(Vacancy.organisation_id == organisation_id, Vacancy.status == VacancyStatus.OPEN)
        .options(selectinload(Vacancy.terms), selectinload(Vacancy.employer)).order_by(Vacancy.title, Vacancy.id)))
    candidates = active_candidates(session, organisation_id)
    who = people(candidates, today)
    index = build_monitoring_index(candidates)
    results = []
    for vacancy in vacancies:
        doc = vacancy_doc(vacancy)
        top = [s.candidate_id for s in index.suggest(doc, top=TOP)]
        results.append(VacancyBias(vacancy, compare(top, eligible(index, doc), who, vacancy.id, **options)))
    return OrganisationBias(results, pooled((r.report for r in results), **options))
