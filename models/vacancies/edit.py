"""Creating and editing vacancies, linking their skills, and closing them on their closing date."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.base import utcnow
from models.common import audit, identifiers
from models.common.audit_log import ChangeRecord
from models.common.errors import N_, InvalidInput
from models.enums import DRIVING_LICENCES, DutchLevel, Education, VacancyStatus
from models.register.employer import Employer
from models.taxonomy.terms import TermLinker
from models.vacancies.vacancy import Vacancy, VacancyTerm

STAFF_STATUSES = (VacancyStatus.OPEN, VacancyStatus.ON_HOLD, VacancyStatus.FILLED, VacancyStatus.CLOSED)
FIELDS = (
    "employer_id", "title", "occupation", "description", "required_skills", "preferred_skills",
    "hours_min", "hours_max", "postcode", "city", "education_min", "driving_licence", "dutch_min",
    "start_date", "closing_date", "status",
)
MAX_SKILLS = 40
YEARS_BACK, YEARS_AHEAD = 5, 5
DATE_MESSAGES = {
    "start_date": N_("De startdatum moet tussen %(earliest)s en %(latest)s liggen."),
    "closing_date": N_("De sluitingsdatum moet tussen %(earliest)s en %(latest)s liggen."),
}


def split_skills(text: str | list[str] | None) -> list[str]:
    """Skills written one per line or comma separated, trimmed, without repeats (case-insensitive)."""
    if not text:
        return []
    parts = text if isinstance(text, list) else re.split(r"[\n,;]", text)
    seen, out = set(), []
    for part in parts:
        word = " ".join(part.split())
        if word and word.lower() not in seen:
            seen.add(word.lower())
            out.append(word)
    return out


def _text(value, limit: int) -> str | None:
    value = (value or "").strip() if isinstance(value, str) or value is None else value
    return value[:limit] if value else None


def date_bounds(today: date) -> tuple[date, date]:
    """The dates a vacancy's start and closing date may take: from YEARS_BACK years ago to YEARS_AHEAD ahead."""
    def shifted(years: int) -> date:
        try:
            return today.replace(year=today.year + years)
        except ValueError:  # 29 February
            return today.replace(year=today.year + years, day=28)
    return shifted(-YEARS_BACK), shifted(YEARS_AHEAD)


def clean(session: Session, organisation_id: int, data: dict, *, today: date, creating: bool,
          stored: dict | None = None) -> dict:
    """Check ``data`` against the vacancy rules and return normalised values; raises InvalidInput.

    ``stored``: the vacancy's current values when editing; a date kept as it was is not checked
    against :func:`date_bounds` again (an old vacancy stays editable).
    """
    errors: dict[str, str] = {}
    out = {key: data.get(key) for key in FIELDS}
    out["title"] = _text(out["title"], 200)
    if not out["title"]:
        errors["title"] = N_("Vul een functietitel in.")
    out["occupation"], out["city"] = _text(out["occupation"], 200), _text(out["city"], 100)
    out["description"] = _text(out["description"], 20_000)
    employer = session.get(Employer, out["employer_id"]) if out["employer_id"] else None
    if employer is None or employer.organisation_id != organisation_id:
        errors["employer_id"] = N_("Kies een werkgever van uw organisatie.")
    for key in ("required_skills", "preferred_skills"):
        out[key] = [w[:200] for w in split_skills(out[key])]
        if len(out[key]) > MAX_SKILLS:
            errors[key] = N_("Noem hoogstens %(max_skills)s vaardigheden.", max_skills=MAX_SKILLS)
    for key in ("hours_min", "hours_max"):
        if out[key] is not None and not 1 <= out[key] <= 48:
            errors[key] = N_("Vul een aantal uur per week tussen 1 en 48 in.")
    if (out["hours_min"] is not None and out["hours_max"] is not None
            and "hours_min" not in errors and "hours_max" not in errors and out["hours_min"] > out["hours_max"]):
        errors["hours_min"] = N_("Het minimum aantal uur mag niet hoger zijn dan het maximum.")
    try:
        out["postcode"] = identifiers.clean_postcode(out["postcode"], pc4=True)
    except identifiers.InvalidIdentifier:
        errors["postcode"] = N_("Vul een postcode in als 1234 AB (of alleen de vier cijfers).")
        out["postcode"] = None
    for key, enum_cls in (("education_min", Education), ("dutch_min", DutchLevel), ("status", VacancyStatus)):
        if out[key] in (None, ""):
            out[key] = None
        elif out[key] not in {m.value for m in enum_cls}:
            errors[key] = N_("Kies een van de mogelijkheden.")
        else:
            out[key] = enum_cls(out[key])
    if out["status"] is None:
        out["status"] = VacancyStatus.OPEN
    elif out["status"] not in STAFF_STATUSES and "status" not in errors:
        errors["status"] = N_("Kies een van de mogelijkheden.")
    out["driving_licence"] = (out["driving_licence"] or "").strip().upper() or None
    if out["driving_licence"] and out["driving_licence"] not in DRIVING_LICENCES:
        errors["driving_licence"] = N_("Kies een rijbewijscategorie uit de lijst.")
    if creating and out["closing_date"] and out["closing_date"] < today:
        errors["closing_date"] = N_("De sluitingsdatum mag niet in het verleden liggen.")
    earliest, latest = date_bounds(today)
    for key, message in DATE_MESSAGES.items():
        value = out[key]
        if (value is not None and key not in errors and value != (stored or {}).get(key)
                and not earliest <= value <= latest):
            errors[key] = N_(message, earliest=f"{earliest:%d-%m-%Y}", latest=f"{latest:%d-%m-%Y}")
    if errors:
        raise InvalidInput(errors)
    return out


