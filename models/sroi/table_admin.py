"""Coordinators' edits to bouwblokken tables: new dated versions, and the blocks and rules of unused versions."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from models.common.errors import N_, InvalidInput
from models.placements.placement import Placement
from models.sroi.building_block import BuildingBlockTable, BuildingBlockTableVersion
from models.sroi.obligation import SroiActivity
from models.sroi.tables import block_from_dataclass, block_to_dataclass, version_to_dataclass
from models.sroi.valuation.tables import INSTRUMENT_CLASSES, INSTRUMENT_NAMES, INSTRUMENTS, PSO_RUNGS, Block
from models.sroi.valuation.validate import validate_version


def used_version_ids(session: Session, version_ids: list[int]) -> set[int]:
    """The ids among version_ids that a placement or an activity was valued with."""
    if not version_ids:
        return set()
    used = union_all(
        select(Placement.table_version_id.label("vid")).where(Placement.table_version_id.in_(version_ids)),
        select(SroiActivity.table_version_id.label("vid")).where(SroiActivity.table_version_id.in_(version_ids)),
    ).subquery()
    return set(session.scalars(select(used.c.vid).distinct()))


def is_in_use(session: Session, version: BuildingBlockTableVersion) -> bool:
    """True when a placement or activity was valued with this version (it is then read-only)."""
    return version.id in used_version_ids(session, [version.id])


def _latest_use(session: Session, version_id: int) -> date | None:
    placement = session.scalar(select(func.max(Placement.start_date)).where(Placement.table_version_id == version_id))
    activity = session.scalar(select(func.max(SroiActivity.occurred_on))
                              .where(SroiActivity.table_version_id == version_id))
    days = [d for d in (placement, activity) if d is not None]
    return max(days) if days else None


def new_version_from(session: Session, table: BuildingBlockTable, valid_from: date | None,
                     actor=None, note: str | None = None) -> BuildingBlockTableVersion:
    """Copy the table's latest version into an editable version from valid_from; the latest ends the day before.

    Raises InvalidInput on 'valid_from' when it is missing, not after the latest version's start,
    or on or before a day that something was already valued with the latest version.
    """
    if valid_from is None:
        raise InvalidInput({"valid_from": N_("Vul de datum in vanaf wanneer de nieuwe versie geldt.")})
    latest = max(table.versions, key=lambda v: v.valid_from, default=None)
    if latest is not None:
        if valid_from <= latest.valid_from:
            raise InvalidInput({"valid_from": N_("De nieuwe versie moet ingaan na %(valid_from)s, "
                                                 "de begindatum van de huidige versie.",
                                                 valid_from=format(latest.valid_from, '%d-%m-%Y'))})
        last_use = _latest_use(session, latest.id)
        if last_use is not None and valid_from <= last_use:
            raise InvalidInput({"valid_from": N_("Er zijn plaatsingen of activiteiten tot en met %(last_use)s "
                                                 "gewaardeerd met de huidige versie; kies een latere datum.",
                                                 last_use=format(last_use, '%d-%m-%Y'))})
    version = BuildingBlockTableVersion(
        valid_from=valid_from, valid_to=None, created_by_id=getattr(actor, "id", None),
        note=note if note is not None else (latest.note if latest else ""),
        rules=dict(latest.rules or {}) if latest else {},
        blocks=[block_from_dataclass(block_to_dataclass(b)) for b in (latest.blocks if latest else [])],
    )
    if latest is not None and (latest.valid_to is None or latest.valid_to >= valid_from):
        latest.valid_to = valid_from - timedelta(days=1)
    table.versions.append(version)
    session.flush()
    return version


def _check_editable(session: Session, version: BuildingBlockTableVersion) -> None:
    if is_in_use(session, version):
        raise InvalidInput([N_("Deze versie is al gebruikt om plaatsingen of activiteiten te waarderen en kan "
                               "niet meer worden gewijzigd. Maak een nieuwe versie vanaf een datum.")])


def save_block(session: Session, version: BuildingBlockTableVersion, old_code: str | None,
               block: Block) -> None:
    """Replace the block old_code (or add block when None) after validating the whole version.

    Raises InvalidInput with validate_version's messages; nothing is written then.
    """
    _check_editable(session, version)
    current = version_to_dataclass(version)
    blocks = [block if b.code == old_code else b for b in current.blocks]
    if old_code is None:
        blocks.append(block)
    elif old_code not in {b.code for b in current.blocks}:
        raise InvalidInput([N_("Blok '%(old_code)s' bestaat niet in deze versie.", old_code=old_code)])
    errors = validate_version(replace(current, blocks=tuple(blocks)))
    if errors:
        raise InvalidInput(errors)
    if old_code is None:
        version.blocks.append(block_from_dataclass(block))
    else:
        row = next(b for b in version.blocks if b.code == old_code)
        fresh = block_from_dataclass(block)
        for attr in ("code", "label", "kind", "unit", "value_cents", "max_counted_months", "conditions"):
            setattr(row, attr, getattr(fresh, attr))
    session.flush()


def delete_block(session: Session, version: BuildingBlockTableVersion, code: str) -> None:
    """Remove a block from an unused version; raises InvalidInput when the version is in use."""
    _check_editable(session, version)
    row = next((b for b in version.blocks if b.code == code), None)
    if row is None:
        raise InvalidInput([N_("Blok '%(code)s' bestaat niet in deze versie.", code=code)])
    version.blocks.remove(row)
    session.flush()


def save_rules(session: Session, version: BuildingBlockTableVersion, instruments: dict, pso: dict) -> dict:
    """Set how an unused version counts each instrument (paid/other/none) and its PSO reduction per rung.

    instruments: {instrument: class}; pso: {"1"|"2"|"3": whole percentage as text, empty for none}.
    Raises InvalidInput naming the field ('instrument_<code>', 'pso_<rung>') or with the validator's
    messages (e.g. a block that names an instrument that would no longer count); nothing is written then.
    Returns the rules as they were, for the audit log. Obligations keep the reduction they were made with.
    """
    _check_editable(session, version)
    errors: dict[str, str] = {}
    classes = {}
    for instrument in INSTRUMENTS:
        value = (instruments.get(instrument) or "").strip()
        if value not in INSTRUMENT_CLASSES:
            errors[f"instrument_{instrument}"] = N_("%(instrument)s: kies ‘telt als betaald "
                                                    "werk’, ‘telt apart’ of ‘telt niet mee’.",
                                                    instrument=INSTRUMENT_NAMES[instrument].capitalize())
        classes[instrument] = value
    reductions = {}
    for rung in PSO_RUNGS:
        raw = str(pso.get(str(rung)) or "").strip().removesuffix("%").strip()
        if not raw:
            continue
        if not re.fullmatch(r"[0-9]{1,3}", raw) or int(raw) > 100:
            errors[f"pso_{rung}"] = N_("Korting bij PSO-trede %(rung)s: vul een geheel percentage van 0 tot en met 100 "
                                       "in, of laat het veld leeg als deze trede geen korting geeft.", rung=rung)
        else:
            reductions[str(rung)] = int(raw)
    if errors:
        raise InvalidInput(errors)
    before = dict(version.rules or {})
    rules = {**before, "instruments": classes}
    rules.pop("pso_reduction_percent", None)
    if reductions:
        rules["pso_reduction_percent"] = reductions
    problems = validate_version(replace(version_to_dataclass(version), rules=rules))
    if problems:
        raise InvalidInput(problems)
    version.rules = rules
    session.flush()
    return before
