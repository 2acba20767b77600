"""Why a candidate fits a vacancy: structured reasons, and their rendering as short sentences.

The sentences are rendered from frames (``N_`` marks them for the message catalogue); Dutch unless
the caller passes a ``translate`` (gettext) and a ``long_date`` formatter for the page's language.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.geo import travel_km
from matching.levels import dutch_rank, education_rank
from matching.space import occupation_targets


def N_(frame: str) -> str:
    """Mark a sentence frame for extraction (pybabel -k N_); the frame itself is returned."""
    return frame


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
EDUCATION_NL = {"none": N_("geen opleiding"), "primary": N_("basisonderwijs"), "vmbo": "vmbo", "mbo1": "mbo 1",
                "mbo2": "mbo 2", "mbo3": "mbo 3", "mbo4": "mbo 4", "havo_vwo": "havo/vwo", "hbo": "hbo",
                "wo": "wo", "foreign_unrecognised": N_("buitenlands diploma (niet erkend)")}


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason. kind: required_skills, preferred_skills, missing_required, occupation, distance,
    hours, availability, education or dutch; `concepts`/`wording` pair up (wording None: as labelled)."""

    kind: str
    concepts: tuple[int, ...] = ()
    wording: tuple[str | None, ...] = ()
    count: int | None = None
    value: float | None = None
    limit: float | None = None
    have: str | None = None
    need: str | None = None
    ok: bool = True


def reasons(vac: VacancyDoc, cand: CandidateDoc, taxonomy: Taxonomy | None = None) -> list[Reason]:
    """Structured reasons for one pair, most telling first; only facts both sides give."""
    out: list[Reason] = []
    for kind, wanted in (("required_skills", vac.required), ("preferred_skills", vac.preferred)):
        if wanted:
            hit = tuple(c for c in wanted if c in cand.concepts)
            out.append(Reason(kind, hit, tuple(cand.wording.get(c) for c in hit), count=len(wanted),
                              ok=len(hit) == len(wanted)))
    missing = tuple(c for c in vac.required if c not in cand.concepts)
    if missing:
        out.append(Reason("missing_required", missing, ok=False))
    out.extend(_occupation(vac, cand, taxonomy))
    if vac.point is not None and cand.point is not None:
        km = travel_km(cand.point, vac.point)
        limit = cand.max_travel_km
        out.append(Reason("distance", value=round(km), limit=limit, ok=limit is None or km <= limit))
    if (vac.hours_min, vac.hours_max) != (None, None) and (cand.hours_min, cand.hours_max) != (None, None):
        lo = max(x for x in (vac.hours_min, cand.hours_min, 0) if x is not None)
        hi = min(x for x in (vac.hours_max, cand.hours_max, 999) if x is not None)
        out.append(Reason("hours", value=lo, limit=None if hi == 999 else hi, ok=lo <= hi))
    if vac.start_date is not None and cand.available_from is not None:
        out.append(Reason("availability", have=cand.available_from.isoformat(),
                          need=vac.start_date.isoformat(), ok=cand.available_from <= vac.start_date))
    for kind, have, need, rank in (("education", cand.education, vac.education_min, education_rank),
                                   ("dutch", cand.dutch_level, vac.dutch_min, dutch_rank)):
        if need:
            out.append(Reason(kind, have=have, need=need, ok=have is not None and rank(have) >= rank(need)))
    return out


def _occupation(vac: VacancyDoc, cand: CandidateDoc, taxonomy: Taxonomy | None) -> list[Reason]:
    same = sorted(set(vac.occupation_ids) & set(cand.occupation_ids))
    if same:
        return [Reason("occupation", (same[0],), value=1.0)]
    targets = occupation_targets(vac, taxonomy)
    related = sorted((o for o in cand.occupation_ids if o in targets), key=lambda o: (-targets[o], o))
    if related:
        return [Reason("occupation", (related[0], min(vac.occupation_ids)), value=targets[related[0]])]
    return []


def _dutch_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _same(text: str) -> str:
    return text