def snapshot(vacancy: Vacancy) -> dict[str, str | None]:
    """The vacancy's editable fields as text, for the change history."""
    out = {}
    for key in FIELDS:
        value = getattr(vacancy, key)
        if isinstance(value, list):
            value = ", ".join(value) or None
        elif isinstance(value, date):
            value = value.isoformat()
        elif value is not None and hasattr(value, "value"):
            value = value.value
        out[key] = None if value is None else str(value)
    return out


def link_terms(session: Session, vacancy: Vacancy) -> None:
    """Link the vacancy's skills and occupation to the taxonomy, storing one VacancyTerm per wording."""
    linker = TermLinker(session)
    terms = []
    for required, words in ((True, vacancy.required_skills), (False, vacancy.preferred_skills)):
        for wording in words or []:
            concept_id, confidence = linker.link(wording, kind="skill")
            terms.append(VacancyTerm(required=required, wording=wording[:200], concept_id=concept_id,
                                     confidence=confidence))
    vacancy.terms = terms
    vacancy.occupation_concept_id = linker.link(vacancy.occupation, kind="occupation")[0] if vacancy.occupation else None
    linker.save_unmatched()


def create_vacancy(session: Session, organisation_id: int, data: dict, *, actor, today: date) -> Vacancy:
    """Register a vacancy of ``organisation_id``; raises InvalidInput before writing anything."""
    values = clean(session, organisation_id, data, today=today, creating=True)
    vacancy = Vacancy(organisation_id=organisation_id, **values)
    session.add(vacancy)
    session.flush()
    vacancy.external_id = f"WB-{vacancy.id}"  # the handle partner systems use in the API
    link_terms(session, vacancy)
    audit.record_changes(session, vacancy, {}, snapshot(vacancy), actor=actor)
    audit.record(session, "vacancy_created", actor=actor, obj=vacancy)
    session.flush()
    return vacancy


def update_vacancy(session: Session, vacancy: Vacancy, data: dict, *, actor, today: date) -> int:
    """Save changed fields of ``vacancy`` and record each change; returns how many fields changed."""
    values = clean(session, vacancy.organisation_id, data, today=today, creating=False,
                   stored={"start_date": vacancy.start_date, "closing_date": vacancy.closing_date})
    before = snapshot(vacancy)
    for key, value in values.items():
        setattr(vacancy, key, value)
    after = snapshot(vacancy)
    changed = audit.record_changes(session, vacancy, before, after, actor=actor)
    if before["required_skills"] != after["required_skills"] or before["preferred_skills"] != after[
        "preferred_skills"] or before["occupation"] != after["occupation"]:
        link_terms(session, vacancy)
    if changed:
        vacancy.updated_at = utcnow()
    session.flush()
    return changed


def close_expired(session: Session, today: date) -> int:
    """Close every open or on-hold vacancy whose closing date has passed; returns how many.

    A single guarded UPDATE per status, so concurrent readers never close (or record) a vacancy twice.
    """
    closed = 0
    now = utcnow()
    for old in (VacancyStatus.OPEN, VacancyStatus.ON_HOLD):
        ids = session.execute(
            update(Vacancy)
            .where(Vacancy.closing_date < today, Vacancy.status == old)
            .values(status=VacancyStatus.CLOSED, version=Vacancy.version + 1, updated_at=now)
            .returning(Vacancy.id)
            .execution_options(synchronize_session=False)
        ).scalars().all()
        for vacancy_id in ids:
            session.add(ChangeRecord(object_type="Vacancy", object_id=vacancy_id, field="status",
                                     old=old.value, new=VacancyStatus.CLOSED.value, at=now))
        closed += len(ids)
    if closed:
        # Rows already loaded in this session must not keep their stale status and version.
        for obj in list(session.identity_map.values()):
            if isinstance(obj, Vacancy):
                session.expire(obj)
        session.flush()
    return closed
