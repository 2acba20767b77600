"""What the candidate page shows besides the record: history, trajectories, jobs, why not published."""
from __future__ import annotations

from datetime import date, timedelta

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from models import Placement, Suggestion
from models.candidates import participatiebanen, records, trajectories
from models.candidates.candidate import Candidate
from models.candidates.participatiebaan import Participatiebaan
from models.catalogue.publishing.profiles import withdrawal_reason
from models.enums import CandidateStatus, ProfileStatus
from web.extensions import db

FIELD_LABELS = {
    "email": "e-mailadres", "phone": "telefoon", "education": "opleiding", "dutch_level": "Nederlands",
    "hours_min": "minimum uren", "hours_max": "maximum uren", "max_travel_km": "reisafstand",
    "available_from": "beschikbaar vanaf", "driving_licences": "rijbewijs", "certificates": "certificaten",
    "desired_occupations": "gewenste beroepen", "skills": "vaardigheden", "ladder": "trede",
    "ladder_assessed_on": "datum trede", "expected_ladder": "verwachte trede", "expected_ladder_on": "datum verwachte trede",
    "plan_date": "datum plan", "owner_email": "eigenaar", "screening_route": "screeningsroute",
    "screened_on": "datum screening", "publish_consent": "toestemming", "consent_until": "toestemming tot",
}


def not_published_reason(candidate: Candidate, today: date) -> str | None:
    """Why the candidate has no published profile (Dutch), or None when it is published."""
    profile = candidate.profile
    if profile is not None and profile.status == ProfileStatus.PUBLISHED:
        return None
    reason = withdrawal_reason(candidate, today)
    if reason and candidate.status != CandidateStatus.ACTIVE and candidate.status_reason:
        reason = f"{reason}: {candidate.status_reason}"
    if reason:
        return reason
    if profile is None:
        return "Nog geen profiel opgesteld"
    if profile.status == ProfileStatus.WITHDRAWN:
        return f"Ingetrokken ({profile.withdrawn_reason or 'geen reden vastgelegd'})"
    if profile.reviewed_at is None:
        return "Concept, nog niet beoordeeld"
    return "Goedgekeurd, wacht op genoeg vergelijkbare profielen (k-anonimiteit)"


def ladder_chart(history, today: date) -> dict | None:
    """Points of the ladder chart: the assessed rung over time, the expected rung 12 months on."""
    if not history:
        return None
    first = history[0].assessed_on
    last = max([today, *(h.assessed_on + timedelta(days=365) for h in history if h.expected_rung)])
    span = max((last - first).days, 1)
    width, left, top, step = 560, 40, 10, 28

    def x(day_: date) -> float:
        return round(left + (day_ - first).days / span * width, 1)

    def y(rung: int) -> float:
        return top + (6 - rung) * step

    points = [{"x": x(h.assessed_on), "y": y(h.rung), "rung": h.rung, "on": h.assessed_on} for h in history]
    expected = [{"x": x(h.assessed_on + timedelta(days=365)), "y": y(h.expected_rung), "rung": h.expected_rung,
                 "from_x": x(h.assessed_on), "from_y": y(h.rung), "on": h.assessed_on}
                for h in history if h.expected_rung]
    return {"points": points, "expected": expected, "rungs": [(n, y(n)) for n in range(1, 7)],
            "height": top * 2 + 5 * step + 20, "width": left + width + 20, "first": first, "last": last,
            "axis_y": top + 5 * step + 16}


def file_context(candidate: Candidate, today: date) -> dict:
    """Everything the candidate page lists about the file (a handful of queries)."""
    session = db.session
    history = records.ladder_history(session, candidate.id)
    jobs = list(session.scalars(select(Participatiebaan).where(Participatiebaan.candidate_id == candidate.id)
                                .order_by(Participatiebaan.started_on.desc())))
    return {
        "ladder_history": history, "chart": ladder_chart(history, today),
        "plans": records.plan_history(session, candidate.id),
        "in_beeld": records.in_beeld(candidate, today),
        "trajectories": trajectories.of_candidate(session, candidate.id),
        "jobs": jobs, "premiums": {j.id: participatiebanen.premium_dates(j) for j in jobs},
        "placements": list(session.scalars(select(Placement).options(joinedload(Placement.employer))
                                           .where(Placement.candidate_id == candidate.id)
                                           .order_by(Placement.start_date.desc()))),
        "suggestions": list(session.scalars(select(Suggestion).options(joinedload(Suggestion.vacancy))
                                            .where(Suggestion.candidate_id == candidate.id)
                                            .order_by(Suggestion.created_at.desc()).limit(20))),
        "not_published": not_published_reason(candidate, today),
        "edited_labels": sorted(FIELD_LABELS.get(f, f) for f in (candidate.edited_fields or {})),
        "settings": participatiebanen.Settings.from_config(current_app.config),
    }
