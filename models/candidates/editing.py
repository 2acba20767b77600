"""Staff edit a candidate's record and reassign owners: validated like the import, audited, locked."""
from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.candidates import ownership
from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.candidates.parsing import collect, day, items, text, whole
from models.common import audit, clock, locking
from models.common.errors import N_, InvalidInput
from models.enums import DRIVING_LICENCES, CandidateStatus, DutchLevel, Education, Role
from models.taxonomy.terms import TermLinker

OWNER_ROLES = (Role.MATCHER, Role.COORDINATOR)
EDITABLE_STATUSES = (CandidateStatus.ACTIVE, CandidateStatus.PLACED, CandidateStatus.INACTIVE)
LIST_LABELS = {"certificates": "Certificaten", "desired_occupations": "Gewenste beroepen", "skills": "Vaardigheden"}
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"[0-9+()\- ]{6,40}")


def owners(session: Session, organisation_id: int) -> list[User]:
    """Active staff of the organisation who can own candidates (matchers, consultants, coordinators)."""
    return list(session.scalars(select(User).where(
        User.organisation_id == organisation_id, User.active.is_(True), User.role.in_(OWNER_ROLES)
    ).order_by(User.name)))


def _owner(session: Session, organisation_id: int, value, errors: dict) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        owner_id = int(value)
    except (TypeError, ValueError):
        owner_id = -1
    if owner_id not in {u.id for u in owners(session, organisation_id)}:
        errors["owner_id"] = N_("Kies een eigenaar uit de lijst: een actieve medewerker van uw eigen organisatie.")
        return None
    return owner_id


def validate(session: Session, organisation_id: int, data: dict) -> dict:
    """The cleaned record (typed values by field); InvalidInput naming every wrong field."""
    e: dict[str, str] = {}
    c: dict = {}
    c["email"] = collect(e, "email", text, data.get("email"), "email", 254, "het e-mailadres")
    if c["email"] and not _EMAIL.fullmatch(c["email"]):
        e["email"] = N_("E-mailadres: vul een adres in als naam@voorbeeld.nl.")
    c["phone"] = collect(e, "phone", text, data.get("phone"), "phone", 40, "het telefoonnummer")
    if c["phone"] and not _PHONE.fullmatch(c["phone"]):
        e["phone"] = N_("Telefoon: alleen cijfers, spaties, +, - en haakjes (6 tot 40 tekens).")
    for field, enum, label in (("education", Education, "Opleiding"), ("dutch_level", DutchLevel, "Nederlands")):
        value = data.get(field) or None
        if value is not None and value not in {m.value for m in enum}:
            e[field] = N_("%(label)s: kies een waarde uit de lijst.", label=label)
        c[field] = enum(value) if value and field not in e else None
    c["hours_min"] = collect(e, None, whole, data.get("hours_min"), "hours_min", 1, 48, "minimum uren per week")
    c["hours_max"] = collect(e, None, whole, data.get("hours_max"), "hours_max", 1, 48, "maximum uren per week")
    if c["hours_min"] and c["hours_max"] and c["hours_min"] > c["hours_max"]:
        e["hours_min"] = N_("Minimum uren per week (%(hours_min)s) is meer dan het maximum (%(hours_max)s).",
                            hours_min=c['hours_min'], hours_max=c['hours_max'])
    c["max_travel_km"] = collect(e, None, whole, data.get("max_travel_km"), "max_travel_km", 0, 500,
                                 "de reisafstand in km")
    c["available_from"] = collect(e, None, day, data.get("available_from"), "available_from", "beschikbaar vanaf")
    licences = collect(e, None, items, data.get("driving_licences"), "driving_licences", "Rijbewijs", 15, 3) or []
    licences = [x.upper() for x in licences]
    wrong = [x for x in licences if x not in DRIVING_LICENCES]
    if wrong:
        e["driving_licences"] = N_("Rijbewijs: %(wrong)s bestaat niet; toegestaan: "
                                   "%(driving_licences)s.",
                                   wrong=', '.join(wrong), driving_licences=', '.join(DRIVING_LICENCES))
    c["driving_licences"] = licences
    for field, label in LIST_LABELS.items():
        c[field] = collect(e, None, items, data.get(field), field, label) or []
    status = data.get("status") or CandidateStatus.ACTIVE.value
    if status not in {s.value for s in EDITABLE_STATUSES}:
        e["status"] = N_("Status: kies actief, geplaatst of niet actief.")
    else:
        c["status"] = CandidateStatus(status)
    c["status_reason"] = collect(e, None, text, data.get("status_reason"), "status_reason", 300, "de reden")
    if c.get("status") == CandidateStatus.INACTIVE and not c["status_reason"] and "status_reason" not in e:
        e["status_reason"] = N_("Reden: vul in waarom de kandidaat niet actief is (bijvoorbeeld ‘verhuisd’).")
    c["owner_id"] = _owner(session, organisation_id, data.get("owner_id"), e)
    if e:
        raise InvalidInput(e)
    return c


