"""Social-return obligations: register and edit them, link placements, record non-placement activities."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common import audit
from models.common.errors import N_, Duplicate, InvalidInput, Message
from models.common.money import format_euro, parse_euro, parse_percentage
from models.enums import ActivityKind, ActivityStatus
from models.placements import value as placement_value
from models.placements.placement import Placement
from models.register.employer import Employer
from models.sroi.building_block import BuildingBlockTable
from models.sroi.obligation import SroiActivity, SroiObligation
from models.sroi.tables import tables_for_authority, version_on, version_to_dataclass
from models.sroi.valuation import value_activity
from models.sroi.valuation.tables import RATE_LABELS

AUDITED_FIELDS = ("contract_name", "contract_number", "contracting_authority", "contractor_id",
                  "contract_sum_cents", "percentage", "period_start", "period_end", "table_id", "pso_rung",
                  "pso_reduction_percent")
# Which unit of activity block values which kind of activity.
ACTIVITY_UNITS = {ActivityKind.PURCHASE: ("invoice",), ActivityKind.SOCIAL_HOURS: ("hour", "activity", "day")}


def _clean(session: Session, organisation_id: int, data: dict) -> dict:
    """Parse and check obligation input; raises InvalidInput naming every bad field."""
    errors, clean = {}, {}
    for field, label, size in (("contract_name", "de naam van het contract", 200),
                               ("contracting_authority", "de opdrachtgever", 200)):
        value = (data.get(field) or "").strip()
        if not value:
            errors[field] = N_("Vul %(label)s in.", label=label)
        clean[field] = value[:size]
    clean["contract_number"] = (data.get("contract_number") or "").strip()[:64] or None
    contractor = session.get(Employer, data["contractor_id"]) if data.get("contractor_id") else None
    if contractor is None or contractor.organisation_id != organisation_id:
        errors["contractor"] = N_("Kies de opdrachtnemer uit het werkgeversregister van uw organisatie.")
    clean["contractor_id"] = contractor.id if contractor else None
    contract_sum = (data.get("contract_sum") or "").strip()
    if not contract_sum:
        errors["contract_sum"] = N_("Vul de contractsom in, in euro: meer dan € 0, bijvoorbeeld 1.250.000 of "
                                    "€ 250.000,00.")
    else:
        try:
            clean["contract_sum_cents"] = parse_euro(contract_sum)
            if clean["contract_sum_cents"] <= 0:
                errors["contract_sum"] = N_("De contractsom moet groter dan € 0 zijn.")
        except ValueError as exc:
            errors["contract_sum"] = str(exc)
    try:
        if not str(data.get("percentage") or "").strip():
            raise ValueError(N_("Vul het percentage social return in: meer dan 0 en hoogstens 100, bijv. 5 of 2,5."))
        clean["percentage"] = parse_percentage(str(data.get("percentage") or ""))
        if clean["percentage"] <= 0:
            errors["percentage"] = N_("Het percentage moet groter dan 0 zijn.")
        elif clean["percentage"] != clean["percentage"].quantize(Decimal("0.01")):
            errors["percentage"] = N_("Gebruik hoogstens 2 cijfers achter de komma.")
        clean["percentage"] = clean["percentage"].quantize(Decimal("0.01"))
    except ValueError as exc:
        errors["percentage"] = str(exc).replace("tussen 0 en 100", "groter dan 0 en hoogstens 100")
    start, end = data.get("period_start"), data.get("period_end")
    if start is None:
        errors["period_start"] = N_("Vul het begin van de periode in.")
    if end is None:
        errors["period_end"] = N_("Vul het einde van de periode in.")
    elif start and end < start:
        errors["period_end"] = N_("Het einde van de periode ligt vóór het begin.")
    clean["period_start"], clean["period_end"] = start, end
    table = _table(session, clean["contracting_authority"], data.get("table_id"), errors)
    clean["table_id"] = table.id if table else None
    clean["pso_rung"], clean["pso_reduction_percent"] = _pso(session, table, start, data.get("pso_rung"), errors)
    if errors:
        raise InvalidInput(errors)
    return clean


def _table(session: Session, authority: str, table_id, errors: dict) -> BuildingBlockTable | None:
    """The table of the contracting authority's region: the one chosen, or the only one covering it."""
    covering = tables_for_authority(session, authority) if authority else []
    table = session.get(BuildingBlockTable, table_id) if table_id else None
    if table is None and len(covering) == 1:
        return covering[0]
    if table is None:
        errors["table"] = N_("Kies de bouwblokkentabel die in het contract staat.")
    elif covering and table not in covering:
        names = " of ".join(f"'{t.name}'" for t in covering)
        errors["table"] = N_("De opdrachtgever %(authority)s valt onder de regio van %(names)s; de regio van de "
                             "opdrachtgever bepaalt de tabel. Kies die tabel.", authority=authority, names=names)
    return table


