"""Vacancies employers send in through the public site: submission, then acceptance or refusal."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.base import utcnow
from models.common import audit, identifiers
from models.common.errors import N_, InvalidInput
from models.enums import VacancySource, VacancyStatus
from models.register.employer import Employer
from models.vacancies.vacancy import Vacancy

from .edit import DATE_MESSAGES, date_bounds, link_terms, snapshot


def _receiving_organisation(session: Session) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.is_default.is_(True)).order_by(Organisation.id))
    org = org or session.scalar(select(Organisation).order_by(Organisation.id))
    if org is None:
        raise InvalidInput({"company_name": N_("Aanmelden is nu niet mogelijk.")})
    return org


def _clean_submission(data: dict, today: date) -> dict:
    errors: dict[str, str] = {}
    out = {k: (v.strip() if isinstance(v, str) else v) for k, v in data.items()}
    for key, message in (("company_name", "Vul de naam van uw bedrijf in."), ("contact_name", "Vul uw naam in."),
                         ("title", "Vul de functietitel in."), ("city", "Vul de plaats van het werk in.")):
        if not out.get(key):
            errors[key] = message
    out["kvk"] = identifiers.compact_kvk(out.get("kvk") or "")
    if not identifiers.is_kvk(out["kvk"]):
        errors["kvk"] = N_("Een KvK-nummer heeft 8 cijfers.")
    from email_validator import EmailNotValidError, validate_email  # dnspython and idna: on first use, not at boot
    try:
        out["email"] = validate_email(out.get("email") or "", check_deliverability=False).normalized
    except EmailNotValidError:
        errors["email"] = N_("Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.")
    phone = out.get("phone") or ""
    if phone and not identifiers.is_phone(phone):
        errors["phone"] = N_("Vul een telefoonnummer in zoals 0321 123456 of +31 6 12345678.")
    for key in ("hours_min", "hours_max"):
        if out.get(key) is not None and not 1 <= out[key] <= 48:
            errors[key] = N_("Vul een aantal uur per week tussen 1 en 48 in.")
    if (out.get("hours_min") and out.get("hours_max") and not errors.keys() & {"hours_min", "hours_max"}
            and out["hours_min"] > out["hours_max"]):
        errors["hours_min"] = N_("Het minimum aantal uur mag niet hoger zijn dan het maximum.")
    if out.get("start_date") and out["start_date"] < today:
        errors["start_date"] = N_("De startdatum mag niet in het verleden liggen.")
    elif out.get("start_date") and out["start_date"] > (latest := date_bounds(today)[1]):
        errors["start_date"] = N_(DATE_MESSAGES["start_date"], earliest=f"{today:%d-%m-%Y}", latest=f"{latest:%d-%m-%Y}")
    if errors:
        raise InvalidInput(errors)
    return out


def submit_public(session: Session, data: dict, *, today: date) -> Vacancy:
    """Store a vacancy sent in by an employer as 'submitted' for the default organisation to review."""
    d = _clean_submission(data, today)
    org = _receiving_organisation(session)
    vacancy = Vacancy(
        organisation_id=org.id, employer_id=None, title=d["title"][:200], description=(d.get("description") or None),
        hours_min=d.get("hours_min"), hours_max=d.get("hours_max"), city=d["city"][:100],
        start_date=d.get("start_date"), status=VacancyStatus.SUBMITTED, source=VacancySource.PUBLIC,
        required_skills=[], preferred_skills=[],
        submitted_by={"company_name": d["company_name"][:200], "kvk": d["kvk"], "contact_name": d["contact_name"][:200],
                      "email": d["email"], "phone": d.get("phone") or None, "submitted_at": utcnow().isoformat()},
    )
    session.add(vacancy)
    session.flush()
    vacancy.external_id = f"WB-{vacancy.id}"
    audit.record(session, "vacancy_submitted", obj=vacancy, origin="public")
    return vacancy


def matching_employer(session: Session, vacancy: Vacancy) -> Employer | None:
    """An employer of the owner's register with the submitted KvK number, if there is one."""
    kvk = (vacancy.submitted_by or {}).get("kvk")
    if not kvk:
        return None
    return session.scalar(select(Employer).where(Employer.organisation_id == vacancy.organisation_id,
                                                 Employer.kvk == kvk).order_by(Employer.id))


def accept_submission(session: Session, vacancy: Vacancy, *, employer_id: int | None, create_employer: bool,
                      actor) -> Vacancy:
    """Open a submitted vacancy, linked to an existing employer or one made from the submission."""
    if vacancy.status != VacancyStatus.SUBMITTED:
        raise InvalidInput({"decision": N_("Deze vacature is al beoordeeld.")})
    before = snapshot(vacancy)
    if create_employer:
        sub = vacancy.submitted_by or {}
        employer = Employer(organisation_id=vacancy.organisation_id, name=sub.get("company_name") or vacancy.title,
                            kvk=sub.get("kvk") or None, city=vacancy.city)
        session.add(employer)
        session.flush()
        audit.record(session, "employer_created", actor=actor, obj=employer, details={"from_vacancy": vacancy.id})
    else:
        employer = session.get(Employer, employer_id) if employer_id else None
        if employer is None or employer.organisation_id != vacancy.organisation_id:
            raise InvalidInput({"employer_id": N_("Kies een werkgever van uw organisatie, of maak een nieuwe aan.")})
    vacancy.employer_id = employer.id
    vacancy.employer = employer
    vacancy.status = VacancyStatus.OPEN
    link_terms(session, vacancy)
    audit.record_changes(session, vacancy, before, snapshot(vacancy), actor=actor)
    audit.record(session, "vacancy_accepted", actor=actor, obj=vacancy)
    session.flush()
    return vacancy


def reject_submission(session: Session, vacancy: Vacancy, reason: str, *, actor) -> Vacancy:
    """Refuse a submitted vacancy with a reason (it is closed, never shown to partners)."""
    if vacancy.status != VacancyStatus.SUBMITTED:
        raise InvalidInput({"decision": N_("Deze vacature is al beoordeeld.")})
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": N_("Geef een reden voor de afwijzing.")})
    before = {"status": vacancy.status.value, "rejection_reason": None}
    vacancy.status = VacancyStatus.CLOSED
    vacancy.rejection_reason = reason[:300]
    audit.record_changes(session, vacancy, before, {"status": "closed", "rejection_reason": vacancy.rejection_reason},
                         actor=actor)
    audit.record(session, "vacancy_rejected", actor=actor, obj=vacancy)
    session.flush()
    return vacancy
