"""Employers in the register: validation, duplicate detection, create and edit with history."""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.common import audit, identifiers, locking
from models.common.errors import N_, InvalidInput
from models.enums import EmployerSize, EmployerStatus, Role
from models.register.employer import Employer
from models.taxonomy.sectors import SECTORS

EMPLOYER_FIELDS = ("name", "kvk", "sector", "size", "address", "postcode", "city", "status",
                   "social_enterprise", "account_manager_id", "notes")
MANAGER_ROLES = (Role.ACCOUNT_MANAGER, Role.COORDINATOR)
NAME_MATCH_THRESHOLD = 85
_LEGAL_FORMS = {"bv", "b v", "nv", "vof", "v o f", "cv", "stichting", "holding", "en", "de", "het"}


class PossibleDuplicate(Exception):
    """Existing employers that look like the one being created; confirm to create anyway."""

    def __init__(self, matches: list[Employer]):
        self.matches = matches
        super().__init__(f"{len(matches)} possible duplicate(s)")


def clean_kvk(value: str | None) -> str | None:
    """A KvK number as 8 digits (spaces and dots removed); InvalidInput otherwise."""
    try:
        return identifiers.clean_kvk(value)
    except identifiers.InvalidIdentifier:
        raise InvalidInput({"kvk": N_("Een KvK-nummer bestaat uit precies 8 cijfers.")}) from None


def clean_postcode(value: str | None) -> str | None:
    """A Dutch postcode written as '1234 AB'; InvalidInput otherwise."""
    try:
        return identifiers.clean_postcode(value)
    except identifiers.InvalidIdentifier:
        raise InvalidInput({"postcode": N_("Vul een postcode in als 1234 AB.")}) from None


