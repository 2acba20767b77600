"""Handling employers' requests to meet a candidate: status in order, owner, employer link."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.catalogue.employer_request import EmployerRequest
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.common.system import OutboxMessage
from models.enums import EmployerStatus, RequestStatus, Role
from models.register.employer import Employer

S = RequestStatus
# Who may own a request: the roles that can open the request inbox (web.access "register"); a matcher
# or an administrator as owner would be sent to a page they get 403 on.
OWNER_ROLES = frozenset({Role.ACCOUNT_MANAGER, Role.COORDINATOR})
NEXT: dict[RequestStatus, tuple[RequestStatus, ...]] = {
    S.NEW: (S.CANDIDATE_ASKED,),
    S.CANDIDATE_ASKED: (S.CANDIDATE_AGREED, S.CANDIDATE_DECLINED),
    S.CANDIDATE_AGREED: (S.INTRODUCED,),
    S.CANDIDATE_DECLINED: (S.CLOSED,),
    S.INTRODUCED: (S.CLOSED,),
    S.CLOSED: (),
}
STATUS_LABELS = {
    S.NEW: N_("nieuw"), S.CANDIDATE_ASKED: N_("kandidaat gevraagd"), S.CANDIDATE_AGREED: N_("kandidaat akkoord"),
    S.CANDIDATE_DECLINED: N_("kandidaat wil niet"), S.INTRODUCED: N_("voorgesteld"), S.CLOSED: N_("afgesloten"),
}
# What the employer hears, by status: generic text, never a name or contact detail of the candidate.
EMPLOYER_MESSAGES = {
    S.CANDIDATE_DECLINED: (
        "Uw verzoek over profiel {code}",
        "Wij hebben uw verzoek over profiel {code} voorgelegd. De kandidaat gaat er op dit moment niet "
        "op in. Kijk gerust verder in de catalogus; wij denken graag met u mee.",
    ),
    S.INTRODUCED: (
        "Uw verzoek over profiel {code}",
        "Goed nieuws over uw verzoek over profiel {code}: uw contactpersoon bij het "
        "werkgeversservicepunt neemt contact met u op om de kennismaking af te spreken.",
    ),
}


def change_status(session: Session, req: EmployerRequest, new: RequestStatus | str, actor) -> None:
    """Move ``req`` to the next status in order; InvalidInput for any other step."""
    try:
        new = RequestStatus(new)
    except ValueError:
        raise InvalidInput({"status": N_("Onbekende status.")}) from None
    if new not in NEXT[req.status]:
        if new == S.INTRODUCED:
            raise InvalidInput({"status": N_("Voorstellen kan pas als de kandidaat akkoord is gegeven.")})
        raise InvalidInput({"status": N_("Van ‘%(status)s’ kan het verzoek niet naar "
                                         "‘%(new)s’.", status=STATUS_LABELS[req.status], new=STATUS_LABELS[new])})
    old = req.status
    req.status = new
    session.flush()
    audit.record_changes(session, req, {"status": old.value}, {"status": new.value}, actor=actor)
    if new in EMPLOYER_MESSAGES and req.email:
        subject, body = EMPLOYER_MESSAGES[new]
        code = req.profile.code if req.profile else "?"
        session.add(OutboxMessage(to_address=req.email, subject=subject.format(code=code),
                                  body=body.format(code=code)))


def staff_choices(session: Session, organisation_id: int) -> list[User]:
    """Active staff of the organisation who can own a request: account managers and coordinators."""
    return list(session.scalars(
        select(User).where(User.organisation_id == organisation_id, User.active.is_(True),
                           User.role.in_(OWNER_ROLES)).order_by(User.name)
    ))


def update(session: Session, req: EmployerRequest, *, owner_id: int | None, follow_up_on: date | None,
           actor) -> None:
    """Set owner and follow-up date; InvalidInput (on ``owner_id``) when the owner cannot open requests:
    not an active account manager or coordinator of the organisation."""
    if owner_id is not None:
        owner = session.get(User, owner_id)
        if owner is None or owner.organisation_id != req.organisation_id or owner.role not in OWNER_ROLES \
                or not owner.active:
            raise InvalidInput({"owner_id": N_(
                "Eigenaar: kies een accountmanager of coördinator van uw organisatie, of niemand; alleen zij "
                "kunnen verzoeken openen.")})
    before = {"owner_id": req.owner_id, "follow_up_on": req.follow_up_on}
    req.owner_id, req.follow_up_on = owner_id, follow_up_on
    session.flush()
    audit.record_changes(session, req, before, {"owner_id": owner_id, "follow_up_on": follow_up_on}, actor=actor)


def matching_employer(session: Session, req: EmployerRequest) -> Employer | None:
    """The employer of the own organisation with the request's KvK number, if any."""
    if not req.kvk:
        return None
    return session.scalar(select(Employer).where(
        Employer.organisation_id == req.organisation_id, Employer.kvk == req.kvk).order_by(Employer.id).limit(1))


def link_employer(session: Session, req: EmployerRequest, actor) -> tuple[Employer, bool]:
    """Link the employer with the same KvK number, or create one from the request; (employer, created)."""
    employer = matching_employer(session, req)
    created = employer is None
    if created:
        kvk = req.kvk if req.kvk and len(req.kvk) == 8 and req.kvk.isdigit() else None
        employer = Employer(organisation_id=req.organisation_id, name=req.company[:200], kvk=kvk,
                            status=EmployerStatus.PROSPECT, account_manager_id=getattr(actor, "id", None))
        session.add(employer)
        session.flush()
    before = {"employer_id": req.employer_id}
    req.employer_id = employer.id
    session.flush()
    audit.record_changes(session, req, before, {"employer_id": employer.id}, actor=actor)
    return employer, created
