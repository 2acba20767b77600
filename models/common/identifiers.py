"""Dutch identifiers: KvK number, postcode, BSN, IBAN and phone number (pure, no session).

Each ``clean_*`` returns the value in its one stored notation, None for an empty value, and raises
``InvalidIdentifier`` for anything else; each ``is_*`` says whether a value is valid. Callers turn
``InvalidIdentifier`` into the message for their own field.
"""
from __future__ import annotations

import re

from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn as stdnum_bsn
from stdnum.nl import postcode as stdnum_postcode

_KVK = re.compile(r"[0-9]{8}")
_PC4 = re.compile(r"[1-9][0-9]{3}")
_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ().\-]+")


class InvalidIdentifier(ValueError):
    """A value that is not a valid identifier of the asked kind."""


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def compact_kvk(value: str) -> str:
    """``value`` without the spaces and dots people write in a KvK number ('1234 5678' → '12345678')."""
    return re.sub(r"[\s.]", "", value)


def clean_kvk(value: str | None) -> str | None:
    """A KvK number as its 8 digits; None when empty; InvalidIdentifier otherwise."""
    if _blank(value):
        return None
    digits = compact_kvk(value)
    if not _KVK.fullmatch(digits):
        raise InvalidIdentifier("kvk")
    return digits


def is_kvk(value: str | None) -> bool:
    """Whether ``value`` is a KvK number (8 digits, spaces and dots allowed)."""
    return _valid(clean_kvk, value)


def clean_postcode(value: str | None, *, pc4: bool = False) -> str | None:
    """A Dutch postcode written '1234 AB' ('8251ab', '8251 AB', 'NL-8251 AB' all give '8251 AB').

    With ``pc4`` the four digits alone ('8251') are allowed too. None when empty; raises
    InvalidIdentifier otherwise (also for the letters SA, SD and SS, which PostNL never uses).
    """
    if _blank(value):
        return None
    if pc4 and _PC4.fullmatch(value.strip()):
        return value.strip()
    try:
        return stdnum_postcode.validate(value)
    except ValidationError:
        raise InvalidIdentifier("postcode") from None


def is_postcode(value: str | None, *, pc4: bool = False) -> bool:
    """Whether ``value`` is a full Dutch postcode (or, with ``pc4``, its four digits)."""
    return _valid(lambda v: clean_postcode(v, pc4=pc4), value)


def clean_bsn(value: str | None) -> str | None:
    """A BSN as 9 digits if it passes the 11-proof (8 digits get their leading zero); InvalidIdentifier otherwise."""
    if _blank(value):
        return None
    if len(re.sub(r"[^0-9]", "", value)) not in (8, 9):
        raise InvalidIdentifier("bsn")
    try:
        return stdnum_bsn.validate(value)
    except ValidationError:
        raise InvalidIdentifier("bsn") from None


def is_bsn(value: str | None) -> bool:
    """Whether ``value`` is a BSN: 8 or 9 digits (spaces, dots allowed) passing the 11-proof."""
    return _valid(clean_bsn, value)


def clean_iban(value: str | None) -> str | None:
    """An IBAN of any country in groups of four ('NL91 ABNA 0417 1643 00') if its check digits hold."""
    if _blank(value):
        return None
    try:
        return stdnum_iban.format(stdnum_iban.validate(value))
    except ValidationError:
        raise InvalidIdentifier("iban") from None


def is_iban(value: str | None) -> bool:
    """Whether ``value`` is an IBAN with valid check digits (spaced or not)."""
    return _valid(clean_iban, value)


def phone_digits_ok(raw: str) -> bool:
    """Whether the digits of ``raw`` make a phone number.

    Dutch: ten digits starting with 0 (06-12345678, 0321 123456), or +31/0031 with nine more
    digits (+31 6 12345678, also with the habitual '(0)'); other countries: + or 00 and 9-14 digits.
    """
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+") or raw.startswith("00"):
        digits = digits[2:] if raw.startswith("00") else digits
        if digits.startswith("310"):
            return len(digits) == 12
        if digits.startswith("31"):
            return len(digits) == 11
        return 9 <= len(digits) <= 14
    return digits.startswith("0") and len(digits) == 10


def clean_phone(value: str | None) -> str | None:
    """A phone number as written (trimmed), if it is one (see ``phone_digits_ok``); InvalidIdentifier otherwise.

    Allowed besides digits: a leading +, spaces, dashes, dots and brackets.
    """
    if _blank(value):
        return None
    text = value.strip()
    if len(text) > 40 or not _PHONE_CHARACTERS.fullmatch(text) or not phone_digits_ok(text):
        raise InvalidIdentifier("phone")
    return text


def is_phone(value: str | None) -> bool:
    """Whether ``value`` is a Dutch (or +-international) phone number."""
    return _valid(clean_phone, value)


def _valid(cleaner, value: str | None) -> bool:
    try:
        return cleaner(value) is not None
    except InvalidIdentifier:
        return False