def _pso(session: Session, table, start, rung_text, errors: dict) -> tuple[int | None, int]:
    """The contractor's PSO rung (1-3 or None) and the reduction the table's rules give for it."""
    text = str(rung_text or "").strip()
    if not text:
        return None, 0
    if text not in ("1", "2", "3"):
        errors["pso_rung"] = N_("Kies trede 1, 2 of 3 van de prestatieladder socialer ondernemen, of geen.")
        return None, 0
    version = version_on(session, table.id, start) if table is not None and start else None
    reduction = version_to_dataclass(version).pso_reduction_percent(int(text)) if version is not None else 0
    return int(text), reduction


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
        raise InvalidInput({"contractor": N_("Er zijn al plaatsingen bij deze opdrachtnemer gekoppeld; "
                                             "ontkoppel die eerst.")})
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
        raise InvalidInput({"occurred_on": N_("De tabel '%(name)s' heeft geen versie op %(on)s.",
                                              name=obligation.table.name, on=format(on, '%d-%m-%Y'))})
    units = ACTIVITY_UNITS.get(kind, ())
    block = next((b for b in version.blocks if b.kind.value == "activity" and b.unit.value in units), None)
    if block is None:
        raise InvalidInput({"kind": N_("De tabel '%(name)s' waardeert deze soort activiteit niet.",
                                       name=obligation.table.name)})
    return version, block


