"""Value placements and activities with a bouwblokken table version; pure functions, exact arithmetic.

A year-block is worth value × min(hours, 36)/36 × counted months/12. Months are counted from the
placement's start (see valuation_period), within max_counted_months, the obligation period and as_of.
All terms are exact Fractions; the total is rounded half-up to cents once, at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from models.common.money import format_euro, round_half_up
from models.sroi.valuation.combinations import impossible_combination
from models.sroi.valuation.conditions import matches
from models.sroi.valuation.period import ONE_DAY, add_months, counted_months
from models.sroi.valuation.tables import (
    FULL_TIME_HOURS,
    INSTRUMENT_NAMES,
    QUANTITY_LABELS,
    RATE_LABELS,
    Block,
    PlacementFacts,
    TableVersion,
)

CLASS_LABELS = {"paid": "betaald werk", "other": "telt apart", "none": "telt niet mee"}

# An open-ended contract under a block that counts forever, outside any obligation period,
# would be worth an unbounded amount; it is valued as one year and the explanation says so.
OPEN_ENDED_MONTHS = 12


@dataclass(frozen=True)
class Valuation:
    """The value of a placement or activity in cents, the blocks used and a Dutch explanation.

    counted_months and hours_factor describe the placement block (both 0 for activities).
    """

    cents: int
    block: Block | None
    bonuses: tuple[Block, ...]
    explanation: str
    counted_months: Fraction = Fraction(0)
    hours_factor: Fraction = Fraction(0)


def _exact(number: Decimal | int | Fraction | float) -> Fraction:
    return Fraction(Decimal(repr(number))) if isinstance(number, float) else Fraction(number)


def _number(value: Fraction) -> str:
    """A Dutch number for explanations: 6 -> '6', 6.5 -> '6,5', 6.4839 -> '6,48'."""
    if value.denominator == 1:
        return str(value.numerator)
    rounded = Decimal(value.numerator) / Decimal(value.denominator)
    return format(rounded.quantize(Decimal("0.01")).normalize(), "f").replace(".", ",")


def _decimal(text: str) -> Fraction:
    return Fraction(Decimal(text.replace(",", ".")))


def _shown_months(value_cents: int, hours: Fraction, months: Fraction, cents: int, per_month: bool) -> str:
    """The counted months with as many decimals as it takes for the shown formula (value × shown hours/36 ×
    shown months[/12]) to recompute to the shown result: months are whole months plus days / days of the
    next month (period.months_since), so two decimals can be off by euros on a year's value."""
    if months.denominator == 1:
        return str(months.numerator)
    factor = _decimal(_number(hours)) / FULL_TIME_HOURS
    exact = Decimal(months.numerator) / Decimal(months.denominator)
    for places in range(2, 10):
        text = format(exact.quantize(Decimal(1).scaleb(-places)).normalize(), "f").replace(".", ",")
        if round_half_up(value_cents * factor * _decimal(text) / (1 if per_month else 12)) == cents:
            break
    return text


def fits_instrument(version: TableVersion, block: Block, instrument: str) -> bool:
    """True when block may value a placement with instrument under version's instrument rules.

    Paid work is valued by blocks that do not restrict instruments or name it; an instrument that
    counts otherwise only by a block that names it; an instrument that does not count, by none.
    """
    how = version.instrument_class(instrument)
    named = block.conditions.get("instruments")
    if how == "none":
        return False
    if how == "other":
        return bool(named) and instrument in named
    return not named or instrument in named


