"""The anonymised projection of a candidate, computed without a session: pure and testable."""
from __future__ import annotations

import hashlib
import hmac
import random
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from models.catalogue.publishing import code_key
from models.catalogue.publishing.hours import hours_text
from models.catalogue.publishing.place import find_place
from models.catalogue.scrubbing.categories import abbreviations, sensitive
from models.catalogue.scrubbing.public import Removal, check_term, review
from models.catalogue.scrubbing.scrub import Finding
from models.taxonomy.terms import normalise

# Age bands of the catalogue; the coarse partition merges neighbours ("25–34" + "35–44").
AGE_BANDS: tuple[tuple[int, int], ...] = ((18, 24), (25, 34), (35, 44), (45, 54), (55, 67))
MERGED_BANDS: dict[str, str] = {
    "18–24": "18–24", "25–34": "25–44", "35–44": "25–44", "45–54": "45–67", "55–67": "45–67",
}
ANY_AGE = "18–67"
CLIENT_NUMBER = "[klantnummer]"
MAX_TERMS = 12
# No I or O: codes are read aloud on the phone ("K-7F3A").
CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass
class ProfileDraft:
    """What the public profile would show before k-anonymity; `findings` are what was scrubbed."""

    code: str
    headline: str
    age_band: str | None
    place: str | None
    region: str | None
    lat: float | None
    lon: float | None
    education: str | None
    dutch_level: str | None
    occupations: list[str]
    skills: list[str]
    licences: list[str]
    certificates: list[str]
    hours_min: int | None
    hours_max: int | None
    available_from: date | None
    description: str
    search_text: str
    findings: tuple[Finding, ...] = field(default=())
    # What the privacy check left out or rewrote, per field ("description", "skills", ...).
    removals: tuple[FieldRemoval, ...] = field(default=())
    # The stored profile's check, for a preview's card ("Gecontroleerd …" as employers read it now).
    checked_on: date | None = None
    auto_checked: bool = False


@dataclass(frozen=True)
class FieldRemoval:
    """One removal of the privacy check and the profile field it was in."""

    field: str
    removal: Removal


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A pseudonym such as K-7F3A, drawn with ``choice`` (random; ``draft_code`` passes a keyed draw);
    never readable from an id or a name. A draw that spells an abbreviation the privacy check treats as
    sensitive ("K-NFNV": FNV, union membership), or that the check finds something in ("K-LGBT"), is
    drawn again: no code reads as a statement about the person."""
    while True:
        body = "".join(choice(CODE_ALPHABET) for _ in range(4))
        if not any(word in "K" + body for word in abbreviations()) and not sensitive(body):
            return "K-" + body


def draft_code(candidate_id: int | None, attempt: int = 0) -> str:
    """The code of a candidate's first profile: the same on every view of a draft that is not stored yet
    (a GET preview stores nothing, so a random draw showed another code on every view, and "Controleren"
    stored yet another). Drawn from a keyed hash of the row id and ``attempt`` (the next one when a code is
    taken): nobody without the installation's key can tell a code from an id or the other way round.
    Random when no key is set or the candidate has no id yet."""
    key = code_key.get()
    if key is None or candidate_id is None:
        return new_code()
    seed = hmac.new(key, f"{candidate_id}:{attempt}".encode(), hashlib.sha256).digest()
    return new_code(random.Random(seed).choice)  # noqa: S311 # nosec B311 - a keyed, repeatable draw


def age_on(birth_date: date, today: date) -> int:
    """Age in whole years on ``today``."""
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


def age_band(birth_date: date | None, today: date) -> str | None:
    """The catalogue's age band ("25–34"); ages outside 18–67 fall into the nearest band."""
    if birth_date is None:
        return None
    age = age_on(birth_date, today)
    for low, high in AGE_BANDS:
        if age <= high:
            return f"{low}–{high}"
    low, high = AGE_BANDS[-1]
    return f"{low}–{high}"


def unique_terms(words: list[str] | None, limit: int = MAX_TERMS) -> list[str]:
    """Wordings as written, trimmed, without case-insensitive repeats, at most ``limit``."""
    seen: set[str] = set()
    out: list[str] = []
    for word in words or []:
        text = " ".join(str(word).split())
        key = normalise(text)
        if text and key not in seen:
            seen.add(key)
            out.append(text)
    return out[:limit]


def headline(occupations: list[str], hours_min: int | None, hours_max: int | None,
             location: str | None) -> str:
    """ "Productiemedewerker · 24–32 uur · Dronten" from what is known."""
    first = occupations[0] if occupations else "Werkzoekende"
    parts = [first[:1].upper() + first[1:], hours_text(hours_min, hours_max), location]
    return " · ".join(p for p in parts if p)[:200]


