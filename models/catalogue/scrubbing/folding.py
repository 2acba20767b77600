"""Accent folding that keeps every offset: "Ayşe Yılmaz" and "Ayse Yilmaz" compare equal."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Letters whose decomposition has no ASCII base letter.
_SPECIAL = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s", "æ": "a",
            "Æ": "A", "œ": "o", "Œ": "O", "þ": "t", "ð": "d", "’": "'", "‘": "'", "‑": "-", "–": "-",
            "\u00a0": " "}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch.isascii():
        return ch
    base = unicodedata.normalize("NFD", ch)[0]
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """``text`` without diacritics, character for character (same length, same offsets)."""
    if text.isascii():
        return text
    return "".join(_fold_char(ch) for ch in text)


def umlaut_variants(word: str) -> set[str]:
    """German/Scandinavian spellings of a name: "Schäfer" -> {"Schafer", "Schaefer"}."""
    variants = {fold(word)}
    spelled = word
    for letter, pair in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ø", "oe"), ("å", "aa"),
                         ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("Ø", "Oe"), ("Å", "Aa")):
        spelled = spelled.replace(letter, pair)
    variants.add(fold(spelled))
    return variants
