"""Identifier variants a plain pattern misses: names without diacritics or in capitals, spelling
variants of the person's own names, spaced-out letters, obfuscated e-mail and personal web addresses.
Pure functions yielding (kind, start, end) on the original text (folding keeps offsets)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from models.catalogue.scrubbing.folding import fold, umlaut_variants
from models.catalogue.scrubbing.lexicon import COMMON_WORDS, FIRST_NAMES, ORDINARY_WORDS, PARTICLES, SURNAMES

Span = tuple[str, int, int]

_TLD = r"(?:com|nl|net|org|be|de|eu|info|io|me|dev|name|fr|pl|tr|ma|uk|online|site|nu)"
_AT = r"(?:\s*[\[({]\s*(?:at|@|apenstaartje)\s*[\])}]\s*|\s+(?:at|apenstaartje)\s+|@)"
_DOT = r"(?:\s*[\[({]\s*(?:dot|punt)\s*[\])}]\s*|\s+(?:dot|punt)\s+|\.)"
_LOCAL = r"(?:(?:\w ){2,}\w|[\w.+\-]+)"
_OBFUSCATED_EMAIL = re.compile(rf"(?<![\w.]){_LOCAL}{_AT}[\w\-]+(?:{_DOT}[\w\-]+)*?{_DOT}{_TLD}(?![\w])",
                               re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)[^\s,;)<>\"']+[^\s,;)<>\"'.!?]|"
                  r"(?<![\w@.\-])[\w\-]+(?:\.[\w\-]+)*\.(?:nl|com|dev|me|name|net|io|site|online|be|eu|org|shop|nu|app"
                  r"|pt|es|it|fr|de|pl|tr|ma|ua|ro|uk|ch|at|se|dk|ie"
                  # generic domains a freelancer picks for a portfolio ("lailanoorzai.design"); the address counts
                  # only when it carries a name or is a personal host (personal_urls)
                  r"|design|studio|art|photo|photography|blog|page|info|co|pro|tech|xyz|works|gallery|frl|amsterdam)"
                  r"(?:/(?:[^\s,;)]*[^\s,;).!?])?|(?![\w@\-]))|"
                  # link-in-bio pages: one page with all of a person's links ("linktr.ee/naam")
                  r"(?<![\w@.\-])(?:linktr\.ee|beacons\.ai|bio\.link|lnk\.bio|taplink\.cc|solo\.to)/[^\s,;)]*[^\s,;).!?]",
                  re.IGNORECASE)
# A personal top-level domain, or a host where people keep their own page or shop.
_PERSONAL_TLD = re.compile(r"\.(?:dev|me|name|site|online|portfolio)(?:/|$)|\.(?:github\.io|gitlab\.io|netlify\.app|"
                           r"vercel\.app|wixsite\.com|wordpress\.com|blogspot\.com|etsy\.com|carrd\.co)(?:/|$)|"
                           r"^(?:linktr\.ee|beacons\.ai|bio\.link|lnk\.bio|taplink\.cc|solo\.to)/", re.IGNORECASE)
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_](?: {1,3}|\s?-\s?)){3,}[^\W\d_](?!\S)")
_NAME_PARTS = {fold(w).lower() for w in FIRST_NAMES | SURNAMES}
_STOP = frozenset(["de", "het", "een", "en", "in", "op", "te", "om", "al", "ik", "je", "ze", "we", "is", "er", "na", "an", "ja", "zo", "nu", "do", "ma", "di", "wo", "vr", "za", "of", "van", "voor", "met", "aan", "bij", "uit", "tot", "dat", "die", "dit", "als", "ook", "nog", "dan", "wel", "niet"])
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def _parts(known_names: Iterable[str]) -> list[str]:
    out: set[str] = set()
    for name in known_names:
        for word in re.split(r"[\s\-]+", name or ""):
            if len(word) >= 2 and word.lower() not in PARTICLES:
                out |= umlaut_variants(word)
    return sorted(out, key=len, reverse=True)


def _distance_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def known_name_variants(text: str, known_names: Iterable[str]) -> Iterator[Span]:
    """The person's names without diacritics, with umlauts spelled out, one letter off
    ("priscila", "dunja"), as initials of a double first name ("JW") or short form ("Mo")."""
    parts = _parts(known_names)
    if not parts:
        return
    folded = fold(text)
    lowered = {p.lower() for p in parts}
    firsts = [fold(n.split()[0]) for n in known_names if n and n.split()]
    # "Johannes Willem Brouwer": the given names are the first word and the lexicon given names after it
    given = [_given_names(n) for n in known_names if n and n.split()]
    initials_of_given = {"".join(p[0] for p in g).lower() for g in given if len(g) > 1}
    for m in _TOKEN.finditer(folded):
        word = m.group()
        low = word.lower().rstrip("'s") if word.lower().endswith("'s") else word.lower()
        if low in _STOP:
            continue
        if low in lowered:
            if low in ORDINARY_WORDS and not word[:1].isupper():
                continue
            yield "name", m.start(), m.end()
            continue
        # one letter off a name that is an ordinary word counts, like the name itself, only with its
        # capital ("bakken" is no Bakker)
        if len(low) >= 5 and low not in ORDINARY_WORDS and any(
                len(p) >= 5 and p[0] == low[0] and _distance_one(low, p) and (
                    p not in ORDINARY_WORDS or word[:1].isupper()) for p in lowered):
            yield "name", m.start(), m.end()
            continue
        if word.isupper() and low in initials_of_given:
            yield "name", m.start(), m.end()  # "JW" for Johannes Willem
            continue
        inside = not re.search(r"(?:^|[.!?:]\s*)$", folded[:m.start()])
        common = low in COMMON_WORDS and not (word[:1].isupper() and inside)
        for first in firsts:
            pieces = [p for p in re.split(r"[\s\-]+", first) if p]
            initials = "".join(p[0] for p in pieces).lower()
            if len(pieces) > 1 and low == initials:
                yield "name", m.start(), m.end()
            elif not common and _short_form(low, first.lower()) and not re.match(r"\s*[.]\w", folded[m.end():m.end() + 2]):
                yield "name", m.start(), m.end()
    for pieces in given:
        if len(pieces) > 1:  # "J.W." or "J. W." for Jan-Willem or Johannes Willem
            dotted = r"\.\s?".join(re.escape(p[0]) for p in pieces)
            for m in re.finditer(rf"(?<![\w.]){dotted}\.(?!\w)", folded, re.IGNORECASE):
                yield "name", m.start(), m.end()


# A pet form: the name, or its first letters, with a Dutch or English diminutive ("Lanny", "Pietje").
_PET_SUFFIXES = ("tje", "je", "pje", "ie", "y", "ny", "ke", "kje")


# Doubled syllables that are words or laughter, not a pet form ("haha" is no Hamza).
_DOUBLED_WORDS = frozenset(["haha", "hehe", "hihi", "hoho", "huhu", "lala", "nana", "dada", "tata", "mama", "papa",
                            "baba", "gaga", "jaja", "nono", "dodo"])


def _given_names(name: str) -> list[str]:
    """The given names of a full name: its first word (or hyphenated parts) and the lexicon given names
    that follow it, never the last word."""
    words = fold(name).split()
    out = [p for p in words[0].split("-") if p]
    for word in words[1:-1]:
        if word.capitalize() not in FIRST_NAMES and word not in FIRST_NAMES:
            break
        out.append(word)
    return out


def _short_form(low: str, first: str) -> bool:
    """``low`` is a short or pet form of the first name ``first`` ("mo", "piet", "lanny")."""
    if first in ORDINARY_WORDS or low == first:
        return False
    if 2 <= len(low) <= 3 and len(first) >= 5 and first.startswith(low):
        return True  # "Mo" for Mohamed
    if len(low) == 4 and len(first) >= 6 and first.startswith(low):
        return True  # "piet" for Pieter
    if len(low) == 4 and low[:2] == low[2:] and len(first) >= 4 and first.startswith(low[:2]) \
            and low not in _DOUBLED_WORDS:
        return True  # "Momo" for Mohamed, "Juju" for Julia: the first syllable doubled
    return len(first) >= 3 and any(low == first + s or len(first) >= 5 and low == first[:4] + s
                                   for s in _PET_SUFFIXES)


_CALLED = re.compile(r"(?<![\w.])([A-Z][a-z]{1,15})\s*\(\s*(?:roepnaam|bijnaam|roep-naam|nickname)\s*\)")


def called(text: str) -> Iterator[Span]:
    """A word marked as what the person is called: "Aga (roepnaam)"."""
    for m in _CALLED.finditer(fold(text)):
        yield "name", m.start(1), m.end(1)


def capitals(text: str) -> Iterator[Span]:
    """Names from the lexicon written in capitals or without diacritics ("AYSE YILMAZ")."""
    folded = fold(text)
    for m in _TOKEN.finditer(folded):
        word = m.group()
        if len(word) >= 3 and word.isupper() and word.lower() in _NAME_PARTS and word.lower() not in _STOP:
            yield "name", m.start(), m.end()


def spaced(text: str, known_names: Iterable[str] = ()) -> Iterator[Span]:
    """Letters spaced out to dodge a filter ("V e r m e u l e n"); always treated as a name."""
    for m in _SPACED.finditer(text):
        yield "name", m.start(), m.end()


def obfuscated_emails(text: str) -> Iterator[Span]:
    """ "naam (at) gmail dot com", "naam[at]yahoo[dot]com", "p r i s c i l l a (at) gmail punt com"."""
    for m in _OBFUSCATED_EMAIL.finditer(text):
        if "@" in m.group() or re.search(r"[\[({]\s*at|\sat\s|apenstaartje", m.group(), re.IGNORECASE):
            yield "email", m.start(), m.end()


def personal_urls(text: str, known_names: Iterable[str]) -> Iterator[Span]:
    """Web addresses that carry the person's name or look like a personal site (.dev, .me)."""
    parts = [p.lower() for p in _parts(known_names) if len(p) >= 3]
    # a long name shortened in a site's name ("www.kromoklust.nl" for Kromowidjojo): its first five letters
    parts += [p[:5] for p in parts if len(p) >= 7]
    for m in _URL.finditer(text):
        url = fold(m.group()).lower()
        host_and_path = re.sub(r"^(?:https?://)?(?:www\.)?", "", url)
        tokens = set(re.split(r"[^a-z]+", host_and_path))
        if any(p in host_and_path for p in parts) or _PERSONAL_TLD.search(host_and_path) or \
                any(len(t) >= 4 and t in _NAME_PARTS for t in tokens):
            yield "url", m.start(), m.end()


def variant_spans(text: str, known_names: Iterable[str]) -> list[Span]:
    """Every variant finding in ``text``."""
    names = list(known_names)
    return [*known_name_variants(text, names), *capitals(text), *spaced(text, names), *called(text),
            *obfuscated_emails(text), *personal_urls(text, names)]
