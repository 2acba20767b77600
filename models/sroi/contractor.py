"""The contractor's side of social return: access for its contact persons, proposals, and their review."""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, joinedload

from models.accounts import users
from models.accounts.user import User
from models.base import utcnow
from models.common import audit, locking
from models.common.errors import N_, InvalidInput
from models.enums import ActivityStatus, Role
from models.register.employer import Employer
from models.sroi.obligation import ContractorAccess, SroiActivity, SroiObligation

PROPOSAL_LABELS = {"proposed": N_("voorgesteld"), "approved": N_("goedgekeurd"), "rejected": N_("afgewezen")}
MAX_REASON = 500


def contractor_of(session: Session, user) -> Employer | None:
    """The register employer whose obligations ``user`` (an employer account) may see, or None."""
    if user is None or not user.is_authenticated or user.role != Role.EMPLOYER:
        return None
    return session.scalar(select(Employer).join(ContractorAccess, ContractorAccess.employer_id == Employer.id)
                          .where(ContractorAccess.user_id == user.id))


def contacts(session: Session, employer: Employer) -> list[ContractorAccess]:
    """The accounts with access as contact person of ``employer``, by name."""
    return list(session.scalars(select(ContractorAccess).join(User, User.id == ContractorAccess.user_id)
                                .options(joinedload(ContractorAccess.user))
                                .where(ContractorAccess.employer_id == employer.id).order_by(User.name)))


def grant_access(session: Session, employer: Employer, email: str, actor) -> ContractorAccess:
    """Give the employer account with ``email`` access to ``employer``'s obligations; audited.

    Raises InvalidInput (field ``email``) when there is no such employer account or it already has access.
    """
    user = users.user_by_email(session, users.normalise_email(email or ""))
    if user is None or user.role != Role.EMPLOYER:
        raise InvalidInput({"email": N_("Er is geen werkgeversaccount met dit e-mailadres. De contactpersoon maakt "
                                        "eerst een account aan via 'Account voor werkgevers'.")})
    current = session.scalar(select(ContractorAccess).where(ContractorAccess.user_id == user.id))
    if current is not None and current.employer_id == employer.id:
        raise InvalidInput({"email": N_("%(email)s heeft al toegang.", email=user.email)})
    if current is not None:
        raise InvalidInput({"email": N_("%(email)s heeft al toegang als contactpersoon van een andere "
                                        "opdrachtnemer; die toegang moet eerst worden ingetrokken.", email=user.email)})
    from models.sroi.obligation import AuthorityAccess

    if session.scalar(select(AuthorityAccess.id).where(AuthorityAccess.user_id == user.id)):
        raise InvalidInput({"email": N_("%(email)s heeft al toegang als contractmanager van een opdrachtgever; "
                                        "die toegang moet eerst worden ingetrokken.", email=user.email)})
    access = ContractorAccess(user_id=user.id, employer_id=employer.id, granted_by_id=actor.id)
    session.add(access)
    session.flush()
    audit.record(session, "contractor_access_granted", actor=actor, obj=user, details={"employer_id": employer.id})
    return access


def revoke_access(session: Session, access: ContractorAccess, actor) -> None:
    """End an account's access to its contractor's obligations at once; audited."""
    audit.record(session, "contractor_access_revoked", actor=actor, obj=access.user,
                 details={"employer_id": access.employer_id})
    session.delete(access)
    session.flush()


def obligations_for(session: Session, employer: Employer) -> list[SroiObligation]:
    """Every obligation whose contractor is ``employer``, the newest period first."""
    return list(session.scalars(select(SroiObligation).where(SroiObligation.contractor_id == employer.id)
                                .order_by(SroiObligation.period_end.desc(), SroiObligation.id.desc())))


def proposals(session: Session, obligation: SroiObligation, waiting_only: bool = False) -> list[SroiActivity]:
    """Activities the contractor proposed (with their review), or only those still waiting; oldest first."""
    query = select(SroiActivity).where(SroiActivity.obligation_id == obligation.id)
    if waiting_only:
        query = query.where(SroiActivity.status == ActivityStatus.PROPOSED)
    else:
        query = query.where(or_(SroiActivity.proposed_by_id.is_not(None),
                                SroiActivity.status != ActivityStatus.APPROVED))
    return list(session.scalars(query.order_by(SroiActivity.created_at, SroiActivity.id)))


def waiting_counts(session: Session, obligation_ids: list[int]) -> dict[int, int]:
    """How many proposals wait for review, per obligation id (absent: none)."""
    if not obligation_ids:
        return {}
    rows = session.execute(select(SroiActivity.obligation_id, func.count()).where(
        SroiActivity.obligation_id.in_(obligation_ids), SroiActivity.status == ActivityStatus.PROPOSED)
        .group_by(SroiActivity.obligation_id))
    return dict(rows.all())


def _review(session: Session, activity: SroiActivity, submitted_version, actor, status: ActivityStatus,
            reason: str | None = None) -> None:
    locking.check_version(session, activity, submitted_version)
    if activity.status != ActivityStatus.PROPOSED:
        raise InvalidInput({"status": N_("Dit voorstel is al beoordeeld.")})
    activity.status, activity.reviewed_by_id, activity.reviewed_at = status, actor.id, utcnow()
    activity.rejection_reason = reason
    locking.flush_or_conflict(session)


def approve(session: Session, activity: SroiActivity, submitted_version, actor) -> None:
    """Approve a proposal: from now on its value counts. Raises Conflict on a stale form."""
    _review(session, activity, submitted_version, actor, ActivityStatus.APPROVED)
    audit.record(session, "sroi_activity_approved", actor=actor, obj=activity,
                 details={"obligation_id": activity.obligation_id, "value_cents": activity.value_cents})


def reject(session: Session, activity: SroiActivity, submitted_version, reason: str, actor) -> None:
    """Reject a proposal with a reason the contractor sees. Raises InvalidInput (``reason``) or Conflict."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": N_("Vul de reden van afwijzing in; de opdrachtnemer ziet die.")})
    if len(reason) > MAX_REASON:
        raise InvalidInput({"reason": N_("Gebruik hoogstens %(max_reason)s tekens voor de reden.",
                                         max_reason=MAX_REASON)})
    _review(session, activity, submitted_version, actor, ActivityStatus.REJECTED, reason)
    audit.record(session, "sroi_activity_rejected", actor=actor, obj=activity,
                 details={"obligation_id": activity.obligation_id})
