"""Publishing anonymised public profiles: consent, review, withdrawal. Operations flush only."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.base import utcnow
from models.candidates.candidate import Candidate
from models.catalogue.profile import PublicProfile
from models.catalogue.publishing.draft import (
    ProfileDraft,
    build_profile,
    draft_code,
    find_personal,
    headline,
    search_text,
)
from models.catalogue.publishing.groups import IN_PLAY, rebalance
from models.catalogue.scrubbing.public import KIND_LABELS as PUBLIC_KIND_LABELS
from models.common import audit
from models.common.errors import N_, InvalidInput, Listing, Message
from models.enums import CandidateStatus, ProfileStatus

KIND_LABELS = PUBLIC_KIND_LABELS
GENERATED = ("occupations", "skills", "licences", "certificates", "hours_min", "hours_max",
             "available_from", "education", "dutch_level", "region", "age_band", "place", "lat",
             "lon", "headline")


def consent_problem(candidate: Candidate, today: date) -> str | None:
    """Why the candidate's consent does not allow publication today (Dutch), or None."""
    if not candidate.publish_consent:
        return "Er is geen toestemming om het profiel te publiceren."
    if candidate.consent_until is not None and candidate.consent_until < today:
        return f"De toestemming is verlopen op {candidate.consent_until:%d-%m-%Y}."
    return None


def withdrawal_reason(candidate: Candidate | None, today: date) -> str | None:
    """Why a profile must come off the catalogue now (Dutch), or None when it may stay."""
    if candidate is None or candidate.status == CandidateStatus.ERASED:
        return "Kandidaat verwijderd"
    if candidate.status == CandidateStatus.PLACED:
        return "Kandidaat geplaatst"
    if candidate.status != CandidateStatus.ACTIVE:
        return "Kandidaat niet meer actief"
    if not candidate.publish_consent:
        return "Toestemming ingetrokken"
    if candidate.consent_until is not None and candidate.consent_until < today:
        return "Toestemming verlopen"
    return None


def describe_findings(findings) -> Listing:
    """ "telefoonnummer, naam (2×)": the kinds of personal data found, for a message; each kind is
    translated where the message is shown (the scrubber's labels are Dutch msgids)."""
    counts = Counter(KIND_LABELS.get(f.kind, f.kind) for f in findings)
    return Listing(N_("%(kind)s (%(count)s×)", kind=Message(kind, {}), count=n) if n > 1 else Message(kind, {})
                   for kind, n in counts.items())


def _unique_code(session: Session, candidate_id: int | None) -> str:
    for attempt in range(50):
        code = draft_code(candidate_id, attempt)
        if session.scalar(select(PublicProfile.id).where(PublicProfile.code == code)) is None:
            return code
    raise RuntimeError("no free pseudonym code found")  # 1.3 M codes: only if nearly all are used


def ensure_profile(session: Session, candidate: Candidate, today: date) -> tuple[PublicProfile, ProfileDraft]:
    """The candidate's profile row (created as a draft when missing) and a fresh draft of it.

    A draft that nobody reviewed yet is refreshed from the candidate; a reviewed one is not
    touched here (it changes only through `publish`).
    """
    draft = build_profile(candidate, today)
    profile = candidate.profile
    if profile is None:
        draft.code = _unique_code(session, candidate.id)
        profile = PublicProfile(candidate_id=candidate.id, organisation_id=candidate.organisation_id,
                                code=draft.code, status=ProfileStatus.DRAFT)
        candidate.profile = profile
        session.add(profile)
    if profile.reviewed_at is None or profile.status == ProfileStatus.WITHDRAWN:
        apply_draft(profile, draft, draft.description)
    session.flush()
    return profile, draft


def apply_draft(profile: PublicProfile, draft: ProfileDraft, description: str,
                lists: dict[str, list[str]] | None = None) -> None:
    """Copy the generated facts of ``draft`` and ``description`` onto ``profile``; ``lists``: list
    fields published without some of the draft's wordings (``hints.withhold``), and the headline
    made from them."""
    for key in GENERATED:
        value = getattr(draft, key)
        if getattr(profile, key) != value:
            setattr(profile, key, value)
    if lists:
        for name, values in lists.items():
            setattr(profile, name, values)
        profile.headline = headline(profile.occupations, profile.hours_min, profile.hours_max, profile.place)
    profile.description = description
    profile.search_text = search_text(profile)


STATUS_BLOCKS = {
    CandidateStatus.PLACED: "De kandidaat staat op geplaatst",
    CandidateStatus.INACTIVE: "De kandidaat staat op niet actief",
    CandidateStatus.ERASED: "De gegevens van de kandidaat zijn verwijderd",
}


def publication_block(candidate: Candidate, today: date) -> str | None:
    """Why ``candidate``'s profile cannot be published at all now (consent or status), in Dutch; None if
    nothing blocks it. Shown on the profile page before anyone tries, and checked again on publishing."""
    reason = consent_problem(candidate, today)
    if reason:
        return reason
    if candidate.status != CandidateStatus.ACTIVE:
        return (f"{STATUS_BLOCKS.get(candidate.status, 'De kandidaat is niet actief')}: alleen het profiel van "
                "een actieve kandidaat kan worden gepubliceerd. Zet de status op actief op de pagina van de "
                "kandidaat als dat klopt.")
    return None