def select_block(version: TableVersion, placement: PlacementFacts) -> Block | None:
    """The placement block whose conditions match placement, or None if none does.

    placement.block_code, when set, wins; raises ValueError if it names no placement block, if it
    cannot value the placement's instrument under the table's rules, or if several blocks match (a
    version that passes validate_version never has that).
    """
    if placement.block_code:
        chosen = version.block(placement.block_code)
        if chosen is None or chosen.kind != "placement":
            raise ValueError(f"Veld block_code: geen plaatsingsblok '{placement.block_code}' in deze tabel.")
        if not fits_instrument(version, chosen, placement.instrument):
            raise ValueError(
                f"Veld block_code: blok '{chosen.code}' past niet bij instrument "
                f"'{INSTRUMENT_NAMES.get(placement.instrument, placement.instrument)}' "
                f"({CLASS_LABELS[version.instrument_class(placement.instrument)]} in deze tabel).")
        return chosen
    found = [b for b in version.blocks if b.kind == "placement" and matches(b, placement)
             and fits_instrument(version, b, placement.instrument)]
    if len(found) > 1:
        codes = ", ".join(f"'{b.code}'" for b in found)
        raise ValueError(f"Meer dan een bouwblok past bij deze plaatsing ({codes}); controleer de tabel.")
    return found[0] if found else None


def _term(block: Block, hours: Fraction, factor: Fraction, months: Fraction) -> tuple[Fraction, str]:
    """The exact value of one block over months, and its explanation line."""
    value = format_euro(block.value_cents, short=True)
    if block.unit == "fixed":
        amount = Fraction(block.value_cents) if months > 0 else Fraction(0)
        return amount, f"{block.label}: {value} eenmalig = {format_euro(round_half_up(amount))}"
    per_month = block.unit == "month"
    amount = block.value_cents * factor * (months if per_month else months / 12)
    unit = {"month": " per mnd", "learning_year": " per leerjaar"}.get(block.unit, "")
    shown = _shown_months(block.value_cents, hours, months, round_half_up(amount), per_month)
    duration = f"{shown} mnd" if per_month else f"{shown}/12 mnd"
    line = (f"{block.label}: {value}{unit} × {_number(hours)}/{FULL_TIME_HOURS} u × {duration} "
            f"= {format_euro(round_half_up(amount))}")
    return amount, line


