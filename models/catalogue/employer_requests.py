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
# Steps that only the question to the candidate sets ("Vraag de kandidaat", then the answer of the
# candidate's matcher, or a coordinator standing in: models/catalogue/candidate_questions.py). The
# account manager sees a pseudonym and cannot know what the candidate said, so these are no buttons.
QUESTION_STEPS = frozenset({S.CANDIDATE_ASKED, S.CANDIDATE_AGREED, S.CANDIDATE_DECLINED})
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
    audit.record(session, "request_status_changed", actor=actor, obj=req, organisation_id=req.organisation_id,
                 details={"from": old.value, "to": new.value})
    if new in EMPLOYER_MESSAGES and req.email:
        subject, body = EMPLOYER_MESSAGES[new]
        code = req.profile.code if req.profile else "?"
        session.add(OutboxMessage(organisation_id=req.organisation_id, to_address=req.email,
                                  subject=subject.format(code=code),
                                  body=body.format(code=code)))


def close_for_candidate(session: Session, candidate_id: int, actor) -> int:
    """Close every open request about ``candidate_id``'s profile; returns how many.

    Someone placed or erased can no longer be asked: the requests would wait for an answer that never
    comes. A step outside the buttons (like the suggestions closed on placing), audited; the employer
    sees "afgesloten" on their page and gets no e-mail that could say why.
    """
    from models.catalogue.profile import PublicProfile

    open_ones = list(session.scalars(select(EmployerRequest).where(
        EmployerRequest.profile_id.in_(select(PublicProfile.id).where(PublicProfile.candidate_id == candidate_id)),
        EmployerRequest.status != S.CLOSED).order_by(EmployerRequest.id)))
    for req in open_ones:
        old = req.status
        req.status = S.CLOSED
        session.flush()
        audit.record_changes(session, req, {"status": old.value}, {"status": S.CLOSED.value}, actor=actor)
    return len(open_ones)


def next_by_hand(req: EmployerRequest) -> tuple[RequestStatus, ...]:
    """The steps staff may set with a button on the request (everything but the question's steps)."""
    return tuple(step for step in NEXT[req.status] if step not in QUESTION_STEPS)


def waiting_for(req: EmployerRequest) -> str | None:
    """What the request waits for when no button moves it on (a Dutch sentence), or None."""
    if req.status == S.NEW or (req.status == S.CANDIDATE_ASKED and req.asked_user_id is None):
        return N_("Eerst moet de kandidaat gevraagd worden: gebruik ‘Vraag de kandidaat’. De matcher van de "
                  "kandidaat legt het antwoord vast; daarna gaat het verzoek vanzelf verder.")
    if req.status == S.CANDIDATE_ASKED:
        return N_("Wacht op het antwoord van de kandidaat, dat de matcher van de kandidaat vastlegt. Daarna gaat "
                  "het verzoek vanzelf naar ‘kandidaat akkoord’ of ‘kandidaat wil niet’.")
    return None


def step_by_hand(session: Session, req: EmployerRequest, new: RequestStatus | str, actor) -> None:
    """A status button on the request: :func:`change_status`, except for the question's steps.

    Whether the candidate agrees comes only from the answer the candidate's matcher records; asking
    goes through "Vraag de kandidaat". InvalidInput (on ``status``, nothing changed) for those steps.
    """
    if new in {step.value for step in QUESTION_STEPS}:
        if new == S.CANDIDATE_ASKED.value:
            raise InvalidInput({"status": N_("Vraag de kandidaat met ‘Vraag de kandidaat’: de vraag gaat dan "
                                             "naar de matcher van de kandidaat.")})
        raise InvalidInput({"status": N_("Het antwoord van de kandidaat legt de matcher van de kandidaat vast "
                                         "(of een coördinator die voor hem of haar invalt), niet de "
                                         "accountmanager; het verzoek gaat dan vanzelf verder.")})
    change_status(session, req, new, actor)


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
