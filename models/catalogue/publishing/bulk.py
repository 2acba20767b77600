"""Publishing the profiles of every consenting candidate at once (the bulk path of the CLI)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.base import utcnow
from models.candidates.candidate import Candidate
from models.catalogue.publishing.draft import find_personal
from models.catalogue.publishing.groups import rebalance
from models.catalogue.publishing.hints import TERM_FIELDS, withhold
from models.catalogue.publishing.profiles import apply_draft, consent_problem, ensure_profile
from models.common import audit
from models.enums import CandidateStatus, ProfileStatus


@dataclass
class BulkResult:
    """How many profiles were published, and per reason how many were skipped."""

    published: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason code (SKIP_REASONS) -> count
    # Approved profiles whose text or lists the privacy check changed, and the removals per kind.
    changed: int = 0
    removed: Counter[str] = field(default_factory=Counter)
    # Published profiles from which sentences the learned gate flags were left out (hints.withhold): the
    # bulk path has no human step, so the summary says how many previews to open.
    to_check: int = 0

    def lines(self) -> list[str]:
        """Summary lines for the command line."""
        out = [f"Published: {self.published}", f"Skipped: {sum(self.skipped.values())}"]
        out += [f"Changed by the privacy check: {self.changed} profiles"]
        out += [f"  {n} {kind}" for kind, n in self.removed.most_common()]
        out += [f"  {n} {SKIP_REASONS[reason]}" for reason, n in self.skipped.most_common()]
        out += [f"Published with sentences left out for a check: {self.to_check} profiles (a matcher reads them "
                "in the profile's preview and publishes again; the candidate list's filter 'Openbaar profiel: "
                "zinnen te controleren' shows these profiles)"] if self.to_check else []
        return out


SKIP_REASONS = {
    "inactive": "not active (placed, inactive or erased)",
    "no_consent": "no consent to publish",
    "expired": "consent has ended",
    "withdrawn": "withdrawn by staff earlier (publish again from the candidate page)",
    "already": "already published",
    "personal_data": "personal data left after scrubbing (review on the candidate page)",
    "no_description": "no description: the record has no experience or about text (write one on the candidate page)",
    "only_to_check": "every sentence of the description is one to check (review on the candidate page)",
    "waiting": "too few similar profiles to publish k-anonymously (waiting, published later)",
}
# The same reasons for staff who publish a selection from the candidate list.
SKIP_REASONS_NL = {
    "inactive": "niet actief (geplaatst, niet actief of verwijderd)",
    "no_consent": "geen toestemming om te publiceren",
    "expired": "toestemming verlopen",
    "withdrawn": "eerder ingetrokken door een medewerker (publiceer opnieuw vanaf de kandidaat)",
    "already": "al gepubliceerd",
    "personal_data": "na opschonen staan er nog persoonsgegevens in (beoordeel op de kandidaat)",
    "no_description": "geen beschrijving: het dossier heeft geen ervaring of tekst over de kandidaat (schrijf er een "
                      "op de profielpagina)",
    "only_to_check": "elke zin van de beschrijving is er een om te controleren (beoordeel op de kandidaat)",
    "waiting": "te weinig vergelijkbare profielen om anoniem te tonen (wacht, wordt later gepubliceerd)",
}


def _skip_reason(candidate: Candidate, today: date) -> str | None:
    if candidate.status != CandidateStatus.ACTIVE:
        return "inactive"
    problem = consent_problem(candidate, today)
    if problem:
        return "no_consent" if not candidate.publish_consent else "expired"
    profile = candidate.profile
    if profile is not None and profile.status == ProfileStatus.WITHDRAWN:
        return "withdrawn"
    if profile is not None and profile.status == ProfileStatus.PUBLISHED:
        return "already"
    return None


DEFAULT_K = 5  # the PROFILE_K_ANONYMITY default, for callers without app config (the demo loader)


def publish_all_consented(session: Session, today: date, *, k: int = DEFAULT_K, organisation_id: int | None = None,
                          origin: str = "cli", candidate_ids: list[int] | None = None, actor=None) -> BulkResult:
    """Scrub and approve the profile of every active candidate with valid consent (or only of
    ``candidate_ids``, a selection staff made), then publish those that can be shown k-anonymously;
    the rest wait or are skipped with a reason."""
    result = BulkResult()
    query = select(Candidate).options(selectinload(Candidate.personal), selectinload(Candidate.profile))
    if organisation_id is not None:
        query = query.where(Candidate.organisation_id == organisation_id)
    if candidate_ids is not None:
        query = query.where(Candidate.id.in_(candidate_ids))
    now = utcnow()
    approved = []
    partitions: set[tuple[str | None, str | None]] = set()
    for candidate in session.scalars(query.order_by(Candidate.id)):
        reason = _skip_reason(candidate, today)
        if reason:
            result.skipped[reason] += 1
            continue
        profile, draft = ensure_profile(session, candidate, today)
        if not draft.description.strip():  # never an empty profile in the catalogue
            result.skipped["no_description"] += 1
            continue
        if find_personal(draft.description, candidate):
            result.skipped["personal_data"] += 1
            continue
        public = withhold(draft)  # no person reads it: what the gate flags waits for one
        if not public.description:
            result.skipped["only_to_check"] += 1
            continue
        if draft.removals:
            result.changed += 1
            result.removed.update(r.removal.kind for r in draft.removals)
        apply_draft(profile, draft, public.description,
                    {name: public.lists[name] for name in TERM_FIELDS} if public.count else None)
        profile.sentences_to_check = public.count
        profile.auto_checked = True  # the privacy check approved it; the actor only chose whom to publish
        profile.reviewed_at = now
        profile.reviewed_by_id = getattr(actor, "id", None)
        profile.checked_on = today
        approved.append(profile)
        partitions.add((profile.region, profile.education))
    for region, education in partitions:
        rebalance(session, region, education, k=k, today=today, now=now)
    for profile in approved:
        if profile.status == ProfileStatus.PUBLISHED:
            result.published += 1
            result.to_check += bool(profile.sentences_to_check)
        else:
            result.skipped["waiting"] += 1
    audit.record(session, "profiles_bulk_published", actor=actor, origin=origin,
                 details={"published": result.published, "skipped": sum(result.skipped.values()),
                          "changed": result.changed, "to_check": result.to_check, "organisation_id": organisation_id,
                          "selected": len(candidate_ids) if candidate_ids is not None else None})
    return result
