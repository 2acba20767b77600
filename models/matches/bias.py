"""Bias report per open vacancy of an organisation: top 10 versus everyone who meets the requirements.

The top 10 come from the matcher's shared index (``index_cache``), so the monitor judges what the
suggestions pages show. Ranking every open vacancy and counting every eligible candidate takes
1.7-1.9 s at the benchmark scale (200 vacancies, 90,000 candidates) and is due after every change to
a candidate or vacancy, so a job computes it (``store``, the queue's ``compute_bias``) and keeps the
counts per group (aggregates, no candidate) under a digest of everything they follow from: the
change number and epoch, the taxonomy stamp, the day and the open vacancies' ids and versions. The
page (``organisation_bias``) applies the threshold and minimum group size to the stored counts, says
when they are older than the data and asks the job for new ones; it never ranks.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from matching.bias import MIN_GROUP, THRESHOLD, BiasReport, GroupTable, Person, age_band, pooled, recount
from matching.documents import VacancyDoc
from models.base import utcnow
from models.candidates.candidate import Candidate, CandidatePersonal
from models.common import stamps
from models.enums import CandidateStatus, VacancyStatus
from models.matches import index_cache
from models.matches.bias_result import StoredBias
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
    computed_at: datetime
    current: bool  # computed from the data as it is now (else a newer computation is due)

    @property
    def flagged(self) -> list[VacancyBias]:
        return [v for v in self.vacancies if v.report.flags]


def _eligible_ids(index: CandidateIndex, vacancy: VacancyDoc):
    import numpy as np

    slots = np.arange(index.attrs.size, dtype=np.int64)
    ok = index.attrs.passes(slots, vacancy)
    return np.asarray(index.attrs.ids[slots[ok]], dtype=np.int64)


def eligible(index, vacancy: VacancyDoc):
    """Ids (a numpy array) of every indexed candidate who meets the vacancy's hard requirements (score or not).

    ``index`` is a CandidateIndex or the mapped snapshot with its delta (a LayeredIndex): there the
    base's changed candidates are hidden and counted from the delta instead."""
    import numpy as np

    base = getattr(index, "base", None)
    if base is None:
        return _eligible_ids(index, vacancy)
    ids = _eligible_ids(base, vacancy)
    if index.hidden:
        ids = ids[~np.isin(ids, np.fromiter(index.hidden, dtype=np.int64, count=len(index.hidden)))]
    return np.concatenate([ids, _eligible_ids(index.delta, vacancy)])


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


def version(session: Session, organisation_id: int, vacancies: list[Vacancy], today: date) -> str:
    """Digest of everything the counts follow from (see the module docstring)."""
    key = (stamps.current_change(session), stamps.read(session, stamps.TAXONOMY)[0], today.isoformat(),
           [(v.id, v.version, v.updated_at.isoformat() if v.updated_at else None) for v in vacancies])
    return hashlib.sha256(repr((organisation_id, key)).encode()).hexdigest()


def store(session: Session, organisation_id: int, today: date) -> int:
    """Compute and keep the counts of every open vacancy of the organisation (the job; it may build the
    index snapshot); returns how many vacancies were counted. The version is read before the data,
    so a change made meanwhile makes the stored counts look older, never newer, than they are."""
    vacancies = open_vacancies(session, organisation_id)
    key = version(session, organisation_id, vacancies, today)
    index_cache.ensure(session, organisation_id)
    reports = _reports(session, organisation_id, vacancies, today)
    rows = [[r.vacancy_id, r.top_size, r.eligible_size,
             [[s.dimension, s.group, s.top_count, s.eligible_count] for s in r.shares]] for r in reports]
    stored = session.get(StoredBias, organisation_id) or StoredBias(organisation_id=organisation_id)
    stored.key, stored.computed_at, stored.vacancies = key, utcnow(), rows
    session.add(stored)
    session.flush()
    return len(rows)


def _reports(session: Session, organisation_id: int, vacancies: list[Vacancy], today: date) -> list[BiasReport]:
    who = GroupTable(people(session, organisation_id, today))
    docs = vacancy_docs(session, vacancies)
    entry = index_cache.get_index(session, organisation_id)
    with entry.lock:
        return [who.compare([s.candidate_id for s in entry.index.suggest(doc, top=TOP)], eligible(entry.index, doc),
                            vacancy.id) for vacancy, doc in zip(vacancies, docs, strict=True)]


def organisation_bias(session: Session, organisation_id: int, today: date, threshold: float | None = None,
                      min_group: int | None = None) -> OrganisationBias | None:
    """The stored report of every open vacancy that has counts, by vacancy title; None before the job
    first stored any. ``current`` is False when the data changed since (the counts are then those of
    the open vacancies at ``computed_at``)."""
    stored = session.get(StoredBias, organisation_id)
    if stored is None:
        return None
    options = {"threshold": THRESHOLD if threshold is None else threshold,
               "min_group": MIN_GROUP if min_group is None else min_group}
    vacancies = open_vacancies(session, organisation_id)
    counts = {row[0]: row for row in stored.vacancies}
    shown = [v for v in vacancies if v.id in counts]
    reports = [recount(*counts[v.id], **options) for v in shown]
    return OrganisationBias([VacancyBias(v, r) for v, r in zip(shown, reports, strict=True)], pooled(reports, **options),
                            stored.computed_at, stored.key == version(session, organisation_id, vacancies, today))
