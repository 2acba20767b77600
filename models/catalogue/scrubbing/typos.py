"""Typing errors in the words the category lexicons look for: "zwnger", "in verwachtng",
"marrokaanse". ``corrected(folded, vocabulary)`` returns the text with each such word replaced by
the lexicon word it misspells, and a map back to the original offsets. Pure, no Flask.

A word counts as a typing error of a lexicon word (seven letters or more) when both start with the
same letter and they differ by one letter left out, added, changed or two letters swapped inside the
word, or only by doubled consonants ("marrokaanse" / "marokkaanse"). A difference at the end is an
inflection, not a typo, and is left alone ("politie" is no "politiek", "behandel" no "behandeld").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[a-zA-Z]{5,}")
_MIN_LEXICON = 7
# What may follow a mistyped stem: an ending ("diabt|es", "depresi|ef"), not the rest of a longer word.
_MAX_ENDING = 5
# Endings of Dutch (and Latin) abstract nouns that no lexicon stem takes: a word with one is that noun,
# not a typo ("activiteiten" is no "activist", "Humanitas" no "humanist"; nor the English "activities").
_NOUN_ENDINGS = ("iteit", "iteiten", "itas", "ity", "ities")


def squeeze(word: str) -> str:
    """``word`` with every doubled consonant written once ("marokkaanse" -> "marokaanse"). Doubled
    vowels are Dutch spelling, not typing ("zaak" / "zaken"), so they stay."""
    return re.sub(r"([^aeiouy])\1+", r"\1", word)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(1, len(word))}


class Vocabulary:
    """The lexicon words, indexed for one-edit and doubled-letter look-ups."""

    def __init__(self, words: Iterable[str], stems: Iterable[str] = ()) -> None:
        self.words = {w.lower() for w in words if len(w) >= _MIN_LEXICON and w.isalpha()}
        # Stems the lexicons extend with any ending ("diabet" for diabetes, diabeticus).
        self.stems = {s.lower() for s in stems if len(s) >= _MIN_LEXICON and s.isalpha()}
        self.by_delete: dict[str, set[str]] = {}
        self.by_squeeze: dict[str, set[str]] = {}
        self.stem_by_delete: dict[str, set[str]] = {}
        for word in self.words:
            for key in _deletes(word) | {word}:
                self.by_delete.setdefault(key, set()).add(word)
            self.by_squeeze.setdefault(squeeze(word), set()).add(word)
        for stem in self.stems:
            for key in _deletes(stem) | {stem}:
                self.stem_by_delete.setdefault(key, set()).add(stem)
        self.longest_stem = max(map(len, self.stems), default=0)

    def correction(self, word: str) -> str | None:
        """The lexicon word ``word`` misspells, or None."""
        low = word.lower()
        if low in self.words or len(low) < _MIN_LEXICON - 2:
            return None
        candidates = set(self.by_squeeze.get(squeeze(low), ()))
        for key in _deletes(low) | {low}:
            candidates |= self.by_delete.get(key, set())
        for candidate in sorted(candidates):
            if candidate[0] == low[0] and _typo(low, candidate):
                return candidate
        return self._stem_correction(low)

    def _stem_correction(self, low: str) -> str | None:
        """``low`` with a mistyped stem corrected ("diabtes" -> "diabetes"), or None."""
        if low.endswith(_NOUN_ENDINGS):
            return None  # "activiteiten" is a Dutch noun, not "activist" with a letter left out
        if any(low[:n] in self.stems for n in range(_MIN_LEXICON, min(len(low), self.longest_stem) + 1)):
            return None  # a stem matches it as written: "demonstrateur" is no mistyped "demonstratie"
        for length in range(min(len(low), self.longest_stem + 1), _MIN_LEXICON - 2, -1):
            prefix = low[:length]
            if prefix in self.stems:
                return None  # the lexicon matches it as it is
            if len(low) - length > _MAX_ENDING:
                continue  # "activit|eitenbegeleider": a long rest makes the prefix another word, not a typo
            for key in _deletes(prefix) | {prefix}:
                for stem in sorted(self.stem_by_delete.get(key, ())):
                    if stem[0] == prefix[0] and _typo(prefix, stem):
                        return stem + low[length:]
        return None


def _typo(word: str, target: str) -> bool:
    """One inner edit or a doubled-letter difference; never a different ending."""
    if word == target:
        return False
    if squeeze(word) == squeeze(target):
        return True
    if word[-1] != target[-1]:
        return False  # "politie"/"politiek", "behandel"/"behandeld": an inflection or another word
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]])
    short, long_ = (word, target) if len(word) < len(target) else (target, word)
    return any(long_[:i] + long_[i + 1:] == short and not _vowel_doubling(long_, i) for i in range(1, len(long_) - 1))


def _vowel_doubling(word: str, i: int) -> bool:
    """Whether the letter at ``i`` doubles a vowel beside it or makes a diphthong with it: Dutch
    spelling, another word rather than a typo ("zaak" / "zaken", "leider" / "lid", "beide" / "bid")."""
    return word[i] in "aeiou" and (word[i - 1] in "aeiou" or word[i + 1:i + 2] in tuple("aeiou"))


def corrected(folded: str, vocabulary: Vocabulary) -> tuple[str, list[int]] | None:
    """(text with typing errors corrected, original offset of every position) or None if none."""
    parts: list[str] = []
    back: list[int] = []
    pos = 0
    changed = False
    for m in _WORD.finditer(folded):
        fix = vocabulary.correction(m.group())
        if fix is None:
            continue
        changed = True
        parts.append(folded[pos:m.start()])
        back += range(pos, m.start())
        parts.append(fix)
        back += [min(m.start() + i, m.end() - 1) for i in range(len(fix))]
        pos = m.end()
    if not changed:
        return None
    parts.append(folded[pos:])
    back += range(pos, len(folded) + 1)
    return "".join(parts), back
