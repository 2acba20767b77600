"""Valuing stored placements: facts, the table that applies, the version in force on the start date."""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models.accounts.organisation import Organisation
from models.common.errors import InvalidInput
from models.placements.placement import Placement
from models.sroi.building_block import BuildingBlockTable, BuildingBlockTableVersion
from models.sroi.obligation import SroiObligation
from models.sroi.tables import table_by_key, version_on, version_to_dataclass
from models.sroi.valuation import Valuation, value_placement
from models.sroi.valuation.tables import PlacementFacts


def effective_end(placement: Placement) -> date | None:
    """The last day the placement counts: the early end when it ended early, else the (planned) end."""
    return placement.ended_early_on or placement.end_date


def facts(placement: Placement) -> PlacementFacts:
    """The valuation facts of a stored placement (its copied anonymous facts, never personal data)."""
    return PlacementFacts(
        start=placement.start_date, end=effective_end(placement), hours=placement.hours_per_week,
        target_group=placement.target_group, benefit_months_at_start=placement.benefit_months_at_start,
        work_disability=placement.work_disability, instrument=placement.instrument.value,
        contract_type=placement.contract_type.value, age_at_start=placement.age_at_start,
        statushouder=placement.statushouder, block_code=placement.block_code or None,
    )


def table_for(session: Session, placement: Placement) -> BuildingBlockTable | None:
    """The obligation's table, or else the table set for the placement's organisation."""
    if placement.sroi_obligation_id:
        obligation = session.get(SroiObligation, placement.sroi_obligation_id)
        return obligation.table
    organisation = session.get(Organisation, placement.organisation_id)
    return table_by_key(session, organisation.building_block_table_key)


def version_for(session: Session, placement: Placement) -> BuildingBlockTableVersion | None:
    """The version a placement is valued with: the one it was valued with before if it is of the same
    table (so later table versions never change its value), else the one in force on its start date."""
    table = table_for(session, placement)
    if table is None:
        return None
    if placement.table_version_id:
        current = session.get(BuildingBlockTableVersion, placement.table_version_id)
        if current is not None and current.table_id == table.id:
            return current
    return version_on(session, table.id, placement.start_date)


def revalue(session: Session, placement: Placement) -> Valuation | None:
    """Store value_cents, value_explanation and table_version_id on placement (forecast within the
    obligation period, if linked). Raises InvalidInput on 'block_code' when the chosen block is unknown."""
    table = table_for(session, placement)
    version = version_for(session, placement)
    if version is None:
        placement.value_cents = None
        placement.table_version_id = None
        placement.value_explanation = (
            "Geen bouwblokkentabel ingesteld voor uw organisatie; de plaatsing is niet gewaardeerd."
            if table is None else
            f"Tabel '{table.name}' heeft geen versie die geldt op {placement.start_date:%d-%m-%Y}."
        )
        return None
    obligation = session.get(SroiObligation, placement.sroi_obligation_id) if placement.sroi_obligation_id else None
    try:
        valuation = value_placement(
            version_to_dataclass(version), facts(placement),
            period_start=obligation.period_start if obligation else None,
            period_end=obligation.period_end if obligation else None,
        )
    except ValueError as exc:
        text = str(exc)
        field = next((f for f in ("block_code", "instrument") if text.startswith(f"Veld {f}: ")), "target_group")
        raise InvalidInput({field: text.removeprefix(f"Veld {field}: ")}) from None
    placement.value_cents = valuation.cents
    placement.value_explanation = valuation.explanation
    placement.table_version_id = version.id
    return valuation


def realised(version: BuildingBlockTableVersion, placement: Placement, obligation: SroiObligation,
             as_of: date) -> Valuation:
    """What the placement has realised for obligation by as_of (inclusive), within its period."""
    return value_placement(version_to_dataclass(version), facts(placement), obligation.period_start,
                           obligation.period_end, as_of=as_of)
