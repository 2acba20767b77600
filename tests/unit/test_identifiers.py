"""The identifiers module: KvK, postcode, BSN, IBAN and phone, as people write them."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.common import identifiers as ids
from models.common.identifiers import InvalidIdentifier

digits = st.text(alphabet="0123456789", min_size=1, max_size=12)
letters = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2)


def elfproef(number: str) -> bool:
    """The 11-proof written out: weights 9..2 and -1 on the last digit, sum divisible by 11 (and not 0)."""
    number = number.zfill(9)
    return int(number) > 0 and sum(int(d) * w for d, w in zip(number, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0


@pytest.mark.parametrize("written", ["12345678", "1234 5678", "1234.5678", " 12.34.56.78 "])
def test_kvk_is_eight_digits_however_written(written):
    assert ids.clean_kvk(written) == "12345678"
    assert ids.is_kvk(written)


@pytest.mark.parametrize("written", ["1234567", "123456789", "1234567a", "KvK 12345678", "１２３４５６７８", "١٢٣٤٥٦٧٨"])
def test_kvk_refuses_anything_else(written):
    with pytest.raises(InvalidIdentifier):
        ids.clean_kvk(written)
    assert not ids.is_kvk(written)


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_is_none_for_every_identifier(empty):
    for clean in (ids.clean_kvk, ids.clean_postcode, ids.clean_bsn, ids.clean_iban, ids.clean_phone):
        assert clean(empty) is None
    assert not any(check(empty) for check in (ids.is_kvk, ids.is_postcode, ids.is_bsn, ids.is_iban, ids.is_phone))


@given(digits)
def test_kvk_accepts_exactly_the_eight_digit_strings(number):
    assert ids.is_kvk(number) == (len(number) == 8)


@pytest.mark.parametrize("written", ["8251ab", "8251 AB", "8251AB", "8251 ab", " 8251  AB ", "8251-AB", "NL-8251 AB"])
def test_postcode_is_normalised_to_digits_space_capitals(written):
    assert ids.clean_postcode(written) == "8251 AB"


@pytest.mark.parametrize("written", ["0251 AB", "8251 SA", "8251 SS", "8251 sd", "825 AB", "82511 AB", "8251 A",
                                     "8251 A1", "AB 8251", "8251"])
def test_postcode_refuses_what_postnl_never_hands_out(written):
    with pytest.raises(InvalidIdentifier):
        ids.clean_postcode(written)


def test_postcode_four_digits_only_where_allowed():
    assert ids.clean_postcode("8251", pc4=True) == "8251"
    assert ids.clean_postcode("8251ab", pc4=True) == "8251 AB"
    assert not ids.is_postcode("0251", pc4=True)
    assert not ids.is_postcode("8251")


@given(st.integers(1000, 9999), letters, st.sampled_from(["", " ", "  "]), st.booleans())
def test_every_written_form_of_a_postcode_gives_the_same_stored_one(number, pair, gap, lower):
    written = f"{number}{gap}{pair.lower() if lower else pair}"
    if pair in ("SA", "SD", "SS"):
        assert not ids.is_postcode(written)
    else:
        stored = ids.clean_postcode(written)
        assert stored == f"{number} {pair}"
        assert ids.clean_postcode(stored) == stored  # normalising twice changes nothing


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_bsn_follows_the_elfproef(number):
    assert ids.is_bsn(number) == elfproef(number)


def test_bsn_known_numbers_and_notations():
    assert ids.clean_bsn("111222333") == "111222333"
    assert ids.clean_bsn("111.222.333") == "111222333"
    assert ids.clean_bsn("12345672") == "012345672"  # an old 8-digit number gets its leading zero
    assert not ids.is_bsn("111222334")
    assert not ids.is_bsn("1234567")  # 7 digits: never a BSN, even if zero-padded it would pass
    assert not ids.is_bsn("1112223334")


def test_iban_check_digits_and_notation():
    assert ids.clean_iban("nl91abna0417164300") == "NL91 ABNA 0417 1643 00"
    assert ids.clean_iban("NL91 ABNA 0417 1643 00") == "NL91 ABNA 0417 1643 00"
    assert ids.is_iban("DE89 3704 0044 0532 0130 00")
    assert not ids.is_iban("NL92 ABNA 0417 1643 00")  # one check digit off
    assert not ids.is_iban("NL91 ABNA 0417 1643")


def mod97_check_digits(country: str, bban: str) -> int:
    """ISO 13616 written out: letters as 10..35, country and 00 moved to the end, 98 minus mod 97."""
    return 98 - int("".join(str(int(c, 36)) for c in bban + country + "00")) % 97


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_iban_accepts_the_right_check_digits_and_no_others(account):
    right = mod97_check_digits("NL", "ABNA" + account)
    assert ids.is_iban(f"NL{right:02d}ABNA{account}")
    wrong = right + 1 if right < 98 else 2
    assert not ids.is_iban(f"NL{wrong:02d}ABNA{account}")


@pytest.mark.parametrize("written", ["06-12345678", "06 12 34 56 78", "0612345678", "0321 123456", "0321-123456",
                                     "(0321) 123456", "+31 6 12345678", "+31 (0)6 12345678", "0031 6 12345678",
                                     "+32 2 123 45 67", "+49 30 1234567"])
def test_phone_numbers_as_people_write_them(written):
    assert ids.clean_phone(written) == written


@pytest.mark.parametrize("written", ["bel mij", "123", "12345678", "06-1234567", "06-123456789", "+31 6 1234567",
                                     "06 1234 5678 ext 2", "+31 6 12345678+", "06\n12345678", "٠٦١٢٣٤٥٦٧٨"])
def test_phone_refuses_what_cannot_be_dialled(written):
    with pytest.raises(InvalidIdentifier):
        ids.clean_phone(written)


@given(st.integers(100_000_000, 999_999_999), st.sampled_from(["0", "+31 ", "+31 (0)", "0031 "]))
def test_every_dutch_ten_digit_number_is_a_phone_in_each_prefix(rest, prefix):
    assert ids.is_phone(f"{prefix}{rest}")
    assert not ids.is_phone(f"{prefix}{rest}1")


@given(st.text(max_size=30))
def test_no_text_makes_a_checker_raise(text):
    for check in (ids.is_kvk, ids.is_postcode, ids.is_bsn, ids.is_iban, ids.is_phone):
        assert check(text) in (True, False)
