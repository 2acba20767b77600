""""Vraag de kandidaat": an employer's request goes as a task to the candidate's own matcher.

The account manager handling a request sees only the profile's pseudonym. ``ask`` routes the
question to the candidate's owner (their matcher); the owner sees it in their caseload and on the
request, and records the candidate's answer with ``answer``: yes or no, and an optional note for
the account manager. The note is checked for personal data (names, contact details, special
categories such as health or origin) because the account manager may pass it on to the employer;
the employer never sees the answer itself, only the generic status messages. Every step is audited.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models.accounts.user import User
from models.candidates.candidate import Candidate
from models.catalogue import employer_requests
from models.catalogue.employer_request import EmployerRequest
from models.catalogue.profile import PublicProfile
from models.catalogue.scrubbing.categories import sensitive
from models.catalogue.scrubbing.scrub import detect
from models.common import audit, clock
from models.common.errors import N_, InvalidInput
from models.enums import RequestStatus, Role

ANSWERS = {"yes": "ja, wil kennismaken", "no": "nee, liever niet"}
NOTE_MAX = 500
# What a finding is called in the message (never the text found).
KINDS = {"name": "een naam", "email": "een e-mailadres", "phone": "een telefoonnummer", "bsn": "een BSN",
         "iban": "een rekeningnummer", "address": "een adres", "postcode": "een postcode",
         "date": "een datum", "url": "een link", "origin": "afkomst", "religion": "geloof",
         "health": "gezondheid", "orientation": "geaardheid", "political": "politieke voorkeur",
         "union": "vakbondslidmaatschap", "criminal": "justitiële gegevens", "pregnancy": "zwangerschap",
         "family": "gezinssituatie", "finances": "financiële situatie"}


def candidate_of(session: Session, req: EmployerRequest) -> Candidate | None:
    """The candidate behind the request's profile (own organisation only), or None."""
    profile = req.profile
    if profile is None or profile.candidate_id is None:
        return None
    candidate = session.get(Candidate, profile.candidate_id)
    return candidate if candidate is not None and candidate.organisation_id == req.organisation_id else None


def ask(session: Session, req: EmployerRequest, actor) -> User:
    """Give the question to the candidate's owner; a new request moves to "kandidaat gevraagd".

    InvalidInput when the request is past that stage, the profile is gone, or the candidate has no
    owner (then a coordinator must assign one first)."""
    if req.status not in (RequestStatus.NEW, RequestStatus.CANDIDATE_ASKED):
        raise InvalidInput({"ask": N_("De kandidaat is al gevraagd en heeft geantwoord, of het verzoek is afgesloten.")})
    if req.answer is not None:
        raise InvalidInput({"ask": N_("De kandidaat heeft al geantwoord.")})
    candidate = candidate_of(session, req)
    if candidate is None:
        raise InvalidInput({"ask": N_("Het profiel bij dit verzoek bestaat niet meer; er is niemand om te vragen.")})
    owner = session.get(User, candidate.owner_id) if candidate.owner_id else None
    if owner is None or not owner.active or owner.organisation_id != req.organisation_id:
        raise InvalidInput({"ask": N_("Deze kandidaat heeft geen eigen matcher. Vraag de coördinator om de "
                                      "kandidaat aan iemand toe te wijzen (caseload).")})
    before = {"asked_user_id": req.asked_user_id}
    req.asked_user_id, req.asked_at = owner.id, clock.now()
    session.flush()
    audit.record_changes(session, req, before, {"asked_user_id": owner.id}, actor=actor)
    audit.record(session, "request_candidate_asked", actor=actor, obj=req, organisation_id=req.organisation_id,
                 details={"asked_user_id": owner.id})
    if req.status == RequestStatus.NEW:
        employer_requests.change_status(session, req, RequestStatus.CANDIDATE_ASKED, actor)
    return owner


def may_answer(req: EmployerRequest, user) -> bool:
    """The asked matcher answers; a coordinator of the organisation may stand in."""
    if req.asked_user_id is None or user.organisation_id != req.organisation_id:
        return False
    return user.id == req.asked_user_id or user.role == Role.COORDINATOR


def note_problems(note: str) -> list[str]:
    """What kinds of personal data ``note`` seems to contain (names of kinds, never the text)."""
    kinds = [f.kind for f in detect(note)] + [kind for kind, _, _ in sensitive(note)]
    return list(dict.fromkeys(KINDS.get(k, k) for k in kinds))


def check_answer(answer: str | None, note: str | None) -> dict[str, str]:
    """Field -> message for a bad answer or note; empty when all is well."""
    errors: dict[str, str] = {}
    if answer not in ANSWERS:
        errors["answer"] = N_("Kies het antwoord van de kandidaat: ja of nee.")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        errors["note"] = N_("De notitie is te lang: hoogstens %(note_max)s tekens (nu %(note)s).",
                            note_max=NOTE_MAX, note=len(note))
    elif note and (found := note_problems(note)):
        errors["note"] = ("De notitie lijkt persoonsgegevens te bevatten (" + ", ".join(found) + "). "
                          "Schrijf alleen wat de accountmanager aan de werkgever mag doorgeven, "
                          "bijvoorbeeld wanneer de kandidaat kan kennismaken.")
    return errors


def record_answer(session: Session, req: EmployerRequest, answer: str | None, note: str | None, actor) -> None:
    """Record the candidate's answer; "kandidaat gevraagd" moves on to akkoord / wil niet.

    InvalidInput naming the field for a bad answer or note, or when nobody was asked yet or the
    answer is already in; nothing changes then."""
    if req.asked_user_id is None:
        raise InvalidInput({"answer": N_("De kandidaat is nog niet gevraagd.")})
    if req.answer is not None:
        raise InvalidInput({"answer": N_("Het antwoord van de kandidaat is al vastgelegd.")})
    if errors := check_answer(answer, note):
        raise InvalidInput(errors)
    note = (note or "").strip() or None
    before = {"answer": None, "answer_note": None, "answered_by_id": None}
    req.answer, req.answer_note = answer, note
    req.answered_by_id, req.answered_at = actor.id, clock.now()
    session.flush()
    # The audit keeps who answered and what; the note's text stays on the request only.
    audit.record_changes(session, req, before, {"answer": answer, "answer_note": "(notitie)" if note else None,
                                                "answered_by_id": actor.id}, actor=actor)
    audit.record(session, "request_answered", actor=actor, obj=req, organisation_id=req.organisation_id,
                 details={"answer": answer})
    if req.status == RequestStatus.CANDIDATE_ASKED:
        new = RequestStatus.CANDIDATE_AGREED if answer == "yes" else RequestStatus.CANDIDATE_DECLINED
        employer_requests.change_status(session, req, new, actor)


def open_for(session: Session, user) -> list[EmployerRequest]:
    """Requests whose question waits for ``user``'s answer, oldest question first."""
    return list(session.scalars(
        select(EmployerRequest).options(joinedload(EmployerRequest.profile).joinedload(PublicProfile.candidate))
        .where(EmployerRequest.organisation_id == user.organisation_id, EmployerRequest.asked_user_id == user.id,
               EmployerRequest.answer.is_(None), EmployerRequest.status == RequestStatus.CANDIDATE_ASKED)
        .order_by(EmployerRequest.asked_at, EmployerRequest.id)
    ))
