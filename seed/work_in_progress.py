"""Demo work in progress, so every workflow has something in it when a newcomer signs in: employer requests
in each step, a follow-up due today, suggestions reviewed into every state, and (for the municipality) a
contractor's proposal waiting for approval.
Everything goes through the operations staff and employers use."""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Employer, Organisation, PublicProfile, User
from models.catalogue import employer_requests, meet_requests
from models.common import clock, identifiers
from models.common.errors import InvalidInput
from models.enums import ActivityKind, ActivityStatus, Channel, ProfileStatus, RequestStatus, Role, VacancyStatus
from models.enums import SuggestionStatus as S
from models.matches import index_cache, review
from models.matches.suggestion import Suggestion
from models.matches.suggestions import refresh_suggestions
from models.register import contacts
from models.sroi.obligation import ContractorAccess, SroiObligation
from models.sroi.obligations import add_activity
from models.vacancies.vacancy import Vacancy

# Each request walks the steps up to its own: two new, one waiting for the candidate, one introduced, one closed.
REQUEST_STEPS = (
    (), (),
    (RequestStatus.CANDIDATE_ASKED,),
    (RequestStatus.CANDIDATE_ASKED, RequestStatus.CANDIDATE_AGREED, RequestStatus.INTRODUCED),
    (RequestStatus.CANDIDATE_ASKED, RequestStatus.CANDIDATE_DECLINED, RequestStatus.CLOSED),
)


def load_work_in_progress(session: Session, org: Organisation) -> Iterator[str]:
    manager = session.scalar(select(User).where(User.organisation_id == org.id, User.role == Role.ACCOUNT_MANAGER)
                             .order_by(User.id).limit(1))
    profiles = session.scalars(select(PublicProfile).where(
        PublicProfile.organisation_id == org.id, PublicProfile.status == ProfileStatus.PUBLISHED)
        .order_by(PublicProfile.id).limit(len(REQUEST_STEPS))).all()
    employers = session.scalars(select(Employer).where(Employer.organisation_id == org.id)
                                .order_by(Employer.id).limit(len(REQUEST_STEPS))).all()
    made = 0
    for employer, profile, steps in zip(employers, profiles, REQUEST_STEPS, strict=False):
        person = next((p for p in employer.contact_persons if p.email), None)
        name, email = (person.name, person.email) if person else ("Marieke de Boer", f"hr{employer.id}@werkgever.example.nl")
        request = meet_requests.submit(session, profile, meet_requests.MeetingRequest(
            name=name, company=employer.name, kvk=employer.kvk if identifiers.is_kvk(employer.kvk or "") else
            f"{90_000_000 + employer.id}", email=email,
            message="Wij zoeken iemand voor ons team en maken graag kennis."))
        request.employer_id = employer.id
        for step in steps:
            employer_requests.change_status(session, request, step, manager)
        made += 1
    yield f"{made} employer requests in every step"
    if manager is not None and employers:
        today = clock.today()
        contacts.log_contact_moment(session, employers[0], {
            "channel": Channel.PHONE.value, "occurred_on": today, "subject": "Vraag over proefplaatsing",
            "follow_up_on": today, "follow_up_action": "Terugbellen over de proefplaatsing",
            "follow_up_owner_id": manager.id}, manager)
        yield f"a follow-up due today for {manager.email}"
    yield from _proposal(session, org)
    yield from _suggestions(session, org)


# How far the first suggestions of the demo's first open vacancy are taken: each state has one.
SUGGESTION_WALKS = (
    (S.PROPOSED,),
    (S.PROPOSED, S.INTRODUCED),
    (S.PROPOSED, S.INTRODUCED, S.INTERVIEW),
    (S.PROPOSED, S.INTRODUCED, S.INTERVIEW, S.HIRED),
    (S.PROPOSED, S.INTRODUCED, S.INTERVIEW, S.NOT_HIRED),
    (S.REJECTED,),
)


def _suggestions(session: Session, org: Organisation) -> Iterator[str]:
    """Compute the suggestions of a few open vacancies, as the background job does, and review some of one
    vacancy's in every state, as a matcher would."""
    matcher = session.scalar(select(User).where(User.organisation_id == org.id, User.role == Role.MATCHER)
                             .order_by(User.id).limit(1))
    vacancies = session.scalars(select(Vacancy).where(Vacancy.organisation_id == org.id,
                                                      Vacancy.status == VacancyStatus.OPEN)
                                .order_by(Vacancy.id).limit(5)).all()
    index_cache.ensure(session, org.id)  # the worker's first job, done here: the demo shows suggestions at once
    added = sum(refresh_suggestions(session, vacancy, org).added for vacancy in vacancies)
    if not vacancies or matcher is None:
        return
    lists = [session.scalars(select(Suggestion).where(Suggestion.vacancy_id == vacancy.id,
                                                      Suggestion.organisation_id == org.id)
                             .order_by(Suggestion.score.desc(), Suggestion.id)).all() for vacancy in vacancies]
    first = max(lists, key=len)  # the vacancy with the most suggestions shows the review flow best
    walked = 0
    for suggestion, steps in zip(first, SUGGESTION_WALKS, strict=False):
        for step in steps:
            reason = "skills" if step == S.REJECTED else "employer_chose_other" if step == S.NOT_HIRED else None
            review.change_status(session, suggestion, step, actor=matcher, version=suggestion.version, reason=reason)
        walked += 1
    yield f"{added} suggestions for {len(vacancies)} open vacancies; {walked} reviewed into every state"


def _proposal(session: Session, org: Organisation) -> Iterator[str]:
    """The demo contractor's contact person proposes an activity that waits for the account manager."""
    row = session.execute(select(SroiObligation, User).join(ContractorAccess, ContractorAccess.employer_id ==
                                                            SroiObligation.contractor_id)
                          .join(User, User.id == ContractorAccess.user_id)
                          .where(SroiObligation.organisation_id == org.id).limit(1)).first()
    if row is None:
        return
    obligation, contact = row
    try:
        add_activity(session, obligation, ActivityKind.PURCHASE.value, clock.today(), "2500",
                     "Factuur 2026-118 van Sociale Werkplaats Flevoland (inkoop groenonderhoud)", actor=contact,
                     status=ActivityStatus.PROPOSED, unit="invoice")
    except InvalidInput as exc:  # a table that values no purchases: say so instead of failing the demo
        yield f"no contractor proposal: {'; '.join(exc.errors.values())}"
        return
    yield f"a contractor proposal waits for approval on {obligation.contract_name}"
