"""Agreements (covenants) with employers and their progress counted from placements."""
from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from models.accounts.user import User
from models.common import audit, locking
from models.common.errors import N_, InvalidInput
from models.enums import TargetGroup
from models.placements.placement import Placement
from models.register.employer import Agreement, Employer

AGREEMENT_FIELDS = ("description", "target_count", "period_start", "period_end", "target_group")


def _clean(data: dict) -> dict:
    errors: dict[str, str] = {}
    clean = {field: data.get(field) for field in AGREEMENT_FIELDS}
    clean["description"] = (clean["description"] or "").strip()
    if not clean["description"]:
        errors["description"] = N_("Beschrijf de afspraak, bijvoorbeeld '5 plaatsingen in 2027'.")
    if not isinstance(clean["target_count"], int) or clean["target_count"] < 1:
        errors["target_count"] = N_("Vul een aantal plaatsingen van 1 of meer in.")
    if clean["period_start"] is None:
        errors["period_start"] = N_("Vul de begindatum in.")
    if clean["period_end"] is None:
        errors["period_end"] = N_("Vul de einddatum in.")
    elif clean["period_start"] and clean["period_end"] < clean["period_start"]:
        errors["period_end"] = N_("De einddatum moet op of na de begindatum liggen.")
    group = clean["target_group"] or None
    if group and group not in {g.value for g in TargetGroup}:
        errors["target_group"] = N_("Kies een doelgroep uit de lijst.")
    clean["target_group"] = group
    if errors:
        raise InvalidInput(errors)
    return clean


def _snapshot(agreement: Agreement) -> dict:
    return {field: getattr(agreement, field) for field in AGREEMENT_FIELDS}


def add_agreement(session: Session, employer: Employer, data: dict, actor: User) -> Agreement:
    """Add an agreement to ``employer``; InvalidInput for bad data."""
    agreement = Agreement(employer=employer, **_clean(data))
    session.add(agreement)
    session.flush()
    audit.record_changes(session, agreement, {}, _snapshot(agreement), actor=actor)
    return agreement


def update_agreement(session: Session, agreement: Agreement, data: dict, version, actor: User) -> Agreement:
    """Save an edit made on ``version``; Conflict when someone saved in between."""
    locking.save_edit(session, agreement, _clean(data), version, actor, _snapshot)
    return agreement


def progress(session: Session, employer_id: int) -> list[tuple[Agreement, int]]:
    """Each agreement of the employer with the number of its placements that count for it.

    A placement counts when it started within the period and, if the agreement names a target
    group, was made with that target group (or as statushouder for 'statushouder'). One query.
    """
    group_match = or_(
        Agreement.target_group.is_(None),
        Placement.target_group == Agreement.target_group,
        and_(Agreement.target_group == TargetGroup.STATUSHOUDER.value, Placement.statushouder.is_(True)),
    )
    rows = session.execute(
        select(Agreement, func.count(Placement.id))
        .outerjoin(Placement, and_(
            Placement.employer_id == Agreement.employer_id,
            Placement.start_date >= Agreement.period_start,
            Placement.start_date <= Agreement.period_end,
            group_match,
        ))
        .where(Agreement.employer_id == employer_id)
        .group_by(Agreement.id)
        .order_by(Agreement.period_start, Agreement.id)
    ).all()
    return [(agreement, count) for agreement, count in rows]
