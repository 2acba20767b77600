"""Progress of social-return obligations: realised, forecast, status, and each contribution's value."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.common.errors import N_, Message
from models.common.money import progress_percentage
from models.enums import ActivityStatus
from models.placements.placement import Placement
from models.placements.value import facts
from models.sroi.building_block import BuildingBlockTableVersion
from models.sroi.obligation import SroiActivity, SroiObligation
from models.sroi.tables import version_to_dataclass
from models.sroi.valuation import value_placement

STATUS_LABELS = {"met": N_("behaald"), "on_track": N_("op koers"), "behind": N_("achter")}
INSTRUMENT_LABELS = {
    "regular": N_("Regulier werk"), "wep": N_("Werkervaringsplaats"), "participatiebaan": N_("Participatiebaan"),
    "proefplaatsing": N_("Proefplaatsing"), "bbl": N_("BBL-leerbaan"), "secondment": N_("Detachering"),
    "sheltered": N_("Beschut werk"),
}
ACTIVITY_LABELS = {"purchase": N_("Inkoop bij sociale onderneming"), "social_hours": N_("Maatschappelijke activiteit"),
                   "other": N_("Overig")}


@dataclass(frozen=True)
class Contribution:
    """One placement or activity counted towards an obligation; never names the person."""

    kind: str  # "placement" or "activity"
    object_id: int
    label: str
    on: date
    realised_cents: int
    forecast_cents: int
    explanation: str
    summary: str = ""  # the label without the placement number: what the contractor's page shows
    # The calculation as shown outside the team (contractor, contracting authority): for a placement the
    # bouwblok by its position in the table only, since block labels and bonuses name a benefit, a
    # disability or a status of an employee the contractor can recognise by start date and hours.
    shared: str | Message = ""


@dataclass(frozen=True)
class Progress:
    obligation_cents: int
    realised_cents: int
    forecast_cents: int
    contributions: list[Contribution] = field(default_factory=list)

    @property
    def remaining_cents(self) -> int:
        """What is still to be realised (never below zero)."""
        return max(self.obligation_cents - self.realised_cents, 0)

    @property
    def percent(self) -> Decimal:
        """Realised as a percentage of the obligation, one decimal."""
        return progress_percentage(self.realised_cents, self.obligation_cents)

    @property
    def status(self) -> str:
        """met when realised ≥ obligation; on_track when the forecast reaches it; else behind."""
        if self.realised_cents >= self.obligation_cents:
            return "met"
        return "on_track" if self.forecast_cents >= self.obligation_cents else "behind"


def _versions(session: Session, ids: set[int]) -> dict:
    rows = session.scalars(select(BuildingBlockTableVersion).where(BuildingBlockTableVersion.id.in_(ids))
                           .options(selectinload(BuildingBlockTableVersion.blocks))) if ids else []
    return {row.id: version_to_dataclass(row) for row in rows}


_VALUED = (Placement.id, Placement.sroi_obligation_id, Placement.table_version_id, Placement.start_date,
           Placement.end_date, Placement.ended_early_on, Placement.hours_per_week, Placement.target_group,
           Placement.benefit_months_at_start, Placement.work_disability, Placement.instrument, Placement.contract_type,
           Placement.age_at_start, Placement.statushouder, Placement.block_code, Placement.value_cents,
           Placement.value_explanation)


def _shared(version, block) -> Message:
    """A placement's calculation for the contractor: the bouwblok as "bouwblok N" (its place among the
    table's placement blocks), never its label, its bonuses or the placement's target group."""
    if version is None or block is None:
        return N_("Niet gewaardeerd met de bouwblokkentabel.")
    blocks = [b.code for b in version.blocks if b.kind == "placement"]
    return N_("Bouwblok %(n)s van de tabel (plaatsing), naar rato van uren per week en maanden, toeslagen inbegrepen.",
              n=blocks.index(block.code) + 1)


def progress_many(session: Session, obligations: list[SroiObligation], today: date,
                  contributions: bool = True) -> dict[int, Progress]:
    """Progress of each obligation by id, in a constant number of queries; without ``contributions``
    only the sums (the reports), sparing a labelled line for each of thousands of placements."""
    ids = [o.id for o in obligations]
    # Plain rows with what valuing and labelling read (facts() takes them like placements): building
    # thousands of ORM objects cost more than the valuing on the council report.
    placements = session.execute(select(*_VALUED).where(Placement.sroi_obligation_id.in_(ids))
                                 .order_by(Placement.start_date, Placement.id)).all() if ids else []
    activities = list(session.scalars(select(SroiActivity).where(
        SroiActivity.obligation_id.in_(ids), SroiActivity.status == ActivityStatus.APPROVED)
        .order_by(SroiActivity.occurred_on, SroiActivity.id))) if ids else []
    versions = _versions(session, {p.table_version_id for p in placements if p.table_version_id})
    by_obligation: dict[int, list[Contribution]] = {i: [] for i in ids}
    totals = {i: [0, 0] for i in ids}  # realised, forecast: when only the sums are asked
    period = {o.id: (o.period_start, o.period_end) for o in obligations}
    for p in placements:
        version = versions.get(p.table_version_id)
        realised, block = 0, None
        if version is not None:
            start, end = period[p.sroi_obligation_id]
            valued = value_placement(version, facts(p), start, end, as_of=today)
            realised, block = valued.cents, valued.block
        if not contributions:
            totals[p.sroi_obligation_id][0] += realised
            totals[p.sroi_obligation_id][1] += p.value_cents or 0
            continue
        # Outside the team without the instrument: beschut werk, a participatiebaan or a work-experience
        # place says a benefit or a disability of someone the contractor can pick out by hours and start.
        summary = f"{p.hours_per_week} u/week, {'vast' if p.contract_type.value == 'permanent' else 'tijdelijk'} contract"
        by_obligation[p.sroi_obligation_id].append(Contribution(
            "placement", p.id, f"Plaatsing {p.id}: {INSTRUMENT_LABELS[p.instrument.value]}, {summary}", p.start_date,
            realised, p.value_cents or 0,
            p.value_explanation or "", summary, _shared(version, block)))
    for a in activities:
        done = a.value_cents or 0
        if not contributions:
            totals[a.obligation_id][0] += done if a.occurred_on <= today else 0
            totals[a.obligation_id][1] += done
            continue
        kind = Message(ACTIVITY_LABELS[a.kind.value], {})
        label = N_("%(kind)s: %(evidence)s", kind=kind, evidence=a.evidence)
        # The contractor sees the evidence it wrote itself; staff's own notes could name people.
        summary = label if a.proposed_by_id is not None else kind
        by_obligation[a.obligation_id].append(Contribution(
            "activity", a.id, label, a.occurred_on, done if a.occurred_on <= today else 0, done,
            a.value_explanation or "", summary, a.value_explanation or ""))
    result = {}
    for o in obligations:
        items = by_obligation[o.id]
        result[o.id] = Progress(o.required_cents, sum(c.realised_cents for c in items) + totals[o.id][0],
                                sum(c.forecast_cents for c in items) + totals[o.id][1], items)
    return result


def progress(session: Session, obligation: SroiObligation, today: date) -> Progress:
    """Progress of one obligation on day today."""
    return progress_many(session, [obligation], today)[obligation.id]
