"""Check a bouwblokken table version; messages are Dutch, for coordinators, and name the field."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from models.common.errors import N_
from models.sroi.valuation.conditions import can_overlap
from models.sroi.valuation.tables import (
    CONDITION_KEYS,
    CONTRACT_TYPES,
    DEFAULT_INSTRUMENT_CLASSES,
    INSTRUMENT_CLASSES,
    INSTRUMENTS,
    KINDS,
    PSO_RUNGS,
    TARGET_GROUPS,
    UNITS,
    UNITS_BY_KIND,
    Block,
    Table,
    TableVersion,
)

_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_LISTS = {"target_groups": TARGET_GROUPS, "instruments": INSTRUMENTS, "contract_types": CONTRACT_TYPES}
_BOOLS = ("work_disability", "statushouder", "explicit_only")
_COUNTS = ("benefit_months_min", "benefit_months_max", "age_min")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _condition_errors(where: str, cond: Any) -> list[str]:
    if not isinstance(cond, dict):
        return [f"{where}, veld conditions: moet een object met voorwaarden zijn."]
    errors = [f"{where}, veld conditions.{k}: onbekende voorwaarde." for k in cond if k not in CONDITION_KEYS]
    for key, allowed in _LISTS.items():
        if key in cond:
            values = cond[key]
            if not isinstance(values, list) or not values:
                errors.append(N_("%(where)s, veld conditions.%(key)s: moet een niet-lege lijst zijn.",
                                 where=where, key=key))
                continue
            errors += [
                f"{where}, veld conditions.{key}: onbekende waarde '{v}' (toegestaan: {', '.join(allowed)})."
                for v in values if v not in allowed
            ]
    errors += [
        f"{where}, veld conditions.{key}: moet waar of onwaar zijn."
        for key in _BOOLS if key in cond and not isinstance(cond[key], bool)
    ]
    for key in _COUNTS:
        if key in cond and cond[key] is not None and (not _is_int(cond[key]) or cond[key] < 0):
            errors.append(N_("%(where)s, veld conditions.%(key)s: moet een geheel getal van 0 of meer zijn.",
                             where=where, key=key))
    low, high = cond.get("benefit_months_min"), cond.get("benefit_months_max")
    if _is_int(low) and _is_int(high) and low >= high:
        errors.append(
            N_("%(where)s, veld conditions.benefit_months_max: moet groter zijn dan benefit_months_min (%(low)s).",
               where=where, low=low)
        )
    return errors


def _block_errors(block: Block) -> list[str]:
    where = f"Blok '{block.code}'"
    errors = []
    if not isinstance(block.code, str) or not _SLUG.fullmatch(block.code):
        errors.append(N_("%(where)s, veld code: gebruik kleine letters, cijfers en streepjes (bijv. 'ww-kort').",
                         where=where))
    if not isinstance(block.label, str) or not block.label.strip():
        errors.append(N_("%(where)s, veld label: omschrijving ontbreekt.", where=where))
    if block.kind not in KINDS:
        errors.append(N_("%(where)s, veld kind: onbekende soort '%(kind)s' (toegestaan: %(kinds)s).",
                         where=where, kind=block.kind, kinds=', '.join(KINDS)))
    if block.unit not in UNITS:
        errors.append(
            N_("%(where)s, veld unit: onbekende eenheid '%(unit)s' (toegestaan: %(units)s).",
               where=where, unit=block.unit, units=', '.join(UNITS))
        )
    elif block.kind in KINDS and block.unit not in UNITS_BY_KIND[block.kind]:
        errors.append(
            N_("%(where)s, veld unit: eenheid '%(unit)s' past niet bij soort '%(kind)s' "
               "(toegestaan: %(kind2)s).",
               where=where, unit=block.unit, kind=block.kind, kind2=', '.join(UNITS_BY_KIND[block.kind]))
        )
    if not _is_int(block.value_cents):
        errors.append(N_("%(where)s, veld value_cents: moet een geheel aantal centen zijn.", where=where))
    elif block.value_cents < 0:
        errors.append(N_("%(where)s, veld value_cents: mag niet negatief zijn (%(value_cents)s).",
                         where=where, value_cents=block.value_cents))
    months = block.max_counted_months
    if months is not None and (not _is_int(months) or months <= 0):
        errors.append(N_("%(where)s, veld max_counted_months: moet leeg of een geheel getal groter dan 0 zijn.",
                         where=where))
    errors += _condition_errors(where, block.conditions)
    if block.kind == "bonus" and isinstance(block.conditions, dict) and not block.conditions:
        errors.append(N_("%(where)s, veld conditions: een bonus zonder voorwaarde geldt altijd; geef er een op.",
                         where=where))
    return errors


def _rules_errors(version: TableVersion) -> list[str]:
    """The instrument rules name every instrument once; PSO reductions are whole percentages per rung."""
    rules = version.rules if isinstance(version.rules, dict) else None
    if rules is None:
        return ["Veld rules: moet een object zijn."]
    errors = [f"Veld rules.{k}: onbekende regel (toegestaan: instruments, pso_reduction_percent)."
              for k in rules if k not in ("instruments", "pso_reduction_percent")]
    classes = rules.get("instruments", DEFAULT_INSTRUMENT_CLASSES)
    if not isinstance(classes, dict):
        errors.append(N_("Veld rules.instruments: geef per instrument aan of het telt als betaald werk (paid), "
                         "apart telt (other) of niet telt (none)."))
        classes = {}
    for instrument in INSTRUMENTS:
        if instrument in classes and classes[instrument] not in INSTRUMENT_CLASSES:
            errors.append(N_("Veld rules.instruments.%(instrument)s: onbekende waarde '%(classes)s' "
                             "(toegestaan: %(instrument_classes)s).",
                             instrument=instrument, classes=classes[instrument], instrument_classes=', '.join(INSTRUMENT_CLASSES)))
        elif instrument not in classes:
            errors.append(N_("Veld rules.instruments.%(instrument)s: ontbreekt; zeg of het meetelt.",
                             instrument=instrument))
    errors += [f"Veld rules.instruments.{k}: onbekend instrument." for k in classes if k not in INSTRUMENTS]
    pso = rules.get("pso_reduction_percent", {})
    if not isinstance(pso, dict):
        errors.append(N_("Veld rules.pso_reduction_percent: moet een object per trede zijn, bijv. {\"3\": 30}."))
    else:
        for rung, percent in pso.items():
            if rung not in {str(r) for r in PSO_RUNGS}:
                errors.append(N_("Veld rules.pso_reduction_percent.%(rung)s: onbekende trede (toegestaan: 1, 2, 3).",
                                 rung=rung))
            elif not _is_int(percent) or not 0 <= percent <= 100:
                errors.append(N_("Veld rules.pso_reduction_percent.%(rung)s: moet een geheel percentage van 0 "
                                 "tot en met 100 zijn.", rung=rung))
    for block in version.blocks:
        named = block.conditions.get("instruments") if isinstance(block.conditions, dict) else None
        if block.kind != "placement" or not isinstance(named, list) or not all(n in INSTRUMENTS for n in named):
            continue
        kinds = {classes.get(n, "none") for n in named}
        if "none" in kinds:
            errors.append(N_("Blok '%(code)s', veld conditions.instruments: noemt een instrument dat volgens "
                             "rules.instruments niet meetelt.", code=block.code))
        elif len(kinds) > 1:
            errors.append(N_("Blok '%(code)s', veld conditions.instruments: mengt betaald werk met een "
                             "instrument dat apart telt; maak er twee blokken van.", code=block.code))
    return errors


def validate_version(version: TableVersion) -> list[str]:
    """Every problem in a table version as a Dutch message naming block and field; [] when sound."""
    errors = _rules_errors(version)
    if version.valid_to is not None and version.valid_to < version.valid_from:
        errors.append(
            N_("Veld valid_to: einddatum %(valid_to)s ligt vóór "
               "begindatum %(valid_from)s (valid_from).",
               valid_to=format(version.valid_to, '%d-%m-%Y'), valid_from=format(version.valid_from, '%d-%m-%Y'))
        )
    seen: set[str] = set()
    for block in version.blocks:
        if block.code in seen:
            errors.append(N_("Blok '%(code)s', veld code: komt meer dan eens voor.", code=block.code))
        seen.add(block.code)
        errors += _block_errors(block)
    if errors:
        return errors  # overlap checks assume well-formed conditions
    placements = [b for b in version.blocks if b.kind == "placement"]
    for a, b in combinations(placements, 2):
        if can_overlap(a, b):
            errors.append(
                N_("Blokken '%(code)s' en '%(code2)s', veld conditions: beide kunnen op dezelfde plaatsing "
                   "van toepassing zijn; maak doelgroep, uitkeringsduur, instrument of arbeidsbeperking "
                   "onderscheidend.", code=a.code, code2=b.code)
            )
    return errors


def validate_table(table: Table) -> list[str]:
    """Problems in every version of table, plus versions whose periods overlap, and a missing source."""
    errors = []
    if not table.example and not (table.source_url or "").startswith("https://"):
        errors.append(N_("Tabel '%(key)s', veld source_url: geen na te gaan bron (https-adres); "
                         "markeer de tabel als voorbeeld (example) of geef de bron.", key=table.key))
    if not table.example and table.source_checked_on is None:
        errors.append(N_("Tabel '%(key)s', veld source_checked_on: datum waarop de bron is nagekeken ontbreekt.",
                         key=table.key))
    for version in table.versions:
        errors += [f"Tabel '{table.key}', versie vanaf {version.valid_from:%d-%m-%Y}: {e}"
                   for e in validate_version(version)]
    ordered = sorted(table.versions, key=lambda v: v.valid_from)
    for earlier, later in zip(ordered, ordered[1:]):
        if earlier.valid_to is None or earlier.valid_to >= later.valid_from:
            errors.append(
                N_("Tabel '%(key)s', veld valid_to: versie vanaf %(valid_from)s loopt "
                   "door in de versie vanaf %(valid_from2)s.",
                   key=table.key, valid_from=format(earlier.valid_from, '%d-%m-%Y'), valid_from2=format(later.valid_from, '%d-%m-%Y'))
            )
    return errors
