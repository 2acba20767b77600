"""Setting and reading the yearly targets of report indicators; Dutch messages name the field."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common import audit
from models.common.errors import N_, InvalidInput
from models.reports.target import ReportTarget

# The indicators with a yearly target: label, unit, and the published example of such a target.
INDICATORS = {
    "banenafspraak": (N_("Extra banen banenafspraak (banen van 25,5 uur)"), N_("banen"),
                      N_("regionale opgave uit de banenafspraak")),
    "sroi_jobs": (N_("Banen via social return"), N_("banen"), N_("Apeldoorn 2022: 125 per jaar")),
    "ladder_in_beeld": (N_("Participatieladder in beeld"), N_("procent"), N_("Apeldoorn 2022: 90%")),
    "plan_current": (N_("Actueel plan van aanpak"), N_("procent"), N_("Apeldoorn 2022: 50%")),
    "caseload_limit": (N_("Caseload per consulent (maximum)"), N_("kandidaten"), N_("Dronten: onder 50")),
    "wep_progression": (N_("Doorstroom naar een werkervaringsplaats"), N_("procent"), "75%"),
    "duration_12m": (N_("Trajecten binnen 12 maanden afgerond"), N_("procent"), "50%"),
    "duration_9m": (N_("Trajecten binnen 9 maanden afgerond"), N_("procent"), "50%"),
}

# The published target of an indicator, used for a year the coordinator set none (docs/indicators.md).
DEFAULTS = {"ladder_in_beeld": 90, "plan_current": 50, "wep_progression": 75, "duration_12m": 50, "duration_9m": 50}


def target_or_default(goals: dict[str, dict[int, Decimal]], indicator: str, year: int) -> float:
    """The coordinator's target for the year from all_targets(), else the published one."""
    value = goals.get(indicator, {}).get(year)
    return float(value) if value is not None else float(DEFAULTS[indicator])


def targets(session: Session, organisation_id: int, indicator: str) -> dict[int, Decimal]:
    """The targets of indicator per year for the organisation."""
    rows = session.execute(select(ReportTarget.year, ReportTarget.value).where(
        ReportTarget.organisation_id == organisation_id, ReportTarget.indicator == indicator))
    return {year: value for year, value in rows}


def all_targets(session: Session, organisation_id: int) -> dict[str, dict[int, Decimal]]:
    """Every target of the organisation: indicator -> year -> value."""
    out: dict[str, dict[int, Decimal]] = {key: {} for key in INDICATORS}
    for row in session.scalars(select(ReportTarget).where(ReportTarget.organisation_id == organisation_id)):
        out.setdefault(row.indicator, {})[row.year] = row.value
    return out


def set_target(session: Session, organisation_id: int, indicator: str, year, value_text: str, actor=None) -> None:
    """Set (or with an empty value remove) the target of indicator for year; audited.

    Raises InvalidInput naming 'indicator', 'year' or 'value' and writes nothing then.
    """
    errors = {}
    if indicator not in INDICATORS:
        errors["indicator"] = N_("Kies een indicator uit de lijst.")
    try:
        year = int(str(year).strip())
        if not 2000 <= year <= 2100:
            raise ValueError
    except ValueError:
        errors["year"] = N_("Vul een jaar in tussen 2000 en 2100, bijv. 2026.")
    text = (value_text or "").strip().replace(",", ".")
    value = None
    if text:
        try:
            value = Decimal(text)
            if not value.is_finite() or value < 0 or value > Decimal("99999999") or value != value.quantize(Decimal("0.1")):
                raise InvalidOperation
        except InvalidOperation:
            errors["value"] = N_("Vul een getal van 0 of meer in, met hoogstens één cijfer achter de komma (bijv. 125 of 90).")
        else:
            if indicator in INDICATORS and INDICATORS[indicator][1] == "procent" and value > 100:
                errors["value"] = N_("Een percentage is hoogstens 100.")
    if errors:
        raise InvalidInput(errors)
    row = session.scalar(select(ReportTarget).where(ReportTarget.organisation_id == organisation_id,
                                                    ReportTarget.indicator == indicator, ReportTarget.year == year))
    before = row.value if row is not None else None
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(ReportTarget(organisation_id=organisation_id, indicator=indicator, year=year, value=value,
                                 set_by_id=getattr(actor, "id", None)))
    else:
        row.value, row.set_by_id = value, getattr(actor, "id", None)
    session.flush()
    audit.record(session, "report_target_set", actor=actor, details={
        "indicator": indicator, "year": year, "before": str(before) if before is not None else None,
        "after": str(value) if value is not None else None})
