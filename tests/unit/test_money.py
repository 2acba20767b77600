"""Money: Dutch formatting and parsing of integer cents, and Decimal percentages."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.common.money import (
    format_euro,
    format_percentage,
    parse_euro,
    parse_percentage,
    percentage_of,
    plain_euro,
    progress_percentage,
    round_half_up,
)


@pytest.mark.parametrize(("cents", "text"), [
    (1333333, "€ 13.333,33"),
    (-500, "-€ 5,00"),
    (0, "€ 0,00"),
    (5, "€ 0,05"),
    (123456789, "€ 1.234.567,89"),
])
def test_format_euro_is_dutch(cents, text):
    assert format_euro(cents) == text


def test_format_euro_short_drops_zero_cents_only():
    assert format_euro(4000000, short=True) == "€ 40.000"
    assert format_euro(4000001, short=True) == "€ 40.000,01"


def test_format_euro_refuses_floats():
    with pytest.raises(TypeError):
        format_euro(13.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "cents"), [
    ("13.333,33", 1333333),
    ("€ 13333,33", 1333333),
    ("13333.33", 1333333),
    ("40000", 4000000),
    ("€ 40.000", 4000000),
    ("€40.000,-", 4000000),
    ("1.234.567,89", 123456789),
    ("1,234,567.89", 123456789),
    ("-€ 5,00", -500),
    ("€ -5", -500),
    ("  12,5 ", 1250),
    ("0,05", 5),
    (",50", 50),
    ("EUR 10", 1000),
])
def test_parse_euro_accepts_common_notations(text, cents):
    assert parse_euro(text) == cents


@pytest.mark.parametrize(
    "text", ["", "abc", "12,345", "1.2345", "12.34.56", "€", "1..0", "5 euro", "1,2,3.4,5"]
)
def test_parse_euro_rejects_garbage_with_a_dutch_message(text):
    with pytest.raises(ValueError, match="Ongeldig bedrag"):
        parse_euro(text)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_format_then_parse_round_trips(cents):
    assert parse_euro(format_euro(cents)) == cents
    assert parse_euro(format_euro(cents, short=True)) == cents


@given(st.integers(min_value=0, max_value=10**12))
def test_a_form_value_reads_back_as_the_same_cents(cents):
    text = plain_euro(cents)
    assert parse_euro(text) == cents and "." not in text and text[-3] == ","


def test_round_half_up_rounds_halves_away_from_zero_and_refuses_floats():
    assert round_half_up(Fraction(1, 2)) == 1
    assert round_half_up(Fraction(-1, 2)) == -1
    assert round_half_up(Decimal("2.49")) == 2
    assert round_half_up(Fraction(4000000 * 2, 3 * 2)) == 1333333
    with pytest.raises(TypeError):
        round_half_up(0.5)  # type: ignore[arg-type]


def test_percentage_helpers():
    assert percentage_of(25000000, Decimal("5")) == 1250000
    assert percentage_of(333, Decimal("50")) == 167
    assert progress_percentage(1, 3) == Decimal("33.3")
    assert progress_percentage(2, 3, places=2) == Decimal("66.67")
    assert progress_percentage(5, 0) == Decimal("0.0")
    assert parse_percentage("5,5 %") == Decimal("5.5")
    assert format_percentage(Decimal("5.50")) == "5,5%"
    assert format_percentage(Decimal("0")) == "0%"
    assert format_percentage(Decimal("10")) == "10%"


@pytest.mark.parametrize("text", ["vijf", "101", "-1", "NaN"])
def test_parse_percentage_rejects_bad_input(text):
    with pytest.raises(ValueError, match="Ongeldig percentage"):
        parse_percentage(text)
