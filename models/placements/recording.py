"""Recording placements: checks, copied anonymous facts, side effects on profile and suggestions, value."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.base import utcnow
from models.candidates.candidate import Candidate
from models.catalogue import employer_requests
from models.catalogue.employer_request import EmployerRequest
from models.catalogue.profile import PublicProfile
from models.common.errors import N_, Duplicate, InvalidInput
from models.enums import (
    CandidateStatus,
    ContractType,
    Instrument,
    Outflow,
    ProfileStatus,
    RequestStatus,
    SuggestionStatus,
)
from models.matches.suggestion import Suggestion, lock_pair
from models.placements import value as placement_value
from models.placements.placement import Placement
from models.register.employer import Employer
from models.sroi.obligation import SroiObligation
from models.sroi.valuation.combinations import impossible_combination
from models.sroi.valuation.period import benefit_months
from models.sroi.valuation.tables import TARGET_GROUPS
from models.vacancies.vacancy import Vacancy

OPEN_SUGGESTION = (SuggestionStatus.NEW, SuggestionStatus.PROPOSED, SuggestionStatus.INTRODUCED,
                   SuggestionStatus.INTERVIEW)
# Which of a candidate's target groups is "the" one at start: registers before benefits.
# Statushouder is not among them: it is a bonus flag on the placement, on top of the benefit group.
TARGET_GROUP_PRIORITY = ("banenafspraak", "wajong", "wsw", "wia", "ww", "participatiewet", "nug")


def main_target_group(groups: list[str]) -> str | None:
    """The benefit or register a placement is valued on, from a candidate's target groups."""
    return next((g for g in TARGET_GROUP_PRIORITY if g in (groups or [])), None)


