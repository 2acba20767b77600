"""When a block's conditions match a placement, and whether two blocks' conditions can both match.

Absent conditions match anything. benefit_months_min is inclusive and benefit_months_max exclusive,
so 'uitkering < 2 jaar' is max 24 and '> 2 jaar' is min 24: exactly two years counts as the longer.
"""

from __future__ import annotations

from typing import Any

from models.sroi.valuation.tables import Block, PlacementFacts

_SET_CONDITIONS = (
    ("target_groups", "target_group"),
    ("instruments", "instrument"),
    ("contract_types", "contract_type"),
)


def effective_work_disability(facts: PlacementFacts) -> bool:
    """Work disability as valued: being in the banenafspraak register means a UWV-assessed one."""
    return facts.work_disability or facts.target_group == "banenafspraak"


def effective_statushouder(facts: PlacementFacts) -> bool:
    """Statushouder as valued: the bonus flag on the placement (never a target group)."""
    return facts.statushouder


def _present(conditions: dict[str, Any]) -> dict[str, Any]:
    """Conditions without the keys set to null, which mean the same as absent."""
    return {key: value for key, value in conditions.items() if value is not None}


def matches(block: Block, facts: PlacementFacts) -> bool:
    """True when every condition of block holds for facts (explicit_only blocks never match)."""
    cond = _present(block.conditions)
    if cond.get("explicit_only"):
        return False
    for key, attribute in _SET_CONDITIONS:
        if key in cond and getattr(facts, attribute) not in cond[key]:
            return False
    if "benefit_months_min" in cond or "benefit_months_max" in cond:
        months = facts.benefit_months_at_start
        if months is None:
            return False
        if months < cond.get("benefit_months_min", 0):
            return False
        if "benefit_months_max" in cond and months >= cond["benefit_months_max"]:
            return False
    if "work_disability" in cond and effective_work_disability(facts) != cond["work_disability"]:
        return False
    if "statushouder" in cond and effective_statushouder(facts) != cond["statushouder"]:
        return False
    if "age_min" in cond and (facts.age_at_start is None or facts.age_at_start < cond["age_min"]):
        return False
    return True


def _sets_meet(a: dict[str, Any], b: dict[str, Any], key: str) -> bool:
    if key not in a or key not in b:
        return True
    return bool(set(a[key]) & set(b[key]))


def can_overlap(a: Block, b: Block) -> bool:
    """True when some placement could match the conditions of both a and b."""
    ca, cb = _present(a.conditions), _present(b.conditions)
    if ca.get("explicit_only") or cb.get("explicit_only"):
        return False
    if not all(_sets_meet(ca, cb, key) for key, _ in _SET_CONDITIONS):
        return False
    low = max(ca.get("benefit_months_min", 0), cb.get("benefit_months_min", 0))
    highs = [c["benefit_months_max"] for c in (ca, cb) if c.get("benefit_months_max") is not None]
    if highs and low >= min(highs):
        return False
    for key in ("work_disability", "statushouder"):
        if key in ca and key in cb and ca[key] != cb[key]:
            return False
    return True
