"""Sharing vacancies with partner organisations, and partners proposing their own candidates."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models.accounts.organisation import Organisation
from models.candidates.candidate import Candidate
from models.catalogue.profile import PublicProfile
from models.common import audit
from models.common.errors import N_, InvalidInput
from models.enums import CandidateStatus, SuggestionStatus, VacancyStatus
from models.matches.suggestion import Suggestion
from models.vacancies.vacancy import Vacancy, VacancyShare


def partner_organisations(session: Session, org_id: int) -> list[Organisation]:
    """Every organisation of the installation except ``org_id``, by name."""
    return list(session.scalars(select(Organisation).where(Organisation.id != org_id).order_by(Organisation.name)))


def _shared_names(vacancy: Vacancy) -> str | None:
    return ", ".join(sorted(s.organisation.name for s in vacancy.shares)) or None


def share(session: Session, vacancy: Vacancy, organisation_ids: list[int], *, whole_region: bool = False,
          actor=None) -> list[Organisation]:
    """Share ``vacancy`` with the given partners (or every organisation in its region); returns the new ones.

    Raises InvalidInput when nothing valid was chosen or the vacancy still waits for review.
    """
    if vacancy.status == VacancyStatus.SUBMITTED:
        raise InvalidInput({"organisations": N_("Beoordeel de aangemelde vacature eerst.")})
    partners = {o.id: o for o in partner_organisations(session, vacancy.organisation_id)}
    chosen = {i for i in organisation_ids if i in partners}
    if whole_region:
        region = vacancy.organisation.region
        if not region:
            raise InvalidInput({"organisations": N_("Uw organisatie heeft geen regio; kies partners.")})
        chosen |= {o.id for o in partners.values() if o.region == region}
    if not chosen:
        raise InvalidInput({"organisations": N_("Kies minstens één partnerorganisatie.")})
    before = _shared_names(vacancy)
    present = {s.organisation_id for s in vacancy.shares}
    added = [partners[i] for i in sorted(chosen - present)]
    for org in added:
        vacancy.shares.append(VacancyShare(organisation_id=org.id, organisation=org, shared_by_id=getattr(actor, "id", None)))
    if added:
        audit.record_changes(session, vacancy, {"shared_with": before}, {"shared_with": _shared_names(vacancy)}, actor=actor)
        audit.record(session, "vacancy_shared", actor=actor, obj=vacancy,
                     details={"organisations": [o.key for o in added]})
    session.flush()
    return added


def unshare(session: Session, vacancy: Vacancy, organisation_id: int, *, actor=None) -> bool:
    """Stop sharing ``vacancy`` with one organisation; False when it was not shared with it."""
    row = next((s for s in vacancy.shares if s.organisation_id == organisation_id), None)
    if row is None:
        return False
    before = _shared_names(vacancy)
    vacancy.shares.remove(row)
    audit.record_changes(session, vacancy, {"shared_with": before}, {"shared_with": _shared_names(vacancy)}, actor=actor)
    audit.record(session, "vacancy_unshared", actor=actor, obj=vacancy,
                 details={"organisation": row.organisation.key})
    session.flush()
    return True


def proposable_candidates(session: Session, org_id: int) -> list[Candidate]:
    """The active candidates of ``org_id`` (only ever that organisation's), by external id, names loaded."""
    return list(session.scalars(
        select(Candidate).where(Candidate.organisation_id == org_id, Candidate.status == CandidateStatus.ACTIVE)
        .options(joinedload(Candidate.personal)).order_by(Candidate.external_id)
    ))


def propose(session: Session, vacancy: Vacancy, candidate_id: int | None, partner: Organisation, *, actor) -> Suggestion:
    """A partner proposes one of its own candidates for a vacancy shared with it; raises InvalidInput."""
    shared = any(s.organisation_id == partner.id for s in vacancy.shares)
    if not shared or vacancy.organisation_id == partner.id:
        raise InvalidInput({"candidate_id": N_("Deze vacature is niet met uw organisatie gedeeld.")})
    if vacancy.status not in (VacancyStatus.OPEN, VacancyStatus.ON_HOLD):
        raise InvalidInput({"candidate_id": N_("Op deze vacature kunt u niemand meer voordragen.")})
    candidate = session.get(Candidate, candidate_id) if candidate_id else None
    if candidate is None or candidate.organisation_id != partner.id or candidate.status != CandidateStatus.ACTIVE:
        raise InvalidInput({"candidate_id": N_("Kies een actieve kandidaat van uw organisatie.")})
    existing = session.scalar(select(Suggestion).where(Suggestion.vacancy_id == vacancy.id,
                                                       Suggestion.candidate_id == candidate.id))
    if existing is not None and existing.status == SuggestionStatus.NEW and existing.organisation_id == partner.id:
        # The matcher suggested this person already: proposing is then the review step.
        from models.matches.review import propose as propose_suggestion

        propose_suggestion(session, existing, actor=actor, version=existing.version)
        audit.record(session, "vacancy_candidate_proposed", actor=actor, obj=vacancy,
                     details={"suggestion": existing.id, "organisation": partner.key})
        return existing
    if existing is not None:
        raise InvalidInput({"candidate_id": N_("Deze kandidaat is al voorgedragen voor deze vacature.")})
    suggestion = Suggestion(
        vacancy_id=vacancy.id, candidate_id=candidate.id, organisation_id=partner.id, score=0.0,
        reasons=[f"Voorgedragen door {partner.name}"], status=SuggestionStatus.PROPOSED,
        reviewer_id=getattr(actor, "id", None), history=[],
    )
    session.add(suggestion)
    session.flush()
    suggestion.history = [{"status": "proposed", "at": suggestion.created_at.isoformat(), "by": getattr(actor, "id", None)}]
    suggestion.mark_reached(SuggestionStatus.PROPOSED, suggestion.created_at)
    audit.record(session, "vacancy_candidate_proposed", actor=actor, obj=vacancy,
                 details={"suggestion": suggestion.id, "organisation": partner.key})
    return suggestion


def owner_proposals(session: Session, vacancy: Vacancy) -> list[dict]:
    """Partners' proposals for ``vacancy`` as the owner may see them: partner, pseudonym, date, status."""
    rows = session.execute(
        select(Suggestion, Organisation.name, PublicProfile.code)
        .join(Organisation, Organisation.id == Suggestion.organisation_id)
        .outerjoin(PublicProfile, PublicProfile.candidate_id == Suggestion.candidate_id)
        .where(Suggestion.vacancy_id == vacancy.id, Suggestion.organisation_id != vacancy.organisation_id,
               # Only what a partner's matcher chose to propose; what they were merely shown stays theirs.
               Suggestion.proposed_at.is_not(None))
        .order_by(Suggestion.created_at.desc())
    ).all()
    return [{"partner": name, "pseudonym": code or f"kandidaat van {name}", "at": s.created_at,
             "status": s.status.value} for s, name, code in rows]


def own_proposals(session: Session, vacancy: Vacancy, org_id: int) -> list[Suggestion]:
    """What ``org_id`` (a partner) proposed for ``vacancy``, with its candidates loaded."""
    return list(session.scalars(
        select(Suggestion).where(Suggestion.vacancy_id == vacancy.id, Suggestion.organisation_id == org_id,
                                 Suggestion.proposed_at.is_not(None))
        .options(joinedload(Suggestion.candidate).joinedload(Candidate.personal))
        .order_by(Suggestion.created_at.desc())
    ))
