"""Money as integer cents and percentages as Decimal: Dutch formatting, parsing and rounding."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

_EXAMPLE = "gebruik bijvoorbeeld 13.333,33 of € 40.000"


def round_half_up(value: Fraction | Decimal | int) -> int:
    """Round an exact amount of cents to whole cents, halves away from zero; never takes a float."""
    if isinstance(value, float):
        raise TypeError("round_half_up takes an exact number, never a float")
    value = Fraction(value)
    magnitude = (abs(value) + Fraction(1, 2)).__floor__()
    return magnitude if value >= 0 else -magnitude


def _group_thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def format_euro(cents: int, *, short: bool = False) -> str:
    """Format cents in Dutch notation: 1333333 -> '€ 13.333,33', -500 -> '-€ 5,00'.

    With short=True whole euros drop their cents ('€ 40.000'), as in the bouwblokken tables.
    """
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise TypeError(f"format_euro takes integer cents, not {type(cents).__name__}")
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    if short and rest == 0:
        return f"{sign}€ {_group_thousands(euros)}"
    return f"{sign}€ {_group_thousands(euros)},{rest:02d}"


def plain_euro(cents: int) -> str:
    """Cents as a form field holds them, without sign or grouping: 123456 -> '1234,56' (parse_euro reads it)."""
    euros, rest = divmod(cents, 100)
    return f"{euros},{rest:02d}"


_GROUPED = re.compile(r"\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+")


def _split_number(body: str, original: str) -> tuple[str, str]:
    """Split a sign-less amount into (whole digits, decimal digits), deciding which mark is decimal."""
    has_dot, has_comma = "." in body, "," in body
    if has_dot and has_comma:
        decimal_mark = "," if body.rfind(",") > body.rfind(".") else "."
    elif has_comma:
        decimal_mark = "," if body.count(",") == 1 else ""
    elif has_dot:
        # '40.000' is Dutch for forty thousand; '13333.33' uses a decimal point.
        tail = body.rpartition(".")[2]
        decimal_mark = "" if body.count(".") > 1 or len(tail) == 3 else "."
    else:
        decimal_mark = ""
    if decimal_mark:
        whole, _, fraction = body.rpartition(decimal_mark)
    else:
        whole, fraction = body, ""
    if not whole:
        whole = "0"
    if not (whole.isdigit() or _GROUPED.fullmatch(whole)):
        raise ValueError(f"Ongeldig bedrag '{original}': scheidingstekens staan verkeerd; {_EXAMPLE}.")
    if fraction and not fraction.isdigit():
        raise ValueError(f"Ongeldig bedrag '{original}': {_EXAMPLE}.")
    if len(fraction) > 2:
        raise ValueError(f"Ongeldig bedrag '{original}': hoogstens 2 cijfers achter de komma.")
    return whole.replace(".", "").replace(",", ""), fraction


def parse_euro(text: str) -> int:
    """Parse a Dutch or plain amount ('€ 13.333,33', '13333.33', '40000', '40.000,-') into cents.

    Raises ValueError with a Dutch message, quoting the input, on anything else.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_euro takes text, not {type(text).__name__}")
    body = text.strip().replace("\u00a0", " ")
    negative = body.startswith("-")
    body = body.lstrip("-").strip()
    body = body.removeprefix("€").removeprefix("EUR").strip()
    if not negative and body.startswith("-"):
        negative, body = True, body[1:].strip()
    if body.endswith(",-") or body.endswith(".-"):
        body = body[:-2]
    body = body.replace(" ", "")
    if not body or not re.fullmatch(r"[\d.,]+", body) or not any(c.isdigit() for c in body):
        raise ValueError(f"Ongeldig bedrag '{text}': {_EXAMPLE}.")
    whole, fraction = _split_number(body, text)
    cents = int(whole) * 100 + int(fraction.ljust(2, "0") or "0")
    return -cents if negative else cents


def percentage_of(cents: int, percent: Decimal | int) -> int:
    """Return percent % of an amount in cents, rounded half-up to whole cents (5 % of € 1.000 -> 5000)."""
    if isinstance(percent, float):
        raise TypeError("percentage_of takes a Decimal percentage, never a float")
    return round_half_up(Fraction(cents) * Fraction(Decimal(percent)) / 100)


def progress_percentage(part_cents: int, whole_cents: int, places: int = 1) -> Decimal:
    """Return part as a percentage of whole, rounded half-up to `places` decimals; 0 when whole is 0."""
    if whole_cents == 0:
        return Decimal(0).quantize(Decimal(1).scaleb(-places))
    exact = Decimal(part_cents) * 100 / Decimal(whole_cents)
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def parse_percentage(text: str) -> Decimal:
    """Parse '5', '5,5', '5.5 %' into Decimal('5.5'); raises ValueError (Dutch) outside 0–100."""
    body = text.strip().removesuffix("%").strip().replace(",", ".")
    try:
        value = Decimal(body)
    except InvalidOperation:
        raise ValueError(f"Ongeldig percentage '{text}': gebruik bijvoorbeeld 5 of 2,5.") from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise ValueError(f"Ongeldig percentage '{text}': moet tussen 0 en 100 liggen.")
    return value


def format_percentage(value: Decimal) -> str:
    """Format a Decimal percentage in Dutch notation: Decimal('5.50') -> '5,5%'."""
    text = format(value.normalize(), "f") if value != 0 else "0"
    return text.replace(".", ",") + "%"