def snapshot(candidate: Candidate) -> dict:
    """Readable values of the editable fields, for the change history (no name, no address)."""
    p = candidate.personal
    out = {"email": p.email if p else None, "phone": p.phone if p else None}
    for field in ("education", "dutch_level", "hours_min", "hours_max", "max_travel_km", "available_from",
                  "status", "status_reason", "owner_id"):
        value = getattr(candidate, field)
        out[field] = getattr(value, "value", value)
    for field in ("driving_licences", *LIST_LABELS):
        out[field] = ", ".join(getattr(candidate, field) or [])
    return out


def update_candidate(session: Session, candidate: Candidate, data: dict, version, actor: User,
                     now: datetime | None = None) -> list[str]:
    """Save an edit made on ``version``; returns the fields changed.

    Raises InvalidInput (nothing changed) or Conflict (someone saved in between). Changed source
    fields are marked as edited, so a later import skips them and reports it.
    """
    clean = validate(session, candidate.organisation_id, data)
    locking.check_version(session, candidate, version)
    before = snapshot(candidate)
    if candidate.personal is None:
        raise InvalidInput({"email": N_("Dit dossier heeft geen persoonsgegevens meer.")})
    for field in ("email", "phone"):
        setattr(candidate.personal, field, clean.pop(field))
    for field, value in clean.items():
        setattr(candidate, field, value)
    after = snapshot(candidate)
    changed = [f for f in after if after[f] != before[f]]
    if not changed:
        return []
    if set(changed) & {"certificates", "desired_occupations", "skills"}:
        relink_terms(session, candidate)
    import_names = [{"owner_id": "owner_email"}.get(f, f) for f in changed]
    ownership.mark_edited(candidate, import_names, now or clock.utcnow())
    candidate.updated_at = now or clock.utcnow()  # the version moves even when only contact data changed
    locking.flush_or_conflict(session)
    audit.record_changes(session, candidate, before, after, actor=actor)
    return changed


def relink_terms(session: Session, candidate: Candidate) -> None:
    """Link the candidate's wordings to the taxonomy again, exactly as the import links them."""
    record = {k: getattr(candidate, k) for k in ("skills", "desired_occupations", "certificates")}
    linker = TermLinker(session)
    from models.importing import rows  # the importer's package (jsonschema) only when a record is edited

    rows.prime_linker(linker, "candidates", [record])
    candidate.terms = [CandidateTerm(**t) for t in rows.candidate_terms(record, linker)]
    linker.save_unmatched()


def reassign(session: Session, organisation_id: int, candidate_ids: list[int], owner_id, actor: User,
             now: datetime | None = None) -> int:
    """Give the candidates (own organisation) to ``owner_id``; returns how many changed owner.

    InvalidInput when no candidate is chosen, the owner is not a staff member of the
    organisation, or a candidate is not of the organisation (then nothing changes).
    """
    errors: dict[str, str] = {}
    if not candidate_ids:
        errors["candidate_ids"] = N_("Kies ten minste één kandidaat.")
    new_owner = _owner(session, organisation_id, owner_id, errors)
    if new_owner is None and "owner_id" not in errors:
        errors["owner_id"] = N_("Kies de nieuwe eigenaar.")
    if errors:
        raise InvalidInput(errors)
    found = list(session.scalars(select(Candidate).where(
        Candidate.id.in_(candidate_ids), Candidate.organisation_id == organisation_id)))
    if len(found) != len(set(candidate_ids)):
        raise InvalidInput({"candidate_ids": N_("Een of meer gekozen kandidaten bestaan niet (meer) in uw organisatie.")})
    changed = 0
    for candidate in found:
        if candidate.owner_id == new_owner:
            continue
        before = {"owner_id": candidate.owner_id}
        candidate.owner_id = new_owner
        ownership.mark_edited(candidate, ["owner_email"], now or clock.utcnow())
        audit.record_changes(session, candidate, before, {"owner_id": new_owner}, actor=actor)
        changed += 1
    locking.flush_or_conflict(session)
    audit.record(session, "candidates_reassigned", actor=actor,
                 details={"owner_id": new_owner, "count": changed})
    return changed


def form_values(candidate: Candidate) -> dict:
    """The edit form's initial values as the form shows them."""
    p: CandidatePersonal | None = candidate.personal

    def d(value: date | None) -> str:
        return value.isoformat() if value else ""

    return {
        "version": candidate.version, "email": p.email if p else "", "phone": p.phone if p else "",
        "education": candidate.education.value if candidate.education else "",
        "dutch_level": candidate.dutch_level.value if candidate.dutch_level else "",
        "hours_min": candidate.hours_min or "", "hours_max": candidate.hours_max or "",
        "max_travel_km": "" if candidate.max_travel_km is None else candidate.max_travel_km,
        "available_from": d(candidate.available_from),
        "driving_licences": ", ".join(candidate.driving_licences or []),
        **{f: "\n".join(getattr(candidate, f) or []) for f in LIST_LABELS},
        "status": candidate.status.value, "status_reason": candidate.status_reason or "",
        "owner_id": candidate.owner_id or "",
    }