def check_publishable(candidate: Candidate, text: str, today: date) -> dict[str, str]:
    """The reasons (field -> Dutch message) why ``text`` may not be published now; empty if none."""
    problems: dict[str, str] = {}
    reason = publication_block(candidate, today)
    if reason:
        problems["consent"] = reason
    findings = find_personal(text or "", candidate)
    if not (text or "").strip():
        # Employers decide from this text whom to ask for: a profile without one is not worth their click.
        problems["description"] = N_("Vul een beschrijving in: wat de kandidaat kan en zoekt, zonder namen, "
                                     "contactgegevens of data. Een profiel zonder beschrijving wordt niet "
                                     "gepubliceerd.")
    elif findings:
        problems["description"] = N_("De beschrijving bevat nog gegevens die niet in een openbaar profiel mogen: "
              "%(findings)s. Haal ze weg of neem de voorgestelde tekst over; "
              "daarna kunt u publiceren.", findings=describe_findings(findings))
    return problems


def publish(session: Session, candidate: Candidate, reviewer, text: str, *, today: date, k: int,
            now: datetime | None = None) -> PublicProfile:
    """Approve ``text`` as the description and publish; InvalidInput (Dutch) without valid consent
    or while the scrubber still finds personal data. The profile waits (status draft, reviewed)
    when too few similar profiles are published to show it k-anonymously."""
    problems = check_publishable(candidate, text, today)
    if problems:
        raise InvalidInput(problems)
    now = now or utcnow()
    old = (candidate.profile.region, candidate.profile.education) if candidate.profile else None
    profile, draft = ensure_profile(session, candidate, today)
    apply_draft(profile, draft, (text or "").strip())
    profile.sentences_to_check = 0  # the reviewer saw the preview's hints for this very text
    profile.auto_checked = False  # a person read this text
    profile.reviewed_by_id = getattr(reviewer, "id", None)
    profile.reviewed_at = now
    profile.checked_on = today
    profile.withdrawn_at = None
    profile.withdrawn_reason = None
    if profile.status == ProfileStatus.WITHDRAWN:
        profile.status = ProfileStatus.DRAFT
    rebalance(session, profile.region, profile.education, k=k, today=today, now=now)
    if old and old != (profile.region, profile.education):
        rebalance(session, *old, k=k, today=today, now=now)
    return profile


def unpublish(session: Session, profile: PublicProfile, reason: str, *, today: date, k: int,
              now: datetime | None = None) -> None:
    """Take ``profile`` off the catalogue at once and re-check its group; InvalidInput without reason."""
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput({"reason": N_("Geef een reden op.")})
    profile.status = ProfileStatus.WITHDRAWN
    profile.withdrawn_at = now or utcnow()
    profile.withdrawn_reason = reason[:200]
    rebalance(session, profile.region, profile.education, k=k, today=today, now=now)


def withdraw_expired(session: Session, today: date, *, k: int) -> Counter[str]:
    """Withdraw every profile whose consent ended or whose candidate is placed or not active."""
    rows = session.scalars(
        select(PublicProfile).where(IN_PLAY).options(selectinload(PublicProfile.candidate))
    )
    now = utcnow()
    reasons: Counter[str] = Counter()
    partitions: set[tuple[str | None, str | None]] = set()
    for profile in rows:
        reason = withdrawal_reason(profile.candidate, today)
        if reason:
            profile.status = ProfileStatus.WITHDRAWN
            profile.withdrawn_at = now
            profile.withdrawn_reason = reason
            reasons[reason] += 1
            partitions.add((profile.region, profile.education))
    for region, education in partitions:
        rebalance(session, region, education, k=k, today=today, now=now)
    return reasons


def record_consent(session: Session, candidate: Candidate, *, given: bool, given_on: date | None,
                   until: date | None, actor, today: date, k: int) -> None:
    """Record the candidate's consent to publish; withdrawing it withdraws the profile at once."""
    errors: dict[str, str] = {}
    if given:
        if given_on is None:
            errors["given_on"] = N_("Vul de datum in waarop de toestemming is gegeven.")
        elif given_on > today:
            errors["given_on"] = N_("De datum van de toestemming ligt in de toekomst.")
        if until is not None and given_on is not None and until <= given_on:
            errors["until"] = N_("De einddatum moet na de datum van de toestemming liggen.")
        elif until is not None and until < today:
            errors["until"] = N_("De einddatum ligt in het verleden.")
    if errors:
        raise InvalidInput(errors)
    before = {"publish_consent": candidate.publish_consent, "consent_given_on": candidate.consent_given_on,
              "consent_until": candidate.consent_until}
    candidate.publish_consent = given
    candidate.consent_given_on = given_on if given else None
    candidate.consent_until = until if given else None
    after = {"publish_consent": given, "consent_given_on": candidate.consent_given_on,
             "consent_until": candidate.consent_until}
    session.flush()
    audit.record_changes(session, candidate, before, after, actor=actor)
    profile = candidate.profile
    reason = withdrawal_reason(candidate, today)
    if profile is not None and reason and profile.status != ProfileStatus.WITHDRAWN and (
        profile.status == ProfileStatus.PUBLISHED or profile.reviewed_at is not None
    ):
        unpublish(session, profile, reason, today=today, k=k)