def known_names(personal) -> list[str]:
    """The person's own names, the scrubber's most reliable signal."""
    if personal is None:
        return []
    names = [personal.first_name, personal.last_name, f"{personal.first_name} {personal.last_name}"]
    return [n for n in names if n and n.strip()]


def source_text(personal) -> str:
    """The candidate's experience and about text, the raw material of the description."""
    if personal is None:
        return ""
    return "\n\n".join(t.strip() for t in (personal.experience, personal.about) if t and t.strip())


def _own_ids(candidate) -> list[str]:
    ext = (getattr(candidate, "external_id", None) or "").strip()
    return [ext] if len(ext) >= 4 else []


def _client_numbers(text: str, candidate) -> list[tuple[str, int, int]]:
    return [("client_number", m.start(), m.end()) for ext in _own_ids(candidate)
            for m in re.finditer(re.escape(ext), text or "", re.IGNORECASE)]


def find_personal(text: str, candidate) -> list[Finding]:
    """What the public profile may not say in ``text``: identifiers (with the person's own names and
    client number), special categories and AWGB grounds, gendered words; each with its span (a whole
    sentence for a category). Empty when ``text`` may be published as it is."""
    extra = _client_numbers(text or "", candidate)
    result = review(text or "", known_names(candidate.personal), extra)
    chosen: list[Finding] = []
    for kind, start, end in sorted({*result.detections, *extra}, key=lambda s: (s[1] - s[2], s[1])):
        if not any(start < f.end and f.start < end for f in chosen):
            chosen.append(Finding(kind, start, end, text[start:end]))
    return sorted(chosen, key=lambda f: f.start)


def scrub_personal(text: str, candidate) -> tuple[str, tuple[Removal, ...]]:
    """``text`` as the public profile may show it, and what the privacy check took out or rewrote."""
    result = review(text or "", known_names(candidate.personal), _client_numbers(text or "", candidate))
    return result.text, result.removals


def checked_terms(words: list[str] | None, candidate, name: str) -> tuple[list[str], list[FieldRemoval]]:
    """The list wordings the public profile may show (gendered words neutral) and those left out."""
    names = known_names(candidate.personal) + _own_ids(candidate)
    kept, removed = [], []
    for word in unique_terms(words, limit=10 * MAX_TERMS):
        public, removals = check_term(word, names)
        removed += [FieldRemoval(name, r) for r in removals]
        if public:
            kept.append(public)
    return unique_terms(kept), removed


def search_text(draft_or_profile, description: str | None = None) -> str:
    """Normalised words the catalogue searches: occupations, skills, certificates, headline, text."""
    p = draft_or_profile
    parts = [*p.occupations, *p.skills, *p.certificates, p.headline,
             p.description if description is None else description]
    return " ".join(normalise(part) for part in parts if part)


def build_profile(candidate, today: date) -> ProfileDraft:
    """Project ``candidate`` (with ``personal`` loaded) onto what employers may see, scrubbed."""
    personal = candidate.personal
    place = find_place(candidate.place)
    occupations, removed = checked_terms(candidate.desired_occupations, candidate, "occupations")
    skills, removed_skills = checked_terms(candidate.skills, candidate, "skills")
    certificates, removed_certificates = checked_terms(candidate.certificates, candidate, "certificates")
    licences, removed_licences = checked_terms(candidate.driving_licences, candidate, "licences")
    description, description_removals = scrub_personal(source_text(personal), candidate)
    removed += removed_skills + removed_certificates + removed_licences
    removed += [FieldRemoval("description", r) for r in description_removals]
    draft = ProfileDraft(
        code=candidate.profile.code if candidate.profile is not None else new_code(),
        headline=headline(occupations, candidate.hours_min, candidate.hours_max,
                          place.name if place else None),
        age_band=age_band(personal.birth_date if personal else None, today),
        place=place.name if place else None,
        region=place.region if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        education=candidate.education.value if candidate.education else None,
        dutch_level=candidate.dutch_level.value if candidate.dutch_level else None,
        occupations=occupations,
        skills=skills,
        licences=licences,
        certificates=certificates,
        hours_min=candidate.hours_min,
        hours_max=candidate.hours_max,
        available_from=candidate.available_from,
        description=description,
        search_text="",
        removals=tuple(removed),
    )
    draft.search_text = search_text(draft)
    return draft