def normalise_name(name: str) -> str:
    """Lower case, accents and punctuation dropped, legal forms (B.V., V.O.F.) left out."""
    text = unicodedata.normalize("NFKD", name.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(re.findall(r"[a-z0-9]+", text))
    for form in sorted(_LEGAL_FORMS, key=len, reverse=True):
        text = re.sub(rf"(^| ){form}( |$)", " ", text)
    return " ".join(text.split())


def managers(session: Session, organisation_id: int) -> list[User]:
    """Active staff of the organisation who can be an employer's account manager."""
    return list(session.scalars(
        select(User).where(User.organisation_id == organisation_id, User.active.is_(True),
                           User.role.in_(MANAGER_ROLES)).order_by(User.name)
    ))


def _validate(session: Session, organisation_id: int, data: dict) -> dict:
    errors: dict[str, str] = {}
    clean = dict(data)
    clean["name"] = (data.get("name") or "").strip()
    if not clean["name"]:
        errors["name"] = N_("Vul de naam van de werkgever in.")
    for field, cleaner in (("kvk", clean_kvk), ("postcode", clean_postcode)):
        try:
            clean[field] = cleaner(data.get(field))
        except InvalidInput as exc:
            errors.update(exc.errors)
    for field in ("address", "city", "notes"):
        clean[field] = (data.get(field) or "").strip() or None
    clean["sector"] = (data.get("sector") or "").strip() or None
    if clean["sector"] is not None and clean["sector"] not in SECTORS:
        errors["sector"] = N_("Kies een sector uit de lijst.")
    size = data.get("size") or None
    if size is not None and size not in {s.value for s in EmployerSize}:
        errors["size"] = N_("Kies een grootte uit de lijst.")
    clean["size"] = EmployerSize(size) if size and "size" not in errors else None
    status = data.get("status") or EmployerStatus.PROSPECT.value
    if status not in {s.value for s in EmployerStatus}:
        errors["status"] = N_("Kies een status uit de lijst.")
    else:
        clean["status"] = EmployerStatus(status)
    manager_id = data.get("account_manager_id") or None
    if manager_id is not None and int(manager_id) not in {u.id for u in managers(session, organisation_id)}:
        errors["account_manager_id"] = N_("Kies een accountmanager van uw eigen organisatie.")
    clean["account_manager_id"] = int(manager_id) if manager_id else None
    clean["social_enterprise"] = bool(data.get("social_enterprise"))
    if errors:
        raise InvalidInput(errors)
    return {field: clean[field] for field in EMPLOYER_FIELDS}


def find_duplicates(session: Session, organisation_id: int, name: str, kvk: str | None,
                    city: str | None, exclude_id: int | None = None) -> list[Employer]:
    """Employers of the organisation with the same KvK, or a near-identical name in the same place."""
    found: dict[int, Employer] = {}
    if kvk:
        for employer in session.scalars(select(Employer).where(
                Employer.organisation_id == organisation_id, Employer.kvk == kvk)):
            found[employer.id] = employer
    if city and name:
        from rapidfuzz import fuzz  # at use: its scorers take ~50 ms to load, too much for every start

        wanted = normalise_name(name)
        rows = session.execute(select(Employer.id, Employer.name).where(
            Employer.organisation_id == organisation_id,
            func.lower(Employer.city) == city.strip().lower()))
        ids = [row.id for row in rows
               if fuzz.token_sort_ratio(wanted, normalise_name(row.name)) >= NAME_MATCH_THRESHOLD]
        if ids:
            for employer in session.scalars(select(Employer).where(Employer.id.in_(ids[:20]))):
                found[employer.id] = employer
    found.pop(exclude_id, None)
    return sorted(found.values(), key=lambda e: e.name.lower())


def snapshot(employer: Employer, session: Session | None = None) -> dict:
    """The employer's fields as readable strings, for the change history."""
    values = {}
    for field in EMPLOYER_FIELDS:
        value = getattr(employer, field)
        if field == "account_manager_id":
            field, value = "account_manager", _user_name(session, value)
        elif field == "social_enterprise":
            value = "ja" if value else "nee"
        values[field] = getattr(value, "value", value)
    return values


def _user_name(session: Session | None, user_id: int | None) -> str | None:
    if user_id is None or session is None:
        return None
    user = session.get(User, user_id)
    return user.name if user else None


def create_employer(session: Session, organisation_id: int, data: dict, actor: User,
                    confirm_duplicate: bool = False) -> Employer:
    """Create an employer; PossibleDuplicate unless confirmed, InvalidInput for bad data."""
    clean = _validate(session, organisation_id, data)
    if not confirm_duplicate:
        matches = find_duplicates(session, organisation_id, clean["name"], clean["kvk"], clean["city"])
        if matches:
            raise PossibleDuplicate(matches)
    employer = Employer(organisation_id=organisation_id, **clean)
    session.add(employer)
    session.flush()
    audit.record_changes(session, employer, {}, snapshot(employer, session), actor=actor)
    return employer


def update_employer(session: Session, employer: Employer, data: dict, version, actor: User) -> Employer:
    """Save an edit made on ``version``; Conflict when someone saved in between."""
    clean = _validate(session, employer.organisation_id, data)
    locking.save_edit(session, employer, clean, version, actor, lambda e: snapshot(e, session))
    if employer.sector is not None:
        employer.sector_unmapped = None  # a sector chosen from the list replaces the old free text
    return employer


def unmapped_sectors(session: Session, organisation_id: int) -> list[Employer]:
    """The organisation's employers whose sector text fits no sector of the list, by that text and name."""
    return list(session.scalars(select(Employer).where(
        Employer.organisation_id == organisation_id, Employer.sector_unmapped.is_not(None))
        .order_by(Employer.sector_unmapped, Employer.name)))


def assign_sectors(session: Session, organisation_id: int, chosen: dict[int, str], actor: User) -> int:
    """Give employers (id -> sector code) their sector from the list; InvalidInput names each bad row."""
    employers = {e.id: e for e in unmapped_sectors(session, organisation_id)}
    errors = {f"sector-{employer_id}": "Kies een sector uit de lijst." for employer_id, code in chosen.items()
              if code and code not in SECTORS}
    errors |= {f"sector-{employer_id}": "Deze werkgever staat niet (meer) in de lijst om toe te wijzen."
               for employer_id in chosen if employer_id not in employers}
    if errors:
        raise InvalidInput(errors)
    done = 0
    for employer_id, code in chosen.items():
        if not code:
            continue
        employer = employers[employer_id]
        audit.record_changes(session, employer, {"sector": employer.sector_unmapped}, {"sector": code}, actor=actor)
        employer.sector, employer.sector_unmapped = code, None
        done += 1
    session.flush()
    return done