def _min_cap(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def value_placement(
    version: TableVersion,
    placement: PlacementFacts,
    period_start: date | None = None,
    period_end: date | None = None,
    as_of: date | None = None,
) -> Valuation:
    """Value placement: its block and bonuses, pro rata on hours and on counted months.

    period_start/period_end (inclusive) clip to the obligation period; as_of (inclusive) keeps only
    what is realised by that day. Raises ValueError (naming the field) on negative hours or an end
    before the start.
    """
    hours_in = _exact(placement.hours)
    if hours_in < 0:
        raise ValueError("Veld hours: het aantal uren per week mag niet negatief zijn.")
    if placement.end is not None and placement.end < placement.start:
        raise ValueError("Veld end: de einddatum ligt vóór de startdatum.")
    impossible = impossible_combination(placement.target_group, placement.instrument)
    if impossible:
        raise ValueError(f"Veld instrument: {impossible}")
    if version.instrument_class(placement.instrument) == "none" and not placement.block_code:
        return Valuation(0, None, (), (
            f"Een {INSTRUMENT_NAMES.get(placement.instrument, placement.instrument)} telt in deze tabel niet "
            "mee voor social return (geen betaald werk en geen eigen bouwblok)."
        ))
    block = select_block(version, placement)
    if block is None:
        benefit = placement.benefit_months_at_start
        return Valuation(0, None, (), (
            "Geen bouwblok in deze tabel past bij deze plaatsing "
            f"(doelgroep: {placement.target_group or 'onbekend'}, instrument: {placement.instrument}, "
            f"uitkeringsduur: {'onbekend' if benefit is None else benefit} mnd)."
        ))
    bonuses = tuple(b for b in version.blocks if b.kind == "bonus" and matches(b, placement))
    hours = min(hours_in, Fraction(FULL_TIME_HOURS))
    factor = hours / FULL_TIME_HOURS

    end = placement.end + ONE_DAY if placement.end else None
    until = period_end + ONE_DAY if period_end else None
    notes = []
    if end is None and until is None and block.max_counted_months is None:
        end = add_months(placement.start, OPEN_ENDED_MONTHS)
        notes.append(f"open einde: {OPEN_ENDED_MONTHS} mnd aangenomen")
    if as_of is not None:
        until = min(until, as_of + ONE_DAY) if until else as_of + ONE_DAY
        notes.append(f"gerealiseerd t/m {as_of:%d-%m-%Y}")

    def months_for(cap: int | None) -> Fraction:
        return counted_months(placement.start, end, cap, period_start, until)

    months = months_for(block.max_counted_months)
    if period_start or period_end:
        notes.append(_period_note(placement, block, end, period_start, period_end))
    if block.max_counted_months is not None and (not (end or until) or months_for(None) > months):
        notes.insert(0, f"telt max. {block.max_counted_months} mnd")
    total, line = _term(block, hours, factor, months)
    lines, shown = [line], round_half_up(total)
    for bonus in bonuses:
        bonus_months = months_for(_min_cap(block.max_counted_months, bonus.max_counted_months))
        amount, line = _term(bonus, hours, factor, bonus_months)
        total += amount
        shown += round_half_up(amount)
        lines.append(f"bonus {line}")
    cents = round_half_up(total)
    text = "; ".join(lines)
    if bonuses:
        # The total rounds the exact sum once; the lines above are each rounded, so their sum can be a cent off.
        text += f"; totaal {format_euro(cents)}" + ("" if shown == cents else " (onafgerond opgeteld, daarna afgerond)")
    if hours_in > FULL_TIME_HOURS:
        notes.append(f"{_number(hours_in)} u per week, max. {FULL_TIME_HOURS} geteld")
    if notes:
        text += f" ({'; '.join(notes)})"
    return Valuation(cents, block, bonuses, text, months, factor)


def _period_note(placement: PlacementFacts, block, end: date | None, period_start: date | None,
                 period_end: date | None) -> str:
    """"binnen de verplichtingsperiode", or that the counted part of the contract lies outside it."""
    until = period_end + ONE_DAY if period_end else None
    if counted_months(placement.start, end, block.max_counted_months, period_start, until) > 0:
        return "binnen de verplichtingsperiode"
    period = " – ".join(f"{d:%d-%m-%Y}" for d in (period_start, period_end) if d)
    return f"valt buiten de verplichtingsperiode {period}: telt niet mee"


def value_activity(version: TableVersion, kind: str, amount: Decimal | int, unit: str | None = None) -> Valuation:
    """Value a non-placement activity; kind is the code of an activity block in version.

    amount is hours for unit 'hour', activities for 'activity', days for 'day', and the invoice value
    excl. VAT in cents for 'invoice' (times value_cents/100 as factor). unit, when given, is the unit
    the quantity was entered in and must be the block's: 24 hours are never valued as 24 activities.
    Raises ValueError (naming the field) on an unknown code, a unit mismatch or a negative amount.
    """
    block = version.block(kind)
    if block is None or block.kind != "activity":
        raise ValueError(f"Veld kind: geen activiteit '{kind}' in deze tabel.")
    if unit is not None and unit != block.unit:
        raise ValueError(
            f"Veld unit: '{block.label}' wordt in deze tabel gewaardeerd "
            f"{RATE_LABELS.get(block.unit, block.unit)} ({format_euro(block.value_cents, short=True)}); "
            f"vul het aantal {QUANTITY_LABELS.get(block.unit, block.unit)} in, "
            f"niet het aantal {QUANTITY_LABELS.get(unit, unit)}.")
    quantity = _exact(amount)
    if quantity < 0:
        raise ValueError("Veld amount: mag niet negatief zijn.")
    rate = format_euro(block.value_cents, short=True)
    if block.unit == "invoice":
        factor = Fraction(block.value_cents, 100)
        exact = quantity * factor
        how = f"factuurwaarde {format_euro(round_half_up(quantity))} excl. btw"
        how += "" if factor == 1 else f" × {_number(factor)}"
    else:
        exact = quantity * block.value_cents
        noun = {"hour": "uur", "day": "dag(en)", "activity": "activiteit(en)"}.get(block.unit, "×")
        how = f"{_number(quantity)} {noun} × {rate}"
    cents = round_half_up(exact)
    return Valuation(cents, block, (), f"{block.label}: {how} = {format_euro(cents)}")
