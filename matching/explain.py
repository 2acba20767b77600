"""Why a candidate fits a vacancy: structured reasons, and their rendering in plain Dutch."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from matching.documents import CandidateDoc, Taxonomy, VacancyDoc
from matching.geo import travel_km
from matching.levels import dutch_rank, education_rank
from matching.space import occupation_targets

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")
EDUCATION_NL = {"none": "geen opleiding", "primary": "basisonderwijs", "vmbo": "vmbo", "mbo1": "mbo 1",
                "mbo2": "mbo 2", "mbo3": "mbo 3", "mbo4": "mbo 4", "havo_vwo": "havo/vwo", "hbo": "hbo",
                "wo": "wo", "foreign_unrecognised": "buitenlands diploma (niet erkend)"}


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


def render_reasons(items: list[Reason], labels: Mapping[int, str] | Taxonomy | None = None) -> list[str]:
    """The reasons as short Dutch sentences for matchers and employers."""
    names = labels.labels if isinstance(labels, Taxonomy) else (labels or {})
    return [line for r in items if (line := _render(r, names))]


def _label(cid: int, names: Mapping[int, str], wording: str | None = None) -> str:
    label = names.get(cid, f"begrip {cid}")
    if wording and wording.strip().lower() != label.strip().lower():
        return f"{label} (‘{wording.strip()}’)"
    return label


def _render(r: Reason, names: Mapping[int, str]) -> str | None:
    listed = ", ".join(_label(c, names, w) for c, w in zip(r.concepts, r.wording or (None,) * len(r.concepts)))
    if r.kind in ("required_skills", "preferred_skills"):
        what = "vereiste" if r.kind == "required_skills" else "gewenste"
        text = f"Heeft {len(r.concepts)} van {r.count} {what} vaardigheden"
        return f"{text}: {listed}" if r.concepts else text
    if r.kind == "missing_required":
        return f"Ontbreekt: {listed}"
    if r.kind == "occupation":
        if len(r.concepts) == 1:
            return f"Beroep past: {_label(r.concepts[0], names)}"
        return f"Verwant beroep: {_label(r.concepts[0], names)} (gevraagd: {_label(r.concepts[1], names)})"
    if r.kind == "distance":
        limit = f" (max. {r.limit} km)" if r.limit is not None else ""
        km = int(r.value or 0)  # rounded: 0 is under half a kilometre (often the same postcode area)
        return f"Woont {'minder dan 1' if km < 1 else km} km van de werkplek{limit}"
    if r.kind == "hours":
        if not r.ok:
            return "Uren passen niet"
        span = f"{int(r.value or 0)}–{int(r.limit)}" if r.limit is not None else f"vanaf {int(r.value or 0)}"
        return f"Uren passen: {span} u/week"
    if r.kind == "availability":
        word = "Beschikbaar" if r.ok else "Pas beschikbaar"
        return f"{word} vanaf {_date(r.have)} (start {_date(r.need)})"
    if r.kind in ("education", "dutch"):
        return _level(r)
    return None


def _level(r: Reason) -> str:
    if r.kind == "education":
        need = EDUCATION_NL.get(r.need or "", r.need)
        if r.have is None:
            return f"Opleiding onbekend (gevraagd: minimaal {need})"
        return f"Opleiding {EDUCATION_NL.get(r.have, r.have)} (gevraagd: minimaal {need})"
    if r.have is None:
        return f"Niveau Nederlands onbekend (gevraagd: minimaal {r.need})"
    return f"Nederlands op niveau {r.have} (gevraagd: minimaal {r.need})"


def _date(iso: str | None) -> str:
    d = date.fromisoformat(iso or "")
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
