"""The contracting authority's contract manager: read-only access to the obligations of its contracts.

It reuses the contractor view's mechanism: an existing employer account is given access by staff,
audited, revocable; every page answers 404 without access; no page names a placed person.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models.accounts import users
from models.accounts.user import User
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.enums import Role
from models.sroi.obligation import AuthorityAccess, ContractorAccess, SroiObligation
from models.sroi.valuation.tables import municipality_of


def authority_access_of(session: Session, user) -> AuthorityAccess | None:
    """The authority access of ``user`` (an employer account), or None."""
    if user is None or not user.is_authenticated or user.role != Role.EMPLOYER:
        return None
    return session.scalar(select(AuthorityAccess).where(AuthorityAccess.user_id == user.id))


def obligations_of(session: Session, access: AuthorityAccess) -> list[SroiObligation]:
    """The granting organisation's obligations whose contracting authority is the access's, newest first."""
    name = municipality_of(access.authority)
    rows = session.scalars(select(SroiObligation).options(joinedload(SroiObligation.contractor)).where(
        SroiObligation.organisation_id == access.organisation_id)
        .order_by(SroiObligation.period_end.desc(), SroiObligation.id.desc()))
    return [o for o in rows if municipality_of(o.contracting_authority) == name]


def managers(session: Session, organisation_id: int, authority: str) -> list[AuthorityAccess]:
    """The accounts with access for this contracting authority, by name."""
    name = municipality_of(authority)
    rows = session.scalars(select(AuthorityAccess).join(User, User.id == AuthorityAccess.user_id)
                           .options(joinedload(AuthorityAccess.user))
                           .where(AuthorityAccess.organisation_id == organisation_id).order_by(User.name))
    return [a for a in rows if municipality_of(a.authority) == name]


def grant_authority_access(session: Session, organisation_id: int, authority: str, email: str,
                           actor) -> AuthorityAccess:
    """Give the employer account with ``email`` read-only access to the authority's obligations; audited.

    Raises InvalidInput (field ``email``) when there is no such account or it already has an access.
    """
    user = users.user_by_email(session, users.normalise_email(email or ""))
    if user is None or user.role != Role.EMPLOYER:
        raise InvalidInput({"email": N_("Er is geen werkgeversaccount met dit e-mailadres. De contractmanager maakt "
                                        "eerst een account aan via 'Account voor werkgevers'.")})
    if session.scalar(select(AuthorityAccess.id).where(AuthorityAccess.user_id == user.id)) or \
            session.scalar(select(ContractorAccess.id).where(ContractorAccess.user_id == user.id)):
        raise InvalidInput({"email": N_("%(email)s heeft al toegang tot social return (als opdrachtgever of "
                                        "opdrachtnemer); die moet eerst worden ingetrokken.", email=user.email)})
    access = AuthorityAccess(user_id=user.id, organisation_id=organisation_id, authority=authority.strip()[:200],
                             granted_by_id=actor.id)
    session.add(access)
    session.flush()
    audit.record(session, "authority_access_granted", actor=actor, obj=user,
                 details={"organisation_id": organisation_id})
    return access


def revoke_authority_access(session: Session, access: AuthorityAccess, actor) -> None:
    """End the account's access at once; audited."""
    audit.record(session, "authority_access_revoked", actor=actor, obj=access.user,
                 details={"organisation_id": access.organisation_id})
    session.delete(access)
    session.flush()
