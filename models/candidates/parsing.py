"""Reading form values for the candidate file: whole numbers, dates, lists; Dutch messages. Pure."""
from __future__ import annotations

import re
from datetime import date

from models.common.errors import N_, InvalidInput


def text(value, field: str, max_len: int, label: str, required: bool = False) -> str | None:
    """Stripped text or None; InvalidInput when too long or missing while required."""
    value = (value or "").strip() if isinstance(value, str | type(None)) else str(value).strip()
    if not value:
        if required:
            raise InvalidInput({field: N_("Vul %(label)s in.", label=label)})
        return None
    if len(value) > max_len:
        raise InvalidInput({field: N_("%(label)s is te lang: ten hoogste %(max_len)s tekens.",
                                      label=label[0].upper() + label[1:], max_len=max_len)})
    return value


def whole(value, field: str, lo: int, hi: int, label: str, required: bool = False) -> int | None:
    """A whole number in [lo, hi] from a form string; None when empty (unless required)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidInput({field: N_("Vul %(label)s in: een heel getal van %(lo)s tot en met %(hi)s.",
                                          label=label, lo=lo, hi=hi)})
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InvalidInput({field: N_("%(label)s: vul een heel getal in van %(lo)s tot en met %(hi)s.",
                                      label=label[0].upper() + label[1:], lo=lo, hi=hi)}) from None
    if not lo <= number <= hi:
        raise InvalidInput({field: N_("%(label)s: %(number)s kan niet; toegestaan is %(lo)s tot en met %(hi)s.",
                                      label=label[0].upper() + label[1:], number=number, lo=lo, hi=hi)})
    return number


def day(value, field: str, label: str, required: bool = False) -> date | None:
    """A date from 'JJJJ-MM-DD' (what a date field sends) or 'DD-MM-JJJJ'; None when empty."""
    if isinstance(value, date):
        return value
    raw = (value or "").strip()
    if not raw:
        if required:
            raise InvalidInput({field: N_("Vul %(label)s in (DD-MM-JJJJ).", label=label)})
        return None
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", raw)
    try:
        return date(int(match[3]), int(match[2]), int(match[1])) if match else date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput({field: N_("%(label)s: '%(raw)s' is geen geldige datum (DD-MM-JJJJ).",
                                      label=label[0].upper() + label[1:], raw=raw[:20])}) from None


def items(value, field: str, label: str, max_items: int = 50, max_len: int = 200) -> list[str]:
    """A list from text with one item per line or separated by commas; duplicates dropped."""
    if isinstance(value, list):
        parts = value
    else:
        parts = re.split(r"[\n,;]", value or "")
    out: list[str] = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if len(part) > max_len:
            raise InvalidInput({field: N_("%(label)s: '%(part)s…' is te lang (ten hoogste %(max_len)s tekens).",
                                          label=label, part=part[:30], max_len=max_len)})
        if part.lower() not in (o.lower() for o in out):
            out.append(part)
    if len(out) > max_items:
        raise InvalidInput({field: N_("%(label)s: ten hoogste %(max_items)s onderdelen.",
                                      label=label, max_items=max_items)})
    return out


def collect(errors: dict, field_or_none, fn, *args, **kw):
    """Run a parser and move its InvalidInput into ``errors``; returns None on error."""
    try:
        return fn(*args, **kw)
    except InvalidInput as exc:
        errors.update(exc.errors)
        return None
