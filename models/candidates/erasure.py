"""The right to erasure: remove a candidate's personal data, keep only anonymous statistics."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, delete, or_, select, update
from sqlalchemy.orm import Session

from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.candidates.history import ActionPlan, LadderAssessment
from models.candidates.outreach import OutreachContact
from models.candidates.participatiebaan import Participatiebaan
from models.candidates.trajectory import Trajectory
from models.catalogue import employer_requests
from models.catalogue.employer_request import EmployerRequest
from models.catalogue.profile import Favourite, PublicProfile
from models.common import audit, stamps
from models.common.audit_log import ChangeRecord
from models.enums import CandidateStatus
from models.matches.suggestion import Suggestion
from models.placements.placement import Placement


def erase_candidate(session: Session, candidate: Candidate, actor=None, origin: str | None = None) -> None:
    """Delete everything that identifies ``candidate``; placements stay, detached and anonymous.

    Placements already carry the anonymous facts (target group, age at start, value), so the
    reports and social-return figures do not change.
    """
    candidate_id = candidate.id
    organisation_id = candidate.organisation_id
    # Open requests about the person end here: nobody is left to ask (the employer sees "afgesloten").
    employer_requests.close_for_candidate(session, candidate_id, actor)
    profile_ids = select(PublicProfile.id).where(PublicProfile.candidate_id == candidate_id)
    session.execute(delete(Favourite).where(Favourite.profile_id.in_(profile_ids)))
    session.execute(update(EmployerRequest).where(EmployerRequest.profile_id.in_(profile_ids)).values(profile_id=None))
    session.execute(delete(PublicProfile).where(PublicProfile.candidate_id == candidate_id))
    session.execute(delete(Suggestion).where(Suggestion.candidate_id == candidate_id))
    session.execute(delete(CandidateTerm).where(CandidateTerm.candidate_id == candidate_id))
    session.execute(delete(CandidatePersonal).where(CandidatePersonal.candidate_id == candidate_id))
    session.execute(delete(ChangeRecord).where(
        ChangeRecord.object_type.in_(("Candidate", "CandidatePersonal", "PublicProfile")),
        ChangeRecord.object_id == candidate_id,
    ))
    session.execute(update(Placement).where(Placement.candidate_id == candidate_id).values(candidate_id=None))
    # The file's notes and plans describe the person: gone. Trajectories, participatiebanen and outreach
    # steps stay for the budget, capacity and funnel counts, without the person.
    session.execute(delete(LadderAssessment).where(LadderAssessment.candidate_id == candidate_id))
    session.execute(delete(ActionPlan).where(ActionPlan.candidate_id == candidate_id))
    for model in (Trajectory, Participatiebaan, OutreachContact):
        session.execute(update(model).where(model.candidate_id == candidate_id).values(candidate_id=None))
    session.expunge(candidate)
    session.execute(delete(Candidate).where(Candidate.id == candidate_id))
    stamps.bump(session, stamps.CATALOGUE)  # the profile went by a bulk delete: no ORM event saw it
    connection = session.connection()  # the matcher's index drops the row when it applies changes
    stamps.record_removals(connection, [(candidate_id, organisation_id)], stamps.next_change(connection))
    # The object is the erased record by its internal id (no personal data; the client number went with
    # the record), so the audit log's Object column and its object filter show which record it was and
    # find the earlier events about it.
    # (Erased by the retention job, without an actor: still in the organisation's log.)
    audit.record(session, "candidate_erased", actor=actor, obj=candidate, origin=origin,
                 details={"candidate_id": candidate_id, "organisation_id": organisation_id},
                 organisation_id=organisation_id)


def inactive_candidates(session: Session, today: date, retention_days: int, organisation_id: int | None = None):
    """Candidates no longer active whose last activity is older than the retention period."""
    cutoff_day = today - timedelta(days=retention_days)
    cutoff_time = datetime.combine(cutoff_day, time.min, tzinfo=UTC)
    query = select(Candidate).where(
        Candidate.status.in_((CandidateStatus.INACTIVE, CandidateStatus.PLACED)),
        or_(
            Candidate.last_active_on < cutoff_day,
            and_(Candidate.last_active_on.is_(None), Candidate.updated_at < cutoff_time),
        ),
    ).order_by(Candidate.id)
    if organisation_id is not None:
        query = query.where(Candidate.organisation_id == organisation_id)
    return list(session.scalars(query))
