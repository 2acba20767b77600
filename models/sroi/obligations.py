"""Social-return obligations: register and edit them, link placements, record non-placement activities."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common import audit
from models.common.errors import InvalidInput
from models.common.money import format_euro, parse_euro, parse_percentage
from models.enums import ActivityKind, ActivityStatus
from models.placements import value as placement_value
from models.placements.placement import Placement
from models.register.employer import Employer
from models.sroi.building_block import BuildingBlockTable
from models.sroi.obligation import SroiActivity, SroiObligation
from models.sroi.tables import version_on, version_to_dataclass
from models.sroi.valuation import value_activity

AUDITED_FIELDS = ("contract_name", "contract_number", "contracting_authority", "contractor_id",
                  "contract_sum_cents", "percentage", "period_start", "period_end", "table_id")
# Which unit of activity block values which kind of activity.
ACTIVITY_UNITS = {ActivityKind.PURCHASE: ("invoice",), ActivityKind.SOCIAL_HOURS: ("hour", "fixed")}


def _clean(session: Session, organisation_id: int, data: dict) -> dict:
    """Parse and check obligation input; raises InvalidInput naming every bad field."""
    errors, clean = {}, {}
    for field, label, size in (("contract_name", "de naam van het contract", 200),
                               ("contracting_authority", "de opdrachtgever", 200)):
        value = (data.get(field) or "").strip()
        if not value:
            errors[field] = f"Vul {label} in."
        clean[field] = value[:size]
    clean["contract_number"] = (data.get("contract_number") or "").strip()[:64] or None
    contractor = session.get(Employer, data["contractor_id"]) if data.get("contractor_id") else None
    if contractor is None or contractor.organisation_id != organisation_id:
        errors["contractor"] = "Kies de opdrachtnemer uit het werkgeversregister van uw organisatie."
    clean["contractor_id"] = contractor.id if contractor else None
    try:
        clean["contract_sum_cents"] = parse_euro(data.get("contract_sum") or "")
        if clean["contract_sum_cents"] <= 0:
            errors["contract_sum"] = "De contractsom moet groter dan € 0 zijn."
    except ValueError as exc:
        errors["contract_sum"] = str(exc)
    try:
        clean["percentage"] = parse_percentage(str(data.get("percentage") or ""))
        if clean["percentage"] <= 0:
            errors["percentage"] = "Het percentage moet groter dan 0 zijn."
        elif clean["percentage"] != clean["percentage"].quantize(Decimal("0.01")):
            errors["percentage"] = "Gebruik hoogstens 2 cijfers achter de komma."
        clean["percentage"] = clean["percentage"].quantize(Decimal("0.01"))
    except ValueError as exc:
        errors["percentage"] = str(exc).replace("tussen 0 en 100", "groter dan 0 en hoogstens 100")
    start, end = data.get("period_start"), data.get("period_end")
    if start is None:
        errors["period_start"] = "Vul het begin van de periode in."
    if end is None:
        errors["period_end"] = "Vul het einde van de periode in."
    elif start and end < start:
        errors["period_end"] = "Het einde van de periode ligt vóór het begin."
    clean["period_start"], clean["period_end"] = start, end
    table = session.get(BuildingBlockTable, data["table_id"]) if data.get("table_id") else None
    if table is None:
        errors["table"] = "Kies de bouwblokkentabel die in het contract staat."
    clean["table_id"] = table.id if table else None
    if errors:
        raise InvalidInput(errors)
    return clean


def _snapshot(obligation: SroiObligation) -> dict:
    return {f: getattr(obligation, f) for f in AUDITED_FIELDS}


def create_obligation(session: Session, organisation_id: int, data: dict, actor=None) -> SroiObligation:
    """Register an obligation of the organisation; raises InvalidInput before writing anything."""
    obligation = SroiObligation(organisation_id=organisation_id, **_clean(session, organisation_id, data))
    session.add(obligation)
    session.flush()
    audit.record(session, "sroi_obligation_created", actor=actor, obj=obligation)
    return obligation


def update_obligation(session: Session, obligation: SroiObligation, data: dict, actor=None) -> int:
    """Change an obligation, record each changed field and revalue linked placements; returns the count."""
    clean = _clean(session, obligation.organisation_id, data)
    linked = bool(session.scalar(select(Placement.id).where(Placement.sroi_obligation_id == obligation.id).limit(1)))
    if linked and clean["contractor_id"] != obligation.contractor_id:
        raise InvalidInput({"contractor": "Er zijn al plaatsingen bij deze opdrachtnemer gekoppeld; "
                                          "ontkoppel die eerst."})
    before = _snapshot(obligation)
    for field, value in clean.items():
        setattr(obligation, field, value)
    session.flush()
    changed = audit.record_changes(session, obligation, before, _snapshot(obligation), actor=actor)
    for placement in session.scalars(select(Placement).where(Placement.sroi_obligation_id == obligation.id)):
        placement_value.revalue(session, placement)
    session.flush()
    return changed


def activity_block(session: Session, obligation: SroiObligation, kind: ActivityKind, on: date):
    """(version, block) that values an activity of kind on day `on`; raises InvalidInput if none."""
    version = version_on(session, obligation.table_id, on)
    if version is None:
        raise InvalidInput({"occurred_on": f"De tabel '{obligation.table.name}' heeft geen versie op {on:%d-%m-%Y}."})
    units = ACTIVITY_UNITS.get(kind, ())
    block = next((b for b in version.blocks if b.kind.value == "activity" and b.unit.value in units), None)
    if block is None:
        raise InvalidInput({"kind": f"De tabel '{obligation.table.name}' waardeert deze soort activiteit niet."})
    return version, block


def add_activity(session: Session, obligation: SroiObligation, kind: str, occurred_on: date | None,
                 amount: str, evidence: str, actor=None, status: ActivityStatus = ActivityStatus.APPROVED
                 ) -> SroiActivity:
    """Record a purchase (amount in euro, excl. VAT) or social activity (hours, or activities for a
    per-activity rate) with evidence, valued with the table's activity block.

    With status PROPOSED it is a contractor's proposal: valued the same way, counted only once approved.
    """
    errors = {}
    if kind not in set(ACTIVITY_UNITS):
        errors["kind"] = "Kies inkoop of maatschappelijke activiteit."
    if occurred_on is None:
        errors["occurred_on"] = "Vul de datum in."
    elif not obligation.period_start <= occurred_on <= obligation.period_end:
        errors["occurred_on"] = (f"De datum ligt buiten de periode {obligation.period_start:%d-%m-%Y} – "
                                 f"{obligation.period_end:%d-%m-%Y}.")
    if not (evidence or "").strip():
        errors["evidence"] = "Beschrijf het bewijs (factuurnummer, urenstaat, verklaring)."
    if errors:
        raise InvalidInput(errors)
    version, block = activity_block(session, obligation, ActivityKind(kind), occurred_on)
    try:
        quantity = parse_euro(amount) if block.unit.value == "invoice" else _whole(amount)
    except ValueError as exc:
        raise InvalidInput({"amount": str(exc)}) from None
    if quantity <= 0:
        raise InvalidInput({"amount": "Het bedrag of aantal moet groter dan 0 zijn."})
    valuation = value_activity(version_to_dataclass(version), block.code, quantity)
    activity = SroiActivity(
        obligation=obligation, kind=ActivityKind(kind), occurred_on=occurred_on, amount=quantity,
        evidence=evidence.strip(), value_cents=valuation.cents, value_explanation=valuation.explanation,
        table_version_id=version.id, status=status,
        proposed_by_id=getattr(actor, "id", None) if status == ActivityStatus.PROPOSED else None,
    )
    session.add(activity)
    session.flush()
    action = "sroi_activity_proposed" if status == ActivityStatus.PROPOSED else "sroi_activity_added"
    audit.record(session, action, actor=actor, obj=activity,
                 details={"obligation_id": obligation.id, "value_cents": valuation.cents})
    return activity


def _whole(text: str) -> int:
    body = (text or "").strip()
    if not body.isdigit():
        raise ValueError(f"Ongeldig aantal '{text}': gebruik een heel getal, bijvoorbeeld 12.")
    return int(body)


def obligation_summary(obligation: SroiObligation) -> str:
    """'5% of € 1.000.000,00 = € 50.000,00' for headings and exports."""
    from models.common.money import format_percentage

    return (f"{format_percentage(obligation.percentage)} van {format_euro(obligation.contract_sum_cents)} "
            f"= {format_euro(obligation.obligation_cents)}")