def age_on(birth: date, day: date) -> int:
    """Age in whole years on day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))




def _check(data: dict) -> dict[str, str]:
    errors = {}
    start, end = data.get("start_date"), data.get("end_date")
    if start is None:
        errors["start_date"] = N_("Vul de startdatum in.")
    if start and end and end < start:
        errors["end_date"] = N_("De (geplande) einddatum ligt vóór de startdatum.")
    hours = data.get("hours_per_week")
    if hours is None or not 1 <= hours <= 48:
        errors["hours_per_week"] = N_("Het aantal uren per week moet tussen 1 en 48 liggen.")
    if data.get("contract_type") not in set(ContractType):
        errors["contract_type"] = N_("Kies een soort contract.")
    if data.get("instrument") not in set(Instrument):
        errors["instrument"] = N_("Kies een instrument.")
    if data.get("target_group") == "statushouder":
        errors["target_group"] = N_("Statushouder is geen doelgroep maar een bonus: kies de uitkering of het "
                                    "register (bijv. Participatiewet) en vink 'statushouder' aan.")
    elif data.get("target_group") and data["target_group"] not in TARGET_GROUPS:
        errors["target_group"] = N_("Onbekende doelgroep.")
    elif data.get("instrument") in set(Instrument):
        impossible = impossible_combination(data.get("target_group"), data["instrument"])
        if impossible:
            errors["instrument"] = impossible
    months = data.get("benefit_months_at_start")
    if months is not None and not 0 <= months <= 600:
        errors["benefit_months_at_start"] = N_("De uitkeringsduur in maanden moet tussen 0 en 600 liggen.")
    outflow = data.get("outflow") or Outflow.NONE
    if outflow not in set(Outflow):
        errors["outflow"] = N_("Kies geen, gedeeltelijke of volledige uitstroom.")
    elif outflow != Outflow.NONE and data.get("outflow_on") is None:
        errors["outflow_on"] = N_("Vul de datum van de uitstroom in.")
    elif outflow != Outflow.NONE and start and data["outflow_on"] < start:
        errors["outflow_on"] = N_("De uitstroom ligt vóór de startdatum van de plaatsing.")
    return errors


def _own(session: Session, model, object_id, organisation_id: int):
    obj = session.get(model, object_id) if object_id else None
    return obj if obj is not None and obj.organisation_id == organisation_id else None


def record_placement(session: Session, organisation_id: int, data: dict, actor=None,
                     suggestion: Suggestion | None = None, request: EmployerRequest | None = None) -> Placement:
    """Record a placement of an own candidate at an employer, withdraw the profile, close open
    suggestions, mark the candidate placed and value it. Raises InvalidInput naming the field.

    A target group left unknown is taken from the candidate's file (``main_target_group``). A placement
    that counts for an obligation but would be worth nothing for it (no bouwblok fits, or the table has
    no version on the start date) is refused on ``confirm_zero_value`` with the value and the reason,
    unless ``data["confirm_zero_value"]`` says the user saw that and records it anyway.
    """
    candidate = _own(session, Candidate, data.get("candidate_id"), organisation_id)
    if not data.get("target_group") and candidate is not None:
        data = {**data, "target_group": main_target_group(candidate.target_groups) or ""}
    errors = _check(data)
    if candidate is None or candidate.status == CandidateStatus.ERASED:
        errors["candidate"] = N_("Kies een kandidaat van uw organisatie.")
    if suggestion is not None and (suggestion.status != SuggestionStatus.HIRED
                                   or suggestion.organisation_id != organisation_id):
        errors["suggestion"] = N_("Alleen een suggestie met de status 'aangenomen' kan een plaatsing worden.")
    if request is not None and (request.status != RequestStatus.INTRODUCED
                                or request.organisation_id != organisation_id):
        errors["request"] = N_("Alleen een verzoek waarop is voorgesteld kan een plaatsing worden.")
    vacancy = session.get(Vacancy, data["vacancy_id"]) if data.get("vacancy_id") else None
    linked_vacancy = suggestion.vacancy if suggestion is not None else None
    if data.get("vacancy_id") and (vacancy is None or (vacancy.organisation_id != organisation_id
                                                       and vacancy != linked_vacancy)):
        errors["vacancy"] = N_("Kies een vacature van uw organisatie.")
    employer = session.get(Employer, data["employer_id"]) if data.get("employer_id") else None
    partner_employer = linked_vacancy.employer_id if linked_vacancy is not None else None
    if employer is None or (employer.organisation_id != organisation_id and employer.id != partner_employer):
        errors["employer"] = N_("Kies een werkgever uit het register van uw organisatie.")
    obligation = _own(session, SroiObligation, data.get("sroi_obligation_id"), organisation_id)
    if data.get("sroi_obligation_id") and (obligation is None or employer is None
                                           or obligation.contractor_id != employer.id):
        errors["sroi_obligation"] = N_("Kies een verplichting waarvan deze werkgever de opdrachtnemer is.")
    if errors:
        raise InvalidInput(errors)
    birth = candidate.personal.birth_date if candidate.personal else None
    groups = candidate.target_groups or []
    months = data.get("benefit_months_at_start")
    if months is None and candidate.benefit_since:  # blank on the form: from the file's benefit start
        months = benefit_months(candidate.benefit_since, data["start_date"])
    placement = Placement(
        organisation_id=organisation_id, candidate_id=candidate.id, employer_id=employer.id,
        vacancy_id=vacancy.id if vacancy else None, suggestion_id=suggestion.id if suggestion else None,
        request_id=request.id if request else None, start_date=data["start_date"], end_date=data.get("end_date"),
        hours_per_week=data["hours_per_week"], contract_type=ContractType(data["contract_type"]),
        instrument=Instrument(data["instrument"]), wage_subsidy=bool(data.get("wage_subsidy")),
        target_group=data.get("target_group") or None, benefit_months_at_start=months,
        work_disability="banenafspraak" in groups or data.get("target_group") == "banenafspraak",
        statushouder=bool(data["statushouder"]) if "statushouder" in data else "statushouder" in groups,
        age_at_start=age_on(birth, data["start_date"]) if birth else None,
        outflow=Outflow(data.get("outflow") or Outflow.NONE), outflow_on=data.get("outflow_on"),
        sroi_obligation_id=obligation.id if obligation else None, block_code=data.get("block_code") or None,
        created_by_id=getattr(actor, "id", None),
    )
    with session.no_autoflush:
        placement_value.revalue(session, placement)  # raises before anything is written
    if obligation is not None and not placement.value_cents and not data.get("confirm_zero_value"):
        raise InvalidInput({"confirm_zero_value": N_(
            "Deze plaatsing krijgt voor de verplichting een waarde voor social return van € 0,00: %(why)s "
            "Controleer de doelgroep, het instrument en de uitkeringsduur of kies een bouwblok; of vink aan "
            "dat u haar toch zo vastlegt.", why=placement.value_explanation or "")})
    _refuse_same(session, placement)
    try:
        with session.begin_nested():  # a parallel insert of the same placement fails here, not the request
            session.add(placement)
    except IntegrityError:
        _refuse_same(session, placement)
        raise
    _after_placing(session, candidate, actor)
    return placement


def same_placement(session: Session, candidate_id: int, employer_id: int, start_date: date) -> Placement | None:
    """The placement with this natural key: the same candidate at the same employer from the same day."""
    return session.scalar(select(Placement).where(
        Placement.candidate_id == candidate_id, Placement.employer_id == employer_id,
        Placement.start_date == start_date).limit(1))


def _refuse_same(session: Session, placement: Placement) -> None:
    with session.no_autoflush:
        existing = same_placement(session, placement.candidate_id, placement.employer_id, placement.start_date)
    if existing is not None:
        raise Duplicate([N_("Deze plaatsing is al vastgelegd: dezelfde kandidaat, dezelfde werkgever en dezelfde "
                            "startdatum (%(start)s).", start=format(placement.start_date, "%d-%m-%Y"))], existing)


def _after_placing(session: Session, candidate: Candidate, actor) -> None:
    """Someone placed is no longer looking: profile withdrawn, open suggestions closed."""
    candidate.status = CandidateStatus.PLACED
    now = utcnow()
    profile = session.scalar(select(PublicProfile).where(PublicProfile.candidate_id == candidate.id))
    if profile is not None and profile.status != ProfileStatus.WITHDRAWN:
        profile.status = ProfileStatus.WITHDRAWN
        profile.withdrawn_reason = "geplaatst"
        profile.withdrawn_at = now
    is_open = (Suggestion.candidate_id == candidate.id, Suggestion.status.in_(OPEN_SUGGESTION))
    # A refresh on the worker may be rewriting these suggestions right now: wait for it (pairs in one
    # order), then read them as it left them, instead of failing on their changed version.
    for vacancy_id, organisation_id in session.execute(
            select(Suggestion.vacancy_id, Suggestion.organisation_id).where(*is_open).distinct()
            .order_by(Suggestion.vacancy_id, Suggestion.organisation_id)).all():
        lock_pair(session, vacancy_id, organisation_id)
    open_ones = session.scalars(select(Suggestion).where(*is_open).execution_options(populate_existing=True))
    for suggestion in open_ones:
        suggestion.status = SuggestionStatus.CLOSED
        suggestion.reject_reason = "placed"
        suggestion.status_changed_at = now
        suggestion.history = [*(suggestion.history or []),
                              {"status": "closed", "at": now.isoformat(), "by": getattr(actor, "id", None)}]
    session.flush()
    employer_requests.close_for_candidate(session, candidate.id, actor)  # no longer looking: nobody to ask


def end_early(session: Session, placement: Placement, on: date | None, reason: str) -> None:
    """End a running placement on day `on` (inclusive) for reason, and revalue it."""
    errors = {}
    if on is None:
        errors["ended_on"] = N_("Vul de datum in waarop de plaatsing is geëindigd.")
    elif on < placement.start_date:
        errors["ended_on"] = N_("De einddatum ligt vóór de startdatum.")
    elif placement.end_date and on > placement.end_date:
        errors["ended_on"] = N_("Dat is na de geplande einddatum; verleng de plaatsing in plaats daarvan.")
    if not (reason or "").strip():
        errors["reason"] = N_("Geef de reden van het vroegtijdig einde.")
    if errors:
        raise InvalidInput(errors)
    placement.ended_early_on = on
    placement.ended_early_reason = reason.strip()[:300]
    placement_value.revalue(session, placement)
    session.flush()


def extend(session: Session, placement: Placement, new_end: date | None) -> None:
    """Move the planned end to new_end (after the current end) and revalue; undoes an early end."""
    current = placement_value.effective_end(placement)
    if new_end is None:
        raise InvalidInput({"end_date": N_("Vul de nieuwe einddatum in.")})
    if new_end < placement.start_date or (current and new_end <= current):
        raise InvalidInput({"end_date": N_("De nieuwe einddatum moet na de huidige einddatum liggen.")})
    placement.end_date = new_end
    placement.ended_early_on = None
    placement.ended_early_reason = None
    placement_value.revalue(session, placement)
    session.flush()


def link_obligation(session: Session, placement: Placement, obligation: SroiObligation | None) -> None:
    """Count placement towards obligation (or none) and revalue with its table and period."""
    if obligation is not None and (obligation.organisation_id != placement.organisation_id
                                   or obligation.contractor_id != placement.employer_id):
        raise InvalidInput({"placement": N_("Deze plaatsing is niet bij de opdrachtnemer van deze verplichting.")})
    placement.sroi_obligation_id = obligation.id if obligation else None
    placement_value.revalue(session, placement)
    session.flush()
