"""Dutch text normalisation: case and accent folding, tokenising, light stemming, compound splitting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_TOKEN = re.compile(r"[a-z0-9]+")
# "bloemen- of plantenkwekerij": a Dutch hyphen that stands for the shared tail of two compounds.
_ELLIPSIS = re.compile(r"\b([a-z]+)- (of|en|en/of) ([a-z]+)")
_PAREN = re.compile(r"\([^)]*\)")
_LINKERS = ("s", "en", "e", "")
MIN_PART = 3
MIN_HEAD = 3


def fold(text: str) -> str:
    """Lowercase and strip accents ("Hygiëne" -> "hygiene"); keeps punctuation."""
    if text.isascii():  # most wordings: nothing to decompose, and casefold of ASCII is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Fold case and accents, turn punctuation into single spaces; returns a space-joined token string."""
    return " ".join(tokens(text))


def tokens(text: str) -> list[str]:
    """Split folded text into alphanumeric tokens; hyphenated words ("zuid-europees") become two tokens."""
    return _TOKEN.findall(fold(text))


def strip_brackets(text: str) -> str:
    """Remove parenthesised qualifiers such as "(1e graads)" from a title."""
    return _PAREN.sub(" ", text)


def expand_ellipsis(text: str, vocabulary: Mapping[str, int] | None = None) -> str:
    """Complete Dutch suspended compounds: "bloemen- of plantenkwekerij" -> "bloemenkwekerij of plantenkwekerij".

    The shared tail is the longest suffix of the second word that is itself a known word
    (when a vocabulary is given) or otherwise the head found by :func:`split_compound`.
    """
    folded = fold(text)

    def complete(match: re.Match[str]) -> str:
        first, conj, second = match.group(1), match.group(2), match.group(3)
        parts = split_compound(second, vocabulary) if vocabulary is not None else [second]
        tail = parts[-1] if len(parts) > 1 else ""
        return f"{first}{tail} {conj} {second}" if tail else f"{first} {conj} {second}"

    return _ELLIPSIS.sub(complete, folded)


def stem(word: str) -> str:
    """Crude Dutch plural/inflection stripping so "heftrucks", "monteurs", "medewerkers" meet their singulars."""
    if len(word) <= 4 or word.isdigit():
        return word
    for suffix in ("ingen", "eren", "en", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            # "kokken" -> "kok", "bakkers" keeps its double consonant only when doubled on inflection.
            if suffix in ("en", "eren") and len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiou":
                base = base[:-1]
            return base
    return word


def split_compound(word: str, vocabulary: Mapping[str, int] | None) -> list[str]:
    """Split a Dutch compound into known parts, head last ("heftruckcertificaat" -> ["heftruck", "certificaat"]).

    A split is accepted only when the head (>= 3 letters) and the modifier (>= 3 letters, after
    dropping a linking "s", "e" or "en") are both in ``vocabulary``; the modifier is split again.
    Returns ``[word]`` when no split is found. Among valid splits the longest head wins, which
    is how Dutch compounds are right-headed.
    """
    if not vocabulary or len(word) < MIN_PART + MIN_HEAD:
        return [word]
    for cut in range(MIN_PART, len(word) - MIN_HEAD + 1):
        head = word[cut:]
        if head not in vocabulary:
            continue
        left = word[:cut]
        for linker in _LINKERS:
            if linker and not left.endswith(linker):
                continue
            modifier = left[: len(left) - len(linker)] if linker else left
            if len(modifier) >= MIN_PART and modifier in vocabulary:
                return [*split_compound(modifier, vocabulary), head]
    return [word]


def joined(text: str) -> str:
    """Tokens written together: "heftruck certificaat" and "heftruckcertificaat" give the same string."""
    return "".join(tokens(text))


def word_counts(texts: Iterable[str]) -> dict[str, int]:
    """Count tokens over texts: the vocabulary that compound splitting trusts."""
    counts: dict[str, int] = {}
    for text in texts:
        for token in tokens(text):
            counts[token] = counts.get(token, 0) + 1
    return counts