def render_reasons(items: list[Reason], labels: Mapping[int, str] | Taxonomy | None = None,
                   translate: Callable[[str], str] = _same,
                   long_date: Callable[[date], str] = _dutch_date) -> list[str]:
    """The reasons as short sentences for matchers and employers (Dutch, or ``translate``'s language)."""
    names = labels.labels if isinstance(labels, Taxonomy) else (labels or {})
    return [line for r in items if (line := _render(r, names, translate, long_date))]


def _label(cid: int, names: Mapping[int, str], wording: str | None = None) -> str:
    label = names.get(cid, f"begrip {cid}")
    if wording and wording.strip().lower() != label.strip().lower():
        return f"{label} (‘{wording.strip()}’)"
    return label


def _render(r: Reason, names: Mapping[int, str], t: Callable[[str], str], long_date: Callable[[date], str]) -> str | None:
    listed = ", ".join(_label(c, names, w) for c, w in zip(r.concepts, r.wording or (None,) * len(r.concepts)))
    if r.kind in ("required_skills", "preferred_skills"):
        frame = (N_("Heeft %(n)d van %(count)d vereiste vaardigheden") if r.kind == "required_skills"
                 else N_("Heeft %(n)d van %(count)d gewenste vaardigheden"))
        text = t(frame) % {"n": len(r.concepts), "count": r.count or 0}
        return f"{text}: {listed}" if r.concepts else text
    if r.kind == "missing_required":
        return t(N_("Ontbreekt: %(skills)s")) % {"skills": listed}
    if r.kind == "occupation":
        if len(r.concepts) == 1:
            return t(N_("Beroep past: %(occupation)s")) % {"occupation": _label(r.concepts[0], names)}
        return t(N_("Verwant beroep: %(occupation)s (gevraagd: %(asked)s)")) % {
            "occupation": _label(r.concepts[0], names), "asked": _label(r.concepts[1], names)}
    if r.kind == "distance":
        km = int(r.value or 0)  # rounded: 0 is under half a kilometre (often the same postcode area)
        line = (t(N_("Woont minder dan 1 km van de werkplek")) if km < 1
                else t(N_("Woont %(km)d km van de werkplek")) % {"km": km})
        return line + (t(N_(" (max. %(km)d km)")) % {"km": int(r.limit)} if r.limit is not None else "")
    if r.kind == "hours":
        if not r.ok:
            return t(N_("Uren passen niet"))
        if r.limit is not None and int(r.limit) == int(r.value or 0):
            return t(N_("Uren passen: %(hours)d u/week")) % {"hours": int(r.limit)}
        if r.limit is not None:
            return t(N_("Uren passen: %(low)d–%(high)d u/week")) % {"low": int(r.value or 0), "high": int(r.limit)}
        return t(N_("Uren passen: vanaf %(low)d u/week")) % {"low": int(r.value or 0)}
    if r.kind == "availability":
        frame = N_("Beschikbaar vanaf %(from)s (start %(start)s)") if r.ok else N_("Pas beschikbaar vanaf %(from)s (start %(start)s)")
        return t(frame) % {"from": long_date(date.fromisoformat(r.have or "")),
                           "start": long_date(date.fromisoformat(r.need or ""))}
    if r.kind in ("education", "dutch"):
        return _level(r, t)
    return None


def _level(r: Reason, t: Callable[[str], str]) -> str:
    if r.kind == "education":
        need = t(EDUCATION_NL.get(r.need or "", r.need or ""))
        if r.have is None:
            return t(N_("Opleiding onbekend (gevraagd: minimaal %(need)s)")) % {"need": need}
        return t(N_("Opleiding %(have)s (gevraagd: minimaal %(need)s)")) % {
            "have": t(EDUCATION_NL.get(r.have, r.have)), "need": need}
    if r.have is None:
        return t(N_("Niveau Nederlands onbekend (gevraagd: minimaal %(need)s)")) % {"need": r.need}
    return t(N_("Nederlands op niveau %(have)s (gevraagd: minimaal %(need)s)")) % {"have": r.have, "need": r.need}
