"""Bias report per open vacancy of an organisation: top 10 versus everyone who meets the requirements.

The top 10 come from the matcher's shared index (``index_cache``), so the monitor judges what the
suggestions pages show. The reports are kept per process under a key of everything they follow
from (the change number and the taxonomy stamp, the open vacancies' ids and versions, the day and the
settings): a page view after nothing changed reads them without ranking again.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from matching.bias import BiasReport, Person, age_band, compare, pooled
from matching.documents import VacancyDoc
from models.candidates.candidate import Candidate, CandidatePersonal
from models.common import stamps
from models.enums import CandidateStatus, VacancyStatus
from models.matches import index_cache
from models.matches.documents import vacancy_docs
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


def _eligible_ids(index: CandidateIndex, vacancy: VacancyDoc) -> list[int]:
    import numpy as np

    slots = np.arange(index.attrs.size, dtype=np.int64)
    ok = index.attrs.passes(slots, vacancy)
    return [int(i) for i in index.attrs.ids[slots[ok]]]


def eligible(index, vacancy: VacancyDoc) -> list[int]:
    """Ids of every indexed candidate who meets the vacancy's hard requirements (score or not).

    ``index`` is a CandidateIndex or the mapped snapshot with its delta (a LayeredIndex): there the
    base's changed candidates are hidden and counted from the delta instead."""
    base = getattr(index, "base", None)
    if base is None:
        return _eligible_ids(index, vacancy)
    return [i for i in _eligible_ids(base, vacancy) if i not in index.hidden] + _eligible_ids(index.delta, vacancy)


def people(session: Session, organisation_id: int, today: date) -> dict[int, Person]:
    """Age band and target groups per active candidate: read for monitoring only (one query)."""
    rows = session.execute(
        select(Candidate.id, CandidatePersonal.birth_date, Candidate.target_groups)
        .outerjoin(CandidatePersonal, CandidatePersonal.candidate_id == Candidate.id)
        .where(Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE))
    return {cid: Person(cid, age_band(born, today), frozenset(groups or ())) for cid, born, groups in rows}


def open_vacancies(session: Session, organisation_id: int) -> list[Vacancy]:
    """The organisation's open vacancies with their employer, by title."""
    return list(session.scalars(
        select(Vacancy).where(Vacancy.organisation_id == organisation_id, Vacancy.status == VacancyStatus.OPEN)
        .options(joinedload(Vacancy.employer)).order_by(Vacancy.title, Vacancy.id)))


def _reports(session: Session, organisation_id: int, vacancies: list[Vacancy], today: date,
             options: dict) -> tuple[list[BiasReport], BiasReport]:
    who = people(session, organisation_id, today)
    docs = vacancy_docs(session, vacancies)
    entry = index_cache.get_index(session, organisation_id)
    reports = []
    with entry.lock:
        for vacancy, doc in zip(vacancies, docs, strict=True):
            top = [s.candidate_id for s in entry.index.suggest(doc, top=TOP)]
            reports.append(compare(top, eligible(entry.index, doc), who, vacancy.id, **options))
    return reports, pooled(reports, **options)


_cache: dict[tuple, tuple[tuple, list[BiasReport], BiasReport]] = {}
_lock = threading.Lock()


def clear_cache() -> None:
    """Forget the kept reports (tests)."""
    with _lock:
        _cache.clear()


def organisation_bias(session: Session, organisation_id: int, today: date, threshold: float | None = None,
                      min_group: int | None = None) -> OrganisationBias:
    """Bias report for every open vacancy of the organisation, by vacancy title."""
    options = {k: v for k, v in (("threshold", threshold), ("min_group", min_group)) if v is not None}
    vacancies = open_vacancies(session, organisation_id)
    slot = (str(session.get_bind().url), organisation_id, threshold, min_group)
    key = (stamps.current_change(session), stamps.read(session, stamps.TAXONOMY), today,
           tuple((v.id, v.version, v.updated_at) for v in vacancies))
    with _lock:
        cached = _cache.get(slot)
    if cached is None or cached[0] != key:
        cached = (key, *_reports(session, organisation_id, vacancies, today, options))
        with _lock:
            _cache[slot] = cached
    _, reports, overall = cached
    return OrganisationBias([VacancyBias(v, r) for v, r in zip(vacancies, reports, strict=True)], overall)
