"""An employer asks to meet the person behind a public profile: the request and its confirmation."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.accounts.users import normalise_email
from models.catalogue.employer_request import EmployerRequest
from models.catalogue.profile import PublicProfile
from models.common import identifiers
from models.common.errors import N_, InvalidInput
from models.common.system import OutboxMessage
from models.enums import ProfileStatus, RequestStatus

log = logging.getLogger("werkbrug")

# The only visitor text the confirmation mail repeats: words of letters (joined by hyphens or apostrophes,
# or starting with one: "'t Hart"), and initials of one letter and a dot each ("J.P.", "J.-P."), separated
# by spaces. No digits, no other signs, and no dot after more than one letter: nothing that reads as a
# web address ("evil.example", "x.co") or markup.
_LETTER = r"[^\W\d_]"
_WORD = rf"['’]?{_LETTER}+(?:['’\-]{_LETTER}+)*"
_INITIALS = rf"(?:{_LETTER}\.)+(?:-(?:{_LETTER}\.)+)*"
NAME = re.compile(rf"^(?:{_INITIALS}|{_WORD})(?: (?:{_INITIALS}|{_WORD}))*$")
NAME_MAX = 60

CONFIRMATION_SUBJECT = "Uw verzoek voor een kennismaking is ontvangen"
CONFIRMATION_BODY = """Beste {name},

Bedankt voor uw verzoek om kennis te maken met een werkzoekende uit onze catalogus.

Wat gebeurt er nu?
1. Een adviseur van het werkgeversservicepunt vraagt de werkzoekende of hij of zij kennis wil maken.
2. Daarna nemen wij contact met u op, meestal binnen vijf werkdagen.
3. Zegt de werkzoekende ja, dan brengen wij u met elkaar in contact.

Uw verzoek heeft nummer {number}. Noem dit nummer als u contact met ons opneemt.

Met vriendelijke groet,
Het werkgeversservicepunt
"""


@dataclass
class MeetingRequest:
    """What the employer filled in on the form."""

    name: str
    company: str
    kvk: str
    email: str
    phone: str = ""
    message: str = ""


def check(data: MeetingRequest) -> dict[str, str]:
    """Field name -> message for every problem in ``data``; empty when all is well."""
    errors: dict[str, str] = {}
    name = " ".join((data.name or "").split())
    if not name:
        errors["name"] = N_("Vul uw naam in.")
    elif len(name) > NAME_MAX or not NAME.match(name) or "\n" in (data.name or "").strip():
        errors["name"] = N_("Uw naam mag alleen letters, spaties, koppeltekens, apostrofs en voorletters met "
                            "een punt bevatten, hoogstens %(name_max)s tekens.", name_max=NAME_MAX)
    if not data.company.strip():
        errors["company"] = N_("Vul de naam van uw bedrijf in.")
    if not identifiers.is_kvk(data.kvk):
        errors["kvk"] = N_("Een KvK-nummer bestaat uit 8 cijfers, bijvoorbeeld 12345678.")
    try:
        normalise_email(data.email or "")
    except InvalidInput as exc:
        errors.update(exc.errors)
    if data.phone.strip() and not identifiers.is_phone(data.phone):
        errors["phone"] = N_("Vul een telefoonnummer in met alleen cijfers, bijvoorbeeld 0321 123456.")
    if len(data.message or "") > 2000:
        errors["message"] = N_("Het bericht is te lang: maximaal 2000 tekens.")
    return errors


def submit(session: Session, profile: PublicProfile, data: MeetingRequest, user=None) -> EmployerRequest:
    """Record a request to meet ``profile``'s candidate and queue a confirmation to the employer.

    Raises InvalidInput naming every bad field, or naming ``profile`` when it is no longer published.
    """
    if errors := check(data):
        raise InvalidInput(errors)
    if profile.status != ProfileStatus.PUBLISHED:
        raise InvalidInput({"profile": N_("Dit profiel is niet meer beschikbaar.")})
    request = EmployerRequest(
        organisation_id=profile.organisation_id, profile_id=profile.id,
        user_id=getattr(user, "id", None), requester_name=" ".join(data.name.split())[:NAME_MAX],
        company=data.company.strip()[:200], kvk=identifiers.compact_kvk(data.kvk),
        email=normalise_email(data.email), phone=data.phone.strip()[:40] or None,
        message=(data.message or "").strip() or None, status=RequestStatus.NEW,
    )
    session.add(request)
    session.flush()
    # Generic text only: the employer's own name and the request number, nothing of the candidate.
    session.add(OutboxMessage(
        organisation_id=request.organisation_id, to_address=request.email, subject=CONFIRMATION_SUBJECT,
        body=CONFIRMATION_BODY.format(name=request.requester_name, number=request.id),
    ))
    log.info("employer request %d for organisation %d queued a confirmation", request.id,
             request.organisation_id)
    return request
