"""Reviewing a suggestion: propose or reject, then follow it to hired or not hired; every step checked."""
from __future__ import annotations

from sqlalchemy.orm import Session

from models.base import utcnow
from models.common import locking
from models.common.errors import N_, InvalidInput
from models.enums import SuggestionStatus as S
from models.matches.suggestion import Suggestion

# Which status may follow which; a person decides each step.
TRANSITIONS: dict[S, frozenset[S]] = {
    S.NEW: frozenset({S.PROPOSED, S.REJECTED}),
    S.PROPOSED: frozenset({S.INTRODUCED, S.REJECTED}),
    S.INTRODUCED: frozenset({S.INTERVIEW, S.NOT_HIRED}),
    S.INTERVIEW: frozenset({S.HIRED, S.NOT_HIRED}),
    S.HIRED: frozenset(), S.NOT_HIRED: frozenset(), S.REJECTED: frozenset(), S.CLOSED: frozenset(),
}
STATUS_LABELS = {
    S.NEW: N_("Nieuw"), S.PROPOSED: N_("Voorgedragen"), S.INTRODUCED: N_("Voorgesteld aan werkgever"),
    S.INTERVIEW: N_("Gesprek"), S.HIRED: N_("Aangenomen"), S.NOT_HIRED: N_("Niet aangenomen"),
    S.REJECTED: N_("Afgewezen"), S.CLOSED: N_("Gesloten"),
}
REJECT_REASONS = {
    "skills": N_("Vaardigheden of ervaring passen niet"),
    "hours": N_("Uren of werktijden passen niet"),
    "distance": N_("Reisafstand te groot"),
    "not_available": N_("Kandidaat is niet beschikbaar"),
    "not_interested": N_("Kandidaat heeft geen interesse"),
    "other_route": N_("Kandidaat zit in een ander traject"),
    "other": N_("Andere reden"),
}
NOT_HIRED_REASONS = {
    "employer_chose_other": N_("Werkgever koos een ander"),
    "not_suitable": N_("Past na het gesprek niet"),
    "candidate_withdrew": N_("Kandidaat trok zich terug"),
    "vacancy_closed": N_("Vacature vervallen"),
    "other": N_("Andere reden"),
}


def _check_reason(reason: str | None, note: str | None, allowed: dict[str, str]) -> tuple[str, str | None]:
    note = (note or "").strip() or None
    if reason not in allowed:
        raise InvalidInput({"reason": N_("Kies een reden uit de lijst.")})
    if reason == "other" and not note:
        raise InvalidInput({"note": N_("Licht de andere reden toe.")})
    if note and len(note) > 1000:
        raise InvalidInput({"note": N_("De toelichting mag hoogstens 1000 tekens hebben.")})
    return reason, note


def change_status(session: Session, suggestion: Suggestion, new: S | str, *, actor, version,
                  reason: str | None = None, note: str | None = None) -> Suggestion:
    """Move a suggestion to ``new``; InvalidInput for an illegal step or a missing reason, Conflict when stale.

    Rejecting and "not hired" need a reason from their list (and a note for "other"). The step is
    added to ``history`` with who and when. Flushes only.
    """
    try:
        new = S(new)
    except ValueError:
        raise InvalidInput({"status": N_("Onbekende status.")}) from None
    locking.check_version(session, suggestion, version)
    if new not in TRANSITIONS[suggestion.status]:
        raise InvalidInput({"status": N_("Van ‘%(status)s’ kan het niet naar "
                                         "‘%(new)s’.",
                                         status=STATUS_LABELS[suggestion.status], new=STATUS_LABELS[new])})
    if new == S.REJECTED:
        reason, note = _check_reason(reason, note, REJECT_REASONS)
    elif new == S.NOT_HIRED:
        reason, note = _check_reason(reason, note, NOT_HIRED_REASONS)
    else:
        reason, note = None, (note or "").strip()[:1000] or None
    now = utcnow()
    if new in (S.REJECTED, S.NOT_HIRED):
        suggestion.reject_reason, suggestion.reject_note = reason, note
    if suggestion.status == S.NEW:
        suggestion.reviewer_id, suggestion.reviewed_at = getattr(actor, "id", None), now
    entry = {"status": new.value, "from": suggestion.status.value, "at": now.isoformat(timespec="seconds"),
             "by": getattr(actor, "id", None), "by_name": getattr(actor, "name", None)}
    if reason:
        entry["reason"] = reason
    if note:
        entry["note"] = note
    suggestion.history = [*(suggestion.history or []), entry]
    suggestion.mark_reached(new, now)
    suggestion.status = new
    suggestion.status_changed_at = now
    session.flush()
    return suggestion


def propose(session: Session, suggestion: Suggestion, *, actor, version) -> Suggestion:
    """Propose the candidate to the employer (the vacancy's account manager sees it as an introduction)."""
    return change_status(session, suggestion, S.PROPOSED, actor=actor, version=version)


def reject(session: Session, suggestion: Suggestion, reason: str, note: str | None = None, *, actor, version) -> Suggestion:
    """Reject with a reason from REJECT_REASONS (and a note, required for "other")."""
    return change_status(session, suggestion, S.REJECTED, actor=actor, version=version, reason=reason, note=note)


def reject_many(session: Session, chosen: list[tuple[Suggestion, str | int | None]], reason: str,
                note: str | None = None, *, actor) -> list[Suggestion]:
    """Reject several new suggestions with one reason: all of them, or none (InvalidInput / Conflict).

    ``chosen`` pairs each suggestion with the version the page showed. Flushes only.
    """
    if not chosen:
        raise InvalidInput({"suggestions": N_("Vink minstens één nieuwe suggestie aan.")})
    reason, note = _check_reason(reason, note, REJECT_REASONS)
    for suggestion, version in chosen:
        locking.check_version(session, suggestion, version)
        if suggestion.status != S.NEW:
            raise InvalidInput({"suggestions": N_("Alleen nieuwe suggesties kunnen samen worden afgewezen; "
                                                  "ververs de pagina.")})
    return [reject(session, suggestion, reason, note, actor=actor, version=version)
            for suggestion, version in chosen]


def next_steps(suggestion: Suggestion) -> list[S]:
    """The statuses a person may choose next, in the order of the process."""
    order = list(S)
    return sorted(TRANSITIONS[suggestion.status], key=order.index)
