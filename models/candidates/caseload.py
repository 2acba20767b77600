"""Caseload: the candidates an owner carries, against the limit, with what needs doing now."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.candidates.candidate import Candidate
from models.candidates.participatiebaan import Participatiebaan
from models.candidates.records import IN_BEELD_DAYS
from models.common.paging import Page, paginate
from models.enums import CandidateStatus

PER_PAGE = 50  # candidates per page of a caseload
SHOWN = 50  # reminders of each kind listed; the page says how many more there are


@dataclass
class Caseload:
    owner_id: int | None
    total: int
    limit: int
    by_rung: dict  # rung (None: unknown) -> count; adds up to total
    in_beeld: int
    overdue: list[Candidate] = field(default_factory=list)  # the first SHOWN, longest overdue first
    candidates: list[Candidate] = field(default_factory=list)  # this page of them
    ending: list[Participatiebaan] = field(default_factory=list)  # the first SHOWN, ending first
    overdue_total: int = 0
    ending_total: int = 0
    page: Page | None = None

    @property
    def over_limit(self) -> bool:
        return self.total > self.limit


def _active(organisation_id: int, owner_id: int | None):
    owner = Candidate.owner_id.is_(None) if owner_id is None else Candidate.owner_id == owner_id
    return (Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE, owner)


def in_beeld_clause(today: date):
    cutoff = today - timedelta(days=IN_BEELD_DAYS)
    return (Candidate.ladder.is_not(None) & Candidate.expected_ladder.is_not(None)
            & (Candidate.ladder_assessed_on >= cutoff) & (Candidate.expected_ladder_on >= cutoff))


def caseload(session: Session, organisation_id: int, owner_id: int | None, today: date, limit: int,
             remind_days: int, page: int = 1) -> Caseload:
    """The owner's active candidates (owner None: those without an owner), counts and reminders.

    The counts cover everyone; the list is one page, the reminders the first SHOWN of each kind
    (a caseload far over its limit, or everyone without an owner, can be thousands)."""
    where = _active(organisation_id, owner_id)
    by_rung = dict(session.execute(select(Candidate.ladder, func.count()).where(*where)
                                   .group_by(Candidate.ladder)).all())
    total = sum(by_rung.values())
    beeld = session.scalar(select(func.count()).select_from(Candidate).where(*where, in_beeld_clause(today))) or 0
    people = paginate(session, select(Candidate).where(*where).order_by(Candidate.external_id, Candidate.id),
                      page, PER_PAGE)
    late = (*where, Candidate.next_review_on < today)
    overdue = list(session.scalars(select(Candidate).where(*late).order_by(Candidate.next_review_on, Candidate.id)
                                   .limit(SHOWN)))
    overdue_total = len(overdue) if len(overdue) < SHOWN else session.scalar(
        select(func.count()).select_from(Candidate).where(*late))
    ending_rows = (select(Participatiebaan).join(Candidate, Candidate.id == Participatiebaan.candidate_id)
                   .where(*where, Participatiebaan.ended_on.is_(None),
                          Participatiebaan.ends_on <= today + timedelta(days=remind_days)))
    ending = list(session.scalars(ending_rows.order_by(Participatiebaan.ends_on, Participatiebaan.id).limit(SHOWN)))
    ending_total = len(ending) if len(ending) < SHOWN else session.scalar(
        select(func.count()).select_from(ending_rows.subquery()))
    return Caseload(owner_id, total, limit, by_rung, beeld, overdue, people.items, ending, overdue_total,
                    ending_total, people)


def overview(session: Session, organisation_id: int, today: date) -> list[tuple[User | None, int, int, int]]:
    """Per owner (None: without one): active candidates, of whom in beeld, and overdue reviews."""
    rows = session.execute(
        select(Candidate.owner_id, func.count(),
               func.sum(case((in_beeld_clause(today), 1), else_=0)),
               func.sum(case((Candidate.next_review_on < today, 1), else_=0)))
        .where(Candidate.organisation_id == organisation_id, Candidate.status == CandidateStatus.ACTIVE)
        .group_by(Candidate.owner_id)).all()
    users = {u.id: u for u in session.scalars(select(User).where(User.id.in_([r[0] for r in rows if r[0]])))}
    out = [(users.get(oid), n, int(b or 0), int(o or 0)) for oid, n, b, o in rows]
    return sorted(out, key=lambda r: (r[0] is None, r[0].name if r[0] else ""))