def add_activity(session: Session, obligation: SroiObligation, kind: str, occurred_on: date | None,
                 amount: str, evidence: str, actor=None, status: ActivityStatus = ActivityStatus.APPROVED,
                 unit: str | None = None) -> SroiActivity:
    """Record a purchase (amount in euro, excl. VAT) or social activity with evidence, valued with the
    table's activity block.

    unit is what amount counts: 'invoice' for a purchase (the default), and for a social activity
    'hour', 'activity' or 'day', which must be the unit of the table's rate (raises InvalidInput on
    'unit' otherwise: hours are never valued as activities). With status PROPOSED it is a
    contractor's proposal: valued the same way, counted only once approved.
    """
    errors = {}
    if kind == ActivityKind.PURCHASE.value:
        unit = unit or "invoice"
        if unit != "invoice":
            errors["unit"] = N_("Een inkoop telt met de factuurwaarde in euro (excl. btw).")
    elif kind == ActivityKind.SOCIAL_HOURS.value and unit not in ACTIVITY_UNITS[ActivityKind.SOCIAL_HOURS]:
        errors["unit"] = N_("Kies waarin u het aantal opgeeft: uren, activiteiten of dagen.")
    if kind not in set(ACTIVITY_UNITS):
        errors["kind"] = N_("Soort: kies inkoop bij een sociale onderneming of maatschappelijke activiteit.")
    if occurred_on is None:
        errors["occurred_on"] = N_("Vul de datum in.")
    elif not obligation.period_start <= occurred_on <= obligation.period_end:
        errors["occurred_on"] = N_("De datum ligt buiten de periode %(period_start)s – "
                                   "%(period_end)s.",
                                   period_start=format(obligation.period_start, '%d-%m-%Y'), period_end=format(obligation.period_end, '%d-%m-%Y'))
    if not (evidence or "").strip():
        errors["evidence"] = N_("Beschrijf het bewijs (factuurnummer, urenstaat, verklaring).")
    if errors:
        raise InvalidInput(errors)
    version, block = activity_block(session, obligation, ActivityKind(kind), occurred_on)
    if unit != block.unit.value:
        try:
            value_activity(version_to_dataclass(version), block.code, 0, unit)
        except ValueError as exc:
            raise InvalidInput({"unit": str(exc).removeprefix("Veld unit: ")}) from None
    if not (amount or "").strip():
        raise InvalidInput({"amount": N_("Vul het bedrag in euro (inkoop) of het aantal (activiteit) in, meer dan 0.")})
    try:
        quantity = parse_euro(amount) if block.unit.value == "invoice" else _whole(amount)
    except ValueError as exc:
        raise InvalidInput({"amount": str(exc)}) from None
    if quantity <= 0:
        raise InvalidInput({"amount": N_("Het bedrag of aantal moet groter dan 0 zijn.")})
    same = same_activity(session, obligation, ActivityKind(kind), occurred_on, quantity, unit, evidence)
    if same is not None:
        raise Duplicate([N_("Deze activiteit telt al mee: dezelfde soort, datum, hoeveelheid en hetzelfde bewijs "
                            "bij deze verplichting.")], same)
    valuation = value_activity(version_to_dataclass(version), block.code, quantity, unit)
    activity = SroiActivity(
        obligation=obligation, kind=ActivityKind(kind), occurred_on=occurred_on, amount=quantity, unit=unit,
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


def same_activity(session: Session, obligation: SroiObligation, kind: ActivityKind, occurred_on: date,
                  amount: int, unit: str | None, evidence: str) -> SroiActivity | None:
    """The activity of the obligation with this natural key (kind, day, amount, evidence), unless it
    was rejected: one invoice or one day of activities counts once."""
    return session.scalar(select(SroiActivity).where(
        SroiActivity.obligation_id == obligation.id, SroiActivity.kind == kind,
        SroiActivity.occurred_on == occurred_on, SroiActivity.amount == amount, SroiActivity.unit == unit,
        SroiActivity.evidence == evidence.strip(), SroiActivity.status != ActivityStatus.REJECTED).limit(1))


def activity_rates(session: Session, obligation: SroiObligation, on: date) -> list[str]:
    """The activity rates of the obligation's table on day `on` (clipped to the period), e.g.
    'Sociale activiteit: € 100 per uur', so whoever records an activity knows what to count."""
    day = min(max(on, obligation.period_start), obligation.period_end)
    version = version_on(session, obligation.table_id, day)
    if version is None:
        return []
    return [N_("%(label)s: %(amount)s %(unit)s", label=Message(b.label, {}), amount=format_euro(b.value_cents, short=True),
               unit=Message(RATE_LABELS[b.unit.value], {}))
            if b.unit.value != "invoice" else N_("%(label)s: de factuurwaarde excl. btw", label=Message(b.label, {}))
            for b in version.blocks if b.kind.value == "activity"]


def _whole(text: str) -> int:
    body = (text or "").strip()
    if not body.isdigit():
        raise ValueError(f"Ongeldig aantal '{text}': gebruik een heel getal, bijvoorbeeld 12.")
    return int(body)


def obligation_summary(obligation: SroiObligation) -> str:
    """'5% of € 1.000.000,00 = € 50.000,00' for headings and exports."""
    from models.common.money import format_percentage

    text = (f"{format_percentage(obligation.percentage)} van {format_euro(obligation.contract_sum_cents)} "
            f"= {format_euro(obligation.obligation_cents)}")
    if obligation.pso_reduction_percent:
        text += (f", min {obligation.pso_reduction_percent}% korting voor PSO-trede {obligation.pso_rung} "
                 f"= {format_euro(obligation.required_cents)}")
    return text
